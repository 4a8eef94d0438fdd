"""Incremental builds: what did not change is carried over from the previous site, not rebuilt.

Even when every page is a cache hit, MkDocs still builds 10,000 page objects, runs every
plugin's per-page hooks and writes 10,000 files; after one edit, a few pages really change. In a
build that may skip work (`bantin build`, or MkDocs' `--dirty`), this module decides for each
file whether its output can be taken from the previous site, and tells MkDocs through
`File.is_modified`, the switch MkDocs itself uses for dirty builds. Unlike MkDocs' own dirty
mode (which compares modification times and ignores every other page), the decision is by
content:

- one **build key** covers what any page may read: installed packages, the code of this package,
  the project's theme folders, the config (less the output folder), the catalog without article
  bodies, every file of the site with its address, and the size and time of every file under
  docs_dir that is not an article (registries, links, images, static pages);
- each page's record adds what only it reads: its own source (an article with its body), and the
  articles whose attributes its templates read while rendering, each by digest (recorded by the
  page cache, `rendercache`). A page that read MkDocs' whole `pages` list, or whose reads are not
  known, is always rebuilt; so are the pages of the nav, which are few;
- a static file is carried over while its source has the same path, size and modification time.

The manifest in `.cache/bantin/incremental/` names the folder it describes and that folder's
inode; it is deleted when a build starts and written when it ends, so after a failed or foreign
build (another folder, restored from elsewhere) the next build is a full one. Carried-over files
are hard links into the new folder: nothing writes into the previous site, so a failed build
still leaves it as it was.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..digests import code_digest, tree_digest
from ..digests import digest as _digest
from ..model.catalog import ARTICLES_DIR, Catalog
from . import host
from .carryover import CarryOver
from .host import File, Files, plugin_logger
from .rendercache import (
    article_digest,
    catalog_digest,
    config_digest,
    installed_packages,
    local_theme_digest,
)
from .store import read_sealed, write_sealed

FORMAT = "2"
MANIFESTS = ".cache/bantin/incremental"
"""One manifest per site folder: `serve` (a temporary folder) and `bantin build` keep theirs."""

log = plugin_logger(__name__)


def _files_digest(files: Files) -> str:
    return _digest(
        *(
            (f.src_uri, f.dest_uri, f.url, f.inclusion.name, f.generated_by, f.abs_src_path)
            for f in sorted(files, key=lambda f: (f.dest_uri, f.src_uri))
        )
    )


def build_key(config, catalog: Catalog, files: Files, serving: bool) -> str:
    """What every page may read, besides its own source and the articles it reads."""
    docs = Path(config.docs_dir)

    def article_source(relative: str) -> bool:
        return relative.endswith(".md") and relative.startswith(ARTICLES_DIR + "/")

    return _digest(
        FORMAT,
        serving,
        installed_packages(),
        code_digest(),
        local_theme_digest(config.theme.dirs),
        config_digest(config),
        catalog_digest(catalog),
        _files_digest(files),
        tree_digest(docs, contents=False, skip=article_source),
    )


def own_digest(file: File, catalog: Catalog, digest_of) -> str:
    """The page's own source: an article with its body, a generated page's text, else the file."""
    article = catalog.by_src.get(file.src_uri) if file.generated_by is None else None
    if article is not None:
        return "article " + digest_of(article)
    if file.generated_by is not None or file.abs_src_path is None:
        return "content " + _digest(file.content_bytes)
    return "file " + _digest(Path(file.abs_src_path).read_bytes())


def static_signature(file: File) -> list | None:
    """Path, size and time of a static file's source; None when it is written from memory."""
    if file.generated_by is not None and file.abs_src_path is None:
        return None
    if file.abs_src_path is None:
        return None
    try:
        stat = os.stat(file.abs_src_path)
    except OSError:
        return None
    return [file.abs_src_path, stat.st_size, stat.st_mtime_ns]


