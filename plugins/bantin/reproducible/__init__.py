"""The `bantin-publish` plugin: what a published site needs to be reproducible."""

from .plugin import PublishPlugin

__all__ = ["PublishPlugin"]
