"""The `bantin-network` plugin: a page listing the newest articles of unit sites, read from
their feeds at build time (`feeds.py`); the HTML is theme/bantin/network.html."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..articles import report_of
from ..engine.host import BasePlugin, File, Files, MkDocsConfig, Page, plugin_logger
from ..model.errors import ContentError
from .config import NetworkConfig
from .feeds import FeedError, FeedItem, SiteNews, newest, read_site

log = plugin_logger(__name__)

TEMPLATE = "bantin/network.html"


@dataclass(frozen=True)
class NetworkView:
    """What theme/bantin/network.html shows: the newest of all, then each site's own."""

    newest: tuple[FeedItem, ...]
    sites: tuple[SiteNews, ...]


class NetworkPlugin(BasePlugin[NetworkConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.view: NetworkView | None = None

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.view = None
        if not self.config.enabled:
            return
        root = Path(config.config_file_path).parent
        sites, errors = read_sites(self.config, root, Path(config.config_file_path))
        report_of(config).add(errors)
        for site in sites:
            if site.note:
                # Another site being down is news for the log, not a failed build.
                log.info(f"Tin các đơn vị: {site.name}: {site.note}")
        self.view = NetworkView(tuple(newest(sites, self.config.newest)), tuple(sites))

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.config.enabled and files.get_file_from_path(self.config.page) is None:
            title = self.config.title.replace('"', "'")
            stub = f'---\ntitle: "{title}"\ntemplate: {TEMPLATE}\nhide: [toc]\n---\n'
            files.append(File.generated(config, self.config.page, content=stub))
        return files

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        if self.view is not None and page.file.src_uri == self.config.page:
            context["network"] = self.view
        return context


def read_sites(
    config: NetworkConfig, root: Path, config_file: Path
) -> tuple[list[SiteNews], list[ContentError]]:
    """Every configured site's news; a feed file that is missing or not RSS is an error of
    mkdocs.yml (its maintainer named it) at the line naming it, each one reported."""
    lines = config_file.read_text(encoding="utf-8").splitlines() if config_file.is_file() else []
    sites, errors = [], []
    cache_dir = root / config.cache_dir
    for feed in config.feeds:
        try:
            sites.append(read_site(feed.name, feed.feed, root, cache_dir, config.per_site))
        except FeedError as error:
            line = next((n for n, text in enumerate(lines, 1) if feed.feed in text), 1)
            errors.append(ContentError(config_file.name, line, "feed", f"{feed.name}: {error}"))
    return sites, errors
