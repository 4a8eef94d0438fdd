"""The article catalog plugin; `catalog_of` is how the other plugins read the catalog."""

from .plugin import ArticlesPlugin, catalog_of

__all__ = ["ArticlesPlugin", "catalog_of"]
