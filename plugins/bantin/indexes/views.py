"""What the index pages show: typed, immutable views built from the catalog by pure functions.

Templates in theme/bantin/ receive one of these as `view`; they never sort or filter the catalog
themselves, so every page costs the same whatever the size of the archive.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from ..model.article import Article
from ..model.catalog import Catalog
from ..model.dates import month_label
from ..model.registry import Category, Unit, UnitRegistry
from ..model.text import vi_sort_key


@dataclass(frozen=True)
class PageLink:
    """One numbered link of a pagination bar; `number` None is a gap (…)."""

    number: int | None
    url: str = ""
    current: bool = False


@dataclass(frozen=True)
class Pagination:
    """Where page `number` of `count` sits; `urls[i]` is the address of page i + 1."""

    number: int
    urls: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.urls)

    @property
    def previous_url(self) -> str | None:
        return self.urls[self.number - 2] if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.urls[self.number] if self.number < self.count else None

    def links(self, around: int = 2) -> list[PageLink]:
        """First, last and `around` pages either side of the current one, gaps as `…`."""
        shown = {1, self.count, *range(self.number - around, self.number + around + 1)}
        links: list[PageLink] = []
        for number in sorted(n for n in shown if 1 <= n <= self.count):
            if links and links[-1].number is not None and number > links[-1].number + 1:
                links.append(PageLink(None))
            links.append(PageLink(number, self.urls[number - 1], number == self.number))
        return links


@dataclass(frozen=True)
class ListPage:
    """One page of a paginated list of articles (a category, a unit, a tag)."""

    kind: str
    title: str
    address: str
    articles: tuple[Article, ...]
    total: int
    pagination: Pagination
    subject: object = None
    """The Category, UnitInfo or TagInfo the list is about."""
    feed: str | None = None


def paginate(
    kind: str,
    title: str,
    articles: Sequence[Article],
    size: int,
    address_of: Callable[[int], str],
    subject: object = None,
    feed: str | None = None,
) -> list[ListPage]:
    """Cut a list into pages of `size`; an empty list still has its one page (that says so)."""
    count = max(1, -(-len(articles) // size))
    urls = tuple(address_of(number) for number in range(1, count + 1))
    return [
        ListPage(
            kind=kind,
            title=title,
            address=urls[number - 1],
            articles=tuple(articles[(number - 1) * size : number * size]),
            total=len(articles),
            pagination=Pagination(number, urls),
            subject=subject,
            feed=feed,
        )
        for number in range(1, count + 1)
    ]


@dataclass(frozen=True)
class TagInfo:
    name: str
    slug: str
    url: str
    count: int


def tags_of(catalog: Catalog) -> list[TagInfo]:
    """Every tag with a usable slug; spellings that share a slug show the most used one."""
    infos = []
    for slug, articles in catalog.by_tag.items():
        if not slug:
            continue
        # Counter keeps first-seen order and max() keeps the first of equals: newest spelling wins ties.
        names = Counter(
            tag.name for article in articles for tag in article.tags if tag.slug == slug
        )
        name = max(names, key=names.__getitem__)
        infos.append(TagInfo(name, slug, catalog.addresses.of_tag(slug), len(articles)))
    return sorted(infos, key=lambda info: vi_sort_key(info.name))


@dataclass(frozen=True)
class UnitInfo:
    """A unit with what its page needs: its place in the tree and its counts."""

    unit: Unit
    own: int
    total: int
    parent: Unit | None = None
    children: tuple[UnitInfo, ...] = ()
    successor: Unit | None = None

    @property
    def period(self) -> str:
        """When the unit existed, as far as known: "01/07/2025 – nay", "đến 30/06/2025"."""
        start, end = self.unit.valid_from, self.unit.valid_to
        if start and end:
            return f"{_day(start)} – {_day(end)}"
        if start:
            return f"{_day(start)} – nay"
        return f"đến {_day(end)}" if end else ""


def _day(value: date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


def roll_up(catalog: Catalog, slug: str) -> list[Article]:
    """A unit's own articles and those of every unit under it, newest first."""
    slugs = [slug, *(unit.slug for unit in catalog.units.descendants(slug))]
    merged = [article for each in slugs for article in catalog.by_unit.get(each, [])]
    return sorted(merged, key=lambda article: article.sort_key)


