"""A progress bar on stderr for batches: redrawn in place on a terminal, a line per tenth in logs."""

from __future__ import annotations

import sys
from typing import TextIO

_MANY = 50
"""Batches this long show progress even when stderr is a log file (CI)."""


class Progress:
    def __init__(self, total: int, label: str, stream: TextIO | None = None):
        self.stream = stream or sys.stderr
        self.total = total
        self.label = label
        self.done = 0
        tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.mode = "bar" if tty and total > 1 else "lines" if total >= _MANY else "off"
        self._last_tenth = 0

    def step(self, name: str = "") -> None:
        self.done += 1
        if self.mode == "bar":
            width = 30
            filled = width * self.done // self.total
            bar = "█" * filled + "·" * (width - filled)
            self.stream.write(f"\r{self.label} [{bar}] {self.done}/{self.total} {name[:40]:<40}")
            if self.done == self.total:
                self.stream.write("\n")
            self.stream.flush()
        elif self.mode == "lines":
            tenth = 10 * self.done // self.total
            if tenth > self._last_tenth:
                self._last_tenth = tenth
                self.stream.write(f"{self.label}: {self.done}/{self.total} ({tenth * 10}%)\n")
