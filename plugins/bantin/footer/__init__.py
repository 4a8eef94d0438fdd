"""The linked-websites footer (liên kết website): `bantin-links`."""

from .plugin import LinksPlugin

__all__ = ["LinksPlugin"]
