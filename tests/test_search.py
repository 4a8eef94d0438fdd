"""Search without a browser: the search page, the article markup Pagefind reads, the index."""

import gzip
import json
import unicodedata

from bantin.search.indexer import first_occurrences, searchable, stroke_d

HA_GIANG = "2022/09/tinh-doan-ha-giang-to-chuc-dai-hoi-dai-bieu-lan-thu-xv/"


def fragments(site, year="*"):
    """Every article Pagefind stored (in the year folders), as the browser receives it: gzip, a
    signature, JSON."""
    for path in (site / "pagefind").glob(f"{year}/fragment/*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        yield json.loads(data[data.index(b"{") :])


def test_stroke_d_writes_d_as_a_mark_pagefind_folds():
    decomposed = unicodedata.normalize("NFD", "Đoàn đại hội")
    assert stroke_d(decomposed) == "D\u0335oàn d\u0335ại hội"
    assert unicodedata.normalize("NFC", stroke_d(decomposed)) == stroke_d(decomposed)


def test_index_keeps_the_lede_and_then_each_word_once_and_what_comes_before_whole():
    page = (
        '<h1>Đoàn viên, đoàn viên</h1><p>Đoàn viên</p><div class="bt-article__body">'
        "<p>Đoàn viên thanh niên &amp; thanh niên Hà Giang, ha giang &amp; Hà.</p></div>"
    )
    assert first_occurrences(page) == (
        '<h1>Đoàn viên, đoàn viên</h1><p>Đoàn viên</p><div class="bt-article__body">'
        "<p>Đoàn viên thanh niên &amp; Hà Giang, ha &amp; .</p></div>"
    )
    assert first_occurrences(page, lede=6) == (
        '<h1>Đoàn viên, đoàn viên</h1><p>Đoàn viên</p><div class="bt-article__body">'
        "<p>Đoàn viên thanh niên &amp; thanh niên Hà Giang, ha &amp; .</p></div>"
    )


def test_pagefind_reads_only_the_searchable_element_of_a_page():
    page = (
        '<html lang="vi" class="no-js"><head><title>T</title></head><body><nav>Menu</nav>'
        "<div data-pagefind-body><h1>Tiêu đề</h1><div><div>Thân</div></div><p>Thẻ</p></div>"
        "<div>Bài liên quan</div><footer>Chân trang</footer></body></html>"
    )
    assert searchable(page) == (
        '<!doctype html><html lang="vi"><body><div data-pagefind-body><h1>Tiêu đề</h1>'
        "<div><div>Thân</div></div><p>Thẻ</p></div></body></html>"
    )
    assert searchable("<p>Không có phần tìm kiếm</p>") == "<p>Không có phần tìm kiếm</p>"


def test_search_page_is_a_vietnamese_form(tiny_site):
    tiny_site.fixture("search/ha-giang-dai-hoi.md", "2022/ha-giang-dai-hoi.md")
    tiny_site.build()
    page = tiny_site.page("tim-kiem/")
    assert page.h1.get_text() == "Tìm kiếm"
    form = page.select_one("form.bt-search__form")  # not the header's search box
    field = form.select_one("input[type=search][name=q]")
    assert form.select_one(f"label[for={field['id']}]").get_text().startswith("Từ khóa")
    assert [s.find_parent("label").contents[0].strip() for s in form.select("select")] == [
        "Chuyên mục",
        "Đơn vị",
        "Loại",
        "Năm",
    ]
    assert page.select_one(".bt-search__status")["role"] == "status"
    script = page.select_one("script[type=module]")["src"]
    assert (tiny_site.site / "tim-kiem" / script).resolve().is_file()


def test_article_is_indexed_with_meta_facets_and_d_folded(tiny_site):
    tiny_site.fixture("search/ha-giang-dai-hoi.md", "2022/ha-giang-dai-hoi.md")
    tiny_site.build()
    article = tiny_site.page(HA_GIANG).select_one("[data-pagefind-body]")
    assert article.h1.get_text() == "Tỉnh đoàn Hà Giang tổ chức Đại hội đại biểu lần thứ XV"
    assert article.select_one(".bt-dateline").find_parent(attrs={"data-pagefind-ignore": True})
    (stored,) = fragments(tiny_site.site)
    assert stored["url"] == "/" + HA_GIANG
    assert stored["meta"]["title"] == stroke_d(article.h1.get_text())
    assert stored["meta"]["date"] == "Thứ Ba, 20/09/2022"
    assert stored["filters"] == {
        "unit": [stroke_d("Tỉnh đoàn Hà Giang")],
        "category": [stroke_d("Xây dựng Đoàn")],
        "type": ["Bài viết"],
    }
    assert (
        "D\u0335ại hội d\u0335ại biểu" in stored["content"] and "đ" not in stored["content"].lower()
    )
    # A short article is all lede (index_lede_words: 80): indexed as written.
    assert stored["content"].count("Hà Giang") == 3


def test_search_can_be_turned_off(tiny_site):
    tiny_site.fixture("search/ha-giang-dai-hoi.md", "2022/ha-giang-dai-hoi.md")
    tiny_site.config.write_text(
        tiny_site.config.read_text(encoding="utf-8")
        + "plugins:\n  - bantin\n  - bantin-articles\n  - bantin-search:\n      enabled: false\n",
        encoding="utf-8",
    )
    tiny_site.build()
    assert (tiny_site.site / HA_GIANG / "index.html").is_file()
    assert not (tiny_site.site / "pagefind").exists()
    assert not (tiny_site.site / "tim-kiem").exists()
