"""Configuration of the `bantin-network` plugin (mkdocs.yml → plugins → bantin-network)."""

from __future__ import annotations

from ..engine.host import Config
from ..engine.host import config_options as c


class FeedConfig(Config):
    name = c.Type(str)
    """The unit site's name, as the page shows it."""
    feed = c.Type(str)
    """Its RSS feed: an address (`https://…/feed.xml`, read at build time, the last good copy
    kept in `cache_dir`) or a file relative to mkdocs.yml (a CI job that built the unit's site)."""


class NetworkConfig(Config):
    enabled = c.Type(bool, default=True)
    page = c.Type(str, default="tin-cac-don-vi.md")
    """Source path of the page listing the unit sites' news (generated)."""
    title = c.Type(str, default="Tin các đơn vị")
    feeds = c.ListOfItems(c.SubConfig(FeedConfig), default=[])
    newest = c.Type(int, default=20)
    """How many of the newest items of all sites together head the page."""
    per_site = c.Type(int, default=5)
    """How many items of each site its own section shows."""
    cache_dir = c.Type(str, default=".cache/bantin/network")
    """The last copy of each feed read from an address, relative to mkdocs.yml."""