def unit_tree(catalog: Catalog) -> tuple[UnitInfo, ...]:
    """The organisation tree, each level in Vietnamese alphabetical order, with counts."""
    units = catalog.units
    own = {unit.slug: len(catalog.by_unit.get(unit.slug, ())) for unit in units}

    def node(unit: Unit) -> UnitInfo:
        children = tuple(node(units.get(child)) for child in _sorted(units, unit.children))
        return UnitInfo(
            unit=unit,
            own=own[unit.slug],
            total=own[unit.slug] + sum(child.total for child in children),
            parent=units.get(unit.parent) if unit.parent else None,
            children=children,
            successor=units.get(unit.successor) if unit.successor else None,
        )

    return tuple(node(units.get(slug)) for slug in _sorted(units, [u.slug for u in units.roots()]))


def _sorted(units: UnitRegistry, slugs: Sequence[str]) -> list[str]:
    return sorted(slugs, key=lambda slug: vi_sort_key(units.get(slug).name))


def flatten(tree: Sequence[UnitInfo]) -> list[UnitInfo]:
    """Every node of the tree, depth first."""
    found: list[UnitInfo] = []
    for info in tree:
        found.append(info)
        found.extend(flatten(info.children))
    return found


@dataclass(frozen=True)
class ArchiveMonth:
    year: int
    month: int
    url: str
    articles: tuple[Article, ...]

    @property
    def label(self) -> str:
        return month_label(self.year, self.month)

    @property
    def count(self) -> int:
        return len(self.articles)


@dataclass(frozen=True)
class ArchiveYear:
    year: int
    url: str
    months: tuple[ArchiveMonth, ...]
    """Newest month first."""

    @property
    def count(self) -> int:
        return sum(month.count for month in self.months)


def archive(catalog: Catalog) -> tuple[ArchiveYear, ...]:
    """Years and months that have articles, newest first (months in Vietnam time)."""
    by_month: dict[tuple[int, int], list[Article]] = defaultdict(list)
    for article in catalog.articles:
        moment = article.published.moment
        by_month[(moment.year, moment.month)].append(article)
    years: dict[int, list[ArchiveMonth]] = defaultdict(list)
    for (year, month), articles in sorted(by_month.items(), reverse=True):
        url = catalog.addresses.of_month(year, month)
        years[year].append(ArchiveMonth(year, month, url, tuple(articles)))
    return tuple(
        ArchiveYear(year, catalog.addresses.of_year(year), tuple(months))
        for year, months in years.items()
    )


@dataclass(frozen=True)
class CategoryBlock:
    category: Category
    articles: tuple[Article, ...]
    total: int


@dataclass(frozen=True)
class Home:
    """The home page, each article shown once: the lead story, the newest after it, the featured
    not among them, then a block per category of what none of those showed."""

    lead: Article | None
    newest: tuple[Article, ...]
    featured: tuple[Article, ...] = ()
    blocks: tuple[CategoryBlock, ...] = field(default_factory=tuple)


def home(catalog: Catalog, featured: int, newest: int, per_category: int) -> Home:
    """The lead is the newest featured article (else the newest); "Tin mới nhất" the newest
    others; "Tin nổi bật" the other featured ones not shown yet; then, in registry order, each
    category's newest articles not shown above, and only the categories that have some. A phone
    reads the page top to bottom, so a story met twice is a screen lost (issue 19)."""
    top = tuple(article for article in catalog.articles if article.featured)[:featured]
    lead = top[0] if top else (catalog.articles[0] if catalog.articles else None)
    shown = {lead.src} if lead else set()
    rest = tuple(a for a in catalog.articles[: newest + 1] if a.src not in shown)[:newest]
    shown.update(article.src for article in rest)
    more = tuple(article for article in top if article.src not in shown)
    shown.update(article.src for article in more)
    blocks = []
    for category in catalog.categories:
        articles = catalog.by_category.get(category.slug, ())
        unseen = tuple(a for a in articles[: per_category + len(shown)] if a.src not in shown)
        if unseen:
            blocks.append(CategoryBlock(category, unseen[:per_category], len(articles)))
    return Home(lead, rest, more, tuple(blocks))