@dataclass
class Manifest:
    """What a finished build wrote into `site`, and what each of its pages read."""

    site: str
    inode: int
    key: str
    pages: dict[str, list] = field(default_factory=dict)
    """src_uri → [dest_uri, own digest, [source of each article it read]]."""
    articles: dict[str, str | None] = field(default_factory=dict)
    """The digest, at that build, of each article some page read."""
    statics: dict[str, list] = field(default_factory=dict)
    """dest_uri → static_signature."""
    outputs: list[str] = field(default_factory=list)


def manifest_path(root: Path, site: Path) -> Path:
    return root / MANIFESTS / f"{_digest(site.resolve())[:16]}.json"


def take_manifest(path: Path) -> Manifest | None:
    """The previous build's manifest, removed: until this build ends, none is valid."""
    sealed = read_sealed(path)
    with contextlib.suppress(OSError):
        path.unlink()
    try:
        data = json.loads(sealed) if sealed is not None else None
    except ValueError:
        return None
    if not isinstance(data, dict) or data.pop("format", None) != FORMAT:
        return None
    try:
        return Manifest(**data)
    except TypeError:
        return None


def _inode(folder: Path) -> int | None:
    try:
        return folder.stat().st_ino
    except OSError:
        return None


class _DirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build may have stale navigation. Ours decides by content, so
    the warning is untrue here, and under --strict it would fail the build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not host.is_dirty_build_notice(record)


