"""The plan of a build's index pages and feeds: which addresses, which template, which view.

Pure: it reads the catalog and returns data; the plugin turns the plan into MkDocs files.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial

from ..model.addresses import Addresses
from ..model.article import Article
from ..model.catalog import Catalog
from . import views
from .feeds import Feed, feed

LIST_TEMPLATE = "bantin/list.html"
UNITS_TEMPLATE = "bantin/units.html"
ARCHIVE_TEMPLATE = "bantin/archive.html"
YEAR_TEMPLATE = "bantin/archive-year.html"


@dataclass(frozen=True)
class Options:
    page_size: int = 12
    feed_size: int = 20
    site_name: str = ""
    site_description: str = ""
    site_url: str | None = None
    """Feeds need absolute links; without a site_url there are none."""


@dataclass(frozen=True)
class Generated:
    address: str
    template: str
    title: str
    view: object
    lastmod: date | None = None


@dataclass(frozen=True)
class Plan:
    pages: tuple[Generated, ...]
    feeds: tuple[Feed, ...]
    nav: tuple[str, ...]
    """Addresses for the tabs after the home page: categories, the unit overview, the archive."""
    lastmod: dict[str, date]
    """Every page address that has a date (articles, home, indexes) → the date for the sitemap."""


def _newest(articles: Sequence[Article]) -> date | None:
    return articles[0].published.moment.date() if articles else None


class _Planner:
    """Collects pages and feeds while `plan` walks the catalog."""

    def __init__(self, catalog: Catalog, options: Options):
        self.addresses = catalog.addresses
        self.options = options
        self.pages: list[Generated] = []
        self.feeds: list[Feed] = []

    def feed(self, index: str, title: str, description: str, articles) -> str | None:
        """A feed beside the index page at `index`; none without a site_url."""
        if not self.options.site_url:
            return None
        address = self.addresses.of_feed(index)
        self.feeds.append(
            feed(
                self.options.site_url,
                address,
                index,
                title,
                description,
                articles,
                self.options.feed_size,
            )
        )
        return address

    def lists(
        self,
        kind: str,
        subject: object,
        title: str,
        articles: Sequence[Article],
        address_of: Callable[[int], str],
        feed: str | None = None,
        size: int | None = None,
    ) -> None:
        """Every page of one list; all share the list's newest date as lastmod."""
        size = size or self.options.page_size
        for each in views.paginate(kind, title, articles, size, address_of, subject, feed):
            number = each.pagination.number
            shown = title if number == 1 else f"{title} – Trang {number}"
            self.pages.append(
                Generated(each.address, LIST_TEMPLATE, shown, each, _newest(articles))
            )

    def page(self, address: str, template: str, title: str, view: object, lastmod) -> None:
        self.pages.append(Generated(address, template, title, view, lastmod))


def plan(catalog: Catalog, options: Options) -> Plan:
    addresses = catalog.addresses
    site = options.site_name
    planner = _Planner(catalog, options)
    planner.feed("", site, options.site_description, catalog.articles)

    for category in catalog.categories:
        articles = catalog.by_category.get(category.slug, [])
        feed_address = planner.feed(
            category.url, f"{site} – {category.name}", category.description, articles
        )
        address_of = partial(addresses.of_category, category.slug)
        planner.lists("category", category, category.name, articles, address_of, feed_address)

    newest = _newest(catalog.articles)
    tree = views.unit_tree(catalog)
    planner.page(addresses.units, UNITS_TEMPLATE, "Đơn vị", tree, newest)
    for info in views.flatten(tree):
        unit = info.unit
        articles = views.roll_up(catalog, unit.slug)
        feed_address = planner.feed(unit.url, f"{site} – {unit.name}", "", articles)
        address_of = partial(addresses.of_unit, unit.slug)
        planner.lists("unit", info, unit.name, articles, address_of, feed_address)

    for tag in views.tags_of(catalog):
        articles = catalog.by_tag[tag.slug]
        planner.lists("tag", tag, tag.name, articles, partial(addresses.of_tag, tag.slug))

    years = views.archive(catalog)
    planner.page(addresses.archive, ARCHIVE_TEMPLATE, "Lưu trữ", years, newest)
    for year in years:
        year_newest = _newest(year.months[0].articles)
        planner.page(year.url, YEAR_TEMPLATE, f"Năm {year.year}", year, year_newest)
        for month in year.months:
            planner.lists(
                "month",
                month,
                month.label,
                month.articles,
                lambda _, url=month.url: url,
                size=max(1, month.count),
            )

    pages = planner.pages
    lastmod = {article.url: article.published.moment.date() for article in catalog.articles}
    if newest:
        lastmod[""] = newest
    lastmod.update({page.address: page.lastmod for page in pages if page.lastmod})
    nav = (
        *(category.url for category in catalog.categories),
        addresses.units,
        addresses.archive,
    )
    return Plan(tuple(pages), tuple(planner.feeds), nav, lastmod)


def clashes(plan: Plan) -> list[str]:
    """Addresses planned twice (address formats configured onto each other)."""
    counts = Counter(page.address for page in plan.pages)
    counts.update(each.address for each in plan.feeds)
    return sorted(address for address, count in counts.items() if count > 1)


def tab_of(subject: object, addresses: Addresses) -> str | None:
    """The tab a page belongs to, lit while it is shown: an article's or a list page's category,
    the unit overview for a unit, the archive for a year or a month."""
    if isinstance(subject, Article):
        return subject.category.url
    if isinstance(subject, views.ListPage):
        return {
            "category": subject.pagination.urls[0],
            "unit": addresses.units,
            "month": addresses.archive,
        }.get(subject.kind)
    if isinstance(subject, views.ArchiveYear):
        return addresses.archive
    return None
