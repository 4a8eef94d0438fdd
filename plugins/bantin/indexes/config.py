"""Configuration of the `bantin-indexes` plugin (mkdocs.yml → plugins → bantin-indexes).

Addresses are not here: they belong to `bantin-articles` (`addresses:`), read via the catalog.
"""

from __future__ import annotations

from ..engine.host import Config
from ..engine.host import config_options as c
from .related import Weights


class RelatedConfig(Config):
    """Weights of what two articles share, for "Tin liên quan"."""

    unit = c.Type(int, default=Weights.unit)
    category = c.Type(int, default=Weights.category)
    tag = c.Type(int, default=Weights.tag)
    """Points per shared tag."""


class IndexesConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn off every index page, feed and article neighbour list."""
    page_size = c.Type(int, default=12)
    """Cards per page of a category, unit or tag."""
    feed_size = c.Type(int, default=20)
    """Newest articles in each RSS feed."""
    home_featured = c.Type(int, default=4)
    home_newest = c.Type(int, default=10)
    home_per_category = c.Type(int, default=4)
    """Cards in each category's block on the home page."""
    related_count = c.Type(int, default=5)
    others_count = c.Type(int, default=5)
    """"Tin khác": the newest others of the article's category."""
    related_weights = c.SubConfig(RelatedConfig)
    nav = c.Type(bool, default=True)
    """Add the categories, the unit overview and the archive to the tabs, after the home page."""
