"""The index pages plugin: categories, units, archive, tags, home, feeds, related news."""

from .plugin import IndexesPlugin

__all__ = ["IndexesPlugin"]
