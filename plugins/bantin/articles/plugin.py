"""The `bantin-articles` plugin: owner of the catalog, and of the article pages.

Hooks only dispatch; the reading, validation and cleaning live in plain modules
(`catalog`, `article`, `sanitize`, `seo`) so they outlive MkDocs 1.x.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import escape

from ..engine.atomic import replacing
from ..engine.cachedpage import ArticlePage
from ..engine.host import (
    BasePlugin,
    CombinedEvent,
    File,
    Files,
    InclusionLevel,
    MkDocsConfig,
    Page,
    PluginError,
    event_priority,
    plugin_logger,
)
from ..engine.incremental import IncrementalBuild, rebuild_all
from ..engine.mdcache import MarkdownCache, fingerprint
from ..engine.parallel import (
    READ_EVENTS,
    RENDER_EVENTS,
    ParallelMarkdown,
    ParallelPages,
    foreign_handlers,
    worker_count,
)
from ..engine.readcache import CACHE_FILE
from ..engine.rendercache import PageCache, open_page_cache
from ..engine.runmode import RunMode
from ..engine.siteconfig import registry_dir
from ..engine.templatecache import use_template_cache
from ..model.addresses import Addresses, page_file
from ..model.article import Article
from ..model.catalog import ARTICLES_DIR, DATA_DIR, Catalog, ReadOptions, build_catalog
from ..model.configtext import ADDRESS_KEYS, TEXT_KEYS, address_problem, escaped, escaped_nav, plain
from ..model.errors import Report
from ..model.sanitize import content_id, sanitise
from ..model.seo import news_article
from .config import ArticlesConfig

log = plugin_logger(__name__)

PLUGIN_NAME = "bantin-articles"
ARTICLE_TEMPLATE = "bantin/article.html"
CACHE_DIR = ".cache/bantin/markdown"
TEMPLATE_CACHE_DIR = ".cache/bantin/jinja"
PAGE_CACHE_DIR = ".cache/bantin/pages"


class ArticlesPlugin(BasePlugin[ArticlesConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.mode = RunMode()
        self.catalog: Catalog | None = None
        self.cache: MarkdownCache | None = None
        self.pages: PageCache | None = None
        self.incremental: IncrementalBuild | None = None
        self.parallel: ParallelPages | None = None
        self.reading: ParallelMarkdown | None = None
        self.nav = None
        self.dirty = False
        self.report = Report()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.mode.start(command)
        self.dirty = dirty

    # Once the `bantin` plugin (100) has filled in its defaults (a nav among them), before any
    # plugin copies a config text: Material's templates print them unescaped.
    @event_priority(90)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.enabled:
            require_theme(config)
            escape_config(config)
        return config

    # Early, before Material's and our index plugins read the files: the catalog decides which
    # article files exist and where they go. Before MkDocs cleans site_dir (right after
    # on_pre_build), so a strict build with content errors leaves the previous site untouched.
    @event_priority(50)
    def _read_catalog(self, *, config: MkDocsConfig) -> None:
        self.catalog, self.cache, self.pages, self.incremental = None, None, None, None
        self.parallel, self.reading, self.nav = None, None, None
        self.report = Report()
        if not self.config.enabled:
            return
        root = Path(config.config_file_path).parent
        catalog, errors = build_catalog(
            Path(config.docs_dir),
            root,
            Addresses.from_mapping(dict(self.config.addresses)),
            ReadOptions(include_drafts=self.mode.serving, include_future=self.mode.serving),
            cache_file=root / CACHE_FILE if self.config.cache else None,
            data_dir=registry_dir(config),
        )
        self.report.add(errors)
        self.catalog = catalog
        self.cache = markdown_cache(config) if self.config.cache else None
        self.incremental = self._incremental(config)

    # Last of pre_build, once every bantin plugin has read its part of the content: all errors
    # of the run in one report. Before MkDocs cleans site_dir, so a strict build that fails here
    # leaves the previous site untouched; `serve` leaves the bad parts out and prints the errors.
    @event_priority(-100)
    def _report_errors(self, *, config: MkDocsConfig) -> None:
        if self.report and config.strict and not self.mode.serving:
            raise PluginError(str(self.report))
        for error in self.report.errors:
            log.warning(str(error))

    on_pre_build = CombinedEvent(_read_catalog, _report_errors)

    def _incremental(self, config: MkDocsConfig) -> IncrementalBuild | None:
        """`bantin build` replacing a site, or MkDocs' --dirty: unchanged files are kept."""
        previous = replacing() or (Path(config.site_dir) if self.dirty else None)
        if previous is None or not self.config.cache:
            return None
        build = IncrementalBuild(
            Path(config.config_file_path).parent, Path(config.site_dir), previous
        )
        build.start()
        return build

    @event_priority(50)
    def _place_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.catalog is None:
            return files
        files = place_articles(files, self.catalog)
        for file in files.documentation_pages():
            article = self.catalog.by_src.get(file.src_uri)
            if article is not None and file.page is None:
                ArticlePage(file, config, article, self.cache)
        return files

    # Last, once every plugin has added its files: the plan covers all of them.
    @event_priority(-100)
    def _plan_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.incremental is not None and self.catalog is not None:
            self.incremental.plan(config, self.catalog, files, self.mode.serving)
        elif self.dirty:
            # MkDocs alone would rebuild by modification time and leave every other page stale.
            rebuild_all(files)
        return files

    on_files = CombinedEvent(_place_files, _plan_files)

    @event_priority(-100)
    def _keep_nav(self, nav, *, config: MkDocsConfig, files: Files):
        if self.incremental is not None:
            self.incremental.rebuild_nav_pages(nav.items)
            # Which pages are built is final now: the others are linked over meanwhile.
            self.incremental.start_carry_over()
        self.nav = nav
        return nav

    # Last, right before MkDocs reads the pages: helpers convert articles meanwhile.
    @event_priority(-1000)
    def _start_readers(self, nav, *, config: MkDocsConfig, files: Files):
        if self.incremental is None or self.cache is None:
            return nav
        pages = [file.page for file in self._to_build(files) if isinstance(file.page, ArticlePage)]
        helpers = self._helpers(config, len(pages), READ_EVENTS)
        if helpers > 0:
            self.reading = ParallelMarkdown.of_pages(pages, helpers, config, files)
            self.cache.ahead = self.reading.ahead
            self.reading.start()
        return nav

    on_nav = CombinedEvent(_keep_nav, _start_readers)

    def _helpers(self, config: MkDocsConfig, pages: int, events: tuple[str, ...]) -> int:
        """How many helper processes may share a loop over `pages` running `events`."""
        helpers = worker_count(self.config.workers, pages) - 1
        if helpers > 0 and (foreign := foreign_handlers(config, events)):
            log.debug(f"One process: plugin hooks from other packages ({', '.join(foreign)})")
            return 0
        return helpers

    def _inclusion(self):
        return InclusionLevel.is_in_serve if self.mode.serving else InclusionLevel.is_included

    def _to_build(self, files: Files) -> list[File]:
        """The pages MkDocs' loops will read and render, in their order: not carried over."""
        return [
            f for f in files.documentation_pages(inclusion=self._inclusion()) if f.is_modified()
        ]

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files):
        article = self._article(page)
        if article is not None:
            page.meta = article_meta(article)
        else:
            page.meta = escaped(page.meta)  # Material prints some meta unescaped
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files):
        if self.catalog is None:
            return html
        cleaned = sanitise(html, tuple(self.config.sanitize_video_hosts))
        prefix_toc_ids(page.toc)
        if self._article(page) is not None:
            cleaned = demote_h1(cleaned)
        return cleaned

    # First: every page is read, so the reading helpers are through.
    @event_priority(1000)
    def _join_readers(self, env, *, config: MkDocsConfig, files: Files):
        if self.reading is not None:
            self.reading.join()
            self.reading = None
        if self.cache is not None:
            self.cache.ahead = None
        return env

    def _open_caches(self, env, *, config: MkDocsConfig, files: Files):
        if self.catalog is not None:
            env.globals["catalog"] = self.catalog
        if self.config.cache:
            root = Path(config.config_file_path).parent
            use_template_cache(env, root / TEMPLATE_CACHE_DIR)
            if self.catalog is not None:
                self.pages = open_page_cache(env, config, self.catalog, root / PAGE_CACHE_DIR)
        return env

    # Last, once every plugin has set up the environment: helpers fork with all of it.
    @event_priority(-1000)
    def _start_helpers(self, env, *, config: MkDocsConfig, files: Files):
        # Only a build that may skip pages can leave some of them to helpers.
        if self.incremental is None or self.nav is None:
            return env
        doc_files = files.documentation_pages(inclusion=self._inclusion())
        to_render = self._to_build(files)
        helpers = self._helpers(config, len(to_render), RENDER_EVENTS)
        if helpers < 1:
            return env
        if self.pages is not None:
            self.pages.open()  # once, before the fork, not in every process
        self.parallel = ParallelPages.of_loop(
            to_render, helpers, self.pages, config, doc_files, self.nav, env
        )
        self.parallel.start()
        return env

    on_env = CombinedEvent(_join_readers, _open_caches, _start_helpers)

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        article = self._article(page)
        if article is not None:
            context["article"] = article
            publisher = self.config.publisher or plain(config.site_name)
            context["article_ld"] = news_article(article, config.site_url, publisher)
        return context

    # First: the pages helpers rendered are part of everything that follows.
    @event_priority(100)
    def _join_helpers(self, *, config: MkDocsConfig) -> None:
        if self.parallel is None:
            return
        parallel, self.parallel = self.parallel, None
        for index in parallel.join():
            parallel.render(index)

    # Before the plugins that read the written site (search indexes every article page).
    @event_priority(90)
    def _finish(self, *, config: MkDocsConfig) -> None:
        carried = False
        if self.incremental is not None and self.catalog is not None:
            self.incremental.finish(self.catalog, self.pages.reads if self.pages else {})
            carried = bool(self.incremental.clean)
        # `serve` shows drafts that `build` leaves out, and an incremental build does not visit
        # the pages it carried over: only a full build decides which cache entries are stale.
        if self.mode.serving or carried:
            return
        for cache in (self.cache, self.pages):
            if cache is not None:
                cache.prune()

    on_post_build = CombinedEvent(_join_helpers, _finish)

    def on_build_error(self, *, error: Exception) -> None:
        for helpers in (self.reading, self.parallel):
            if helpers is not None:
                helpers.stop()
        self.reading = self.parallel = None
        if self.incremental is not None:
            self.incremental.close()

    def _article(self, page: Page) -> Article | None:
        if self.catalog is None or page.file.generated_by is not None:
            return None
        return self.catalog.by_src.get(page.file.src_uri)


