"""Pagefind bundles kept between builds in `.cache/bantin/search/<key>/`, so a build re-indexes
only the years whose pages changed.

A key is a digest of everything a bundle is made from: what Pagefind reads of each of its pages
(`indexer.searchable`: a change to a menu or a neighbour's link does not count) and their paths,
Pagefind's version, the source of the indexer (how pages are rewritten) and the options that
change the index. `pages.json` remembers each page's digest with its size, modification time
and inode, so a warm build reads only the pages that were written again; a page carried over
from the previous site keeps all three. An entry is written to a temporary folder and
renamed into place, so an interrupted build never leaves half an entry, and sealed
(`engine.store`): a bundle with a damaged file is made again. Entries a build did not use are
removed after it. The folder is safe to delete.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path

from ..digests import digest
from ..engine.store import LISTING, folder_intact, read_sealed, seal_folder, write_sealed
from . import indexer

FORMAT = "1"
"""Bump when the layout of an entry changes."""
PAGES = "pages.json"
COPIES = "copies"
"""The rewritten pages Pagefind reads, by digest: a year re-indexed for one edited article
rewrites that article only, and links the others' copies."""


def salt(*options: object) -> str:
    """What every key shares: the entry format, Pagefind's version, the indexer, `options`."""
    versions = []
    for name in ("pagefind", "pagefind_bin"):
        try:
            versions.append(metadata.version(name))
        except metadata.PackageNotFoundError:
            versions.append("")
    code = Path(indexer.__file__).read_bytes() + indexer.PLACEHOLDER.read_bytes()
    return digest(FORMAT, *versions, code, repr(options))


class BundleCache:
    """The cache of one build: entries it looks up are remembered as used, for `clean`."""

    def __init__(self, root: Path, salt: str):
        self.root = root
        self.salt = salt
        self.used: set[str] = set()
        self._known = self._read_pages()
        self._seen: dict[str, list] = {}

    def key(self, kind: str, site_dir: Path, pages: Sequence[str]) -> str:
        """The key of a bundle of `kind` made from `pages` (paths relative to `site_dir`)."""
        return digest(
            self.salt, kind, *(f"{page} {self._digest(site_dir, page)}" for page in pages)
        )

    def entry(self, key: str, make: Callable[[Path], None]) -> tuple[Path, bool]:
        """The folder of `key`, made by `make(folder)` when absent; True when it was there."""
        self.used.add(key)
        folder = self.root / key
        if folder_intact(folder):
            return folder, True
        shutil.rmtree(folder, ignore_errors=True)  # damaged: made again
        self.root.mkdir(parents=True, exist_ok=True)
        temporary = self.root / f".tmp-{key}-{os.getpid()}-{threading.get_ident()}"
        shutil.rmtree(temporary, ignore_errors=True)
        try:
            make(temporary)
            seal_folder(temporary)
            temporary.rename(folder)
        except OSError:
            if not folder.is_dir():  # Not another process storing the same key first.
                raise
        finally:
            shutil.rmtree(temporary, ignore_errors=True)
        return folder, False

    def copy_path(self, page: str) -> Path | None:
        """Where the rewritten copy of `page` (a page `key` has seen) is kept."""
        seen = self._seen.get(page)
        if seen is None:
            return None
        name = digest(self.salt, seen[3])
        return self.root / COPIES / name[:2] / f"{name}.html"

    def link_copy(self, page: str, target: Path) -> bool:
        """`target` as a link to the kept copy of `page`; False when there is none."""
        kept = self.copy_path(page)
        if kept is None:
            return False
        try:
            os.link(kept, target)
        except OSError:
            return False
        return True

    def keep_copy(self, page: str, copy: Path) -> None:
        """Keep a freshly rewritten `copy` of `page` (a link: nothing writes to it again)."""
        kept = self.copy_path(page)
        if kept is None:
            return
        try:
            kept.parent.mkdir(parents=True, exist_ok=True)
            os.link(copy, kept)
        except OSError:  # kept already (the same text twice), or another file system
            pass

    def save(self) -> None:
        """Remember the pages of this build (only those: deleted pages drop out)."""
        if self._seen == self._known:
            return
        write_sealed(self.root / PAGES, json.dumps(self._seen, sort_keys=True).encode())

    def clean(self) -> int:
        """Remove every entry this build did not use; returns how many were removed."""
        removed = 0
        wanted = {self.copy_path(page) for page in self._seen}
        for path in (self.root / COPIES).glob("*/*.html"):
            if path not in wanted:
                path.unlink(missing_ok=True)
        for path in self.root.iterdir() if self.root.is_dir() else ():
            if path.name not in self.used and path.name not in (PAGES, COPIES):
                if path.is_dir():
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    path.unlink(missing_ok=True)
                removed += 1
        return removed

    def _digest(self, site_dir: Path, page: str) -> str:
        path = site_dir / page
        status = path.stat()
        stamp = [status.st_size, status.st_mtime_ns, status.st_ino]
        known = self._known.get(page)
        if known is not None and known[:3] == stamp:
            value = known[3]
        else:
            text = indexer.searchable(path.read_text(encoding="utf-8"))
            value = hashlib.sha256(text.encode("utf-8")).hexdigest()
        self._seen[page] = [*stamp, value]
        return value

    def _read_pages(self) -> dict[str, list]:
        try:
            known = json.loads(read_sealed(self.root / PAGES) or b"{}")
        except ValueError:
            return {}
        return known if isinstance(known, dict) else {}


def link_tree(source: Path, target: Path) -> None:
    """`source`'s files in `target`, hard-linked where the file system allows, else copied.

    Nothing writes to a bundle's files after Pagefind made them, so sharing them is safe.
    """
    for path in source.rglob("*"):
        if path.is_dir() or path.name == LISTING:
            continue
        copy = target / path.relative_to(source)
        copy.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(path, copy)
        except OSError:
            shutil.copyfile(path, copy)
