"""Pillow work on one image: open safely, make it upright, sRGB and metadata-free; resize, crop, encode.

Every function here is pure (bytes or images in, images or bytes out) so tests call them directly.
Messages are Vietnamese: they reach staff through `ContentError`.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

SUPPORTED = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
"""Pillow's format names we accept (phones save some JPEGs as MPO), and how staff know them."""

ORIENTATION = 0x0112
_METADATA_KEYS = ("exif", "xmp", "XML:com.adobe.xmp", "comment", "Description")
_HEIF_BRANDS = (b"ftypheic", b"ftypheix", b"ftyphevc", b"ftypmif1", b"ftypmsf1", b"ftypavif")


class ImageProblem(ValueError):
    """An image we cannot publish; the message is for staff, in Vietnamese."""


@dataclass(frozen=True)
class Encoding:
    """How published files are written; part of every cache key."""

    webp_quality: int = 72
    jpeg_quality: int = 80

    def fingerprint(self) -> str:
        return f"webp{self.webp_quality}-jpeg{self.jpeg_quality}-pillow{Image.__version__}"


def load(data: bytes, max_pixels: int, least: tuple[int, int] = (0, 0)) -> Image.Image:
    """Decode image bytes into an upright sRGB image (RGB or RGBA) that carries no metadata.

    `least` (width, height, as shown upright) lets JPEG decoding scale down by 1/2, 1/4 or 1/8
    while staying at least that large: a 4000-pixel phone photo is decoded at 2000.
    """
    format_name = _identify(data)
    try:
        with warnings.catch_warnings():
            # Our own limit (below Pillow's) is checked next, with a message staff can act on.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError:
        raise ImageProblem(_too_big(None, max_pixels)) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ImageProblem(_not_an_image(format_name)) from None
    if image.format not in SUPPORTED:
        raise ImageProblem(_unsupported(image.format))
    width, height = image.size
    if width * height > max_pixels:
        raise ImageProblem(_too_big(image.size, max_pixels))
    if any(least) and image.format in ("JPEG", "MPO"):
        turned = image.getexif().get(ORIENTATION, 1) in (5, 6, 7, 8)
        image.draft("RGB", (least[1], least[0]) if turned else least)
    try:
        image.load()
    except (OSError, SyntaxError, ValueError, EOFError):
        raise ImageProblem(
            "ảnh bị hỏng hoặc chưa chép hết (tệp bị cắt); hãy xuất lại ảnh từ máy và chép lại"
        ) from None
    return normalise(image)


def normalise(image: Image.Image) -> Image.Image:
    """Apply EXIF orientation, convert to sRGB, then drop every piece of metadata (GPS included)."""
    upright = ImageOps.exif_transpose(image)
    profile = image.info.get("icc_profile")
    has_alpha = upright.mode in ("RGBA", "LA", "PA") or (
        upright.mode in ("P", "L", "RGB") and "transparency" in upright.info
    )
    alpha = upright.convert("RGBA").getchannel("A") if has_alpha else None
    rgb = _to_srgb(upright, profile)
    if alpha is not None:
        rgb.putalpha(alpha)
    clean = Image.new(rgb.mode, rgb.size)
    clean.paste(rgb)
    return clean


def _to_srgb(image: Image.Image, profile: bytes | None) -> Image.Image:
    if profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            base = image if image.mode in ("RGB", "CMYK", "L") else image.convert("RGB")
            converted = ImageCms.profileToProfile(
                base, source, ImageCms.createProfile("sRGB"), outputMode="RGB"
            )
            if converted is not None:
                return converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # A broken profile: the pixels are still usable as they are.
    return image.convert("RGB")


def carries_metadata(data: bytes) -> bool:
    """Whether an image file holds EXIF or XMP (where cameras write GPS positions); reads the
    header only. Unreadable files count as carrying it: nobody can tell."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            return bool(image.getexif()) or any(key in image.info for key in _METADATA_KEYS)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return True


def resized(image: Image.Image, width: int) -> Image.Image:
    """`image` scaled to `width` (never up), keeping its aspect ratio."""
    if width >= image.width:
        return image
    height = max(1, round(image.height * width / image.width))
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def cropped(image: Image.Image, ratio: tuple[int, int]) -> Image.Image:
    """The largest centred part of `image` with aspect ratio `ratio` (width, height); `image`
    itself when it has that ratio already, so what is scaled from it can be shared."""
    want = ratio[0] / ratio[1]
    width, height = image.size
    if width / height > want:
        new_width = round(height * want)
        left = (width - new_width) // 2
        box = (left, 0, left + new_width, height)
    else:
        new_height = round(width / want)
        top = (height - new_height) // 2
        box = (0, top, width, top + new_height)
    return image if box == (0, 0, width, height) else image.crop(box)


def fitted(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """Centre-cropped to the aspect of `size` and scaled to exactly `size` (share cards)."""
    part = cropped(image, size)
    return part.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def encode(image: Image.Image, kind: str, encoding: Encoding, *, optimize: bool = True) -> bytes:
    """The bytes of `image` as `webp`, `jpeg` or `png`: no EXIF, no ICC, no text chunks.
    `optimize=False` skips JPEG's optimised Huffman tables (about 5× faster, ~9% larger)."""
    buffer = io.BytesIO()
    if kind == "webp":
        image.save(buffer, "WEBP", quality=encoding.webp_quality, method=4)
    elif kind == "jpeg":
        flat = image if image.mode == "RGB" else _on_white(image)
        # Baseline, not progressive: progressive costs twice the time for a few per cent.
        flat.save(buffer, "JPEG", quality=encoding.jpeg_quality, optimize=optimize)
    elif kind == "png":
        image.save(buffer, "PNG", optimize=True)
    else:
        raise ValueError(f"unknown image kind {kind!r}")
    return buffer.getvalue()


def fallback_kind(image: Image.Image) -> str:
    """JPEG for photos; PNG keeps transparency (logos, diagrams)."""
    return "png" if image.mode == "RGBA" else "jpeg"


def _on_white(image: Image.Image) -> Image.Image:
    flat = Image.new("RGB", image.size, "white")
    flat.paste(image, mask=image.getchannel("A") if image.mode == "RGBA" else None)
    return flat


def _identify(data: bytes) -> str | None:
    """Formats Pillow cannot open but staff often have, named so the message can say so."""
    if data[4:12] in _HEIF_BRANDS:
        return "HEIC/AVIF"
    head = data[:256].lstrip().lower()
    if head.startswith((b"<svg", b"<?xml")):
        return "SVG"
    return None


def _not_an_image(format_name: str | None) -> str:
    if format_name:
        return _unsupported(format_name)
    return "tệp không phải là ảnh (hoặc đã hỏng từ phần đầu tệp); hãy dùng ảnh JPEG, PNG hoặc WebP"


def _unsupported(format_name: str | None) -> str:
    accepted = ", ".join(dict.fromkeys(SUPPORTED.values()))
    return f"định dạng ảnh {format_name} chưa được hỗ trợ; hãy xuất ảnh sang {accepted}"


def _too_big(size: tuple[int, int] | None, max_pixels: int) -> str:
    limit = f"{max_pixels / 1_000_000:g} triệu điểm ảnh"
    if size is None:
        return f"ảnh quá lớn (vượt giới hạn {limit}); hãy thu nhỏ ảnh trước khi đưa lên"
    width, height = size
    return (
        f"ảnh quá lớn: {width}×{height} = {width * height / 1_000_000:.1f} triệu điểm ảnh "
        f"(giới hạn {limit}); hãy thu nhỏ ảnh trước khi đưa lên"
    )
