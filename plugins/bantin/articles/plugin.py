"""The `bantin-articles` plugin: owner of the catalog, and of the article pages.

Hooks only dispatch; the reading, validation and cleaning live in plain modules
(`catalog`, `article`, `sanitize`, `seo`) so they outlive MkDocs 1.x. What makes the build
fast (caches, incremental build, helper processes) is conducted by `engine.conductor`, which
this plugin calls at the moments the engine offers; the priorities use MkDocs' named scale
(100 first, 50 early, 0 default, -50 late, -100 last), each with its reason.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import escape

from ..engine import lifetime
from ..engine.conductor import BuildConductor
from ..engine.host import (
    BasePlugin,
    CombinedEvent,
    File,
    Files,
    MkDocsConfig,
    Page,
    PluginError,
    event_priority,
    plugin_logger,
)
from ..engine.incremental import rebuild_all
from ..engine.runmode import RunMode
from ..engine.siteconfig import registry_dir
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


class ArticlesPlugin(BasePlugin[ArticlesConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.mode = RunMode()
        self.catalog: Catalog | None = None
        self.report = Report()
        self.dirty = False
        self.engine: BuildConductor | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.mode.start(command)
        self.dirty = dirty
        lifetime.say_once()

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
        self.catalog, self.engine, self.report = None, None, Report()
        if not self.config.enabled:
            return
        caching = bool(self.config.cache)
        catalog, errors = build_catalog(
            Path(config.docs_dir),
            Path(config.config_file_path).parent,
            Addresses.from_mapping(dict(self.config.addresses)),
            ReadOptions(include_drafts=self.mode.serving, include_future=self.mode.serving),
            open_cache=BuildConductor.read_cache(config) if caching else None,
            data_dir=registry_dir(config),
        )
        self.report.add(errors)
        self.catalog = catalog
        self.engine = BuildConductor(
            cache=caching, workers=self.config.workers, serving=self.mode.serving, dirty=self.dirty
        )
        self.engine.start(config)

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

    # Early, like reading the catalog: the index plugins (default priority) find every article
    # at its address.
    @event_priority(50)
    def _place_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.catalog is None or self.engine is None:
            return files
        files = place_articles(files, self.catalog)
        for file in files.documentation_pages():
            article = self.catalog.by_src.get(file.src_uri)
            if article is not None and file.page is None:
                self.engine.page(file, config, article)
        return files

    # Last, once every plugin has added its files: the plan covers all of them.
    @event_priority(-100)
    def _plan_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.engine is not None:
            self.engine.plan(files, config, self.catalog)
        elif self.dirty:
            rebuild_all(files)  # MkDocs alone would leave every page it did not touch stale
        return files

    on_files = CombinedEvent(_place_files, _plan_files)

    # Last, once every plugin has shaped the nav, right before the engine reads the pages: the
    # nav's pages are always rebuilt, and helpers convert articles while the engine reads.
    @event_priority(-100)
    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        if self.engine is not None:
            self.engine.keep_nav(nav)
            self.engine.start_readers(config, files)
        return nav

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
    @event_priority(100)
    def _join_readers(self, env, *, config: MkDocsConfig, files: Files):
        if self.engine is not None:
            self.engine.join_readers()
        return env

    def _open_caches(self, env, *, config: MkDocsConfig, files: Files):
        if self.catalog is not None:
            env.globals["catalog"] = self.catalog
        if self.engine is not None:
            self.engine.open_caches(env, config, self.catalog)
        return env

    # Last, once every plugin has set up the environment: helpers fork with all of it.
    @event_priority(-100)
    def _start_helpers(self, env, *, config: MkDocsConfig, files: Files):
        if self.engine is not None:
            self.engine.start_helpers(env, config, files)
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
        if self.engine is not None:
            self.engine.join_helpers()

    # Early: before the plugins that read the written site (search indexes every article page,
    # images clean their cache at the default priority).
    @event_priority(50)
    def _finish(self, *, config: MkDocsConfig) -> None:
        if self.engine is not None:
            self.engine.finish(self.catalog)

    on_post_build = CombinedEvent(_join_helpers, _finish)

    def on_build_error(self, *, error: Exception) -> None:
        if self.engine is not None:
            self.engine.stop()

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
