"""The plan of a build's index pages and feeds: which addresses, which template, which view.

Pure: it reads the catalog and returns data; the plugin turns the plan into MkDocs files.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..article import Article
from ..catalog import Catalog
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


def _paged_title(title: str, page: views.ListPage) -> str:
    number = page.pagination.number
    return title if number == 1 else f"{title} – Trang {number}"


def plan(catalog: Catalog, options: Options) -> Plan:
    addresses = catalog.addresses
    pages: list[Generated] = []
    feeds: list[Feed] = []

    def add_list(list_pages: list[views.ListPage], articles: Sequence[Article]) -> None:
        for each in list_pages:
            title = _paged_title(each.title, each)
            pages.append(Generated(each.address, LIST_TEMPLATE, title, each, _newest(articles)))

    def add_feed(index: str, title: str, description: str, articles) -> str | None:
        if not options.site_url:
            return None
        address = addresses.of_feed(index)
        feeds.append(
            feed(
                options.site_url,
                address,
                index,
                title,
                description,
                articles,
                options.feed_size,
            )
        )
        return address

    add_feed("", options.site_name, options.site_description, catalog.articles)

    for category in catalog.categories:
        articles = catalog.by_category.get(category.slug, [])
        title = f"{options.site_name} – {category.name}"
        feed_address = add_feed(category.url, title, category.description, articles)
        add_list(
            views.paginate(
                "category",
                category.name,
                articles,
                options.page_size,
                lambda n, slug=category.slug: addresses.of_category(slug, n),
                subject=category,
                feed=feed_address,
            ),
            articles,
        )

    tree = views.unit_tree(catalog)
    for info in views.flatten(tree):
        unit = info.unit
        articles = views.roll_up(catalog, unit.slug)
        feed_address = add_feed(unit.url, f"{options.site_name} – {unit.name}", "", articles)
        add_list(
            views.paginate(
                "unit",
                unit.name,
                articles,
                options.page_size,
                lambda n, slug=unit.slug: addresses.of_unit(slug, n),
                subject=info,
                feed=feed_address,
            ),
            articles,
        )
    newest = _newest(catalog.articles)
    pages.append(Generated(addresses.units, UNITS_TEMPLATE, "Đơn vị", tree, newest))

    for tag in views.tags_of(catalog):
        articles = catalog.by_tag[tag.slug]
        add_list(
            views.paginate(
                "tag",
                tag.name,
                articles,
                options.page_size,
                lambda n, slug=tag.slug: addresses.of_tag(slug, n),
                subject=tag,
            ),
            articles,
        )

    years = views.archive(catalog)
    pages.append(Generated(addresses.archive, ARCHIVE_TEMPLATE, "Lưu trữ", years, newest))
    for year in years:
        year_newest = _newest(year.months[0].articles)
        pages.append(Generated(year.url, YEAR_TEMPLATE, f"Năm {year.year}", year, year_newest))
        for month in year.months:
            (page,) = views.paginate(
                "month",
                month.label,
                month.articles,
                max(1, month.count),
                lambda n, url=month.url: url,
                subject=month,
            )
            pages.append(
                Generated(month.url, LIST_TEMPLATE, month.label, page, _newest(month.articles))
            )

    lastmod = {article.url: article.published.moment.date() for article in catalog.articles}
    if newest:
        lastmod[""] = newest
    lastmod.update({page.address: page.lastmod for page in pages if page.lastmod})
    nav = (
        *(category.url for category in catalog.categories),
        addresses.units,
        addresses.archive,
    )
    return Plan(tuple(pages), tuple(feeds), nav, lastmod)


def clashes(plan: Plan) -> list[str]:
    """Addresses planned twice (address formats configured onto each other)."""
    counts = Counter(page.address for page in plan.pages)
    counts.update(each.address for each in plan.feeds)
    return sorted(address for address, count in counts.items() if count > 1)
