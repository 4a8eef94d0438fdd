"""The search index split by publication date: which articles each shard holds, which come first.

Readers of news want recent articles first, and a query's download grows with the number of
articles that contain its words. One Pagefind bundle per period (a year, or a part of one;
Vietnam time) lets the search page ask the newest articles first and the older ones only on
demand, and lets a build re-index only the period whose articles changed (docs/search.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model.addresses import page_file
from ..model.article import Article
from ..model.text import vi_sort_key


@dataclass(frozen=True)
class Shard:
    """The articles of one period of a year, as built pages (paths relative to site_dir)."""

    year: int
    month: int
    """The period's first month; 0 for a whole year."""
    pages: tuple[str, ...]
    whole_year: bool = True

    @property
    def name(self) -> str:
        """Its folder inside the bundle: `2024`, or `2024-07` for a part of the year."""
        return str(self.year) if self.whole_year else f"{self.year}-{self.month:02d}"


def shards_of(articles: Iterable[Article], months: int = 3, split_years: int = 2) -> list[Shard]:
    """The shards, newest first, pages in a stable order: the newest `split_years` years (of
    the articles, not the clock) in periods of `months` (a divisor of 12), older years whole;
    Vietnam time. An article's shard depends on its date only, so adding or editing one
    changes one shard (and, once a year, the year that stops being split becomes whole)."""
    articles = list(articles)
    if not articles:
        return []
    newest = max(article.published.moment.year for article in articles)
    periods: dict[tuple[int, int], list[str]] = {}
    for article in articles:
        moment = article.published.moment
        split = months < 12 and moment.year > newest - split_years
        start = (moment.month - 1) // months * months + 1 if split else 0
        periods.setdefault((moment.year, start), []).append(page_file(article.url))
    return [
        Shard(year, month, tuple(sorted(periods[year, month])), month == 0)
        for year, month in sorted(periods, reverse=True)
    ]


def recent(shards: Sequence[Shard], articles: int) -> list[str]:
    """The shards a first query searches: the newest, and older ones until they hold `articles`.

    In January the newest year holds a few articles only; the previous year then comes too.
    """
    names: list[str] = []
    count = 0
    for shard in shards:
        if names and count >= articles:
            break
        names.append(shard.name)
        count += len(shard.pages)
    return names


def manifest(
    shards: Sequence[Shard], articles: Sequence[Article], recent_articles: int, placeholder: str
) -> dict:
    """What the search page reads before its first query (`shards.json` in the bundle): the
    shards with their year, first month (0: the whole year) and size, the ones a first query searches, and the facets' values,
    which would otherwise need every shard's filter tables. `placeholder` is the page id of the
    bundle that carries Pagefind's scripts (it is never a result)."""
    return {
        "shards": [
            {
                "name": shard.name,
                "year": shard.year,
                "month": shard.month,
                "pages": len(shard.pages),
            }
            for shard in shards
        ],
        "recent": recent(shards, recent_articles),
        "placeholder": placeholder,
        "units": sorted({article.unit.name for article in articles}, key=vi_sort_key),
        "categories": sorted({article.category.name for article in articles}, key=vi_sort_key),
    }
