"""`bantin import`: legacy plain-text articles copied from old portals → Markdown articles.

decode (bytes → text) → lines (each line's part) → dates, infer (unit, category) → convert (the
article and its report) → command (files, progress, JSON).
"""

from .convert import Imported, Importer, Options

__all__ = ["Imported", "Importer", "Options"]