def escape_config(config: MkDocsConfig) -> None:
    """Every config text a page can print, escaped once (see `configtext`); addresses checked."""
    problems = [
        f"{Path(config.config_file_path).name}:{_config_line(config, key)}: {key}: {problem}"
        for key in ADDRESS_KEYS
        if (problem := address_problem(config.get(key)))
    ]
    if problems:
        raise PluginError("\n".join(problems))
    for key in TEXT_KEYS:
        config[key] = escaped(config.get(key))
    for key in list(config.extra.keys()):
        config.extra[key] = escaped(config.extra[key])
    config.nav = escaped_nav(config.nav)


def _config_line(config: MkDocsConfig, key: str) -> int:
    """The line of `key:` in mkdocs.yml, for messages; 1 when it is inherited or not found."""
    try:
        lines = Path(config.config_file_path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((n for n, line in enumerate(lines, 1) if line.startswith(f"{key}:")), 1)


def catalog_of(config: MkDocsConfig) -> Catalog:
    """The catalog of this build, for the other bantin plugins; fails clearly without its owner."""
    plugin = _owner(config)
    if plugin.catalog is None:
        raise PluginError(f"Plugin '{PLUGIN_NAME}' chưa đọc xong bài viết (on_pre_build).")
    return plugin.catalog


def require_theme(config: MkDocsConfig) -> None:
    """Our templates come from the `bantin` plugin (or, on a site made before 0.2.0, a
    custom_dir holding a copy): without either, say so instead of MkDocs' TemplateNotFound."""
    if "bantin" in config.plugins:
        return
    if any((Path(folder) / ARTICLE_TEMPLATE).is_file() for folder in config.theme.dirs):
        return
    raise PluginError(
        "mkdocs.yml: plugins: thiếu plugin `bantin` (giao diện và cấu hình mặc định của Bản Tin); "
        "hãy thêm `- bantin` ở đầu danh sách plugins"
    )


def report_of(config: MkDocsConfig) -> Report:
    """This run's report of content errors, for the other bantin plugins to add theirs to
    (in on_pre_build, before priority -100, when it is printed or stops a strict build)."""
    return _owner(config).report


def _owner(config: MkDocsConfig) -> ArticlesPlugin:
    plugin = config.plugins.get(PLUGIN_NAME)
    if not isinstance(plugin, ArticlesPlugin) or not plugin.config.enabled:
        raise PluginError(
            f"Plugin '{PLUGIN_NAME}' phải được bật trong mkdocs.yml (plugins:) "
            "trước các plugin bantin khác: nó đọc danh sách bài viết."
        )
    return plugin


def markdown_cache(config: MkDocsConfig) -> MarkdownCache | None:
    """This build's Markdown cache, or None when the extensions in use make caching unsafe."""
    key = fingerprint(
        config.markdown_extensions,
        config.mdx_configs,
        {"links": dict(config.validation.links), "urls": config.use_directory_urls},
    )
    if key is None:
        return None
    return MarkdownCache(Path(config.config_file_path).parent / CACHE_DIR, key)


def place_articles(files: Files, catalog: Catalog) -> Files:
    """Move each article to its address; drop left-out articles, the registries folder and the
    files of content/ that must never be published (`contentfiles`)."""
    prefix = ARTICLES_DIR + "/"
    for file in list(files):
        if file.src_uri.startswith(DATA_DIR + "/") or file.src_uri in catalog.refused:
            files.remove(file)
        elif file.src_uri.startswith(prefix) and file.is_documentation_page():
            files.remove(file)
            article = catalog.by_src.get(file.src_uri)
            if article is not None:
                files.append(
                    File(
                        file.src_uri,
                        file.src_dir,
                        file.dest_dir,
                        file.use_directory_urls,
                        dest_uri=page_file(article.url),
                    )
                )
    return files


def article_meta(article: Article) -> dict:
    """The only page meta an article page has: escaped, so Material's templates stay safe."""
    meta = {
        "title": escape(article.title),
        "description": escape(article.summary[:300]),
        "template": ARTICLE_TEMPLATE,
        "hide": ["toc"],
    }
    if article.author:
        meta["author"] = escape(article.author)
    return meta


def prefix_toc_ids(links) -> None:
    """The table of contents points at the headings' ids as the sanitiser published them."""
    for link in links:
        link.id = content_id(link.id)
        prefix_toc_ids(link.children)


def demote_h1(html: str) -> str:
    """The title is an article's only h1; headings typed as `#` in the body become h2."""
    return html.replace("<h1", "<h2").replace("</h1>", "</h2>")
