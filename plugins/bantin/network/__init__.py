"""The `bantin-network` plugin: the unit sites' newest articles on one page, at build time."""

from .plugin import NetworkPlugin

__all__ = ["NetworkPlugin"]
