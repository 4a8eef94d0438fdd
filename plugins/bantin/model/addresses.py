"""Every address of the site, as format strings in one place (configurable in mkdocs.yml).

Addresses are relative to the site root with a trailing slash, as MkDocs page URLs are;
a page's file is the address plus `index.html`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime


@dataclass(frozen=True)
class Addresses:
    article: str = "{yyyy}/{mm}/{slug}/"
    category: str = "chuyen-muc/{slug}/"
    category_page: str = "chuyen-muc/{slug}/trang/{n}/"
    unit: str = "don-vi/{slug}/"
    unit_page: str = "don-vi/{slug}/trang/{n}/"
    units: str = "don-vi/"
    archive: str = "luu-tru/"
    archive_year: str = "luu-tru/{yyyy}/"
    archive_month: str = "luu-tru/{yyyy}/{mm}/"
    tag: str = "the/{slug}/"
    tag_page: str = "the/{slug}/trang/{n}/"
    feed: str = "feed.xml"

    @classmethod
    def from_mapping(cls, values: dict) -> Addresses:
        return cls(**_set_fields(cls, values))

    def of_article(self, moment: datetime, slug: str) -> str:
        return self.article.format(yyyy=f"{moment.year:04d}", mm=f"{moment.month:02d}", slug=slug)

    def of_category(self, slug: str, page: int = 1) -> str:
        return self._paged(self.category, self.category_page, slug, page)

    def of_unit(self, slug: str, page: int = 1) -> str:
        return self._paged(self.unit, self.unit_page, slug, page)

    def of_tag(self, slug: str, page: int = 1) -> str:
        return self._paged(self.tag, self.tag_page, slug, page)

    def of_year(self, year: int) -> str:
        return self.archive_year.format(yyyy=f"{year:04d}")

    def of_month(self, year: int, month: int) -> str:
        return self.archive_month.format(yyyy=f"{year:04d}", mm=f"{month:02d}")

    def of_feed(self, index: str = "") -> str:
        """The feed beside an index page: `feed.xml`, `chuyen-muc/x/feed.xml`."""
        return index + self.feed

    @staticmethod
    def _paged(first: str, later: str, slug: str, page: int) -> str:
        return first.format(slug=slug) if page == 1 else later.format(slug=slug, n=page)


def page_file(address: str) -> str:
    """The file an address is served from: `2022/06/x/` → `2022/06/x/index.html`."""
    return address + "index.html" if address.endswith("/") or not address else address


@dataclass(frozen=True)
class DocumentAddresses:
    """Where the documents register (Văn bản) lives; `{yyyy}`, `{slug}`, `{n}` are filled in."""

    document: str = "van-ban/{yyyy}/{slug}/"
    register: str = "van-ban/"
    register_page: str = "van-ban/trang/{n}/"
    year: str = "van-ban/{yyyy}/"
    year_page: str = "van-ban/{yyyy}/trang/{n}/"
    kind: str = "van-ban/loai/{slug}/"
    kind_page: str = "van-ban/loai/{slug}/trang/{n}/"
    unit: str = "van-ban/don-vi/{slug}/"
    unit_page: str = "van-ban/don-vi/{slug}/trang/{n}/"
    feed: str = "van-ban/feed.xml"
    previews: str = "van-ban/xem-truoc/{name}"
    """First pages of PDF files, drawn as small images."""

    @classmethod
    def from_mapping(cls, values: dict) -> DocumentAddresses:
        return cls(**_set_fields(cls, values))

    def of_document(self, year: int, slug: str) -> str:
        return self.document.format(yyyy=f"{year:04d}", slug=slug)

    def of_register(self, page: int = 1) -> str:
        return self.register if page == 1 else self.register_page.format(n=page)

    def of_year(self, year: int, page: int = 1) -> str:
        pattern = self.year if page == 1 else self.year_page
        return pattern.format(yyyy=f"{year:04d}", n=page)

    def of_kind(self, slug: str, page: int = 1) -> str:
        return Addresses._paged(self.kind, self.kind_page, slug, page)

    def of_unit(self, slug: str, page: int = 1) -> str:
        return Addresses._paged(self.unit, self.unit_page, slug, page)

    def of_preview(self, name: str) -> str:
        return self.previews.format(name=name)


def _set_fields(cls: type, values: dict) -> dict:
    """The values given for `cls`'s fields, left out when empty (the default stands); keys that
    are not fields are ignored, as mkdocs.yml's options are validated by the plugin's config."""
    names = {field.name for field in fields(cls)}
    return {key: value for key, value in values.items() if key in names and value}
