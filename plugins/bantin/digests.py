"""Digests shared by the caches: of values, of folders, and of this package's own code."""

from __future__ import annotations

import hashlib
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
    """Every file under `folder`: by contents, or (cheaper) by size and modification time."""
    parts: list[object] = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or skip(path) or "__pycache__" in path.parts:
            continue
        parts.append(path.relative_to(folder).as_posix())
        if contents:
            parts.append(path.read_bytes())
        else:
            stat = path.stat()
            parts += [stat.st_size, stat.st_mtime_ns]
    return digest(*parts)


@cache
def code_digest() -> str:
    """The source of the bantin package: what it makes changes when its code does. Once per
    process; `serve` restarts when the code changes."""
    return tree_digest(Path(__file__).parent, contents=True)
