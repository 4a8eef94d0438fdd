"""How MkDocs was started, shared by every bantin plugin that behaves differently in `serve`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class RunMode:
    """Set in `on_startup`; lives for the whole process, unlike the per-build state of a plugin."""

    serving: bool = False

    def start(self, command: str) -> None:
        self.serving = command == "serve"
