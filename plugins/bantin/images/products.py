"""What is published for one source image: responsive sets, 16:9 thumbnails, share cards.

A source is looked up (`look_up`: cache keys and hits, cheap), its missing products made (`make`:
one decode, then resize and encode; pure enough to run in a worker process) and the result
`published` under site addresses. `produce` does the three in this process.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from . import encode
from .cache import ImageCache, Source, Stored, cache_key, write_entry

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


@dataclass(frozen=True)
class Lookup:
    """The cache keys of one source's products and the entries the cache already holds."""

    keys: dict[str, str]
    found: dict[str, list[Stored]]

    @property
    def missing(self) -> dict[str, str]:
        """The products to make, with their keys."""
        return {product: key for product, key in self.keys.items() if product not in self.found}


def look_up(
    source: Source, products: tuple[str, ...], settings: Settings, cache: ImageCache
) -> Lookup:
    keys = {
        product: cache_key(settings.fingerprint(product), source.digest) for product in products
    }
    found = {product: cache.get(key) for product, key in keys.items()}
    return Lookup(keys, {product: items for product, items in found.items() if items is not None})


def make(
    data: bytes, missing: dict[str, str], settings: Settings, store: Path
) -> dict[str, list[Stored]]:
    """Decode a source once and store each missing product in the cache folder `store`; raises
    `encode.ImageProblem` for a bad image. Runs in worker processes too: it touches no ImageCache."""
    needed = (max(*settings.widths, *settings.thumb_widths, SHARE_SIZE[0]), SHARE_SIZE[1])
    image = encode.load(data, settings.max_pixels, least=needed)
    scaled = _Scaled()
    return {
        product: write_entry(store, key, _render(image, product, settings, scaled))
        for product, key in missing.items()
    }


def published(
    stem: str, lookup: Lookup, made: dict[str, list[Stored]], settings: Settings, cache: ImageCache
) -> dict[str, Picture | Variant]:
    """The products of one source as the site publishes them; `made` are the entries just stored."""
    for key in (lookup.keys[product] for product in made):
        cache.record(key)
    stored = {**lookup.found, **made}
    return {
        product: _published(stem, key, stored[product], product, settings, cache)
        for product, key in lookup.keys.items()
    }


def produce(
    source: Source, stem: str, products: tuple[str, ...], settings: Settings, cache: ImageCache
) -> dict[str, Picture | Variant]:
    """The products of one source image, in this process; raises `encode.ImageProblem`.

    The source is decoded at most once, and only when the cache lacks one of the products; a warm
    rebuild reads manifests, nothing more."""
    lookup = look_up(source, products, settings, cache)
    made = make(source.read(), lookup.missing, settings, cache.root) if lookup.missing else {}
    return published(stem, lookup, made, settings, cache)


def card_key(identity: bytes, settings: Settings) -> str:
    """The cache key of a share card drawn from `identity` (everything that shapes it)."""
    return cache_key(settings.fingerprint("drawn-by-word"), identity)


CARD_FILE = Stored("share.jpg", *SHARE_SIZE, TYPES["jpeg"])
"""The one file of a drawn card's entry: known before it is drawn, so pages can name it."""


def make_card(image: Image.Image, key: str, settings: Settings, store: Path) -> list[Stored]:
    """Store a drawn share card in the cache folder `store` (worker processes too)."""
    assert image.size == SHARE_SIZE, "a card is drawn at its published size"
    # A site draws a card for every article, and only social networks' crawlers fetch them:
    # encoding time counts more than the 9% that optimised Huffman tables would save.
    data = encode.encode(image, "jpeg", settings.encoding, optimize=False)
    return write_entry(store, key, [(CARD_FILE, data)], manifest=False)


def published_card(stem: str, key: str, items: list[Stored], settings: Settings, cache) -> Variant:
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


def _render(
    image: Image.Image, product: str, settings: Settings, scaled: _Scaled
) -> list[tuple[Stored, bytes]]:
    if product == SHARE:
        return [_stored("share.jpg", encode.fitted(image, SHARE_SIZE), "jpeg", settings)]
    if product == THUMBNAIL:
        image = encode.cropped(image, THUMB_RATIO)
        widths = settings.thumb_widths
    else:
        widths = settings.widths
    files = [
        _stored(f"{width}.webp", scaled(image, width), "webp", settings)
        for width in planned_widths(image.width, widths)
    ]
    kind = encode.fallback_kind(image)
    fallback = scaled(image, min(settings.fallback_width, image.width))
    files.append(_stored(f"fallback.{EXTENSIONS[TYPES[kind]]}", fallback, kind, settings))
    return files


class _Scaled:
    """`encode.resized`, done once per image and width: a responsive set's fallback has the width
    of one of its WebP files, and a photo already 16:9 is its own thumbnail crop."""

    def __init__(self):
        self._done: dict[tuple[int, int], tuple[Image.Image, Image.Image]] = {}

    def __call__(self, image: Image.Image, width: int) -> Image.Image:
        # Keyed by identity; the source image is kept in the value so its id stays its own.
        key = (id(image), width)
        if key not in self._done:
            self._done[key] = (image, encode.resized(image, width))
        return self._done[key][1]


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
