"""Build tiny sites and read what a reader sees."""

import json
import unicodedata

import pytest
from bantin.engine.host import Abort
from bs4 import BeautifulSoup

ARTICLE = "2022/06/tinh-doan-ninh-binh-kiem-tra-huyen-doan-yen-khanh/"


def test_article_page_reads_like_the_portal(tiny_site):
    tiny_site.fixture("good.md", "2022/good.md")
    tiny_site.build()
    page = tiny_site.page(ARTICLE)
    assert [h1.get_text() for h1 in page.find_all("h1")] == [
        "Tỉnh đoàn Ninh Bình kiểm tra Huyện đoàn Yên Khánh"
    ]
    assert page.select_one(".bt-dateline time").get_text() == "Thứ Bảy, 04/06/2022"
    assert page.select_one(".bt-dateline time")["datetime"] == "2022-06-04T00:00:00+07:00"
    unit = page.select_one(".bt-dateline__unit")
    assert unit.get_text() == "Huyện đoàn Yên Khánh"  # the alias "HĐ Yên Khánh" resolved
    assert unit["href"] == "../../../don-vi/huyen-doan-yen-khanh/"
    assert page.select_one(".bt-dateline__category")["href"] == "../../../chuyen-muc/xay-dung-doan/"
    crumbs = [a.get_text() for a in page.select(".bt-breadcrumb a")]
    assert crumbs == ["Trang chủ", "Xây dựng Đoàn"]
    assert page.select_one(".bt-author").get_text() == "Ban Xây dựng Đoàn"
    assert [a.get_text() for a in page.select(".bt-tags a")] == ["kiểm tra", "6 tháng đầu năm"]
    assert page.select_one(".bt-caption").get_text() == "Quang cảnh hội nghị"
    assert (
        page.title.get_text()
        == "Tỉnh đoàn Ninh Bình kiểm tra Huyện đoàn Yên Khánh - Bản Tin thử nghiệm"
    )
    assert page.find("link", rel="canonical")["href"] == "https://example.org/" + ARTICLE
    assert page.find("meta", property="og:title")["content"] == page.h1.get_text()
    ld = json.loads(page.find("script", type="application/ld+json").string)
    assert ld["@type"] == "NewsArticle"
    assert ld["datePublished"] == "2022-06-04T00:00:00+07:00"
    assert ld["description"].startswith("Sáng 04/6/2022")


def test_articles_are_not_in_the_nav_nor_the_registries_published(tiny_site):
    tiny_site.fixture("good.md", "2022/good.md")
    tiny_site.build()
    home = tiny_site.page("")
    nav_links = [a.get_text(strip=True) for a in home.select(".bt-sections a")]
    assert not any("kiểm tra" in text for text in nav_links)
    assert not (tiny_site.site / "_data").exists()
    assert not (tiny_site.site / "articles").exists()
    assert home.select_one(".bt-card__title a")["href"] == ARTICLE


def test_card_of_an_article_without_cover_or_photo_has_no_thumbnail(tiny_site):
    tiny_site.fixture("good.md", "2022/good.md")
    tiny_site.build()
    card = tiny_site.page("").select_one(".bt-card")
    assert card.select_one(".bt-card__thumb") is None
    assert card.select_one(".bt-card__title a").get_text() == (
        "Tỉnh đoàn Ninh Bình kiểm tra Huyện đoàn Yên Khánh"
    )
    assert card.select_one(".bt-dateline time").get_text() == "Thứ Bảy, 04/06/2022"
    assert card.select_one(".bt-card__summary").get_text().startswith("Sáng 04/6/2022")


def test_decomposed_front_matter_is_the_same_unit_and_category(tiny_site):
    tiny_site.article(
        "2022/nfd.md",
        unicodedata.normalize(
            "NFD",
            "---\ntitle: Đoàn xã Yên Khánh ra quân\ndate: 2025-07-02\nunit: đoàn  XÃ yên khánh\n"
            "category: Tình nguyện\n---\n\nNội dung.\n",
        ),
    )
    tiny_site.build()
    page = tiny_site.page("2025/07/doan-xa-yen-khanh-ra-quan/")
    assert page.h1.get_text() == unicodedata.normalize("NFC", "Đoàn xã Yên Khánh ra quân")
    assert page.select_one(".bt-dateline__unit").get_text() == "Đoàn xã Yên Khánh"


def test_summary_from_more_marker(tiny_site):
    tiny_site.article(
        "2022/more.md",
        "---\ntitle: Có đoạn mở đầu\ndate: 2022-06-05\nunit: TĐ Ninh Bình\ncategory: XDĐ\n---\n\n"
        "Đoạn một **đậm**.\n\nĐoạn hai [có liên kết](https://example.org).\n\n<!-- more -->\n\nPhần sau.\n",
    )
    tiny_site.build()
    summary = tiny_site.page("").select_one(".bt-card__summary").get_text()
    assert summary == "Đoạn một đậm. Đoạn hai có liên kết."


HOSTILE = (
    "---\n"
    "title: \"</title><script>alert('t')</script> & <b>đậm</b>\"\n"
    "date: 2022-06-04\n"
    "unit: TĐ Ninh Bình\n"
    "category: XDĐ\n"
    'author: "<img src=x onerror=alert(1)>"\n'
    'summary: "\\"><script>alert(\'s\')</script>"\n'
    "tags: [\"<script>alert('tag')</script>\"]\n"
    "---\n\n"
    "<script>alert('body')</script>\n\n"
    '<p onclick="alert(\'p\')">Đoạn <a href="javascript:alert(1)">xấu</a>'
    ' và <a href="https://doanthanhnien.vn">tốt</a>.</p>\n\n'
    '<iframe src="https://evil.example/x"></iframe>\n\n'
    '<iframe src="https://www.youtube.com/embed/abc" width="560" height="315"></iframe>\n'
)


