"""Publishing: a build swaps into site/ only on success, and the same content gives the same bytes."""

from __future__ import annotations

import gzip
import hashlib
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bantin.engine.atomic import build_atomically
from bantin.engine.host import Abort

REPO = Path(__file__).resolve().parent.parent
FIRST = "2022/06/tinh-doan-ninh-binh-kiem-tra-huyen-doan-yen-khanh/index.html"
SECOND = "2023/03/huyen-doan-yen-khanh-ra-quan-thang-thanh-nien/index.html"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def snapshot(folder: Path) -> dict[str, str]:
    """Every file of a built site by its path, as a digest of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


# Pagefind (issue 7's search index) writes its filter tables from a Rust HashMap, so their order,
# hence their names and the metadata and entry files naming them, change from run to run with
# the same pages (Pagefind/pagefind#638: fragments are stable since 1.3, filter/meta indexes are
# not). Everything else, the index chunks and every fragment included, must be identical.
PAGEFIND_TABLES = re.compile(
    r"pagefind/([\d-]+/)?(filter/.*\.pf_filter|pagefind\..*\.pf_meta|pagefind-entry\.json)"
)


def without_pagefind_tables(files: dict[str, str]) -> dict[str, str]:
    return {name: digest for name, digest in files.items() if not PAGEFIND_TABLES.fullmatch(name)}


def leftovers(root: Path) -> list[str]:
    return sorted(path.name for path in root.iterdir() if path.name.startswith("site."))


@pytest.fixture
def published(tiny_site):
    """A tiny site with one article, already built into site/ once."""
    tiny_site.fixture("good.md", "2022/good.md")
    build_atomically(tiny_site.config, strict=True)
    return tiny_site


@pytest.mark.parametrize(
    "fixture",
    ["bad/unknown-unit.md", "publish/broken-link.md"],
    ids=["content error before the build", "strict-mode warning after the pages are written"],
)
def test_a_failed_build_leaves_the_previous_site_byte_identical(published, fixture):
    before = snapshot(published.site)
    published.fixture(fixture, "2023/" + Path(fixture).name)
    with pytest.raises(Abort):
        build_atomically(published.config, strict=True)
    assert snapshot(published.site) == before
    assert leftovers(published.root) == []


def test_a_successful_build_replaces_the_site(published):
    (published.content / "articles" / "2022" / "good.md").unlink()
    published.fixture("publish/second.md", "2023/second.md")
    build_atomically(published.config, strict=True)
    assert (published.site / SECOND).is_file()
    assert not (published.site / FIRST).exists()
    assert leftovers(published.root) == []
    # A web server reading site/ (another user) can enter it; mkdtemp alone would give 0700.
    assert published.site.stat().st_mode & 0o005 == 0o005


def test_two_builds_of_the_same_content_are_byte_identical(tmp_path, monkeypatch):
    """Built on different 'days' (SOURCE_DATE_EPOCH, which MkDocs reads for its build date)
    into different folders: no build date, path or unstable order may reach the output."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build_atomically(REPO / "mkdocs.yml", strict=True, site_dir=str(tmp_path / "one"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")
    build_atomically(REPO / "mkdocs.yml", strict=True, site_dir=str(tmp_path / "two"))
    one, two = (
        without_pagefind_tables(snapshot(tmp_path / "one")),
        without_pagefind_tables(snapshot(tmp_path / "two")),
    )
    assert len(one) > 20
    assert [name for name in one if one[name] != two.get(name)] == []
    assert one.keys() == two.keys()


def test_sitemap_dates_each_article_by_its_publication(tiny_site):
    tiny_site.fixture("good.md", "2022/good.md")
    tiny_site.fixture("publish/second.md", "2023/second.md")
    build_atomically(tiny_site.config, strict=True)
    root = ElementTree.parse(tiny_site.site / "sitemap.xml").getroot()
    lastmod = {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for url in root.iter(f"{SITEMAP}url")
    }
    first, second = "2022-06-04", "2023-03-26"
    assert lastmod["https://example.org/" + FIRST.removesuffix("index.html")] == first
    assert lastmod["https://example.org/" + SECOND.removesuffix("index.html")] == second
    # Other pages change when the newest article arrives.
    assert lastmod["https://example.org/"] == second
    header = (tiny_site.site / "sitemap.xml.gz").read_bytes()
    # The gzip header's mtime: the newest lastmod, which MkDocs reads as midnight UTC.
    assert int.from_bytes(header[4:8], "little") == 1679788800
    assert gzip.decompress(header) == (tiny_site.site / "sitemap.xml").read_bytes()


def test_robots_txt_points_at_the_sitemap(tiny_site):
    tiny_site.fixture("good.md", "2022/good.md")
    tiny_site.build()
    robots = (tiny_site.site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "Sitemap: https://example.org/sitemap.xml" in robots


def test_the_swap_without_an_atomic_exchange_still_leaves_one_site(tmp_path, monkeypatch):
    """Where renameat2 is missing (other kernels, libcs), two renames do the swap."""
    from bantin.engine import atomic

    monkeypatch.setattr(atomic, "_exchange", lambda first, second: False)
    old, new = tmp_path / "site", tmp_path / "site.building-x"
    for folder, text in ((old, "cũ"), (new, "mới")):
        folder.mkdir()
        (folder / "index.html").write_text(text, encoding="utf-8")
    atomic.swap_into(new, old)
    assert (old / "index.html").read_text(encoding="utf-8") == "mới"
    # The replaced site is hidden at once and deleted in the background.
    assert [path.name for path in tmp_path.iterdir() if not path.name.startswith(".")] == ["site"]
