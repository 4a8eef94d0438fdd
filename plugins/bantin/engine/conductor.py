"""What makes a build fast, conducted in one place: the caches, the incremental build and the
helper processes of one build.

`bantin-articles` owns the catalog; at the engine's events it hands this object the moments
it needs, in this order (the plugin's priorities say why each comes where it does):

1. `start` (pre_build, once the catalog is read): the Markdown cache, and the incremental build
   when the build replaces a site (`bantin build`) or writes into one (`--dirty`).
2. `page` (files): an article's page converts through the Markdown cache.
3. `plan` (files, last): every file carried over or built again.
4. `keep_nav`, `start_readers` (nav, last): nav pages always rebuilt; carry-over starts;
   helpers convert articles' Markdown while the engine reads pages.
5. `join_readers` (env, first), `open_caches` (env), `start_helpers` (env, last): the template
   and page caches; helpers fork with the final environment and render pages.
6. `join_helpers` (post_build, first), `finish` (post_build, early): pages a helper could not
   write rendered here; the incremental manifest written; caches pruned after a full build.
7. `stop` (build_error): no helper outlives a failed build.

Nothing here is a plugin: a port to another engine calls the same steps from its own events.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from ..model.article import Article
from ..model.catalog import Catalog, OpenCache
from .atomic import replacing
from .cachedpage import ArticlePage
from .host import File, Files, InclusionLevel, MkDocsConfig, plugin_logger
from .incremental import IncrementalBuild, rebuild_all
from .mdcache import MarkdownCache, fingerprint
from .parallel import (
    READ_EVENTS,
    RENDER_EVENTS,
    ParallelMarkdown,
    ParallelPages,
    foreign_handlers,
    worker_count,
)
from .readcache import CACHE_FILE, ReadCache
from .rendercache import PageCache, open_page_cache
from .templatecache import use_template_cache

log = plugin_logger(__name__)

MARKDOWN_CACHE_DIR = ".cache/bantin/markdown"
TEMPLATE_CACHE_DIR = ".cache/bantin/jinja"
PAGE_CACHE_DIR = ".cache/bantin/pages"


class BuildConductor:
    """The fast paths of one build. `cache` turns every cache off when False (`cache: false`
    in mkdocs.yml); `workers` is the plugin's option (0: one process per core)."""

    def __init__(self, *, cache: bool, workers: int, serving: bool, dirty: bool):
        self.caching, self.workers, self.serving, self.dirty = cache, workers, serving, dirty
        self.markdown: MarkdownCache | None = None
        self.pages: PageCache | None = None
        self.incremental: IncrementalBuild | None = None
        self.rendering: ParallelPages | None = None
        self.reading: ParallelMarkdown | None = None
        self.nav = None

    @staticmethod
    def read_cache(config: MkDocsConfig) -> OpenCache:
        """How the catalog opens the articles it read in earlier builds (`readcache`)."""
        return partial(ReadCache, Path(config.config_file_path).parent / CACHE_FILE)

    def start(self, config: MkDocsConfig) -> None:
        self.markdown = markdown_cache(config) if self.caching else None
        previous = replacing() or (Path(config.site_dir) if self.dirty else None)
        if previous is not None and self.caching:
            root = Path(config.config_file_path).parent
            self.incremental = IncrementalBuild(root, Path(config.site_dir), previous)
            self.incremental.start()

    def page(self, file: File, config: MkDocsConfig, article: Article) -> ArticlePage:
        return ArticlePage(file, config, article, self.markdown)

    def plan(self, files: Files, config: MkDocsConfig, catalog: Catalog | None) -> None:
        if self.incremental is not None and catalog is not None:
            self.incremental.plan(config, catalog, files, self.serving)
        elif self.dirty:
            # MkDocs alone would rebuild by modification time and leave every other page stale.
            rebuild_all(files)

    def keep_nav(self, nav) -> None:
        if self.incremental is not None:
            self.incremental.rebuild_nav_pages(nav.items)
            # Which pages are built is final now: the others are linked over meanwhile.
            self.incremental.start_carry_over()
        self.nav = nav

    def start_readers(self, config: MkDocsConfig, files: Files) -> None:
        if self.incremental is None or self.markdown is None:
            return
        pages = [file.page for file in self._to_build(files) if isinstance(file.page, ArticlePage)]
        helpers = self._helpers(config, len(pages), READ_EVENTS)
        if helpers > 0:
            self.reading = ParallelMarkdown.of_pages(pages, helpers, config, files)
            self.markdown.ahead = self.reading.ahead
            self.reading.start()

    def join_readers(self) -> None:
        if self.reading is not None:
            self.reading.join()
            self.reading = None
        if self.markdown is not None:
            self.markdown.ahead = None

    def open_caches(self, env, config: MkDocsConfig, catalog: Catalog | None) -> None:
        if not self.caching:
            return
        root = Path(config.config_file_path).parent
        use_template_cache(env, root / TEMPLATE_CACHE_DIR)
        if catalog is not None:
            self.pages = open_page_cache(env, config, catalog, root / PAGE_CACHE_DIR)

    def start_helpers(self, env, config: MkDocsConfig, files: Files) -> None:
        # Only a build that may skip pages can leave some of them to helpers.
        if self.incremental is None or self.nav is None:
            return
        doc_files = files.documentation_pages(inclusion=self._inclusion())
        to_render = self._to_build(files)
        helpers = self._helpers(config, len(to_render), RENDER_EVENTS)
        if helpers < 1:
            return
        if self.pages is not None:
            self.pages.open()  # once, before the fork, not in every process
        self.rendering = ParallelPages.of_loop(
            to_render, helpers, self.pages, config, doc_files, self.nav, env
        )
        self.rendering.start()

    def join_helpers(self) -> None:
        if self.rendering is None:
            return
        rendering, self.rendering = self.rendering, None
        for index in rendering.join():
            rendering.render(index)

    def finish(self, catalog: Catalog | None) -> None:
        carried = False
        if self.incremental is not None and catalog is not None:
            self.incremental.finish(catalog, self.pages.reads if self.pages else {})
            carried = bool(self.incremental.clean)
        # `serve` shows drafts that `build` leaves out, and an incremental build does not visit
        # the pages it carried over: only a full build decides which cache entries are stale.
        if self.serving or carried:
            return
        for cache in (self.markdown, self.pages):
            if cache is not None:
                cache.prune()

    def stop(self) -> None:
        for helpers in (self.reading, self.rendering):
            if helpers is not None:
                helpers.stop()
        self.reading = self.rendering = None
        if self.incremental is not None:
            self.incremental.close()

    def _helpers(self, config: MkDocsConfig, pages: int, events: tuple[str, ...]) -> int:
        """How many helper processes may share a loop over `pages` running `events`."""
        helpers = worker_count(self.workers, pages) - 1
        if helpers > 0 and (foreign := foreign_handlers(config, events)):
            log.debug(f"One process: plugin hooks from other packages ({', '.join(foreign)})")
            return 0
        return helpers

    def _inclusion(self):
        return InclusionLevel.is_in_serve if self.serving else InclusionLevel.is_included

    def _to_build(self, files: Files) -> list[File]:
        """The pages the engine's loops will read and render, in their order: not carried over."""
        return [
            f for f in files.documentation_pages(inclusion=self._inclusion()) if f.is_modified()
        ]


def markdown_cache(config: MkDocsConfig) -> MarkdownCache | None:
    """This build's Markdown cache, or None when the extensions in use make caching unsafe."""
    key = fingerprint(
        config.markdown_extensions,
        config.mdx_configs,
        {"links": dict(config.validation.links), "urls": config.use_directory_urls},
    )
    if key is None:
        return None
    return MarkdownCache(Path(config.config_file_path).parent / MARKDOWN_CACHE_DIR, key)
