"""The article catalog plugin; `catalog_of` is how the other plugins read the catalog, and
`report_of` where they report content errors."""

from .plugin import ArticlesPlugin, catalog_of, report_of

__all__ = ["ArticlesPlugin", "catalog_of", "report_of"]
