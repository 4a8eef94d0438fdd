"""Digests shared by the content model and the caches: of values, of folders, of this package's code.

Plain Python (no engine import), so the model can fingerprint an article and the engine key its
caches with the same function."""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path


def digest(*parts: object) -> str:
    """sha256 of the parts, each as bytes or as its text, separated so that no two lists of
    parts give the same stream."""
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part if isinstance(part, bytes) else str(part).encode("utf-8"))
        hasher.update(b"\0")
    return hasher.hexdigest()


def tree_digest(folder: Path, *, contents: bool, skip=lambda path: False) -> str:
    """Every file under `folder`: by contents, or (cheaper) by size and modification time.
    `skip(relative_path)` leaves files out; `__pycache__` folders are never read."""
    parts: list[object] = []
    for relative, entry in _walk(str(folder), ""):
        if skip(relative):
            continue
        parts.append(relative)
        if contents:
            parts.append(Path(entry.path).read_bytes())
        else:
            stat = entry.stat()
            parts += [stat.st_size, stat.st_mtime_ns]
    return digest(*parts)


def _walk(folder: str, prefix: str):
    """(POSIX path relative to the top, DirEntry) of each file, in a stable order."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        relative = prefix + entry.name
        if entry.is_dir():
            if entry.name != "__pycache__":
                yield from _walk(entry.path, relative + "/")
        elif entry.is_file():
            yield relative, entry


@cache
def code_digest() -> str:
    """The source of the bantin package: what it makes changes when its code does. Once per
    process: a running process keeps the code it imported, whatever happens to the files."""
    return tree_digest(Path(__file__).parent, contents=True)
