"""What is published for one source image: responsive sets, 16:9 thumbnails, share cards.

`produce` decodes a source at most once, and only when the cache lacks one of the products asked
for; a warm rebuild reads the source bytes, hashes them and reads manifests, nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from . import encode
from .cache import ImageCache, Source, Stored, cache_key

TYPES = {"webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}
EXTENSIONS = {"image/webp": "webp", "image/jpeg": "jpg", "image/png": "png"}
SHARE_SIZE = (1200, 630)
THUMB_RATIO = (16, 9)

RESPONSIVE = "responsive"
THUMBNAIL = "thumbnail"
SHARE = "share"


@dataclass(frozen=True)
class Settings:
    """Everything that changes the published bytes; it is part of every cache key."""

    widths: tuple[int, ...] = (480, 800, 1200, 1600)
    thumb_widths: tuple[int, ...] = (320, 640)
    fallback_width: int = 800
    max_pixels: int = 40_000_000
    encoding: encode.Encoding = field(default_factory=encode.Encoding)
    output_dir: str = "assets/anh"

    def fingerprint(self, product: str) -> str:
        widths = self.thumb_widths if product == THUMBNAIL else self.widths
        return f"v1-{product}-{widths}-{self.fallback_width}-{self.encoding.fingerprint()}"


@dataclass(frozen=True)
class Variant:
    """One published file: its site path, pixel size, MIME type, and the cached bytes to copy."""

    url: str
    width: int
    height: int
    type: str
    cached: Path


@dataclass(frozen=True)
class Picture:
    """A responsive image: WebP at several widths (narrowest first) and one JPEG/PNG fallback."""

    sources: tuple[Variant, ...]
    fallback: Variant

    @property
    def width(self) -> int:
        return self.sources[-1].width

    @property
    def height(self) -> int:
        return self.sources[-1].height

    @property
    def variants(self) -> tuple[Variant, ...]:
        return (*self.sources, self.fallback)


def produce(
    source: Source, stem: str, products: tuple[str, ...], settings: Settings, cache: ImageCache
) -> dict[str, Picture | Variant]:
    """The products of one source image; raises `encode.ImageProblem` for a bad image."""
    keys = {
        product: cache_key(settings.fingerprint(product), source.digest) for product in products
    }
    stored = {product: cache.get(key) for product, key in keys.items()}
    missing = [product for product, items in stored.items() if items is None]
    if missing:
        needed = (max(*settings.widths, *settings.thumb_widths, SHARE_SIZE[0]), SHARE_SIZE[1])
        image = encode.load(source.read(), settings.max_pixels, least=needed)
        for product in missing:
            stored[product] = cache.put(keys[product], _render(image, product, settings))
    return {
        product: _published(stem, keys[product], items, product, settings, cache)
        for product, items in stored.items()
    }


def drawn_share(identity: bytes, draw, stem: str, settings: Settings, cache: ImageCache) -> Variant:
    """A share card drawn by `draw()` (no cover), cached under everything that shapes it."""
    key = cache_key(settings.fingerprint("drawn"), identity)
    items = cache.get(key)
    if items is None:
        image = draw()
        items = cache.put(key, [_stored("share.jpg", image, "jpeg", settings)])
    return _published(stem, key, items, SHARE, settings, cache)


def cleaned(data: bytes, kind: str, settings: Settings, cache: ImageCache) -> Path:
    """`data` re-encoded at full size in its own format (`jpeg`, `png`, `webp`): upright, sRGB,
    without metadata. For images published as they are, outside articles."""
    key = cache_key(settings.fingerprint("clean"), kind, data)
    name = f"clean.{EXTENSIONS[TYPES[kind]]}"
    if cache.get(key) is None:
        image = encode.load(data, settings.max_pixels)
        quality = encode.Encoding(webp_quality=90, jpeg_quality=90)
        cache.put(
            key, [(Stored(name, *image.size, TYPES[kind]), encode.encode(image, kind, quality))]
        )
    return cache.path(key, name)


def _render(image: Image.Image, product: str, settings: Settings) -> list[tuple[Stored, bytes]]:
    if product == SHARE:
        return [_stored("share.jpg", encode.fitted(image, SHARE_SIZE), "jpeg", settings)]
    if product == THUMBNAIL:
        image = encode.cropped(image, THUMB_RATIO)
        widths = settings.thumb_widths
    else:
        widths = settings.widths
    files = [
        _stored(f"{width}.webp", encode.resized(image, width), "webp", settings)
        for width in planned_widths(image.width, widths)
    ]
    kind = encode.fallback_kind(image)
    fallback = encode.resized(image, min(settings.fallback_width, image.width))
    files.append(_stored(f"fallback.{EXTENSIONS[TYPES[kind]]}", fallback, kind, settings))
    return files


def planned_widths(width: int, widths: tuple[int, ...]) -> list[int]:
    """The configured widths up to the image's own: images are never scaled up."""
    top = min(width, max(widths))
    return sorted({w for w in widths if w < top} | {top})


def _stored(name: str, image: Image.Image, kind: str, settings: Settings) -> tuple[Stored, bytes]:
    data = encode.encode(image, kind, settings.encoding)
    return Stored(name, image.width, image.height, TYPES[kind]), data


def _published(
    stem: str,
    key: str,
    items: list[Stored],
    product: str,
    settings: Settings,
    cache: ImageCache,
) -> Picture | Variant:
    def variant(item: Stored) -> Variant:
        label = item.name.rsplit(".", 1)[0]
        extension = EXTENSIONS[item.type]
        url = f"{settings.output_dir}/{stem}-{key[:10]}-{label}.{extension}"
        return Variant(url, item.width, item.height, item.type, cache.path(key, item.name))

    variants = [variant(item) for item in items]
    if product == SHARE:
        return variants[0]
    sources = tuple(v for v in variants if v.type == "image/webp")
    fallback = next(v for v in variants if v.type != "image/webp")
    return Picture(sources, fallback)
