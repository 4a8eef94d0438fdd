"""The first page of each attached PDF, drawn as a small WebP image, kept in `.cache/`.

Drawn by pypdfium2: the bindings to PDFium (the PDF engine of Chromium, BSD licensed) whose
wheels ship the compiled library, so no system package (poppler, Ghostscript) is needed on a
staff machine or in CI. PyMuPDF draws as well but is AGPL; pdf.js would need a browser.
An image is keyed by the PDF's bytes and the width: the same file is drawn once, ever.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..engine.host import plugin_logger

log = plugin_logger(__name__)

FORMAT = "1"
MAX_SIDE = 20_000
"""Points; a page larger than this (a poster, or a hostile file) is not drawn."""


@dataclass(frozen=True)
class Preview:
    """A drawn first page: where it is kept, its published name and its size in pixels."""

    cached: Path
    name: str
    width: int
    height: int


def preview(pdf: Path, cache_dir: Path, width: int) -> Preview | None:
    """The first page of `pdf` as a WebP `width` pixels wide, from the cache or drawn now;
    None when PDFium cannot draw it (the document is published without a preview)."""
    digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
    name = hashlib.sha256(f"{FORMAT}|{width}|{digest}".encode()).hexdigest()[:20]
    cached = cache_dir / f"{name}.webp"
    if cached.is_file():
        size = _size(cached)
        if size is not None:
            return Preview(cached, f"{name}.webp", *size)
    try:
        image = _draw(pdf, width)
    except Exception as error:  # PDFium's errors have no common base; a bad file is skipped
        log.info("Không vẽ được trang đầu của %s (%s): bỏ qua ảnh xem trước", pdf.name, error)
        return None
    if image is None:
        return None
    cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=cache_dir, suffix=".tmp", delete=False) as handle:
        image.save(handle, "WEBP", quality=70, method=4)
    # Temporary files are private (0600); a published file must be readable by the web server.
    os.chmod(handle.name, 0o644)
    os.replace(handle.name, cached)
    return Preview(cached, f"{name}.webp", image.width, image.height)


def _draw(pdf: Path, width: int):
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        if len(document) == 0:
            return None
        page = document[0]
        page_width, page_height = page.get_size()
        if not (0 < page_width <= MAX_SIDE and 0 < page_height <= MAX_SIDE):
            return None
        bitmap = page.render(scale=width / page_width)
        image = bitmap.to_pil().convert("RGB")
        page.close()
        return image
    finally:
        document.close()


def _size(path: Path) -> tuple[int, int] | None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            image.verify()
            return image.size
    except (OSError, UnidentifiedImageError):
        return None