def test_front_matter_and_raw_html_cannot_run_in_readers_browsers(tiny_site):
    tiny_site.article("2022/hostile.md", HOSTILE)
    tiny_site.build()
    article = next((tiny_site.site / "2022" / "06").iterdir()) / "index.html"
    html = article.read_text(encoding="utf-8")
    for script in ("alert('t')", "alert('s')", "alert('tag')", "alert('body')", "alert('p')"):
        assert f"<script>{script}" not in html
    page = BeautifulSoup(html, "html.parser")
    handlers = [attr for tag in page.find_all(True) for attr in tag.attrs if attr.startswith("on")]
    assert handlers == []
    assert not page.select('a[href^="javascript"]')
    assert all(
        "alert" not in (script.string or "")
        for script in page.find_all("script")
        if script.get("type") != "application/ld+json"
    )
    assert "evil.example" not in html
    assert 'src="https://www.youtube.com/embed/abc"' in html
    home = (tiny_site.site / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in home and "<img src=x" not in home
    assert page.h1.get_text() == "</title><script>alert('t')</script> & <b>đậm</b>"
    ld = json.loads(page.find("script", type="application/ld+json").string)
    assert ld["headline"] == page.h1.get_text()


def test_drafts_and_future_articles_are_left_out_of_build(tiny_site):
    tiny_site.article(
        "2022/draft.md",
        "---\ntitle: Bản nháp\ndate: 2022-06-04\nunit: TĐ Ninh Bình\ncategory: XDĐ\ndraft: true\n---\nx\n",
    )
    from datetime import timedelta

    from bantin.model.dates import today

    soon = today() + timedelta(days=60)  # scheduled, within the year a date may be ahead
    tiny_site.article(
        f"{soon.year}/future.md",
        f"---\ntitle: Bài hẹn giờ\ndate: {soon}\nunit: TĐ Ninh Bình\ncategory: XDĐ\n---\nx\n",
    )
    tiny_site.fixture("good.md", "2022/good.md")
    tiny_site.build()
    assert not (tiny_site.site / "2022/06/ban-nhap").exists()
    assert not list(tiny_site.site.glob(f"{soon.year}/{soon.month:02d}/bai-hen-gio"))
    assert (tiny_site.site / ARTICLE / "index.html").is_file()


def test_strict_build_with_errors_leaves_previous_site_untouched(tiny_site):
    tiny_site.fixture("good.md", "2022/good.md")
    tiny_site.build()
    before = {p: p.read_bytes() for p in tiny_site.site.rglob("*") if p.is_file()}
    tiny_site.fixture("bad/bad-date.md")
    tiny_site.fixture("bad/unknown-unit.md")
    with pytest.raises(Abort):
        tiny_site.build(strict=True)
    after = {p: p.read_bytes() for p in tiny_site.site.rglob("*") if p.is_file()}
    assert after == before


def test_non_strict_build_leaves_the_bad_article_out_and_shows_the_rest(tiny_site, caplog):
    tiny_site.fixture("good.md", "2022/good.md")
    tiny_site.fixture("bad/bad-date.md")
    tiny_site.fixture("bad/not-utf8.md")
    tiny_site.build(strict=False)
    assert (tiny_site.site / ARTICLE / "index.html").is_file()
    assert not (tiny_site.site / "2025").exists()
    messages = [record.getMessage() for record in caplog.records]
    assert any(m.startswith("content/articles/bad-date.md:3: date:") for m in messages)
    assert any(m.startswith("content/articles/not-utf8.md:2: mã hoá:") for m in messages)


def test_serve_shows_drafts_and_leaves_a_bad_article_out(tiny_site, caplog):
    """What `mkdocs serve` does on each rebuild, even when started with --strict."""
    from bantin.engine.host import build as mkdocs_build
    from bantin.engine.host import load_config

    tiny_site.fixture("good.md", "2022/good.md")
    tiny_site.fixture("bad/unknown-unit.md")
    tiny_site.article(
        "2022/draft.md",
        "---\ntitle: Bản nháp\ndate: 2022-06-05\nunit: TĐ Ninh Bình\ncategory: XDĐ\ndraft: true\n---\nx\n",
    )
    config = load_config(str(tiny_site.config))
    config.plugins.on_startup(command="serve", dirty=False)
    mkdocs_build(config, serve_url="http://127.0.0.1:8000/")
    assert (tiny_site.site / ARTICLE / "index.html").is_file()
    draft = tiny_site.page("2022/06/ban-nhap/")
    assert draft.select_one(".bt-badge").get_text() == "Bản nháp"
    assert any(
        record.getMessage().startswith("content/articles/unknown-unit.md:4: unit:")
        for record in caplog.records
    )


def test_summary_is_the_text_a_reader_sees():
    from bantin.model.article import summarise

    body = "Mã mẫu &lt;img src=x&gt; chỉ \\*là\\* **chữ**, [liên kết](https://a.vn) và 5\\. mục.\n\nĐoạn hai."
    assert summarise(body) == "Mã mẫu <img src=x> chỉ *là* chữ, liên kết và 5. mục."
