"""A generated site of a few hundred articles: every index exists, every link resolves, feeds parse.

One build for the whole module; the crawler reads every page of site/ as a browser would resolve
its links (relative to the page's own address).
"""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import feedparser
import pytest
from bantin.indexes.views import archive
from bantin.model.addresses import Addresses
from bantin.model.catalog import build_catalog
from bantin.tools.synthetic import write_project

from tests.conftest import build

pytestmark = pytest.mark.slow

ARTICLES = 300


class _Links(HTMLParser):
    """Every address a page points at: links, stylesheets, scripts, images."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name in ("href", "src"):
            if values.get(name):
                self.found.append(values[name])


def internal(link: str) -> bool:
    parts = urlsplit(link)
    return not parts.scheme and not parts.netloc and bool(parts.path)


def target(site: Path, page: str, link: str) -> Path:
    """The file a relative link on `page` (a path under site/) leads to."""
    address = unquote(urlsplit(link).path)
    # Root-relative links (the 404 page's) start from the site's root.
    base = "" if address.startswith("/") else posixpath.dirname(page)
    path = posixpath.normpath(posixpath.join(base, address.lstrip("/")))
    resolved = site / path
    return resolved / "index.html" if link.split("#")[0].split("?")[0].endswith("/") else resolved


@pytest.fixture(scope="module")
def big_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("big")
    config = write_project(root, ARTICLES, seed=3)
    build(config, strict=True)
    catalog, errors = build_catalog(root / "content", root, Addresses())
    assert errors == []
    return root / "site", catalog


def test_every_internal_link_of_every_page_resolves(big_site):
    site, _ = big_site
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > ARTICLES
    broken = []
    for path in pages:
        page = path.relative_to(site).as_posix()
        parser = _Links()
        parser.feed(path.read_text(encoding="utf-8"))
        for link in parser.found:
            if internal(link) and not target(site, page, link).exists():
                broken.append(f"{page} → {link}")
    assert broken == []


def test_every_category_unit_tag_and_month_has_its_pages(big_site):
    site, catalog = big_site
    addresses = catalog.addresses
    wanted = [addresses.units, addresses.archive]
    wanted += [category.url for category in catalog.categories]
    wanted += [unit.url for unit in catalog.units]
    wanted += [addresses.of_tag(slug) for slug in catalog.by_tag]
    for year in archive(catalog):
        wanted += [year.url, *(month.url for month in year.months)]
    missing = [address for address in wanted if not (site / address / "index.html").is_file()]
    assert missing == []
    biggest = max(catalog.by_category.values(), key=len)
    last_page = -(-len(biggest) // 12)
    slug = biggest[0].category.slug
    assert (site / addresses.of_category(slug, last_page) / "index.html").is_file()
    assert not (site / addresses.of_category(slug, last_page + 1)).exists()


def test_every_feed_parses_as_rss_2(big_site):
    site, catalog = big_site
    feeds = sorted(site.rglob("feed.xml"))
    # The site's, each category's and unit's, and the documents register's (bantin-documents).
    assert len(feeds) == 1 + len(catalog.categories) + len(catalog.units) + 1
    assert site / "van-ban" / "feed.xml" in feeds
    for path in feeds:
        parsed = feedparser.parse(path)
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version == "rss20"
        assert all(entry.link.startswith("https://example.org/") for entry in parsed.entries)
