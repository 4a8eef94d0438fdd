"""The `bantin-documents` plugin: owner of the register (Văn bản), its pages, its feed, the
previews of its PDFs, and the links from articles to the documents they cite.

Hooks dispatch; `model.register` reads and checks the documents, `views` decides what each page
shows, `links` and `previews` do the rest, and theme/bantin/ renders it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import escape

from ..articles import catalog_of
from ..digests import digest
from ..engine.cachedfile import CachedFile
from ..engine.host import (
    BasePlugin,
    File,
    Files,
    InclusionLevel,
    MkDocsConfig,
    Navigation,
    Page,
    PluginError,
    event_priority,
    plugin_logger,
)
from ..engine.runmode import RunMode
from ..engine.siteconfig import registry_dir
from ..indexes.feeds import Feed, feed
from ..indexes.indexpage import IndexPage
from ..indexes.pages import Generated as IndexGenerated
from ..model.addresses import DocumentAddresses, page_file
from ..model.article import Article
from ..model.configtext import plain
from ..model.document import Document
from ..model.errors import summary_line
from ..model.register import DOCUMENTS_DIR, Register, read_register
from . import views
from .config import DocumentsConfig
from .links import link_numbers, relative_url
from .previews import preview

log = plugin_logger(__name__)

PLUGIN_NAME = "bantin-documents"
FEED_TEMPLATE = "bantin/feed.xml.html"
DATA_FILE = "danh-sach.json"
PREVIEW_CACHE = ".cache/bantin/documents"


@dataclass
class BuildState:
    """Everything this plugin knows about one build; replaced at the start of the next."""

    register: Register
    mentions: dict[str, tuple[Article, ...]] = field(default_factory=dict)
    """Document key → the articles that cite it."""
    pages: dict[str, views.DocumentPage] = field(default_factory=dict)
    """Generated source path → the document page it shows."""
    lists: dict[str, views.RegisterPage] = field(default_factory=dict)
    previews: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    """Attached PDF (from docs_dir) → its first page's image: address, width, height."""
    register_file: File | None = None


class DocumentsPlugin(BasePlugin[DocumentsConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.mode = RunMode()
        self.state: BuildState | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.mode.start(command)

    # After bantin-articles (50), whose catalog holds the units; before MkDocs cleans site_dir,
    # so a strict build with bad documents leaves the previous site untouched.
    @event_priority(40)
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.state = None
        if not self.config.enabled:
            return
        catalog = catalog_of(config)
        root = Path(config.config_file_path).parent
        register, errors = read_register(
            Path(config.docs_dir), root, catalog.units, registry_dir(config), self._addresses()
        )
        if errors and config.strict and not self.mode.serving:
            raise PluginError("\n".join([*map(str, errors), summary_line(len(errors))]))
        for error in errors:
            log.warning(str(error))
        self.state = BuildState(register, register.mentions(catalog.articles))

    def _addresses(self) -> DocumentAddresses:
        return DocumentAddresses.from_mapping(dict(self.config.addresses))

    # After bantin-articles has placed the articles (50), before bantin-images (-50) adds its
    # variants: the documents go to their addresses, their PDFs get previews.
    @event_priority(40)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.state is None:
            return files
        if self.config.previews:
            self._add_previews(files, config)
        place_documents(files, self.state, config)
        self._add_register_pages(files, config)
        return files

    def _add_previews(self, files: Files, config: MkDocsConfig) -> None:
        """The first page of every attached PDF, drawn (or taken from the cache) and published."""
        state = self.state
        cache = Path(config.config_file_path).parent / PREVIEW_CACHE
        docs_dir = Path(config.docs_dir)
        pdfs = {f.src for d in state.register.documents for f in d.files if f.is_pdf}
        for src in sorted(pdfs):
            drawn = preview(docs_dir / src, cache, self.config.preview_width)
            if drawn is None:
                continue
            url = state.register.addresses.of_preview(drawn.name)
            state.previews[src] = (url, drawn.width, drawn.height)
            if files.get_file_from_path(url) is None:
                files.append(CachedFile.generated(config, url, abs_src_path=str(drawn.cached)))

    def _add_register_pages(self, files: Files, config: MkDocsConfig) -> None:
        """The register's list pages, and its listing as JSON for the filter's script."""
        state = self.state
        addresses = state.register.addresses
        address = addresses.of_register()
        feed = addresses.feed if config.site_url else None
        data = address + DATA_FILE
        for generated in views.plan(state.register, max(1, self.config.page_size), feed, data):
            file = File.generated(config, _source_of(generated.address), content=_stub(generated))
            file.dest_uri = page_file(generated.address)
            IndexPage(file, config, IndexGenerated(
                generated.address, views.REGISTER_TEMPLATE, generated.title, generated.view,
                generated.lastmod,
            ))  # fmt: skip
            files.append(file)
            state.lists[file.src_uri] = generated.view
            if generated.address == address:
                state.register_file = file
        listing = json.dumps(views.listing(state.register), ensure_ascii=False)
        files.append(File.generated(config, data, content=listing))

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        state = self.state
        if state is not None and self.config.nav and state.register.documents:
            page = state.register_file.page if state.register_file else None
            if page is not None and page not in nav.items:
                nav.items.append(page)
        return nav

    # After bantin-articles (0) made every page's meta safe: a document's page has its own.
    @event_priority(-50)
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files):
        shown = self._document(page)
        if shown is None:
            return markdown
        document = shown.document
        page.meta = {
            "title": escape(document.title),
            "description": escape(document.summary[:300]),
            "template": views.DOCUMENT_TEMPLATE,
            "hide": ["toc"],
        }
        return document.body

    # After bantin-articles (0) cleaned the HTML and bantin-images (-50) placed the pictures:
    # the links made here come from our own markup.
    @event_priority(-60)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files):
        state = self.state
        if state is None or not self.config.link_articles or page.file.generated_by:
            return html
        if catalog_of(config).by_src.get(page.file.src_uri) is None:
            return html
        return link_numbers(html, state.register, lambda url: relative_url(url, page.url))

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        state = self.state
        if state is None:
            return context
        if (shown := self._document(page)) is not None:
            context["document"] = shown
        elif (listed := state.lists.get(page.file.src_uri)) is not None:
            context["view"] = listed
        elif page.is_homepage and self.config.home_newest > 0:
            context["newest_documents"] = views.Newest(
                state.register.documents[: self.config.home_newest],
                state.register.addresses.of_register(),
            )
        return context

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        state = self.state
        if state is None or not config.site_url:
            return env
        feed = documents_feed(
            state.register, config.site_url, plain(config.site_name), self.config.feed_size
        )
        xml = env.get_template(FEED_TEMPLATE).render(feed=feed, config=config)
        files.append(
            File.generated(config, feed.address, content=xml, inclusion=InclusionLevel.INCLUDED)
        )
        return env

    def _document(self, page: Page) -> views.DocumentPage | None:
        if self.state is None or page.file.generated_by != PLUGIN_NAME:
            return None
        return self.state.pages.get(page.file.src_uri)


