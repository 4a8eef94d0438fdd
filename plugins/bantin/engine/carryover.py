"""Hard links from the previous site into the new one, made by a small process of its own.

Run as a script (`python -I -S carryover.py LIST`), it links the pairs listed in LIST: source
and target paths in turn, each ended by a NUL byte (the one byte no path holds). It imports nothing but the standard library, so it starts
in a few milliseconds. Not a thread of the build: each link gives up the GIL, and taking it back
from a build busy in Python waits up to the switch interval, so a thread linked 24,000 files
slower than the build alone would have. Not a fork: the build's memory shared with the child
turned every page the build then wrote to into a copy.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def link_all(pairs: list[tuple[str, str]]) -> None:
    """Each target a hard link to its source (a copy across file systems); a target already
    there is left as it is."""
    made: set[str] = set()
    for source, target in pairs:
        folder = os.path.dirname(target)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        try:
            os.link(source, target)
        except FileExistsError:
            continue
        except OSError:
            shutil.copy2(source, target)


class CarryOver:
    """`pairs` being linked by another process while the build goes on; `join` waits, and
    links itself whatever that process did not (it failed, or could not start)."""

    def __init__(self, pairs: list[tuple[str, str]]):
        self.pairs = pairs
        self._list: str | None = None
        self._process: subprocess.Popen | None = None
        try:
            with tempfile.NamedTemporaryFile(prefix="bantin-carry-", delete=False) as listing:
                self._list = listing.name
                listing.writelines(os.fsencode(path) + b"\0" for pair in pairs for path in pair)
            command = [sys.executable, "-I", "-S", __file__, self._list]
            # Silent: whatever it fails on, `join` does again here and raises in the build.
            quiet = subprocess.DEVNULL
            self._process = subprocess.Popen(command, stdin=quiet, stdout=quiet, stderr=quiet)
        except OSError:
            self._process = None

    def join(self) -> None:
        process, self._process = self._process, None
        try:
            if process is None or process.wait() != 0:
                link_all(self.pairs)
        finally:
            self._forget_list()

    def stop(self) -> None:
        """The build failed and its folder is being removed: the links are not wanted."""
        process, self._process = self._process, None
        if process is not None:
            process.kill()
            process.wait()
        self._forget_list()

    def _forget_list(self) -> None:
        if self._list is not None:
            Path(self._list).unlink(missing_ok=True)
            self._list = None


def _main(listing: str) -> int:
    paths = [os.fsdecode(path) for path in Path(listing).read_bytes().split(b"\0")[:-1]]
    link_all(list(zip(paths[0::2], paths[1::2], strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1]))
