"""The one store under every cache: entries that are verified when read, a bad one a miss.

Every cache of bantin keeps its entries here, in one of two shapes:

- a blob (`Store`, and `seal`/`unseal` for a single file such as `articles.pickle`): the bytes
  are written with a digest of themselves, checked on every read. A truncated file, a flipped
  bit, a foreign file or a torn write reads as a miss: the entry is removed and made again.
- a folder (`seal_folder`/`folder_intact`: encoded images, Pagefind bundles), whose files are
  published as hard links rather than copies (1.1 GB at 10,000 articles). The folder carries a
  listing of each file's digest, size and modification time, written before the folder is
  renamed into place. A hit compares each file's size and time with the listing and reads and
  hashes a file only when they differ, so any write to a file (through the cache or through the
  site, which shares its inode) is caught by the next build at the cost of a `stat`.

No build writes into an existing entry: every entry is a new file or folder renamed into
place, so a later build never damages a file that a published site shares. Every write creates
the folders it needs, so deleting `.cache/` during a build costs time, never the build.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

MAGIC = b"bantin-store/1\n"
DIGEST_SIZE = 16
LISTING = ".sealed.json"
"""The listing of a sealed folder; its own name never appears in it."""


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=DIGEST_SIZE).digest()


def write_atomically(path: Path, data: bytes) -> None:
    """Write a cache file whole or not at all: another process (a parallel build, `serve`)
    never reads half of it. Raises OSError like any write."""
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        temporary.write_bytes(data)
    except FileNotFoundError:  # the folder is new: one stat fewer per file when it is not
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
    os.replace(temporary, path)


def seal(data: bytes) -> bytes:
    """`data` with a header that lets `unseal` prove it whole and unchanged."""
    return MAGIC + _digest(data) + data


def unseal(blob: bytes) -> bytes | None:
    """The data `seal` wrapped, or None when `blob` is not such a thing, whole and unchanged."""
    start = len(MAGIC) + DIGEST_SIZE
    if not blob.startswith(MAGIC) or len(blob) < start:
        return None
    data = blob[start:]
    return data if _digest(data) == blob[len(MAGIC) : start] else None


def read_sealed(path: Path) -> bytes | None:
    """The data of a sealed file; None when absent or bad (a bad file is removed)."""
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    data = unseal(blob)
    if data is None:
        path.unlink(missing_ok=True)
    return data


def write_sealed(path: Path, data: bytes) -> bool:
    """Write a sealed file atomically; False when it could not be written (a read-only
    checkout, a cache folder deleted meanwhile twice over): the build goes on without it."""
    try:
        write_atomically(path, seal(data))
    except OSError:
        return False
    return True


class Store:
    """Blobs by key in `folder/<first two characters>/<key><suffix>`; `used` lists the keys this
    build read or wrote, and `prune` removes the others."""

    def __init__(self, folder: Path, suffix: str = ".bin"):
        self.folder = folder
        self.suffix = suffix
        self.used: set[str] = set()

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}{self.suffix}"

    def get(self, key: str) -> bytes | None:
        data = read_sealed(self.path(key))
        if data is not None:
            self.used.add(key)
        return data

    def put(self, key: str, data: bytes) -> bool:
        written = write_sealed(self.path(key), data)
        if written:
            self.used.add(key)
        return written

    def prune(self) -> None:
        """Forget entries this build did not use (and leftovers of interrupted writes)."""
        if not self.folder.is_dir():
            return
        for path in self.folder.glob("*/*"):
            if path.name.endswith(".tmp") or path.name.removesuffix(self.suffix) not in self.used:
                path.unlink(missing_ok=True)


def _files(folder: Path):
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name != LISTING:
            yield path.relative_to(folder).as_posix(), path


def seal_folder(folder: Path) -> None:
    """Write the listing of every file under `folder`: call it last, before the rename."""
    listing = {}
    for name, path in _files(folder):
        status = path.stat()
        listing[name] = [status.st_size, status.st_mtime_ns, _digest(path.read_bytes()).hex()]
    (folder / LISTING).write_text(json.dumps(listing, sort_keys=True), encoding="utf-8")


def folder_intact(folder: Path, names: list[str] | None = None) -> bool:
    """Whether the files of a sealed folder (or only `names` of them) are those it was sealed
    with. Unchanged size and time are trusted; a file with either changed is read and hashed."""
    try:
        listing = json.loads((folder / LISTING).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(listing, dict):
        return False
    for name in listing if names is None else names:
        known = listing.get(name)
        if not isinstance(known, list) or len(known) != 3:
            return False
        path = folder / name
        try:
            status = os.stat(path)
        except OSError:
            return False
        if [status.st_size, status.st_mtime_ns] == known[:2]:
            continue
        try:
            if status.st_size != known[0] or _digest(path.read_bytes()).hex() != known[2]:
                return False
        except OSError:
            return False
    return True