def register_of(config: MkDocsConfig) -> Register | None:
    """The register of this build, for the other bantin plugins; None when the site has no
    documents plugin (or it is off)."""
    plugin = config.plugins.get(PLUGIN_NAME)
    if not isinstance(plugin, DocumentsPlugin) or plugin.state is None:
        return None
    return plugin.state.register


def documents_of(config: MkDocsConfig) -> tuple[Document, ...]:
    register = register_of(config)
    return register.documents if register is not None else ()


def place_documents(files: Files, state: BuildState, config: MkDocsConfig) -> None:
    """Each document becomes a generated page at its address; its source file is not published.

    Generated, so that its source text (what decides whether an incremental build renders the
    page again) can carry the list of articles that cite it: an article edited to cite a
    document must bring the document's page up to date."""
    register = state.register
    prefix = DOCUMENTS_DIR + "/"
    for file in list(files):
        if file.src_uri.startswith(prefix) and file.generated_by is None:
            files.remove(file)
    for document in register.documents:
        mentions = [article.url for article in state.mentions.get(document.key, ())]
        text = (
            f"---\nbantin_document: {json.dumps(document.src)}\n"
            f"bantin_mentions: {json.dumps(digest(repr(document), *mentions))}\n---\n"
        )
        file = File.generated(config, document.src, content=text)
        file.generated_by = PLUGIN_NAME
        file.dest_uri = page_file(document.url)
        files.append(file)
        state.pages[file.src_uri] = views.document_page(
            register, document, state.mentions, state.previews
        )


def _source_of(address: str) -> str:
    return page_file(address).removesuffix(".html") + ".md"


def _stub(generated: views.Generated) -> str:
    return (
        f"---\ntemplate: {views.REGISTER_TEMPLATE}\ntitle: {json.dumps(generated.title, ensure_ascii=False)}\n"
        "hide: [navigation, toc]\n---\n"
    )


def documents_feed(register: Register, site_url: str, site_name: str, size: int) -> Feed:
    """The newest documents as RSS 2.0: the number as title, the summary as description."""
    addresses = register.addresses
    return feed(
        site_url,
        addresses.feed,
        addresses.of_register(),
        f"{site_name} – Văn bản",
        f"Văn bản mới ban hành – {site_name}",
        register.documents,
        size,
        category=lambda document: document.kind.name,
    )
