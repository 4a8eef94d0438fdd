"""The gates a published site must pass, on the sample site and on a generated site.

Each site is built once for the whole module (through `bantin build`, as CI builds it); every
gate then reads the built folder. The Nu HTML Checker runs once per site over the pages it
checks; axe-core runs in one browser over one page of each kind.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from bantin.engine.atomic import build_atomically
from bantin.engine.host import load_config
from bantin.model.addresses import Addresses
from bantin.tools.synthetic import write_project

from tests import gates
from tests.browser import serve

SYNTHETIC_ARTICLES = 300
# The kinds of page each site must have; the gates run on one page of each kind found.
INDEXES = {"category", "unit", "units", "archive", "archive year", "archive month", "tag"}
REQUIRED_KINDS = {
    "sample": {"home", "article", "page", "404", "document", "documents", *INDEXES},
    "synthetic": {
        "home", "article", "article with image", "404", "category page 2", "unit page 2", *INDEXES
    },
}  # fmt: skip


@dataclass(frozen=True)
class BuiltSite:
    name: str
    site: Path
    site_url: str
    addresses: Addresses

    @property
    def kinds(self) -> dict[str, Path]:
        return gates.one_page_of_each_kind(self.site, self.addresses)


def _build(name: str, config_file: Path, site_dir: Path) -> BuiltSite:
    build_atomically(config_file, strict=True, site_dir=str(site_dir))
    config = load_config(str(config_file))
    plugin = config.plugins["bantin-articles"]
    return BuiltSite(
        name, site_dir, config.site_url, Addresses.from_mapping(dict(plugin.config.addresses))
    )


@pytest.fixture(scope="module", params=["sample", "synthetic"])
def built(request, tmp_path_factory) -> BuiltSite:
    root = tmp_path_factory.mktemp(request.param)
    if request.param == "sample":
        return _build("sample", gates.REPO / "mkdocs.yml", root / "site")
    config_file = write_project(root, SYNTHETIC_ARTICLES, seed=9)
    return _build("synthetic", config_file, root / "site")


def _require(tool: Path | str | None, why: str) -> None:
    """A missing gate tool fails in CI (scripts/test installs it) and skips elsewhere."""
    if tool and Path(tool).exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"{why} is missing; scripts/test installs it")
    pytest.skip(f"{why} is missing; run scripts/test")


def test_every_required_kind_of_page_is_built(built):
    assert REQUIRED_KINDS[built.name] <= set(built.kinds), sorted(built.kinds)


def test_every_page_kind_is_valid_html(built):
    _require(gates.java(), "Java (default-jre-headless)")
    _require(gates.VNU, "vnu.jar (npm ci)")
    # The sample site is small: check all of it; the generated one: one page of each kind.
    pages = gates.html_pages(built.site) if built.name == "sample" else built.kinds.values()
    pages = list(pages)
    errors = gates.vnu_errors(pages, built.site)
    print(f"{built.name}: {len(pages)} pages validated, {len(errors)} errors")
    assert errors == []


def test_every_internal_link_image_and_asset_resolves(built):
    report = gates.check_links(built.site, built.site_url)
    print(
        f"{built.name}: {report.checked} references to {len(report.targets)} files checked, "
        f"{len(report.broken)} broken"
    )
    assert report.checked > 0
    assert report.broken == []


def test_every_image_on_every_page_has_alt_text(built):
    images, missing = gates.images_without_alt(built.site)
    print(f"{built.name}: {images} images, {len(missing)} without alt")
    assert missing == []
    if built.name == "synthetic":  # one article in ten has a cover
        assert images > 0


def test_sitemap_lists_every_article_and_only_pages_that_exist(built):
    listed = gates.sitemap_addresses(built.site)
    missing = [
        address
        for address in listed
        if not gates.resolves(
            gates.target_file(built.site, built.site_url, built.site_url, address)
        )
    ]
    assert missing == []
    article = built.kinds["article"]
    assert built.site_url + gates.address_of(built.site, article) in listed
    assert gates.sitemap_gzip_matches(built.site)


def test_feeds_parse_and_list_only_pages_that_exist(built):
    feeds = gates.feeds(built.site, built.addresses)
    problems = [
        problem
        for feed in feeds
        for problem in gates.feed_problems(feed, built.site, built.site_url)
    ]
    print(f"{built.name}: {len(feeds)} feeds checked")
    assert (
        built.site / built.addresses.feed in feeds
    )  # the site's own, besides categories' and units'
    assert len(feeds) > 1
    assert problems == []


def test_robots_txt_points_at_the_sitemap(built):
    lines = (built.site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert f"Sitemap: {built.site_url}sitemap.xml" in lines
    assert "User-agent: *" in lines
    assert (built.site / "sitemap.xml").is_file()


@pytest.mark.browser
def test_no_serious_accessibility_violation_on_any_page_kind(built, browser):
    _require(gates.AXE, "axe-core (npm ci)")
    found = {}
    with serve(built.site) as base:
        for kind, page in sorted(built.kinds.items()):
            address = gates.address_of(built.site, page)
            violations = gates.axe_violations(browser, base + address)
            serious = [v for v in violations if v["impact"] in ("serious", "critical")]
            if serious:
                found[f"{kind} /{address}"] = serious
    print(f"{built.name}: axe ran on {len(built.kinds)} kinds of page")
    assert found == {}


def test_the_link_gate_catches_an_address_that_lost_its_root(tmp_path):
    """`//assets/x.webp` (a root path written after a "/" base) sends the browser to a host
    named "assets"; an address of another host stays out of the gate."""
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "x.webp").write_bytes(b"RIFF")
    (tmp_path / "404.html").write_text(
        '<img src="//assets/x.webp" alt=""><img src="/assets/x.webp" alt="">'
        '<a href="//www.youtube.com/watch">v</a>',
        encoding="utf-8",
    )
    report = gates.check_links(tmp_path, "https://example.org/")
    assert report.broken == ["404.html: //assets/x.webp (mất gốc: '//')"]
