"""The registry of document kinds (`content/_data/document-kinds.yml`): Kế hoạch, Công văn…,
each with the symbols its numbers carry (KH, CV…)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import records
from .docnumber import fold
from .errors import ContentError
from .registry import _Index, _Reader, _Registry
from .text import clean

KINDS_FILE = "document-kinds.yml"
DEFAULT_KINDS = Path(__file__).with_name(KINDS_FILE)
"""The kinds a site gets when its `_data/` has no file of its own."""


@dataclass(frozen=True)
class DocumentKind:
    """A kind of document (loại văn bản) and the symbols (ký hiệu) its numbers use."""

    name: str
    slug: str
    symbols: tuple[str, ...]
    order: int
    aliases: tuple[str, ...] = ()
    line: int = 1

    @property
    def symbol(self) -> str:
        """The main symbol, the one a citation without a symbol is read with."""
        return self.symbols[0]

    def uses(self, symbol: str) -> bool:
        return fold(symbol) in {fold(each) for each in self.symbols}


class KindRegistry(_Registry[DocumentKind]):
    """All kinds in registry order; found by name, alias or symbol."""

    def by_symbol(self, symbol: str) -> DocumentKind | None:
        wanted = fold(symbol)
        return next((kind for kind in self if wanted in map(fold, kind.symbols)), None)

    def names(self) -> dict[str, str]:
        """Every name and alias → the kind's main symbol, for reading citations."""
        return {name: kind.symbol for kind in self for name in (kind.name, *kind.aliases)}

    def all_symbols(self) -> list[str]:
        return [symbol for kind in self for symbol in kind.symbols]


KIND_FIELDS = ("name", "symbols", "aliases", "slug")


def load_kinds(path: Path, shown: str) -> tuple[KindRegistry, list[ContentError]]:
    """Read the kinds; a site without the file gets the package's list."""
    reader = _Reader(shown)
    index = _Index()
    kinds: list[DocumentKind] = []
    symbols: dict[str, str] = {}
    source = path if path.is_file() else DEFAULT_KINDS
    items = reader.records(source, source.parent, None) or records.LineList()
    for position, (item, line) in enumerate(zip(items, items.item_lines, strict=True)):
        entry = reader.entry(item, line, KIND_FIELDS)
        if entry is None:
            continue
        name = clean(entry["name"])
        slug = reader.slug(entry, name)
        aliases = reader.texts(entry, "aliases")
        found = reader.texts(entry, "symbols")
        if not found:
            reader.fail(entry.line, "symbols", "cần ít nhất một ký hiệu, ví dụ [KH]")
            continue
        for symbol in found:
            if not fold(symbol).isalpha() or not fold(symbol).isascii():
                reader.fail(
                    entry.line_of("symbols"), "symbols", f"ký hiệu '{symbol}' chỉ gồm chữ cái"
                )
            elif (owner := symbols.setdefault(fold(symbol), name)) != name:
                reader.fail(
                    entry.line_of("symbols"),
                    "symbols",
                    f"ký hiệu '{symbol}' đã dùng cho loại '{owner}'",
                )
        if any(kind.slug == slug for kind in kinds):
            reader.fail(entry.line, "slug", f"trùng địa chỉ '{slug}' với một loại văn bản khác")
            continue
        if clash := index.add(slug, name, *aliases, *found):
            reader.fail(entry.line, "name", f"tên '{clash}' đã dùng cho loại văn bản khác")
        kinds.append(DocumentKind(name, slug, found, position, aliases, entry.line))
    return KindRegistry(kinds, index), reader.errors
