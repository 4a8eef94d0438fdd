"""Encoded images kept between builds in `.cache/images/<key>/`, keyed by content hash and settings.

A key names one product of one source (its WebP widths and fallback, a thumbnail set, a share
card). An entry is a folder of files plus `manifest.json`; it is written to a temporary folder,
sealed (`engine.store`: each file's digest, checked through size and time on every hit) and
renamed into place, so an interrupted build never leaves half an entry and a damaged file is a
miss, encoded again. Entries no build used are removed at the end of a successful build.

`sources.json` remembers the digest of each source file with its size and modification time, so
a warm rebuild does not read and hash hundreds of megabytes of unchanged phone photos.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..engine.store import folder_intact, read_sealed, seal_folder, write_sealed

MANIFEST = "manifest.json"
SOURCES = "sources.json"


@dataclass(frozen=True)
class Stored:
    """One cached file: its name inside the entry, pixel size and MIME type."""

    name: str
    width: int
    height: int
    type: str


@dataclass(frozen=True)
class Source:
    """An image file known by the digest of its bytes; the bytes are read only when needed."""

    digest: str
    read: Callable[[], bytes]

    @classmethod
    def of(cls, data: bytes) -> Source:
        return cls(hashlib.sha256(data).hexdigest(), lambda: data)


def cache_key(*parts: str | bytes) -> str:
    """A hex digest over every part; parts are length-prefixed so no two lists collide."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()[:32]


class ImageCache:
    """The cache of one build: what it looks up or stores is remembered as used, for `clean`."""

    def __init__(self, root: Path):
        self.root = root
        self.used: set[str] = set()
        self.hits = 0
        self.misses = 0
        self.stored = 0
        self._lock = threading.Lock()
        self._known = self._read_sources()
        self._seen: dict[str, list] = {}

    def source(self, path: Path) -> Source:
        """`path` as a Source; its digest comes from sources.json while size and time match."""
        status = path.stat()
        stamp = [status.st_size, status.st_mtime_ns]
        known = self._known.get(str(path))
        if known is not None and known[:2] == stamp:
            digest = known[2]
        else:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        with self._lock:
            self._seen[str(path)] = [*stamp, digest]
        return Source(digest, path.read_bytes)

    def save_sources(self) -> None:
        """Remember the sources of this build (only those: deleted files drop out)."""
        if self._seen == self._known:
            return
        write_sealed(self.root / SOURCES, json.dumps(self._seen, sort_keys=True).encode())

    def _read_sources(self) -> dict[str, list]:
        try:
            known = json.loads(read_sealed(self.root / SOURCES) or b"{}")
        except ValueError:
            return {}
        return known if isinstance(known, dict) else {}

    def path(self, key: str, name: str) -> Path:
        return self.root / key / name

    def get(self, key: str) -> list[Stored] | None:
        """The stored files of `key`, or None when absent or incomplete."""
        folder = self.root / key
        try:
            entries = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
            stored = [Stored(**entry) for entry in entries]
        except (OSError, ValueError, TypeError):
            self._count(key, hit=False)
            return None
        if not folder_intact(folder, [item.name for item in stored]):
            self._count(key, hit=False)
            return None
        self._count(key, hit=True)
        return stored

    def get_known(self, key: str, stored: list[Stored]) -> list[Stored] | None:
        """`get` for an entry whose files are known before it is made (a share card): a look
        at each file against the entry's seal, no manifest to read."""
        found = folder_intact(self.root / key, [item.name for item in stored])
        self._count(key, hit=found)
        return stored if found else None

    def put(self, key: str, files: list[tuple[Stored, bytes]]) -> list[Stored]:
        """Store the files of `key` atomically and return their descriptions."""
        stored = write_entry(self.root, key, files)
        self.record(key)
        return stored

    def record(self, key: str) -> None:
        """Count an entry stored by `put` or by a worker process (`write_entry`) as this build's."""
        with self._lock:
            self.used.add(key)
            self.stored += 1

    def clean(self) -> int:
        """Remove every entry this build did not use; returns how many were removed."""
        if not self.root.is_dir():
            return 0
        removed = 0
        for folder in self.root.iterdir():
            if folder.name not in self.used and folder.name != SOURCES:
                if folder.is_dir():
                    shutil.rmtree(folder, ignore_errors=True)
                else:
                    folder.unlink(missing_ok=True)
                removed += 1
        return removed

    def _count(self, key: str, *, hit: bool) -> None:
        with self._lock:
            if hit:
                self.hits += 1
                self.used.add(key)
            else:
                self.misses += 1


def write_entry(
    root: Path, key: str, files: list[tuple[Stored, bytes]], *, manifest: bool = True
) -> list[Stored]:
    """Write the entry `key` under `root` through a temporary folder renamed into place, so an
    interrupted build never leaves half an entry; safe from several processes at once.
    `manifest=False` leaves out the list of files, for an entry only `get_known` reads: one file
    fewer to create for each of a site's thousands of share cards."""
    root.mkdir(parents=True, exist_ok=True)
    temporary = root / f".tmp-{key}-{os.getpid()}-{threading.get_ident()}"
    shutil.rmtree(temporary, ignore_errors=True)
    temporary.mkdir()
    for item, data in files:
        (temporary / item.name).write_bytes(data)
    if manifest:
        listing = [stored.__dict__ for stored, _ in files]
        (temporary / MANIFEST).write_text(json.dumps(listing, indent=1), encoding="utf-8")
    seal_folder(temporary)
    final = root / key
    shutil.rmtree(final, ignore_errors=True)
    try:
        temporary.rename(final)
    except OSError:  # Another process stored the same key first: same bytes, keep theirs.
        shutil.rmtree(temporary, ignore_errors=True)
    return [stored for stored, _ in files]
