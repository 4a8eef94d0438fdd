"""The `bantin-documents` plugin: the register of official documents (Văn bản)."""

from .plugin import DocumentsPlugin, documents_of, register_of

__all__ = ["DocumentsPlugin", "documents_of", "register_of"]
