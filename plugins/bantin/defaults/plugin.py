"""The `bantin` plugin: puts the tool's templates on the site's template search path and fills
in a news site's defaults, so a site's mkdocs.yml holds only its name, address, organisation and
plugins. The MkDocs-specific work lives in `bantin.engine.themepath`."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority

from .. import __version__
from ..engine.themepath import add_theme, apply_defaults, generator
from .config import SiteConfig


class SitePlugin(BasePlugin[SiteConfig]):
    supports_multiple_instances = False

    # First of all: the other plugins read the theme's folders and the defaults in their own
    # on_config and later hooks (the images plugin loads a template of ours).
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        add_theme(config)
        if self.config.defaults:
            apply_defaults(config, _search_page(config))
        return config

    def on_env(self, env, *, config: MkDocsConfig, files):
        env.globals["bantin_version"] = __version__
        env.globals["bantin_generator"] = generator()
        return env


def _search_page(config: MkDocsConfig) -> str | None:
    """The search page's file, when the site uses bantin-search."""
    plugin = config.plugins.get("bantin-search")
    if plugin is None or not plugin.config.enabled:
        return None
    return plugin.config.page
