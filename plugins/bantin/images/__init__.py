"""The `bantin-images` plugin: Pillow-made responsive images, thumbnails and share cards."""

from .plugin import ImagesPlugin

__all__ = ["ImagesPlugin"]
