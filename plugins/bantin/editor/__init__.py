"""The `bantin-editor` plugin: a Git-based editor at /admin/, configured from the registries."""

from .plugin import EditorPlugin

__all__ = ["EditorPlugin"]
