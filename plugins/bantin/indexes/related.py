"""An article's neighbours: related news (weighted), others of its category, previous and next.

Scoring every pair of articles grows with the square of the archive; instead each group the
article belongs to (its unit, its category, each of its tags) offers only the `window` articles
nearest to it in date. Ties are broken by date nearness anyway, so the far end of a large group
could only win on a higher score, which the window trades for a cost independent of site size.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from ..model.article import Article
from ..model.catalog import Catalog


@dataclass(frozen=True)
class Weights:
    """Points for what two articles share; a shared tag counts once per tag."""

    unit: int = 3
    category: int = 1
    tag: int = 2


@dataclass(frozen=True)
class Neighbours:
    """What the end of an article page shows."""

    related: tuple[Article, ...]
    others: tuple[Article, ...]
    """The newest others of its category, not already in `related`."""
    newer: Article | None
    older: Article | None


class Relations:
    """Per-build look-up of neighbours; positions in each group are indexed once, lazily."""

    def __init__(self, catalog: Catalog, weights: Weights = Weights(), window: int = 24):
        self.catalog = catalog
        self.weights = weights
        self.window = window

    @cached_property
    def _groups(self) -> dict[tuple[str, str], list[Article]]:
        groups: dict[tuple[str, str], list[Article]] = {}
        for kind, index in (
            ("unit", self.catalog.by_unit),
            ("category", self.catalog.by_category),
            ("tag", self.catalog.by_tag),
        ):
            for key, articles in index.items():
                groups[(kind, key)] = articles
        return groups

    @cached_property
    def _positions(self) -> dict[tuple[str, str], dict[str, int]]:
        return {
            key: {article.src: i for i, article in enumerate(articles)}
            for key, articles in self._groups.items()
        }

    def _keys(self, article: Article) -> list[tuple[str, str]]:
        return [
            ("unit", article.unit.slug),
            ("category", article.category.slug),
            *(("tag", tag.slug) for tag in article.tags),
        ]

    @cached_property
    def _facts(self) -> dict[str, tuple[float, str, str, frozenset[str]]]:
        """What ranking reads of each article, read once: its time, unit, category and tags."""
        return {
            a.src: (
                a.published.moment.timestamp(),
                a.unit.slug,
                a.category.slug,
                frozenset(tag.slug for tag in a.tags),
            )
            for a in self.catalog.articles
        }

    def related(self, article: Article, count: int) -> list[Article]:
        """The `count` best by score, then by nearness in date, then by address."""
        candidates: dict[str, Article] = {}
        for key in self._keys(article):
            group, at = self._groups.get(key, []), self._positions.get(key, {}).get(article.src)
            if at is None:
                continue
            for other in group[max(0, at - self.window) : at + self.window + 1]:
                candidates.setdefault(other.src, other)
        candidates.pop(article.src, None)
        facts, weights = self._facts, self.weights
        moment, unit, category, tags = facts[article.src]

        def rank(other: Article):  # ~150 candidates per article: locals only
            when, other_unit, other_category, other_tags = facts[other.src]
            score = (
                weights.unit * (unit == other_unit)
                + weights.category * (category == other_category)
                + weights.tag * len(tags & other_tags)
            )
            return (-score, abs(when - moment), other.url)

        return heapq.nsmallest(count, candidates.values(), key=rank)

    def neighbours(self, article: Article, related: int, others: int) -> Neighbours:
        chosen = self.related(article, related)
        key = ("category", article.category.slug)
        group = self._groups.get(key, [])
        at = self._positions.get(key, {}).get(article.src)
        skip = {article.src, *(other.src for other in chosen)}
        return Neighbours(
            related=tuple(chosen),
            others=tuple(_first(group, others, skip)),
            newer=group[at - 1] if at else None,
            older=group[at + 1] if at is not None and at + 1 < len(group) else None,
        )


def _first(articles: Sequence[Article], count: int, skip: set[str]) -> list[Article]:
    found = []
    for article in articles:
        if len(found) == count:
            break
        if article.src not in skip:
            found.append(article)
    return found
