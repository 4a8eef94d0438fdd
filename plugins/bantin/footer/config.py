"""Configuration of the `bantin-links` plugin (mkdocs.yml → plugins → bantin-links)."""

from __future__ import annotations

from ..engine.host import Config
from ..engine.host import config_options as c


class LinksConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn the linked-websites footer off."""
    data_file = c.Type(str, default="_data/links.yml")
    """The list of linked websites, relative to docs_dir."""
    logo_height = c.Type(int, default=40)
    """Height of every logo in the footer grid, in CSS pixels."""
    logo_max_width = c.Type(int, default=160)
    """Widest a logo may be, in CSS pixels; wider ones are scaled down and centred."""
    logo_dir = c.Type(str, default="assets/links")
    """Where the normalised logos go in the built site."""
    cache_dir = c.Type(str, default=".cache/bantin/links")
    """Normalised logos kept between builds, relative to the folder of mkdocs.yml."""
