"""Configuration of the `bantin` plugin (mkdocs.yml → plugins → bantin)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class SiteConfig(Config):
    defaults = c.Type(bool, default=True)
    """Fill in what a news site needs where mkdocs.yml keeps MkDocs' or Material's default: the
    nav, nav validation, our stylesheets and scripts, fonts served by the site, language,
    features, logo, Markdown extensions. Off: the site spells out all of it itself."""
