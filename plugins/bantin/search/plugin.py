"""The `bantin-search` plugin: a search page, and a Pagefind index of the articles after the build,
split by publication date and kept between builds.

Why Pagefind and not Material's search, and why these shards: docs/search.md (measured on
10,000 articles).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from ..articles import catalog_of
from ..documents import documents_of
from ..engine.host import (
    BasePlugin,
    File,
    Files,
    MkDocsConfig,
    Page,
    event_priority,
    plugin_logger,
)
from ..engine.runmode import RunMode
from .bundle import build_bundle
from .cache import BundleCache, salt
from .config import SearchConfig
from .shards import manifest, shards_of

log = plugin_logger(__name__)

SEARCH_TEMPLATE = "bantin/search.html"
MANIFEST = "shards.json"
ARTICLE_TYPE, DOCUMENT_TYPE = "Bài viết", "Văn bản"
"""The values of the `type` facet (theme/bantin/partials/search-meta.html, document.html)."""
PAGE_STUB = f"---\ntitle: Tìm kiếm\ntemplate: {SEARCH_TEMPLATE}\nhide: [toc]\n---\n"


@dataclass(frozen=True)
class SearchView:
    """What the search page template needs to start the search script."""

    bundle: str
    results_per_page: int
    term_similarity: float
    page_length: float


class SearchPlugin(BasePlugin[SearchConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.mode = RunMode()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.mode.start(command)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.config.enabled and files.get_file_from_path(self.config.page) is None:
            files.append(File.generated(config, self.config.page, content=PAGE_STUB))
        return files

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        """The search page's address, generated or the site's own file, for the search box in
        every page's header and the 404 page's (None when off)."""
        file = files.get_file_from_path(self.config.page) if self.config.enabled else None
        env.globals["bantin_search_url"] = file.url if file is not None else None
        env.globals["bantin_search_prefetch"] = prefetched(self.config.bundle) if file else ()
        return env

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        if self.config.enabled and page.file.src_uri == self.config.page:
            context["search"] = SearchView(
                bundle=self.config.bundle.strip("/") + "/",
                results_per_page=self.config.results_per_page,
                term_similarity=self.config.term_similarity,
                page_length=self.config.page_length,
            )
        return context

    # Last: the article pages must all be written before Pagefind reads them.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or (self.mode.serving and not self.config.index_on_serve):
            return
        started = time.perf_counter()
        articles = catalog_of(config).articles
        # Documents are indexed beside the articles, in the shard of their date of issue.
        documents = documents_of(config)
        root = Path(config.config_file_path).parent
        cache = BundleCache(root / self.config.cache_dir, salt(self.config.index_lede_words))
        output = Path(config.site_dir) / self.config.bundle.strip("/")
        shards = shards_of(
            [*articles, *documents], self.config.shard_months, self.config.split_years
        )
        built = build_bundle(
            Path(config.site_dir), output, shards, cache, self.config.index_lede_words
        )
        listing = manifest(shards, articles, self.config.recent_articles, built.placeholder)
        listing["types"] = [ARTICLE_TYPE, DOCUMENT_TYPE] if documents else []
        (output / MANIFEST).write_text(json.dumps(listing, ensure_ascii=False), "utf-8")
        cache.save()
        cache.clean()
        log.info(
            "Chỉ mục tìm kiếm: %d bài viết, %d phần; lập chỉ mục lại: %s; dùng lại từ bộ nhớ "
            "đệm: %d phần; %.1f giây",
            len(articles),
            len(shards),
            ", ".join(built.indexed) or "không phần nào",
            len(shards) - len(built.indexed),
            time.perf_counter() - started,
        )


def prefetched(bundle: str) -> tuple[str, ...]:
    """What the search page loads before it can answer, fetched by the header's search box while
    the reader types (bantin-reader.js): the first query then waits for the index chunks only.
    Pagefind has no stemmer for Vietnamese, so its WebAssembly is the language-neutral one."""
    folder = bundle.strip("/") + "/"
    return (
        "assets/javascripts/bantin-search.js",
        "assets/stylesheets/bantin-search.css",
        folder + "pagefind.js",
        folder + "pagefind-worker.js",
        folder + "wasm.unknown.pagefind",
        folder + MANIFEST,
    )
