"""The `bantin` plugin: the tool's theme and a news site's defaults, for every site."""

from .plugin import SitePlugin

__all__ = ["SitePlugin"]
