"""Configuration of the `bantin-images` plugin (mkdocs.yml → plugins → bantin-images)."""

from __future__ import annotations

from ..engine.host import Config
from ..engine.host import config_options as c
from .encode import Encoding
from .products import Settings


class ImagesConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn the image pipeline off: covers and body images are then published as they are."""
    widths = c.ListOfItems(c.Type(int), default=list(Settings.widths))
    """Widths (pixels) of the WebP files of covers and body images; never wider than the source."""
    thumb_widths = c.ListOfItems(c.Type(int), default=list(Settings.thumb_widths))
    """Widths of the 16:9 thumbnails on index cards."""
    fallback_width = c.Type(int, default=Settings.fallback_width)
    """Width of the single JPEG/PNG for browsers without WebP."""
    webp_quality = c.Type(int, default=Encoding.webp_quality)
    jpeg_quality = c.Type(int, default=Encoding.jpeg_quality)
    max_pixels = c.Type(int, default=Settings.max_pixels)
    """Larger images are refused (decompression bombs; a 48 MP phone photo still passes)."""
    sizes = c.Type(str, default="(min-width: 100em) 1100px, (min-width: 76.25em) 940px, 100vw")
    """The `sizes` of article images: how wide they show, so phones pick a small file."""
    thumb_sizes = c.Type(str, default="(min-width: 45em) 330px, 100vw")
    """The `sizes` of card thumbnails."""
    output_dir = c.Type(str, default=Settings.output_dir)
    """Where the published images go inside the site."""
    workers = c.Optional(c.Type(int))
    """Processes that encode images and draw share cards when the cache lacks them. Unset: one
    per CPU this build may use, once there is enough work to pay for starting them (a few photos
    or about 100 cards); `1`: all in the build's own process; `N`: N processes whenever there is
    more than one job. The published files are the same byte for byte whatever the number."""
    cache_dir = c.Type(str, default=".cache/images")
    """Encoded images kept between builds, relative to the folder of mkdocs.yml."""
    share_cards = c.Type(bool, default=True)
    """Draw a 1200×630 share card for articles without a cover."""
    share_logo = c.Optional(c.Type(str))
    """The organisation's logo on drawn share cards, relative to docs_dir (a PNG with
    transparency is best); without it, Bản Tin's own mark."""

    def settings(self) -> Settings:
        return Settings(
            widths=tuple(self.widths),
            thumb_widths=tuple(self.thumb_widths),
            fallback_width=self.fallback_width,
            max_pixels=self.max_pixels,
            encoding=Encoding(self.webp_quality, self.jpeg_quality),
            output_dir=self.output_dir.strip("/"),
        )
