"""What the register's pages show: typed views made from the register by pure functions.

Templates in theme/bantin/ receive one of these (`view`, or `document` on a document's page)
and never sort or filter the register themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from ..indexes.views import Pagination
from ..model.article import Article
from ..model.document import Document
from ..model.register import Register
from ..model.registry import Unit
from ..model.text import vi_sort_key

REGISTER_TEMPLATE = "bantin/documents.html"
DOCUMENT_TEMPLATE = "bantin/document.html"


@dataclass(frozen=True)
class Choice:
    """One value of a filter (a kind, a year, a unit) with the page that lists it."""

    label: str
    url: str
    count: int
    value: str
    current: bool = False


@dataclass(frozen=True)
class Filters:
    """The register's filters, as links: every kind, year and issuing unit with documents."""

    all_url: str
    kinds: tuple[Choice, ...]
    years: tuple[Choice, ...]
    units: tuple[Choice, ...]


@dataclass(frozen=True)
class RegisterPage:
    """One page of the register, or of its documents of one kind, year or unit."""

    kind: str
    """"register", "kind", "year" or "unit"."""
    title: str
    address: str
    documents: tuple[Document, ...]
    total: int
    pagination: Pagination
    filters: Filters
    feed: str | None = None
    data: str = ""
    """Address of the register as JSON, for the filter's script."""


@dataclass(frozen=True)
class DocumentPage:
    """A document with what its page shows around it."""

    document: Document
    mentions: tuple[Article, ...] = ()
    replacing: tuple[Document, ...] = ()
    replaced: tuple[Document, ...] = ()
    previews: tuple[tuple[str, str, int, int], ...] = ()
    """(attached file's src, image address, width, height) for each PDF drawn."""
    register: str = ""
    kind_url: str = ""

    def preview_of(self, src: str) -> tuple[str, int, int] | None:
        return next(((url, w, h) for each, url, w, h in self.previews if each == src), None)


@dataclass(frozen=True)
class Newest:
    """The home page's block: the newest documents and where the register is."""

    documents: tuple[Document, ...]
    register: str


@dataclass(frozen=True)
class Generated:
    address: str
    title: str
    view: RegisterPage
    lastmod: date | None = None


def filters(register: Register, current: tuple[str, str] | None = None) -> Filters:
    """Every kind (registry order), year (newest first) and unit (alphabetical) with documents."""
    addresses = register.addresses

    def choice(kind: str, value: str, label: str, url: str, count: int) -> Choice:
        return Choice(label, url, count, value, current == (kind, value))

    kinds = tuple(
        choice("kind", kind.slug, kind.name, addresses.of_kind(kind.slug), len(found))
        for kind in register.kinds
        if (found := register.by_kind.get(kind.slug))
    )
    years = tuple(
        choice("year", str(year), str(year), addresses.of_year(year), len(register.by_year[year]))
        for year in sorted(register.by_year, reverse=True)
    )
    units: dict[str, Unit] = {d.unit.slug: d.unit for d in register.documents}
    unit_choices = tuple(
        choice(
            "unit", unit.slug, unit.name, addresses.of_unit(unit.slug), len(register.by_unit[slug])
        )
        for slug, unit in sorted(units.items(), key=lambda item: vi_sort_key(item[1].name))
    )
    return Filters(addresses.of_register(), kinds, years, unit_choices)


def paginate(
    kind: str,
    title: str,
    documents: Sequence[Document],
    size: int,
    address_of: Callable[[int], str],
    register_filters: Filters,
    feed: str | None = None,
    data: str = "",
) -> list[RegisterPage]:
    """Cut a list into pages of `size`; an empty register still has its one page."""
    count = max(1, -(-len(documents) // size))
    urls = tuple(address_of(number) for number in range(1, count + 1))
    return [
        RegisterPage(
            kind=kind,
            title=title if number == 1 else f"{title} – Trang {number}",
            address=urls[number - 1],
            documents=tuple(documents[(number - 1) * size : number * size]),
            total=len(documents),
            pagination=Pagination(number, urls),
            filters=register_filters,
            feed=feed,
            data=data,
        )
        for number in range(1, count + 1)
    ]


def plan(register: Register, size: int, feed: str | None, data: str) -> list[Generated]:
    """Every page of the register: all documents, then by kind, by year and by issuing unit."""
    addresses = register.addresses
    pages: list[RegisterPage] = []
    everything = filters(register)
    pages += paginate(
        "register",
        "Văn bản",
        register.documents,
        size,
        addresses.of_register,
        everything,
        feed,
        data,
    )
    for kind in register.kinds:
        found = register.by_kind.get(kind.slug)
        if found:
            pages += paginate(
                "kind", kind.name, found, size, lambda n, s=kind.slug: addresses.of_kind(s, n),
                filters(register, ("kind", kind.slug)), feed, data,
            )  # fmt: skip
    for year, found in register.by_year.items():
        pages += paginate(
            "year", f"Văn bản năm {year}", found, size, lambda n, y=year: addresses.of_year(y, n),
            filters(register, ("year", str(year))), feed, data,
        )  # fmt: skip
    for slug, found in register.by_unit.items():
        unit = found[0].unit
        pages += paginate(
            "unit", f"Văn bản của {unit.name}", found, size,
            lambda n, s=slug: addresses.of_unit(s, n), filters(register, ("unit", slug)), feed, data,
        )  # fmt: skip
    return [
        Generated(
            page.address, page.title, page, page.documents[0].issued if page.documents else None
        )
        for page in pages
    ]


def document_page(
    register: Register,
    document: Document,
    mentions: dict[str, tuple[Article, ...]],
    previews: dict[str, tuple[str, int, int]],
) -> DocumentPage:
    return DocumentPage(
        document=document,
        mentions=mentions.get(document.key, ()),
        replacing=register.replacing(document),
        replaced=register.replaced(document),
        previews=tuple(
            (file.src, *previews[file.src]) for file in document.files if file.src in previews
        ),
        register=register.addresses.of_register(),
        kind_url=register.addresses.of_kind(document.kind.slug),
    )


def listing(register: Register) -> list[dict]:
    """The register as the filter's script reads it (`data`): short keys, every document."""
    return [
        {
            "n": document.number,
            "t": document.title,
            "k": document.kind.slug,
            "y": str(document.year),
            "u": document.unit.slug,
            "d": document.date_label,
            "s": document.summary,
            "url": document.url,
        }
        for document in register.documents
    ]
