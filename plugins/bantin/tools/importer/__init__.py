"""`bantin import`: articles copied from other portals (pasted text, pasted HTML, saved pages) →
Markdown articles.

decode (bytes → text; mojibake repaired or refused, zero-width removed) or savedpage / markup
(HTML → text) → lines (each line's part, with furniture and signature) → dates, infer (unit,
category) → convert (the article and its report) → archive (addresses, articles already there,
photos) → command (files, progress, table, JSON). bench times it on 1,000 files.
"""

from .convert import Imported, Importer, Options

__all__ = ["Imported", "Importer", "Options"]
