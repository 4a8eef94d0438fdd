"""Articles already read and validated, kept in `.cache/bantin/articles.pickle` between builds.

Reading 10,000 files and parsing their front matter is the first cost of every build, even when
one article changed. An article read without any error is kept with the size, modification
time and inode of its file; while the file has the same three, the next build takes the
article from here. Everything else a reading depends on is in the cache's salt (the code of
this package, the registries' files, the address formats): when one changes, every article is
read again. Its unit and category are kept by slug and looked up in this build's registries,
so articles share the registries' objects as if just read. A cover is checked to still exist.
Files with errors are never kept: their messages come from a fresh reading every time.

Safe to delete; the file is sealed (`store`): a damaged or foreign file is a miss.
"""

from __future__ import annotations

import contextlib
import pickle
from dataclasses import fields
from pathlib import Path

from ..digests import code_digest, digest
from ..model.article import Article, Registries
from .host import plugin_logger
from .store import read_sealed, write_sealed

FORMAT = "1"
CACHE_FILE = ".cache/bantin/articles.pickle"
"""Beside mkdocs.yml; shared by builds and `bantin check`."""

log = plugin_logger(__name__)


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_size, stat.st_mtime_ns, stat.st_ino)


class ReadCache:
    """The kept articles of one build; `save` writes them back when anything changed."""

    def __init__(self, file: Path, registry_files: list[Path], addresses: object):
        self.file = file
        self.salt = digest(
            FORMAT,
            code_digest(),
            repr(addresses),
            *(path.read_bytes() if path.is_file() else b"-" for path in registry_files),
        )
        self.entries: dict[str, tuple] = {}
        self.kept: dict[str, tuple] = {}
        self.changed = False
        # A cache written by another version of Bản Tin may name modules or classes that have
        # moved since (ImportError, AttributeError): it is then a cache miss, not a failed build.
        data = read_sealed(file)
        unreadable = (ValueError, TypeError, EOFError, pickle.UnpicklingError)
        with contextlib.suppress(*unreadable, ImportError, AttributeError):
            salt, entries = pickle.loads(data) if data is not None else (None, {})
            if salt == self.salt:
                self.entries = entries

    def get(self, path: Path, src: str, docs_dir: Path, registries: Registries) -> Article | None:
        entry = self.entries.get(src)
        stamp = _stamp(path)
        if entry is None or stamp is None or entry[0] != stamp:
            return None
        values, unit, category, known_digest = entry[1], entry[2], entry[3], entry[4]
        if values["cover"] is not None and not (docs_dir / values["cover"]).is_file():
            return None
        try:
            article = Article(
                **values,
                unit=registries.units.get(unit),
                category=registries.categories.get(category),
            )
        except KeyError:
            return None
        # The digest is of the same fields, units and categories (the salt covers registries):
        # incremental builds ask it of every article, and it hashes the whole body.
        article.__dict__["digest"] = known_digest
        self.kept[src] = entry
        return article

    def put(self, path: Path, article: Article) -> None:
        stamp = _stamp(path)
        if stamp is None:
            return
        values = {f.name: getattr(article, f.name) for f in fields(article)}
        del values["unit"], values["category"]
        self.kept[article.src] = (
            stamp,
            values,
            article.unit.slug,
            article.category.slug,
            article.digest,
        )
        self.changed = True

    def save(self) -> None:
        """Keep this build's articles only, so deleted files leave the cache too."""
        if not self.changed and len(self.kept) == len(self.entries):
            return
        data = pickle.dumps((self.salt, self.kept), protocol=pickle.HIGHEST_PROTOCOL)
        if not write_sealed(self.file, data):
            log.debug("Article cache not written")
