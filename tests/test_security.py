"""Readers' browsers run only what we ship: each hostile input of issue 15 has one fixture here,
and the test asserts its exact safe outcome (docs/security.md says what is promised)."""

from __future__ import annotations

import pytest
from bantin.sanitize import CONTENT_ID_PREFIX, sanitise

from tests.conftest import FIXTURES


def _ids(soup) -> list[str]:
    return [element["id"] for element in soup.select("[id]")]


def test_content_ids_are_prefixed_and_anchors_still_point_at_them(tiny_site):
    tiny_site.article("2022/config-id.md", (FIXTURES / "hostile/config-id.md").read_text())
    tiny_site.build()
    page = tiny_site.page("2022/06/bai-co-id-cua-material/")
    body = page.select_one(".bt-article__body") or page.select_one("article")
    content_ids = _ids(body)
    assert "nd-__config" in content_ids and "nd-__drawer" in content_ids
    assert all(i.startswith(CONTENT_ID_PREFIX) for i in content_ids)
    # The theme's own ids, and nothing from the article, outside the body.
    assert len(page.select('[id="__config"]')) <= 1
    config = page.select_one('[id="__config"]')
    assert config is None or "evil.example" not in config.get_text()
    assert body.select_one("[name]")["name"] == "nd-__search"
    # Every in-page link still finds its target: the heading and the footnote both ways.
    targets = set(content_ids)
    links = [a["href"] for a in body.select('a[href^="#"]')]
    assert "#nd-muc-mot" in links and "#nd-fn:1" in links and "#nd-fnref:1" in links
    assert all(href[1:] in targets for href in links)


def test_no_theme_id_starts_with_the_content_prefix(tiny_site):
    tiny_site.fixture("good.md")
    tiny_site.build()
    for path in tiny_site.site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert f'id="{CONTENT_ID_PREFIX}' not in text, path


def test_links_into_the_site_keep_their_anchor_and_others_are_untouched():
    html = sanitise(
        '<a href="../gioi-thieu/#lich-su">a</a><a href="https://x.example/#top">b</a>'
        '<a href="#">c</a><a id="">d</a>'
    )
    assert 'href="../gioi-thieu/#nd-lich-su"' in html
    assert 'href="https://x.example/#top"' in html
    assert 'href="#"' in html and 'id=""' not in html


def test_a_static_page_table_of_contents_points_at_the_prefixed_headings(tiny_site):
    from bantin.synthetic import write_config

    (tiny_site.content / "trang.md").write_text(
        "# Trang\n\n## Lịch sử\n\nChữ.\n\n## Hoạt động\n\nChữ.\n", encoding="utf-8"
    )
    write_config(tiny_site.root, "  - Trang: trang.md\n")
    tiny_site.build()
    page = tiny_site.page("trang/")
    toc = [a["href"] for a in page.select_one("nav.md-nav--secondary").select('a[href^="#"]')]
    assert toc == ["#nd-lich-su", "#nd-hoat-ong"]
    assert all(page.select_one(f'[id="{href[1:]}"]') is not None for href in toc)


HOSTILE = 'Tin "A" & B </title><script>alert(1)</script><img src=x onerror=alert(2)>'


def _hostile_config(site, site_url: str = "https://example.org/") -> None:
    from bantin.synthetic import REPO

    (site.content / "trang.md").write_text("# Trang\n\nChữ.\n", encoding="utf-8")
    quoted = HOSTILE.replace('"', '\\"')
    site.config.write_text(
        f"INHERIT: {REPO / 'mkdocs.yml'}\n"
        f'site_name: "{quoted}"\n'
        f'site_description: "{quoted}"\n'
        f'site_author: "{quoted}"\n'
        f'copyright: "{quoted}"\n'
        f"site_url: '{site_url}'\n"
        f"docs_dir: {site.content}\n"
        f"site_dir: {site.site}\n"
        f"theme:\n  custom_dir: {REPO / 'theme'}\n"
        f'nav:\n  - Trang chủ: index.md\n  - "{quoted}": trang.md\n'
        f'extra:\n  organisation:\n    name: "{quoted}"\n',
        encoding="utf-8",
    )


def test_config_texts_are_escaped_once_on_every_page(tiny_site):
    import json
    from xml.etree import ElementTree

    from bs4 import BeautifulSoup

    tiny_site.fixture("good.md")
    _hostile_config(tiny_site)
    tiny_site.build()
    pages = sorted(tiny_site.site.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert not soup.select("[onerror]"), path
        scripts = [s.get_text().strip() for s in soup.select("script")]
        assert "alert(1)" not in scripts, path
        # Escaped once: a reader sees the words, never an entity.
        words = soup.get_text(" ") + " ".join(
            str(value) for tag in soup.find_all(True) for value in tag.attrs.values()
        )
        assert "&amp;" not in words and "&lt;" not in words and "&#34;" not in words, path
    page = tiny_site.page("2022/06/tinh-doan-ninh-binh-kiem-tra-huyen-doan-yen-khanh/")
    assert page.title.get_text().endswith(" - " + HOSTILE)
    assert page.select_one('meta[name="description"]') is not None
    assert HOSTILE in [a.get_text(strip=True) for a in page.select(".bt-sections a")]
    ld = json.loads(page.select_one('script[type="application/ld+json"]').get_text())
    assert ld["publisher"]["name"] == HOSTILE
    home = tiny_site.page("")
    assert home.select_one('meta[name="author"]')["content"] == HOSTILE
    assert home.select_one("h1").get_text() == HOSTILE
    feed = ElementTree.parse(tiny_site.site / "feed.xml")
    assert feed.find("channel/title").text == HOSTILE


def test_a_site_url_that_could_leave_its_attribute_is_refused(tiny_site, caplog):
    from mkdocs.exceptions import Abort

    _hostile_config(tiny_site, site_url='https://example.org/"><script>alert(1)</script>')
    with pytest.raises(Abort):
        tiny_site.build()
    assert "mkdocs.yml:6: site_url: địa chỉ 'https://example.org/\"><script>" in caplog.text
    assert not tiny_site.site.exists()
