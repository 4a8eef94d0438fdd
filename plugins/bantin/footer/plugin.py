"""The `bantin-links` plugin: the linked-websites footer of every page, and the share links.

Hooks only dispatch: reading and validation live in `registry`, logo work in `logos`, and the
HTML in theme/bantin/partials/footer.html, which reads the `bantin_links` Jinja global (a
global, not page context, because the 404 page has no page events).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..articles import report_of
from ..engine.cachedfile import CachedFile
from ..engine.host import (
    BasePlugin,
    Files,
    MkDocsConfig,
    event_priority,
    plugin_logger,
)
from ..engine.runmode import RunMode
from ..engine.siteconfig import links_file
from ..model.catalog import shown_path
from ..model.errors import ContentError
from ..model.share import share_links
from .config import LinksConfig
from .logos import Logo, LogoError, normalise
from .registry import Link, LinkGroup, group_links, read_links

log = plugin_logger(__name__)


@dataclass(frozen=True)
class LogoAsset:
    """A normalised logo as the site serves it: paths relative to the site root, CSS size."""

    webp: str
    png: str
    width: int
    height: int


@dataclass(frozen=True)
class LinkDirectory:
    """What the footer shows: the groups of links, and the logo of each link (by url)."""

    groups: tuple[LinkGroup, ...] = ()
    logos: dict[str, LogoAsset] = field(default_factory=dict)

    @property
    def links(self) -> tuple[Link, ...]:
        return tuple(link for group in self.groups for link in group.links)


class LinksPlugin(BasePlugin[LinksConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.mode = RunMode()
        self.directory = LinkDirectory()
        self.logo_files: dict[str, Path] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.mode.start(command)

    # Any priority above bantin-articles' report (-100) works: the errors join the run's report.
    @event_priority(0)
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.directory, self.logo_files = LinkDirectory(), {}
        if not self.config.enabled:
            return
        root = Path(config.config_file_path).parent
        path, logo_base = links_file(config, self.config.data_file)
        links, errors = read_links(path, root, logo_base)
        logos, logo_errors = prepare_logos(links, path, logo_base, root, self.config)
        report_of(config).add(errors + logo_errors)
        # A link whose logo could not be used is still shown (by name) outside strict builds.
        self.directory = LinkDirectory(group_links(links), {u: a for u, (a, _) in logos.items()})
        for asset, logo in logos.values():
            self.logo_files[asset.webp] = logo.webp
            self.logo_files[asset.png] = logo.png

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for uri, path in self.logo_files.items():
            if files.get_file_from_path(uri) is None:
                file = CachedFile.generated(config, uri, abs_src_path=str(path))
                file.remake = lambda: self._remake(config)
                files.append(file)
        return files

    def _remake(self, config: MkDocsConfig) -> None:
        """`.cache/` was deleted during the build: the logos again, at the same paths."""
        root = Path(config.config_file_path).parent
        links, _ = read_links(Path(config.docs_dir), root, self.config.data_file)
        prepare_logos(links, Path(config.docs_dir), root, self.config)

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        env.globals["bantin_links"] = self.directory
        env.globals["share_links"] = share_links
        return env


def prepare_logos(
    links: tuple[Link, ...], path: Path, logo_base: Path, root: Path, config: LinksConfig
) -> tuple[dict[str, tuple[LogoAsset, Logo]], list[ContentError]]:
    """Normalise every logo (through the cache); a logo Pillow cannot decode is a content error."""
    cache = root / config.cache_dir
    prepared: dict[str, tuple[LogoAsset, Logo]] = {}
    errors: list[ContentError] = []
    for link in links:
        if not link.logo:
            continue
        try:
            logo = normalise(
                logo_base / link.logo, cache, config.logo_height, config.logo_max_width
            )
        except LogoError as error:
            errors.append(
                ContentError(
                    shown_path(path, root),
                    link.line,
                    "logo",
                    f"không xử lý được ảnh '{link.logo}': {error}",
                )
            )
            continue
        base = config.logo_dir.strip("/")
        asset = LogoAsset(
            webp=f"{base}/{logo.webp.name}",
            png=f"{base}/{logo.png.name}",
            width=logo.width,
            height=logo.height,
        )
        prepared[link.url] = (asset, logo)
    return prepared, errors
