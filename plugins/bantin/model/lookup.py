"""Did you mean…? Finding what staff meant from what they typed: a registry entry (exact name or
alias, then the same words with or without marks, "yen khanh", then the nearest spellings), or a
field name of a record (a synonym staff reach for, else the nearest spelling)."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable

from .text import fold


def candidates(registry, wanted: str, usable: Callable = lambda entry: True) -> list[str]:
    """Registry names matching `wanted`: exact first, else with or without marks, close or partial."""
    exact = registry.resolve(wanted)
    if exact is not None:
        return [exact.name]
    key = fold(wanted)
    entries = list(registry)
    words = key.split()
    found = [
        entry.name
        for entry in entries
        if usable(entry)
        and any(
            all(word in fold(name).split() for word in words)
            for name in (entry.name, *entry.aliases)
        )
    ]
    if not found:
        found = [name for name in registry.nearest(wanted) if usable(registry.resolve(name))]
    return list(dict.fromkeys(found))


def nearest_key(given: str, known: Iterable[str], synonyms: dict[str, str]) -> str | None:
    """The field name staff meant by `given`: a synonym (`ten` → `name`), else the nearest
    spelling of a known name (`vaild_to` → `valid_to`), else None."""
    lowered = given.lower()
    if lowered in synonyms:
        return synonyms[lowered]
    close = difflib.get_close_matches(lowered, list(known), n=1, cutoff=0.7)
    return close[0] if close else None


def nearest_spellings(wanted: str, folded: Iterable[str], limit: int = 3) -> list[str]:
    """Of `folded` (names without tones, as `fold` makes them), those closest to `wanted`: the
    nearest spellings first, then those containing it."""
    key = fold(wanted)
    folded = list(folded)
    close = difflib.get_close_matches(key, folded, n=limit * 2, cutoff=0.6)
    containing = [name for name in folded if key and key in name]
    return list(dict.fromkeys(close + containing))
