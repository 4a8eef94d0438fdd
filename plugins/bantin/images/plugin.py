"""The `bantin-images` plugin: responsive covers and body images, thumbnails and share cards.

Hooks only dispatch: `collect.prepare` produces every image before anything is written (share
cards go on being drawn in worker processes until `on_env`), `markup.rewrite` swaps body images
for pictures, and the markup itself lives in theme/bantin/partials/picture.html.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from pathlib import Path

from markupsafe import Markup

from ..articles import catalog_of, report_of
from ..engine.cachedfile import CachedFile
from ..engine.host import (
    BasePlugin,
    Files,
    MkDocsConfig,
    Page,
    event_priority,
    plugin_logger,
)
from ..engine.runmode import RunMode
from ..model.catalog import Catalog
from ..model.configtext import plain
from ..model.seo import absolute
from . import markup
from .cache import ImageCache
from .collect import (
    ArticleImages,
    Drawing,
    ShareOptions,
    SiteImages,
    clean_strays,
    prepare,
    problems,
)
from .config import ImagesConfig

log = plugin_logger(__name__)

PICTURE_TEMPLATE = "bantin/partials/picture.html"


class ImagesPlugin(BasePlugin[ImagesConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.mode = RunMode()
        self.catalog: Catalog | None = None
        self.images: SiteImages | None = None
        self.cache: ImageCache | None = None
        self.macros = None
        self.drawing: Drawing | None = None
        self.strays: dict[str, Path | None] = {}
        self._remade = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.mode.start(command)

    # After bantin-articles (50) has read the catalog; still before MkDocs cleans site_dir, so a
    # strict build with a bad image stops with the previous site untouched.
    @event_priority(0)
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.catalog = self.images = self.cache = self.macros = self.drawing = None
        self.strays = {}
        self._remade = False
        if not self.config.enabled:
            return
        self.catalog = catalog_of(config)
        self.images, errors, self.drawing, self.strays, stray_errors = self._prepare(config)
        self.cache.save_sources()
        report = report_of(config)
        report.add([*errors, *stray_errors])
        # Articles left out for other errors: their images too, so all show in one round.
        report.add(
            problems(
                self.catalog.flawed,
                Path(config.docs_dir),
                Path(config.config_file_path).parent,
                self.config.max_pixels,
            )
        )
        self.macros = config.theme.get_env().get_template(PICTURE_TEMPLATE).module

    # Late, so the published variants join the files after every plugin has placed its own.
    @event_priority(-50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.images is None:
            return files
        for url, cached in self.images.outputs().items():
            files.append(self._published(config, url, cached))
        for file in list(files):
            if file.src_uri in self.strays and file.generated_by is None:
                files.remove(file)
                clean = self.strays[file.src_uri]
                if clean is not None:
                    files.append(self._published(config, file.src_uri, clean))
        return files

    def _published(self, config: MkDocsConfig, url: str, cached: Path) -> CachedFile:
        file = CachedFile.generated(config, url, abs_src_path=str(cached))
        file.remake = lambda: self._remake(config)
        return file

    def _remake(self, config: MkDocsConfig) -> None:
        """`.cache/` was deleted during the build: encode again what it publishes (the same
        keys, so the same paths), once."""
        if self._remade:
            return
        self._remade = True
        log.info("Ảnh: bộ nhớ đệm bị xoá trong khi build; mã hoá lại")
        drawing = self._prepare(config)[2]
        drawing.finish()

    def _prepare(self, config: MkDocsConfig):
        """Look up or encode every image the catalog's articles publish, and the clean copies
        of stray content images: (images, errors, drawing, strays, stray errors)."""
        root = Path(config.config_file_path).parent
        self.cache = ImageCache(root / self.config.cache_dir)
        share = ShareOptions(
            self.config.share_cards, plain(config.site_name), self.config.share_logo
        )
        images, errors, drawing = prepare(
            self.catalog.articles,
            Path(config.docs_dir),
            root,
            self.config.settings(),
            self.cache,
            share,
            (self.config.sizes, self.config.thumb_sizes),
            self.config.workers,
        )
        strays, stray_errors = clean_strays(
            Path(config.docs_dir), root, images.sources, self.config.settings(), self.cache
        )
        return images, errors, drawing, strays, stray_errors

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files):
        if self.images is None or self.catalog is None or page.file.generated_by is not None:
            return html
        article = self.catalog.by_src.get(page.file.src_uri)
        if article is None:
            return html
        images = self.images.articles.get(article.src, ArticleImages())
        return body_html(
            html, page.file.dest_uri, images, self._render, first_eager=images.cover is None
        )

    # After bantin-articles (0) has put the JSON-LD in the context: its `image` named the cover
    # file, which is not published as it is; it names the published images instead.
    @event_priority(-50)
    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        article = context.get("article")
        if self.images is not None and article is not None and "article_ld" in context:
            context["article_ld"] = with_images(
                context["article_ld"], self.images.articles.get(article.src), config.site_url
            )
        return context

    # The last hook before MkDocs copies the files: the cards drawn meanwhile must be there.
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        if self.images is None:
            return env
        if self.drawing is not None:
            self.drawing.finish()
            self.drawing = None
        log.info(
            f"Ảnh: mã hoá {self.cache.stored} mục mới, dùng lại {self.cache.hits} mục từ bộ nhớ đệm"
        )
        env.globals["bantin_images"] = self.images
        # Sources stay in `files` until here so MkDocs can resolve the Markdown links to them;
        # what is published is their re-encoded, metadata-free variants only.
        for file in list(files):
            if file.src_uri in self.images.sources and file.generated_by is None:
                files.remove(file)
        return env

    def on_build_error(self, *, error: Exception) -> None:
        if self.drawing is not None:
            self.drawing.close()
            self.drawing = None

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.cache is not None:
            removed = self.cache.clean()
            if removed:
                log.info(f"Ảnh: đã xoá {removed} mục cũ khỏi bộ nhớ đệm")

    def _render(self, picture, alt: str, caption: str | None, base: str, eager: bool) -> str:
        sizes = self.images.sizes
        if caption is None:
            return str(self.macros.picture(picture, alt, sizes, base, eager))
        return str(self.macros.figure(picture, alt, Markup(caption), sizes, base, eager))


def with_images(data: dict, images: ArticleImages | None, site_url: str | None) -> dict:
    """JSON-LD whose `image` lists the share card and the cover's fallback, as published."""
    published = []
    if images is not None:
        if images.share is not None:
            published.append(images.share.url)
        if images.cover is not None:
            published.append(images.cover.fallback.url)
    data = {key: value for key, value in data.items() if key != "image"}
    if published:
        data["image"] = [absolute(site_url, url) for url in published]
    return data


def body_html(
    html: str,
    dest_uri: str,
    images: ArticleImages,
    render: Callable[..., str],
    *,
    first_eager: bool,
) -> str:
    """The article HTML with its images as pictures, bad ones removed (their captions kept)."""
    folder = posixpath.dirname(dest_uri)
    base = posixpath.relpath(".", folder or ".")
    eager = [first_eager]

    def one(found: markup.Found) -> str | None:
        src = found.attributes.get("src", "")
        if not src or not markup.is_local(src):
            return None
        path = markup.resolve(src, folder)
        if src in images.left_out or path in images.left_out:
            return ""
        picture = images.body.get(path)
        if picture is None:
            return None
        first, eager[0] = eager[0], False
        return render(picture, found.attributes.get("alt", ""), found.caption, base, first)

    return markup.rewrite(html, one)
