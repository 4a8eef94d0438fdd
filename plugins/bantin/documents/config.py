"""Configuration of the `bantin-documents` plugin (mkdocs.yml → plugins → bantin-documents)."""

from __future__ import annotations

from ..engine.host import Config
from ..engine.host import config_options as c
from ..model.addresses import DocumentAddresses

_DEFAULTS = DocumentAddresses()


class DocumentAddressesConfig(Config):
    """Address formats; `{yyyy}`, `{slug}` and `{n}` are filled in."""

    document = c.Type(str, default=_DEFAULTS.document)
    """A document's page: `van-ban/{yyyy}/{slug}/`, the slug made from its number."""
    register = c.Type(str, default=_DEFAULTS.register)
    register_page = c.Type(str, default=_DEFAULTS.register_page)
    year = c.Type(str, default=_DEFAULTS.year)
    year_page = c.Type(str, default=_DEFAULTS.year_page)
    kind = c.Type(str, default=_DEFAULTS.kind)
    kind_page = c.Type(str, default=_DEFAULTS.kind_page)
    unit = c.Type(str, default=_DEFAULTS.unit)
    unit_page = c.Type(str, default=_DEFAULTS.unit_page)
    feed = c.Type(str, default=_DEFAULTS.feed)
    previews = c.Type(str, default=_DEFAULTS.previews)


class DocumentsConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn the register off: no pages, no links from articles."""
    addresses = c.SubConfig(DocumentAddressesConfig)
    page_size = c.Type(int, default=20)
    """Documents on each page of the register and of its lists."""
    feed_size = c.Type(int, default=20)
    link_articles = c.Type(bool, default=True)
    """Turn the numbers of registered documents in articles into links to their pages."""
    previews = c.Type(bool, default=True)
    """Draw the first page of each PDF as a small image on the document's page."""
    preview_width = c.Type(int, default=360)
    """Width in pixels of that image (shown at half on a phone's dense screen)."""
    nav = c.Type(bool, default=True)
    """Add the register to the tabs."""
    home_newest = c.Type(int, default=5)
    """Newest documents offered to the home page's side block (0: none)."""
