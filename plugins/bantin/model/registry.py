"""The registries in content/_data/: units (the organisation tree) and categories (chuyên mục)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Generic, TypeVar

from . import records
from .addresses import Addresses
from .errors import ContentError
from .lookup import nearest_spellings
from .text import clean, fold, match_key, slugify


@dataclass(frozen=True)
class Unit:
    """A unit (đơn vị) of the Youth Union, a node of the organisation tree."""

    name: str
    slug: str
    url: str
    aliases: tuple[str, ...] = ()
    website: str | None = None
    parent: str | None = None
    children: tuple[str, ...] = ()
    valid_from: date | None = None
    valid_to: date | None = None
    successor: str | None = None
    depth: int = 0
    line: int = 1

    @property
    def ended(self) -> bool:
        return self.valid_to is not None


@dataclass(frozen=True)
class Category:
    """A category (chuyên mục), in menu order."""

    name: str
    slug: str
    url: str
    order: int
    aliases: tuple[str, ...] = ()
    description: str = ""
    line: int = 1


Entry = TypeVar("Entry", Unit, Category)


@dataclass
class _Index:
    """Name-and-alias look-up shared by both registries."""

    by_key: dict[str, str] = field(default_factory=dict)  # match key → slug
    by_folded: dict[str, str] = field(default_factory=dict)  # folded name or alias → slug
    canonical: dict[str, str] = field(default_factory=dict)  # slug → name

    def add(self, slug: str, name: str, *aliases: str) -> str | None:
        """Register a name and its aliases; returns one already taken by another entry, if any."""
        self.canonical.setdefault(slug, name)
        for each in (name, *aliases):
            taken = self.by_key.get(match_key(each))
            if taken is not None and taken != slug:
                return each
            self.by_key[match_key(each)] = slug
            self.by_folded.setdefault(fold(each), slug)
        return None

    def find(self, name: str) -> str | None:
        return self.by_key.get(match_key(name))

    def nearest(self, name: str, limit: int = 3) -> list[str]:
        """Names of the entries closest to `name` (by name or alias), compared without tones."""
        slugs = dict.fromkeys(
            self.by_folded[key] for key in nearest_spellings(name, self.by_folded)
        )
        return [self.canonical[slug] for slug in list(slugs)[:limit]]


class _Registry(Generic[Entry]):
    """Entries in registry order, by slug, with look-up by name or alias."""

    def __init__(self, entries: list[Entry], index: _Index):
        self._entries = {entry.slug: entry for entry in entries}
        self._index = index

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, slug: str) -> Entry:
        return self._entries[slug]

    def resolve(self, name: str) -> Entry | None:
        slug = self._index.find(name)
        return self._entries[slug] if slug else None

    def nearest(self, name: str) -> list[str]:
        return self._index.nearest(name)


class UnitRegistry(_Registry[Unit]):
    """All units, in tree order."""

    def roots(self) -> list[Unit]:
        return [unit for unit in self if unit.parent is None]

    def ancestors(self, slug: str) -> list[Unit]:
        """From the parent up to the root."""
        chain, unit = [], self.get(slug)
        while unit.parent is not None:
            unit = self.get(unit.parent)
            chain.append(unit)
        return chain

    def descendants(self, slug: str) -> list[Unit]:
        """Every unit under `slug`, depth first."""
        found: list[Unit] = []
        for child in self.get(slug).children:
            found.append(self.get(child))
            found.extend(self.descendants(child))
        return found


class CategoryRegistry(_Registry[Category]):
    """All categories, in menu order."""


UNIT_FIELDS = (
    "name", "aliases", "slug", "website", "valid_from", "valid_to", "successor", "children",
)  # fmt: skip
CATEGORY_FIELDS = ("name", "aliases", "slug", "description")
SYNONYMS = {"ten": "name", "tên": "name", "alias": "aliases", "ket_thuc": "valid_to"}
"""Words staff reach for instead of our keys, so an unknown key suggests the right one."""

_MISSING = "không tìm thấy tệp danh mục này"


class _Reader(records.RecordReader):
    """The record reader, with what units and categories share: a name, aliases, a slug."""

    def entry(self, item, line: int, known=(), synonyms=None) -> records.LineDict | None:
        entry = super().entry(item, line, known, SYNONYMS)
        if entry is None:
            return None
        if not isinstance(entry.get("name"), str) or not clean(entry["name"]):
            self.fail(entry.line, "name", "thiếu tên (name)")
            return None
        return entry

    def texts(self, item: records.LineDict, key: str) -> tuple[str, ...]:
        value = item.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(item.line_of(key), key, "cần một danh sách tên, ví dụ [TĐ Ninh Bình]")
            return ()
        return tuple(clean(v) for v in value if clean(v))

    def slug(self, item: records.LineDict, name: str) -> str:
        given = self.text(item, "slug")
        slug = slugify(given or name)
        if given and slug != given:
            self.fail(item.line_of("slug"), "slug", f"chỉ dùng a-z, 0-9 và '-'; ví dụ '{slug}'")
        return slug


def load_categories(
    path: Path, shown: str, addresses: Addresses
) -> tuple[CategoryRegistry, list[ContentError]]:
    reader = _Reader(shown)
    index = _Index()
    categories: list[Category] = []
    items = reader.records(path, path.parent, _MISSING) or records.LineList()
    for position, (item, line) in enumerate(zip(items, items.item_lines, strict=True)):
        entry = reader.entry(item, line, CATEGORY_FIELDS)
        if entry is None:
            continue
        name = clean(entry["name"])
        slug = reader.slug(entry, name)
        aliases = reader.texts(entry, "aliases")
        if any(category.slug == slug for category in categories):
            reader.fail(entry.line, "slug", f"trùng địa chỉ '{slug}' với một chuyên mục khác")
            continue
        if clash := index.add(slug, name, *aliases):
            reader.fail(entry.line, "name", f"tên '{clash}' đã dùng cho chuyên mục khác")
        categories.append(
            Category(
                name=name,
                slug=slug,
                url=addresses.of_category(slug),
                order=position,
                aliases=aliases,
                description=reader.text(entry, "description") or "",
                line=entry.line,
            )
        )
    return CategoryRegistry(categories, index), reader.errors


def load_units(
    path: Path, shown: str, addresses: Addresses
) -> tuple[UnitRegistry, list[ContentError]]:
    reader = _Reader(shown)
    index = _Index()
    drafts: list[dict] = []
    successors: list[tuple[int, str, int]] = []  # (draft position, successor name, line)

    def walk(items, parent: int | None, depth: int) -> list[int]:
        positions = []
        for item, line in zip(items, items.item_lines, strict=True):
            entry = reader.entry(item, line, UNIT_FIELDS)
            if entry is None:
                continue
            name = clean(entry["name"])
            slug = reader.slug(entry, name)
            if any(draft["slug"] == slug for draft in drafts):
                reader.fail(entry.line, "slug", f"trùng địa chỉ '{slug}' với một đơn vị khác")
                continue
            aliases = reader.texts(entry, "aliases")
            if clash := index.add(slug, name, *aliases):
                reader.fail(entry.line, "name", f"tên '{clash}' đã dùng cho đơn vị khác")
            website = reader.text(entry, "website")
            if website and not website.startswith(("http://", "https://")):
                reader.fail(
                    entry.line_of("website"), "website", "cần địa chỉ bắt đầu bằng https://"
                )
                website = None
            position = len(drafts)
            drafts.append(
                dict(
                    name=name,
                    slug=slug,
                    url=addresses.of_unit(slug),
                    aliases=aliases,
                    website=website,
                    parent=parent,
                    valid_from=reader.day(entry, "valid_from"),
                    valid_to=reader.day(entry, "valid_to"),
                    depth=depth,
                    line=entry.line,
                )
            )
            if successor := reader.text(entry, "successor"):
                successors.append((position, successor, entry.line_of("successor")))
            children = entry.get("children")
            child_positions: list[int] = []
            if children is not None:
                if isinstance(children, records.LineList):
                    child_positions = walk(children, position, depth + 1)
                else:
                    reader.fail(entry.line_of("children"), "children", "cần một danh sách đơn vị")
            drafts[position]["children"] = child_positions
            positions.append(position)
        return positions

    walk(reader.records(path, path.parent, _MISSING) or records.LineList(), None, 0)
    for position, name, line in successors:
        slug = index.find(name)
        if slug is None:
            reader.fail(
                line, "successor", unknown_message("đơn vị", name, shown, index.nearest(name))
            )
        elif slug == drafts[position]["slug"]:
            reader.fail(line, "successor", "đơn vị không thể kế tục chính nó")
        else:
            drafts[position]["successor"] = slug
    _break_successor_cycles(drafts, {position: line for position, _, line in successors}, reader)
    units = []
    for draft in drafts:
        draft["children"] = tuple(drafts[child]["slug"] for child in draft["children"])
        if draft["parent"] is not None:
            draft["parent"] = drafts[draft["parent"]]["slug"]
        units.append(Unit(**draft))
    return UnitRegistry(units, index), reader.errors


def _break_successor_cycles(drafts: list[dict], lines: dict[int, int], reader: _Reader) -> None:
    """A chain of successors that comes back to a unit never ends: news of the ended units
    would have nowhere to go. Each cycle is reported once, at its first unit, and cut there."""
    by_slug = {draft["slug"]: draft for draft in drafts}
    reported: set[str] = set()
    for draft in drafts:
        chain: list[dict] = []
        current = draft
        while current is not None and current not in chain:
            chain.append(current)
            current = by_slug.get(current.get("successor"))
        if current is None or current["slug"] in reported:
            continue
        cycle = chain[chain.index(current) :]
        reported.update(unit["slug"] for unit in cycle)
        names = " → ".join(unit["name"] for unit in [*cycle, cycle[0]])
        reader.fail(
            lines[drafts.index(cycle[0])],
            "successor",
            f"các đơn vị kế tục nhau thành vòng: {names}",
        )
        cycle[0]["successor"] = None


def unknown_message(kind: str, name: str, registry_path: str, nearest: list[str]) -> str:
    """ "không có đơn vị 'X' trong content/_data/units.yml; có phải: A, B?"."""
    hint = f"; có phải: {', '.join(nearest)}?" if nearest else ""
    return f"không có {kind} '{name}' trong {registry_path}{hint}"
