"""The search index split by publication year: which articles each shard holds, which come first.

Readers of news want recent articles first, and a query's download grows with the number of
articles that contain its words. One Pagefind bundle per year (Vietnam time) lets the search
page ask the newest years first and the older ones only on demand, and lets a build re-index
only the year whose articles changed (docs/search.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..addresses import page_file
from ..article import Article
from ..text import vi_sort_key


@dataclass(frozen=True)
class Shard:
    """The articles of one publication year, as built pages (paths relative to site_dir)."""

    year: int
    pages: tuple[str, ...]

    @property
    def name(self) -> str:
        """Its folder inside the bundle."""
        return str(self.year)


def shards_of(articles: Iterable[Article]) -> list[Shard]:
    """One shard per publication year in Vietnam time, newest first; pages in a stable order."""
    years: dict[int, list[str]] = {}
    for article in articles:
        years.setdefault(article.published.moment.year, []).append(page_file(article.url))
    return [Shard(year, tuple(sorted(years[year]))) for year in sorted(years, reverse=True)]


def recent(shards: Sequence[Shard], articles: int) -> list[int]:
    """The years a first query searches: the newest, and older ones until they hold `articles`.

    In January the newest year holds a few articles only; the previous year then comes too.
    """
    years: list[int] = []
    count = 0
    for shard in shards:
        if years and count >= articles:
            break
        years.append(shard.year)
        count += len(shard.pages)
    return years


def manifest(
    shards: Sequence[Shard], articles: Sequence[Article], recent_articles: int, placeholder: str
) -> dict:
    """What the search page reads before its first query (`shards.json` in the bundle): the
    years and their sizes, the years a first query searches, and the facets' values, which
    would otherwise need every year's filter tables. `placeholder` is the page id of the
    bundle that carries Pagefind's scripts (it is never a result)."""
    return {
        "shards": [{"year": shard.year, "pages": len(shard.pages)} for shard in shards],
        "recent": recent(shards, recent_articles),
        "placeholder": placeholder,
        "units": sorted({article.unit.name for article in articles}, key=vi_sort_key),
        "categories": sorted({article.category.name for article in articles}, key=vi_sort_key),
    }
