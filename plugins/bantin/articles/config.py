"""Configuration of the `bantin-articles` plugin (mkdocs.yml → plugins → bantin-articles)."""

from __future__ import annotations

from ..engine.host import Config
from ..engine.host import config_options as c
from ..model.addresses import Addresses
from ..model.sanitize import DEFAULT_VIDEO_HOSTS


class AddressesConfig(Config):
    """Address formats; `{yyyy}`, `{mm}`, `{slug}` and `{n}` are filled in."""

    article = c.Type(str, default=Addresses.article)
    """An article: `{yyyy}/{mm}/{slug}/`."""
    category = c.Type(str, default=Addresses.category)
    category_page = c.Type(str, default=Addresses.category_page)
    unit = c.Type(str, default=Addresses.unit)
    unit_page = c.Type(str, default=Addresses.unit_page)
    units = c.Type(str, default=Addresses.units)
    """The overview of the organisation tree."""
    archive = c.Type(str, default=Addresses.archive)
    archive_year = c.Type(str, default=Addresses.archive_year)
    archive_month = c.Type(str, default=Addresses.archive_month)
    tag = c.Type(str, default=Addresses.tag)
    tag_page = c.Type(str, default=Addresses.tag_page)
    feed = c.Type(str, default=Addresses.feed)
    """The RSS file beside each index: the site's, each category's and each unit's."""


class ArticlesConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn the article catalog off (and with it every bantin page)."""
    addresses = c.SubConfig(AddressesConfig)
    """Where each kind of page lives."""
    sanitize_video_hosts = c.ListOfItems(c.Type(str), default=list(DEFAULT_VIDEO_HOSTS))
    """Hosts whose https iframes may appear in articles (video embeds)."""
    cache = c.Type(bool, default=True)
    """Keep converted Markdown in `.cache/bantin/` beside mkdocs.yml, for fast warm builds."""
    workers = c.Type(int, default=0)
    """Processes that render pages in `bantin build` and `--dirty` builds: 0 is one per core
    when there are enough pages to render, 1 renders in MkDocs' process alone."""
    publisher = c.Optional(c.Type(str))
    """The organisation named as publisher in metadata; defaults to `site_name`."""
