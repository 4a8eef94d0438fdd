"""Configuration of the `bantin-search` plugin (mkdocs.yml → plugins → bantin-search)."""

from __future__ import annotations

from ..engine.host import Config
from ..engine.host import config_options as c


class SearchConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn search off: no search page, no index."""
    page = c.Type(str, default="tim-kiem.md")
    """Source path of the search page; generated unless the site has a file of that name
    (which then needs `template: bantin/search.html`). Put it in `nav` to show a menu entry."""
    bundle = c.Type(str, default="pagefind")
    """Folder of site_dir that receives Pagefind's index and scripts."""
    cache_dir = c.Type(str, default=".cache/bantin/search")
    """Where each year's index is kept between builds (next to mkdocs.yml); safe to delete. A
    build runs Pagefind only for the years whose article pages changed."""
    shard_months = c.Choice((12, 6, 4, 3, 2, 1), default=3)
    """The index is split by publication date: the newest `split_years` years in parts of this
    many months, older years one part each (12: one part per year throughout). A build
    re-indexes only the parts whose articles changed, so an edit to a recent article re-indexes
    a few months; a first query searches the newest part (docs/search.md: more, smaller parts
    cost more bytes for the same articles, so old years stay whole)."""
    split_years = c.Type(int, default=2)
    """How many of the newest years (of the articles, not the clock) are split by
    `shard_months`."""
    recent_articles = c.Type(int, default=200)
    """A reader's first query searches the newest part of the index, and the parts before it
    until they hold this many articles; a button (or a query that finds nothing there) extends
    it to the older years. Fewer articles, fewer bytes for a first query (docs/search.md)."""
    index_on_serve = c.Type(bool, default=True)
    """Index on every `mkdocs serve` rebuild too; turn off to preview large sites faster."""
    index_lede_words = c.Type(int, default=80)
    """Words at the start of an article's text indexed as written; after them each word is
    indexed once per article, which keeps the index small (docs/search.md). Excerpts from the
    lede read as written; from further on, they skip the words already seen."""
    results_per_page = c.Type(int, default=10)
    """Results shown at once; a button shows the next ones."""
    term_similarity = c.Type(float, default=10.0)
    """Pagefind's `termSimilarity` ranking weight. Pagefind matches words by prefix, so "ha"
    also finds "Hậu"; at 10 a whole-word match ("Hà") ranks above such a prefix match,
    which Pagefind's default (1.0) does not do."""
    page_length = c.Type(float, default=0.0)
    """Pagefind's `pageLength` ranking weight (default 0.75 favours short pages). News articles
    are of a kind in length; with it, a short "Hậu Giang" article outranked "Hà Giang" ones
    for "ha giang" on the synthetic corpus."""
