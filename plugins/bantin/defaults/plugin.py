"""The `bantin` plugin: puts the tool's templates on the site's template search path and fills
in a news site's defaults, so a site's mkdocs.yml holds only its name, address, organisation and
plugins; finds the registry a site shares with others. The MkDocs-specific work lives in
`bantin.engine.themepath` and `bantin.engine.siteconfig`."""

from __future__ import annotations

from pathlib import Path

from .. import __version__
from ..engine.host import BasePlugin, MkDocsConfig, PluginError, event_priority
from ..engine.siteconfig import shared_registry
from ..engine.themepath import add_theme, apply_defaults, generator
from .config import SiteConfig
from .materialcss import trim_site


class SitePlugin(BasePlugin[SiteConfig]):
    supports_multiple_instances = False

    # First of all: the other plugins read the theme's folders and the defaults in their own
    # on_config and later hooks (the images plugin loads a template of ours).
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        add_theme(config)
        if self.config.defaults:
            apply_defaults(config, generated_pages(config))
        check_registry(config)
        return config

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        # A shared registry lives outside docs_dir: a change to it rebuilds the preview too.
        shared = shared_registry(config)
        if shared is not None:
            server.watch(str(shared))
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.config.trim_material_css:
            trim_site(Path(config.site_dir))

    def on_env(self, env, *, config: MkDocsConfig, files):
        env.globals["bantin_version"] = __version__
        env.globals["bantin_generator"] = generator()
        return env


def check_registry(config: MkDocsConfig) -> None:
    """A shared registry that is not there stops the build with where it was looked for."""
    value = config.plugins["bantin"].config.registry
    if not value:
        return
    try:
        folder = shared_registry(config)
    except ImportError as error:
        raise PluginError(
            f"mkdocs.yml: plugins → bantin → registry: không nạp được gói '{value}' ({error}); "
            "hãy cài gói danh mục (pip install ...)"
        ) from None
    if folder is None or not (folder / "units.yml").is_file():
        where = Path(config.config_file_path).parent
        raise PluginError(
            f"mkdocs.yml: plugins → bantin → registry: không thấy units.yml trong '{value}' "
            f"(tính từ {where}); hãy sửa đường dẫn tới thư mục danh mục dùng chung"
        )


# The plugins whose page ends the default nav, in this order, and the option naming the page.
LAST_PAGES = (("bantin-network", "page"), ("bantin-search", "page"))


def generated_pages(config: MkDocsConfig) -> list[str]:
    """The pages our plugins make (the unit sites' news, search), for those that are on."""
    pages = []
    for name, option in LAST_PAGES:
        plugin = config.plugins.get(name)
        if plugin is not None and plugin.config.enabled:
            pages.append(plugin.config[option])
    return pages
