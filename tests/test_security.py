"""Readers' browsers run only what we ship: each hostile input of issue 15 has one fixture here,
and the test asserts its exact safe outcome (docs/security.md says what is promised)."""

from __future__ import annotations

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
