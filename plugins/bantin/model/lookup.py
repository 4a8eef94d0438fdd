"""Finding a registry entry from what staff type: exact name or alias, then the same words with or
without marks ("yen khanh"), then the nearest spellings."""

from __future__ import annotations

from collections.abc import Callable

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
