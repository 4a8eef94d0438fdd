"""The 404 page: Vietnamese, a search box, and the newest articles with links that work anywhere."""

import pytest
from bs4 import BeautifulSoup

from tests.browser import serve


def test_404_page_offers_search_and_the_newest_articles(tiny_site):
    tiny_site.fixture("good.md", "2022/good.md")
    tiny_site.fixture("publish/second.md", "2023/second.md")
    tiny_site.build()
    page = BeautifulSoup((tiny_site.site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert page.title.get_text() == "Không tìm thấy trang - Bản Tin thử nghiệm"
    assert [h1.get_text() for h1 in page.find_all("h1")] == ["Không tìm thấy trang"]
    assert page.html["lang"] == "vi"
    search = page.select_one(".bt-not-found form[role=search]")
    # The words go to the search page (bantin-search), which reads ?q=.
    assert search["action"] == "/tim-kiem/"
    assert search.find("input", attrs={"name": "q"})["type"] == "search"
    assert search.find("label").get_text() == "Tìm bài viết"
    cards = page.select(".bt-not-found .bt-card__title a")
    assert [a.get_text() for a in cards] == [
        "Huyện đoàn Yên Khánh ra quân Tháng Thanh niên",
        "Tỉnh đoàn Ninh Bình kiểm tra Huyện đoàn Yên Khánh",
    ]
    # Served at any missing address, so the links start at the site root.
    assert cards[0]["href"] == "/2023/03/huyen-doan-yen-khanh-ra-quan-thang-thanh-nien/"


@pytest.mark.browser
def test_searching_from_the_404_page_opens_the_site_search(tiny_site, browser):
    tiny_site.fixture("good.md", "2022/good.md")
    tiny_site.build()
    with serve(tiny_site.site) as base:
        page = browser.new_page()
        try:
            page.goto(base + "404.html")
            page.fill("#bt-not-found-q", "yen khanh")
            page.press("#bt-not-found-q", "Enter")
            page.wait_for_url("**/tim-kiem/?q=yen+khanh")
            assert page.locator("#bt-search-q").input_value() == "yen khanh"
            first = page.locator(".bt-search__results a").first
            first.wait_for()
            assert first.inner_text() == "Tỉnh đoàn Ninh Bình kiểm tra Huyện đoàn Yên Khánh"
        finally:
            page.close()
