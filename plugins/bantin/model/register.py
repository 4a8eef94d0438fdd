"""The register (sổ văn bản): every document of the site, read and checked once per build, with
look-ups by number, kind, year and unit, and the citations of documents found in articles."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import docnumber
from .addresses import DocumentAddresses
from .article import Article
from .catalog import DATA_DIR, markdown_files, shown_path
from .dockinds import KINDS_FILE, KindRegistry, load_kinds
from .docnumber import Found, NumberFinder
from .document import Document, Registries, read_document
from .errors import ContentError
from .registry import UnitRegistry

DOCUMENTS_DIR = "van-ban"
"""Documents live in content/van-ban/YYYY/."""

_CODE = re.compile(r"```.*?```|~~~.*?~~~|`[^`\n]*`", re.DOTALL)


@dataclass(frozen=True)
class Citation:
    """A document number written in an article; `document` None when the register lacks it."""

    found: Found
    document: Document | None
    line: int


@dataclass(frozen=True)
class Register:
    """Documents newest first, the kinds, and the site's document addresses."""

    documents: tuple[Document, ...]
    kinds: KindRegistry
    addresses: DocumentAddresses = field(default_factory=DocumentAddresses)

    @cached_property
    def by_key(self) -> dict[str, Document]:
        return {document.key: document for document in self.documents}

    @cached_property
    def by_src(self) -> dict[str, Document]:
        return {document.src: document for document in self.documents}

    @cached_property
    def by_kind(self) -> dict[str, list[Document]]:
        return _group(self.documents, lambda document: document.kind.slug)

    @cached_property
    def by_year(self) -> dict[int, list[Document]]:
        return _group(self.documents, lambda document: document.year)

    @cached_property
    def by_unit(self) -> dict[str, list[Document]]:
        return _group(self.documents, lambda document: document.unit.slug)

    @cached_property
    def finder(self) -> NumberFinder:
        return NumberFinder(self.kinds.all_symbols(), self.kinds.names())

    def find(self, number: str) -> Document | None:
        """The document a number written in any of its forms refers to, if the register holds it."""
        key = docnumber.key(number)
        return self.by_key.get(key) if key else None

    def citations(self, text: str, first_line: int = 1) -> list[Citation]:
        """Every document number in Markdown text, code left out, with its line."""
        text = _CODE.sub(lambda match: re.sub(r"[^\n]", " ", match.group(0)), text)
        return [
            Citation(
                found, self.by_key.get(found.key), first_line + text.count("\n", 0, found.start)
            )
            for found in self.finder.find(text)
        ]

    def mentions(self, articles: Iterable[Article]) -> dict[str, tuple[Article, ...]]:
        """Document key → the articles that cite it, in the order given (newest first)."""
        cited: dict[str, list[Article]] = defaultdict(list)
        for article in articles:
            keys = {c.found.key for c in self.citations(article.body) if c.document is not None}
            for key in sorted(keys):
                cited[key].append(article)
        return {key: tuple(found) for key, found in cited.items()}

    @cached_property
    def _replacements(self) -> set[tuple[str, str]]:
        """(older key, newer key) pairs, whichever of the two documents says so."""
        pairs = set()
        for document in self.documents:
            pairs |= {(key, document.key) for key in map(docnumber.key, document.replaces) if key}
            pairs |= {
                (document.key, key) for key in map(docnumber.key, document.replaced_by) if key
            }
        return pairs

    def replacing(self, document: Document) -> tuple[Document, ...]:
        """The documents in the register that replace this one."""
        keys = {new for old, new in self._replacements if old == document.key}
        return self._documents(keys)

    def replaced(self, document: Document) -> tuple[Document, ...]:
        """The documents in the register this one replaces."""
        keys = {old for old, new in self._replacements if new == document.key}
        return self._documents(keys)

    def _documents(self, keys: set[str]) -> tuple[Document, ...]:
        found = [self.by_key[key] for key in keys if key in self.by_key]
        return tuple(sorted(found, key=lambda each: each.sort_key))


def _group(documents, key) -> dict:
    groups: dict = defaultdict(list)
    for document in documents:
        groups[key(document)].append(document)
    return dict(groups)


def document_files(docs_dir: Path, only: list[Path] | None = None) -> list[Path]:
    """Markdown files under content/van-ban/, sorted; `only` narrows to given files or folders."""
    return markdown_files(docs_dir / DOCUMENTS_DIR, only)


def read_register(
    docs_dir: Path,
    root: Path,
    units: UnitRegistry,
    data_dir: Path | None = None,
    addresses: DocumentAddresses | None = None,
    only: list[Path] | None = None,
) -> tuple[Register, list[ContentError]]:
    """Read the kinds (beside units.yml in `data_dir`, else content/_data, else the package's)
    and every document; return the register and all errors, sorted."""
    addresses = addresses or DocumentAddresses()
    data_dir = data_dir or docs_dir / DATA_DIR
    units_path = shown_path(data_dir / "units.yml", root)
    kinds_file = data_dir / KINDS_FILE
    kinds_path = shown_path(kinds_file, root)
    kinds, errors = load_kinds(kinds_file, kinds_path)
    registries = Registries(units, kinds, units_path, kinds_path)
    documents = []
    for path in document_files(docs_dir, only):
        src = path.relative_to(docs_dir).as_posix()
        document, problems = read_document(
            path, src, shown_path(path, root), registries, addresses.of_document
        )
        errors.extend(problems)
        if document is not None:
            documents.append(document)
    kept, clashes = _without_clashes(documents, docs_dir, root)
    register = Register(tuple(sorted(kept, key=lambda d: d.sort_key)), kinds, addresses)
    return register, sorted(errors + clashes)


def _without_clashes(documents: list[Document], docs_dir: Path, root: Path):
    """Two documents with one number (or one address): the first by path keeps it."""
    by_key: dict[str, Document] = {}
    by_url: dict[str, Document] = {}
    kept, errors = [], []
    for document in sorted(documents, key=lambda d: d.src):
        first = by_key.setdefault(document.key, document)
        other = by_url.setdefault(document.url, document)
        if first is document and other is document:
            kept.append(document)
            continue
        owner = shown_path(docs_dir / (first if first is not document else other).src, root)
        message = (
            f"số '{document.number}' trùng với văn bản {owner}; mỗi số/ký hiệu chỉ một tệp"
            if first is not document
            else f"địa chỉ /{document.url} trùng với văn bản {owner}; hãy thêm trường slug"
        )
        errors.append(
            ContentError(
                shown_path(docs_dir / document.src, root), document.number_line, "number", message
            )
        )
    return kept, errors


def unregistered_citations(
    register: Register, articles: Iterable[Article], docs_dir: Path, root: Path
) -> list[ContentError]:
    """Warnings for numbers in articles that look like documents the register does not hold:
    a typo in the number, or a document nobody added yet. Never errors: an article may cite
    another organisation's document."""
    warnings = []
    for article in articles:
        for citation in register.citations(article.body, article.body_line):
            if citation.document is None:
                warnings.append(
                    ContentError(
                        shown_path(docs_dir / article.src, root),
                        citation.line,
                        "văn bản",
                        f"cảnh báo: '{citation.found.text}' trông như số văn bản nhưng không có "
                        f"trong sổ văn bản ({DOCUMENTS_DIR}/); nếu là văn bản của đơn vị, hãy "
                        "thêm nó để bài viết liên kết tới",
                    )
                )
    return warnings
