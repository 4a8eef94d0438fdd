"""Search in real Chromium: tones and đ folded, toned matches first, results shown as text."""

import re
import unicodedata

import pytest

from tests.browser import serve

pytestmark = pytest.mark.browser

HA = "Tỉnh đoàn Hà Giang tổ chức Đại hội đại biểu lần thứ XV"
HAU = "Tỉnh đoàn Hậu Giang ra quân chiến dịch tình nguyện hè"
MARKUP = "Thanh niên <b>sáng tạo</b> với <i>"


@pytest.fixture
def search_site(tiny_site):
    for name in ("ha-giang-dai-hoi.md", "hau-giang-tinh-nguyen.md", "markup-in-text.md"):
        tiny_site.fixture(f"search/{name}", f"2024/{name}")
    tiny_site.build()
    return tiny_site


def watch_errors(page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


def search(page, query: str) -> list[str]:
    """Type a query as a reader does, press Enter, and read the result titles in order."""
    page.fill("#bt-search-q", query)
    page.press("#bt-search-q", "Enter")
    page.wait_for_function(
        "q => document.querySelector('.bt-search__status').textContent.includes(q)", arg=query
    )
    return page.locator(".bt-search__result h2").all_inner_texts()


def test_vietnamese_queries_with_and_without_tones(search_site, browser):
    with serve(search_site.site) as base:
        page = browser.new_page()
        errors = watch_errors(page)
        page.goto(base + "tim-kiem/")
        assert sorted(search(page, "doan")[:2]) == sorted([HA, HAU])
        assert search(page, "dai hoi")[0] == HA
        assert search(page, "XAY DUNG cau")[0] == HAU
        assert search(page, "Hà Giang")[:2] == [HA, HAU]
        assert search(page, "ha giang")[:2] == [HA, HAU]
        assert search(page, "Hậu Giang")[0] == HAU
        assert search(page, unicodedata.normalize("NFD", "Hậu Giang"))[0] == HAU
        assert search(page, unicodedata.normalize("NFD", "Đại hội"))[0] == HA
        first = page.locator(".bt-search__result").first
        assert (
            first.locator("a")
            .get_attribute("href")
            .endswith("/2022/09/tinh-doan-ha-giang-to-chuc-dai-hoi-dai-bieu-lan-thu-xv/")
        )
        assert first.locator(".bt-dateline").inner_text() == (
            "Thứ Ba, 20/09/2022 · Tỉnh đoàn Hà Giang · Xây dựng Đoàn"
        )
        assert "Đại" in first.locator("mark").all_inner_texts()
        page.close()
    assert errors == []


def test_results_are_text_and_facets_narrow_them(search_site, browser):
    with serve(search_site.site) as base:
        page = browser.new_page()
        errors = watch_errors(page)
        page.goto(base + "tim-kiem/?q=sang+tao")
        page.wait_for_selector(".bt-search__result")
        result = page.locator(".bt-search__result")
        assert result.locator("h2").inner_text() == MARKUP
        assert "<img src=x onerror=alert(1)>" in result.locator(".bt-search__excerpt").inner_text()
        assert result.locator("b, i, img").count() == 0
        assert len(search(page, "tinh")) == 3  # "Tỉnh đoàn …" in each unit's name
        page.click(".bt-search__facets summary")
        page.wait_for_selector(
            "select[name=category] option[value='Xây dựng Đoàn']", state="attached"
        )
        page.select_option("select[name=category]", "Xây dựng Đoàn")
        page.wait_for_function(
            "document.querySelectorAll('.bt-search__result').length === 1"
            " && location.search.includes('category')"
        )
        assert page.locator(".bt-search__result h2").all_inner_texts() == [HA]
        page.close()
    assert errors == []


@pytest.fixture
def newest_first_site(tiny_site):
    """One article a year (2022–2024); a first query searches only the newest year."""
    for name in ("ha-giang-dai-hoi.md", "hau-giang-tinh-nguyen.md", "markup-in-text.md"):
        tiny_site.fixture(f"search/{name}")
    tiny_site.config.write_text(
        tiny_site.config.read_text(encoding="utf-8")
        + "plugins:\n  - bantin\n  - bantin-articles\n  - bantin-search:\n      recent_articles: 1\n",
        encoding="utf-8",
    )
    tiny_site.build()
    return tiny_site


def years_loaded(requests: list[str]) -> set[str]:
    """The years whose index a page fetched (pagefind/2024/… or pagefind/2024-07/…)."""
    return {m.group(1) for url in requests if (m := re.search(r"/pagefind/(\d{4})[-/]", url))}


def test_newest_year_first_then_older_years_on_demand(newest_first_site, browser):
    with serve(newest_first_site.site) as base:
        page = browser.new_page()
        errors = watch_errors(page)
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(base + "tim-kiem/")
        assert search(page, "doan") == [MARKUP]
        assert years_loaded(requests) == {"2024"}
        status = page.locator(".bt-search__status")
        assert status.inner_text() == "Tìm thấy 1 bài viết cho “doan” từ tháng 1/2024."
        older = page.get_by_role("button", name="Tìm trong các bài cũ hơn (2022–2023)")
        older.focus()
        page.keyboard.press("Enter")
        page.wait_for_function("location.search.includes('older=1')")
        assert sorted(page.locator(".bt-search__result h2").all_inner_texts()) == sorted(
            [HA, HAU, MARKUP]
        )
        assert status.inner_text() == "Tìm thấy 3 bài viết cho “doan” trong mọi năm (2022–2024)."
        assert years_loaded(requests) == {"2022", "2023", "2024"}
        assert page.evaluate("document.activeElement.closest('.bt-search__result') !== null")
        assert older.is_hidden()
        # Facets narrow the results of every year searched.
        page.click(".bt-search__facets summary")
        page.select_option("select[name=category]", "Xây dựng Đoàn")
        page.wait_for_function("location.search.includes('category')")
        page.wait_for_function("document.querySelectorAll('.bt-search__result').length === 1")
        assert page.locator(".bt-search__result h2").all_inner_texts() == [HA]
        # A new query starts from the newest year again; one found nowhere there goes on alone.
        page.select_option("select[name=category]", "")
        assert search(page, "dai hoi") == [HA]
        assert "trong mọi năm (2022–2024)" in status.inner_text()
        page.close()

        # A year chosen as a facet loads that year's index only.
        page = browser.new_page()
        requests.clear()
        page.on("request", lambda request: requests.append(request.url))
        page.goto(base + "tim-kiem/?q=doan&year=2023")
        page.wait_for_function(
            "document.querySelector('.bt-search__status').textContent.includes('2023')"
        )
        assert page.locator(".bt-search__result h2").all_inner_texts() == [HAU]
        assert years_loaded(requests) == {"2023"}
        assert page.locator(".bt-search__older").is_hidden()
        page.close()
    assert errors == []
