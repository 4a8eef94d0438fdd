"""The register in real Chromium: a document found by its number however it is typed, the
"Văn bản" facet, and the register's filter combining kind and year on the page."""

import pytest

from tests import test_documents
from tests.browser import serve
from tests.test_browser_search import search, watch_errors

pytestmark = pytest.mark.browser

PLAN = "Kế hoạch số 261-KH/TĐTN-XDĐ"
register_site = test_documents.register_site
"""The site of the register's page tests: three documents, an article citing one."""


def test_readers_find_documents_by_number_and_filter_the_register(register_site, browser):
    with serve(register_site.site) as base:
        page = browser.new_page(viewport={"width": 360, "height": 740})
        errors = watch_errors(page)
        failed: list[str] = []
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
        page.goto(base + "tim-kiem/")
        for query in ("261-KH", "261 KH/TDTN", "261 kh tđtn xdđ", "261KH"):
            assert search(page, query)[0] == PLAN, query
        result = page.locator(".bt-search__result").first
        assert result.locator("a").get_attribute("href").endswith("/van-ban/2022/261-kh-tdtn-xdd/")
        # The article citing the plan is found too; the facet keeps the documents only.
        assert "Kiểm tra công tác Đoàn tại Huyện đoàn Yên Khánh" in search(page, "kiem tra")
        page.click(".bt-search__facets summary")
        page.select_option("select[name=type]", "Văn bản")
        page.wait_for_function("location.search.includes('type')")
        page.wait_for_function(
            "[...document.querySelectorAll('.bt-search__result h2')]"
            ".every(h => h.textContent.startsWith('Kế hoạch số'))"
        )
        assert sorted(page.locator(".bt-search__result h2").all_inner_texts()) == [
            PLAN,
            "Kế hoạch số 300-KH/TĐTN-XDĐ",
        ]

        # The register: kind and year together, on the page, by the script.
        page.goto(base + "van-ban/")
        assert page.locator(".bt-docs__list > li").count() == 3
        page.select_option("select[name=kind]", "ke-hoach")
        page.wait_for_function("document.querySelectorAll('.bt-docs__list > li').length === 2")
        page.select_option("select[name=year]", "2022")
        page.wait_for_function("document.querySelectorAll('.bt-docs__list > li').length === 1")
        assert page.locator(".bt-docs__list h3").inner_text() == PLAN
        assert page.get_by_role("status").inner_text() == "1 văn bản"
        page.locator(".bt-docs__list h3 a").click()
        page.wait_for_url("**/van-ban/2022/261-kh-tdtn-xdd/")
        assert page.locator("h1").inner_text() == PLAN
        page.close()
    # Material asks for a sitemap.xml beside every rel=alternate link of the page (the feeds'),
    # as it does on category pages; every other request succeeded.
    assert [url for url in failed if not url.endswith("/sitemap.xml")] == []
    assert [e for e in errors if not e.startswith("Failed to load resource")] == []
