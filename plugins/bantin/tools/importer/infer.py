"""Which unit and category an imported article belongs to, and how sure we are.

Units are found by their names and aliases (any case) and by their place ("Hậu Giang" for Tỉnh
đoàn Hậu Giang, capitalised as written), looking at the title first, then the lead, then the rest.
Several units found together resolve to the most specific one when they lie on one branch of the
tree ("Tỉnh đoàn Ninh Bình kiểm tra Huyện đoàn Yên Khánh" → Huyện đoàn Yên Khánh), else to the unit
they all belong to (seven units of Quảng Ninh named in the body → Tỉnh đoàn Quảng Ninh).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ...model.registry import CategoryRegistry, Unit, UnitRegistry
from ...model.text import clean, match_key

HIGH, MEDIUM, LOW = "cao", "trung bình", "thấp"

_LEVELS = re.compile(
    r"^(?:tỉnh\s+đoàn|thành\s+đoàn|huyện\s+đoàn|quận\s+đoàn|thị\s+đoàn|đoàn\s+xã|đoàn\s+phường|"
    r"đoàn\s+thị\s+trấn|đoàn\s+đặc\s+khu)\s+",
    re.IGNORECASE,
)
_ZONES = ("tiêu đề", "sapo", "thân bài")
# The Youth Union's stock name for all of its work; "thiếu nhi" inside it is no sign of a category.
_BOILERPLATE = re.compile(
    r"công tác đoàn(?:,\s*(?:hội|đội))*(?:\s*và\s*phong trào\s*)?|thanh thiếu nhi", re.IGNORECASE
)


@dataclass(frozen=True)
class Guess:
    """A field's inferred value, how sure we are, and where it came from (for the report)."""

    value: str | None
    confidence: str
    source: str
    candidates: tuple[str, ...] = ()

    @property
    def sure(self) -> bool:
        return self.value is not None and self.confidence == HIGH


@dataclass(frozen=True)
class _Hit:
    unit: Unit
    zone: int
    full: bool
    """By name or alias (True), or by place only (False)."""


class UnitMatcher:
    """One compiled pattern for every name, alias and place of the registry."""

    def __init__(self, units: UnitRegistry):
        self.units = units
        self._names: dict[str, list[str]] = {}  # match key → unit slugs
        self._places: dict[str, list[str]] = {}  # place as written → unit slugs
        for unit in units:
            for name in (unit.name, *unit.aliases):
                self._names.setdefault(match_key(name), []).append(unit.slug)
            place = _LEVELS.sub("", unit.name)
            if place != unit.name and len(place) >= 3:
                self._places.setdefault(clean(place), []).append(unit.slug)
        self._name_pattern = _alternation(self._names)
        self._place_pattern = _alternation(self._places)

    def hits(self, text: str, zone: int, day: date | None) -> list[_Hit]:
        found: list[_Hit] = []
        folded, written = match_key(text), clean(text)
        for pattern, table, source, full in (
            (self._name_pattern, self._names, folded, True),
            (self._place_pattern, self._places, written, False),
        ):
            if pattern is None:
                continue
            for match in pattern.finditer(source):
                for slug in table[match.group(0)]:
                    unit = self.units.get(slug)
                    if _valid_on(unit, day):
                        found.append(_Hit(unit, zone, full))
        return found

    def infer(
        self, title: str, lead: str, rest: str, day: date | None, default: Unit | None = None
    ) -> Guess:
        hits = [
            hit
            for zone, text in enumerate((title, lead, rest))
            for hit in self.hits(text, zone, day)
        ]
        if default is not None:
            inside = {default.slug, *(u.slug for u in self.units.descendants(default.slug))}
            hits = [hit for hit in hits if hit.unit.slug in inside]
            if not hits:
                return Guess(default.name, HIGH, "--unit")
        if not hits:
            return Guess(None, LOW, "không tìm thấy")
        zone = min(hit.zone for hit in hits)
        chosen = [hit for hit in hits if hit.zone == zone]
        unit, spread = self._settle({hit.unit.slug: hit.unit for hit in chosen})
        full_anywhere = any(hit.full and hit.unit.slug == unit.slug for hit in hits)
        if zone == 0 and full_anywhere and not spread:
            confidence = HIGH
        elif zone <= 1 and not spread:
            confidence = MEDIUM
        else:
            confidence = LOW
        names = tuple(dict.fromkeys(hit.unit.name for hit in chosen))
        return Guess(unit.name, confidence, _ZONES[zone], names)

    def _settle(self, found: dict[str, Unit]) -> tuple[Unit, bool]:
        """The deepest unit when all lie on one branch; else the unit they share (spread=True)."""
        deepest = max(found.values(), key=lambda unit: unit.depth)
        line = {deepest.slug, *(u.slug for u in self.units.ancestors(deepest.slug))}
        if all(slug in line for slug in found):
            return deepest, False
        chains = [
            [unit.slug, *(u.slug for u in self.units.ancestors(unit.slug))]
            for unit in found.values()
        ]
        shared = [slug for slug in chains[0] if all(slug in chain for chain in chains[1:])]
        if shared and self.units.get(shared[0]).parent is not None:
            return self.units.get(shared[0]), True
        return deepest, True


def _alternation(table: dict[str, list[str]]) -> re.Pattern | None:
    if not table:
        return None
    keys = sorted(table, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(key) for key in keys) + r")(?!\w)")


def _valid_on(unit: Unit, day: date | None) -> bool:
    if day is None:
        return True
    return (unit.valid_from is None or unit.valid_from <= day) and (
        unit.valid_to is None or day <= unit.valid_to
    )


class CategoryMatcher:
    """Categories by the phrases of their name, aliases and description, in title and lead."""

    def __init__(self, categories: CategoryRegistry):
        self.categories = categories
        self._phrases: dict[str, list[str]] = {}
        for category in categories:
            phrases = [
                category.name,
                *category.aliases,
                *re.split(r"[,.;]| - ", category.description),
            ]
            for phrase in phrases:
                for part in re.split(r" - ", phrase):
                    key = match_key(part)
                    if len(key) >= 3:
                        self._phrases.setdefault(key, []).append(category.slug)
        self._pattern = _alternation(self._phrases)

    def label(self, text: str) -> str | None:
        """The registry name of a category label as written ("XDĐ" → "Xây dựng Đoàn")."""
        found = self.categories.resolve(text)
        return found.name if found else None

    def infer(self, title: str, lead: str, default: str | None = None) -> Guess:
        if default is not None:
            return Guess(default, HIGH, "--category")
        scores: dict[str, int] = {}
        for weight, text in ((3, title), (1, lead)):
            if self._pattern is None:
                break
            for match in self._pattern.finditer(_BOILERPLATE.sub(" ", match_key(text))):
                for slug in dict.fromkeys(self._phrases[match.group(0)]):
                    scores[slug] = scores.get(slug, 0) + weight
        if not scores:
            return Guess(None, LOW, "không tìm thấy")
        ranked = sorted(scores.items(), key=lambda item: -item[1])
        best = self.categories.get(ranked[0][0])
        tied = len(ranked) > 1 and ranked[1][1] == ranked[0][1]
        names = tuple(self.categories.get(slug).name for slug, _ in ranked[:3])
        return Guess(best.name, LOW if tied else MEDIUM, "từ khoá", names)
