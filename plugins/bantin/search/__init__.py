"""The `bantin-search` plugin: Vietnamese search with Pagefind, with or without diacritics."""

from .plugin import SearchPlugin

__all__ = ["SearchPlugin"]
