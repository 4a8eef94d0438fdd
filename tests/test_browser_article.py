"""An article page in real Chromium: it loads without console errors and shows its parts."""

import pytest

from tests.browser import serve

pytestmark = pytest.mark.browser


def test_article_page_in_chromium(tiny_site, browser):
    tiny_site.fixture("good.md", "2022/good.md")
    tiny_site.build()
    errors = []
    with serve(tiny_site.site) as base:
        page = browser.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(base + "2022/06/tinh-doan-ninh-binh-kiem-tra-huyen-doan-yen-khanh/")
        assert (
            page.locator("h1").inner_text() == "Tỉnh đoàn Ninh Bình kiểm tra Huyện đoàn Yên Khánh"
        )
        assert page.locator(".bt-dateline time").inner_text() == "Thứ Bảy, 04/06/2022"
        page.close()
    assert errors == []
