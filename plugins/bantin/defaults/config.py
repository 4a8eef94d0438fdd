"""Configuration of the `bantin` plugin (mkdocs.yml → plugins → bantin)."""

from __future__ import annotations

from ..engine.host import Config
from ..engine.host import config_options as c


class SiteConfig(Config):
    defaults = c.Type(bool, default=True)
    """Fill in what a news site needs where mkdocs.yml keeps MkDocs' or Material's default: the
    nav, nav validation, our stylesheets and scripts, fonts served by the site, language, logo,
    Markdown extensions. Off: the site spells out all of it itself."""
    site_version = c.Optional(c.Type(int))
    """The version of the site's own files (mkdocs.yml, content/_data) that `bantin init` wrote;
    `bantin check` says what to change when the installed tool expects a newer one."""
    trim_material_css = c.Type(bool, default=True)
    """Publish Material's stylesheet without the components no Bản Tin page shows (its header,
    tabs, search, code highlighting...): 9 KB gzipped instead of 23, painted sooner on a slow
    phone (`bantin.defaults.materialcss`). Off for a site whose own templates use them."""
    registry = c.Optional(c.Type(str))
    """A registry folder shared by several sites (units.yml, categories.yml, links.yml), relative
    to mkdocs.yml, or `package:NAME` for an installed Python package holding them. Unset: the
    site's own content/_data/."""
