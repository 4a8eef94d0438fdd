"""Pixel sizes of the site's own images, so a page reserves their space and nothing jumps."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from PIL import Image, UnidentifiedImageError

_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_SRC = re.compile(r"""\ssrc\s*=\s*("([^"]*)"|'([^']*)')""", re.IGNORECASE)
_SIZED = re.compile(r"\s(width|height)\s*=", re.IGNORECASE)


class ImageSizes:
    """Width and height of images under docs_dir, each read once per build (one per build)."""

    def __init__(self, docs_dir: Path):
        self.docs_dir = docs_dir
        self._known: dict[str, tuple[int, int] | None] = {}

    def __call__(self, src: str | None) -> tuple[int, int] | None:
        """The size of `src` (relative to docs_dir), or None when it is not a readable image."""
        if not src:
            return None
        if src not in self._known:
            self._known[src] = _read_size(self.docs_dir / src)
        return self._known[src]


def _read_size(path: Path) -> tuple[int, int] | None:
    if path.suffix.lower() == ".svg" or not path.is_file():
        return None
    try:
        with Image.open(path) as image:
            return image.size
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None


def add_sizes(html: str, page_url: str, sizes: ImageSizes) -> str:
    """Give every local `<img>` without a size its width and height.

    `src` values are relative to the page's address (MkDocs has rewritten them already);
    static images keep their docs path as their address, so that is where they are read.
    """

    def sized(match: re.Match) -> str:
        tag = match.group(0)
        src = _SRC.search(tag)
        if _SIZED.search(tag) or not src:
            return tag
        value = unquote(src.group(2) if src.group(2) is not None else src.group(3))
        parts = urlsplit(value)
        if parts.scheme or parts.netloc or not parts.path:
            return tag
        target = posixpath.normpath(posixpath.join(posixpath.dirname("/" + page_url), parts.path))
        size = sizes(target.lstrip("/"))
        if size is None:
            return tag
        return f'<img width="{size[0]}" height="{size[1]}"{tag[4:]}'

    return _IMG.sub(sized, html)