class IncrementalBuild:
    """One build that may carry files over from `previous` (the site it replaces) into
    `site_dir`. `previous` may be `site_dir` itself (MkDocs' --dirty, `serve --dirty`)."""

    def __init__(self, root: Path, site_dir: Path, previous: Path):
        self.root, self.site_dir, self.previous = root, site_dir, previous
        self.previous_manifest: Manifest | None = None
        """The manifest of the previous site: which files it holds, how each static one was made."""
        self.manifest: Manifest | None = None
        """The same, when this build's key is its key: then its pages' records are valid too."""
        self.key: str | None = None
        self.clean: set[str] = set()
        """dest_uri of the files taken from the previous site."""
        self.files: Files | None = None
        self._digests: dict[str, str | None] = {}
        self._carrying: CarryOver | None = None
        self._filter = _DirtyWarning()
        host.build_logger().addFilter(self._filter)

    def start(self) -> None:
        manifest = take_manifest(manifest_path(self.root, self.previous))
        if manifest is None:
            return
        previous = self.previous.resolve()
        if manifest.site != str(previous) or manifest.inode != _inode(previous):
            log.debug("Incremental build off: the previous site is not the one last built")
            return
        self.previous_manifest = manifest

    def plan(self, config, catalog: Catalog, files: Files, serving: bool) -> None:
        """Mark every file: carried over (not modified) or built again."""
        self.files = files
        self.key = build_key(config, catalog, files, serving)
        previous = self.previous_manifest
        manifest = previous if previous is not None and previous.key == self.key else None
        self.manifest = manifest
        for file in files:
            carried = previous is not None and self._unchanged(file, previous, manifest, catalog)
            if carried:
                self.clean.add(file.dest_uri)
            _mark(file, modified=not carried)
        if previous is None:
            log.info("Build tăng dần: chưa có bản build trước dùng được, dựng toàn bộ")

    def _unchanged(
        self, file: File, previous: Manifest, manifest: Manifest | None, catalog: Catalog
    ) -> bool:
        """A static file by its source alone; a page only when nothing it read changed."""
        if not file.is_documentation_page():
            signature = static_signature(file)
            return (
                signature is not None
                and previous.statics.get(file.dest_uri) == signature
                and os.path.isfile(os.path.join(self.previous, file.dest_uri))
            )
        if manifest is None:
            return False
        record = manifest.pages.get(file.src_uri)
        if record is None or record[0] != file.dest_uri:
            return False
        if not os.path.isfile(os.path.join(self.previous, file.dest_uri)):
            return False
        if record[1] != self._own(file, catalog):
            return False
        read = manifest.articles
        return all(self._article(src, catalog) == read.get(src, "") for src in record[2])

    def _own(self, file: File, catalog: Catalog) -> str:
        return own_digest(file, catalog, lambda article: self._article(article.src, catalog))

    def _article(self, src: str, catalog: Catalog) -> str | None:
        """An article's digest, once per build: a list page reads twenty of them."""
        if src not in self._digests:
            article = catalog.by_src.get(src)
            self._digests[src] = article_digest(article) if article is not None else None
        return self._digests[src]

    def rebuild_nav_pages(self, items: Iterable) -> None:
        """Pages of the nav: every page shows their titles, which a page not built lacks."""
        for item in items:
            file = getattr(item, "file", None)
            if file is not None:
                self.clean.discard(file.dest_uri)
                _mark(file, modified=True)
            self.rebuild_nav_pages(item.children or ())

    def _in_place(self) -> bool:
        """The build writes into the site it replaces (`--dirty`): nothing to carry over."""
        return self.previous.resolve() == self.site_dir.resolve()

    def start_carry_over(self) -> None:
        """Begin linking the clean files into the new site, beside the build, once no page can
        turn dirty again: 34,000 links take ~2 s, which the rest of a one-edit build can hide.
        `finish` waits for them."""
        carries = self.files is not None and self.previous_manifest is not None
        if self._carrying is None and carries and not self._in_place():
            self._carrying = CarryOver(
                [
                    (str(self.previous / f.dest_uri), str(self.site_dir / f.dest_uri))
                    for f in self.files or ()
                    if f.dest_uri in self.clean
                ]
            )

    def finish(self, catalog: Catalog, reads: dict[str, dict | None]) -> None:
        """Carry the clean files over, drop stale ones, and record this build."""
        files = self.files
        self.start_carry_over()
        carrying, self._carrying = self._carrying, None
        self.close()
        if carrying is not None:
            carrying.join()
        if files is None or self.key is None:
            return
        previous = self.previous_manifest
        same_folder = self._in_place()
        outputs = sorted({f.dest_uri for f in files})
        if previous is not None:
            built = sum(
                1 for f in files if f.is_documentation_page() and f.dest_uri not in self.clean
            )
            log.info(f"Build tăng dần: dựng lại {built} trang, giữ nguyên {len(self.clean)} tệp")
        if previous is not None and same_folder:
            for stale in set(previous.outputs) - set(outputs):
                with contextlib.suppress(OSError):
                    (self.site_dir / stale).unlink()
        self._save(catalog, files, reads, outputs)

    def close(self) -> None:
        """End the build's hold on MkDocs' logging; a failed build also stops linking files."""
        host.build_logger().removeFilter(self._filter)
        if self._carrying is not None:
            self._carrying.stop()
            self._carrying = None

    def _save(self, catalog: Catalog, files: Files, reads: dict, outputs: list[str]) -> None:
        old = self.manifest.pages if self.manifest else {}
        pages: dict[str, list] = {}
        statics: dict[str, list] = {}
        for file in files:
            if not file.is_documentation_page():
                signature = static_signature(file)
                if signature is not None:
                    statics[file.dest_uri] = signature
            elif file.dest_uri in self.clean:
                pages[file.src_uri] = old[file.src_uri]
            elif reads.get(file.src_uri) is not None:
                own = self._own(file, catalog)
                pages[file.src_uri] = [file.dest_uri, own, sorted(reads[file.src_uri])]
        # A page carried over read what it read last time, unchanged; a page built now read the
        # articles as they are now: one digest per article serves both.
        read = {src for record in pages.values() for src in record[2]}
        data = {
            "format": FORMAT,
            "site": str(self.previous.resolve()),
            "inode": _inode(self.site_dir),
            "key": self.key,
            "pages": pages,
            "articles": {src: self._article(src, catalog) for src in sorted(read)},
            "statics": statics,
            "outputs": outputs,
        }
        path = manifest_path(self.root, self.previous)
        if not write_sealed(path, json.dumps(data, ensure_ascii=False).encode("utf-8")):
            log.debug("Incremental manifest not written")


def rebuild_all(files: Files) -> None:
    for file in files:
        _mark(file, modified=True)


def _mark(file: File, *, modified: bool) -> None:
    """MkDocs asks `is_modified()` of each file in a dirty build; the answer is ours."""
    host.set_modified(file, (lambda: True) if modified else (lambda: False))
