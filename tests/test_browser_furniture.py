"""The reader's page in real Chromium: the linked-websites footer, A−/A+, the select, phone width."""

from __future__ import annotations

import pytest

from tests.browser import artifact, serve
from tests.conftest import new_tiny_site
from tests.test_links import ARTICLE, ARTICLE_ADDRESS, GOOD_URLS, fill_linked_site
from tests.test_sample_site import sample_site  # noqa: F401 (a fixture)

pytestmark = pytest.mark.browser

SECOND = ARTICLE.replace(
    "title: Tỉnh đoàn Ninh Bình kiểm tra", "title: Tỉnh đoàn Ninh Bình làm việc với"
)
SECOND_ADDRESS = "2022/06/tinh-doan-ninh-binh-lam-viec-voi-huyen-doan-yen-khanh/"
PAGES = {
    "article": ARTICLE_ADDRESS,
    "category": "chuyen-muc/xay-dung-doan/",
    "home": "",
    "static page": "gioi-thieu/",
    "404": "404.html",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Two articles, a static page and links with logos; the tests only read it."""
    site = new_tiny_site(tmp_path_factory.mktemp("furniture"))
    fill_linked_site(site)
    site.article("2022/bai-2.md", SECOND)
    site.build()
    return site


def watch_errors(page) -> list[str]:
    """Script errors and failed requests of `page`, as they happen.

    Failed requests are judged by their URL, not by Chromium's console line (which has none):
    Material looks for a `sitemap.xml` next to every `<link rel="alternate">`, meant for
    language versions, so a category's RSS link makes it ask for one in the category folder;
    it handles the 404 itself.
    """
    errors: list[str] = []

    def on_console(message) -> None:
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            errors.append(message.text)

    def on_response(response) -> None:
        if response.status >= 400 and not response.url.endswith("/sitemap.xml"):
            errors.append(f"{response.status} {response.url}")

    page.on("console", on_console)
    page.on("response", on_response)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


def test_every_page_ends_with_the_links_and_fits_a_360px_phone(built, browser):
    """A phone: the select holds every linked website and a short list (the first group) shows
    as names; from tablet width up, every website is a tile with its logo."""
    with serve(built.site) as base:
        page = browser.new_page(viewport={"width": 360, "height": 740})
        errors = watch_errors(page)
        for kind, address in PAGES.items():
            page.goto(base + address)
            footer = page.locator("footer.bt-footer")
            footer.scroll_into_view_if_needed()
            links = footer.locator("a.bt-links__item")
            assert links.count() == len(GOOD_URLS), kind
            select = footer.locator("select#bt-links-select")
            assert select.is_visible(), kind
            options = select.locator("option[value^='http']").evaluate_all(
                "options => options.map(o => o.value)"
            )
            assert sorted(options) == sorted(GOOD_URLS), kind
            first_group = footer.locator(".bt-links__group").first.locator("a.bt-links__item")
            assert first_group.count() and first_group.first.is_visible(), kind
            assert not footer.locator(".bt-links__item img").first.is_visible(), kind
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 360, f"{kind} scrolls sideways: {width}px"
        page.set_viewport_size({"width": 800, "height": 900})
        for kind, address in PAGES.items():
            page.goto(base + address)
            footer = page.locator("footer.bt-footer")
            footer.scroll_into_view_if_needed()
            links = footer.locator("a.bt-links__item")
            assert all(links.nth(i).is_visible() for i in range(links.count())), kind
            logos = footer.locator(".bt-links__item img")
            page.wait_for_function(
                "[...document.querySelectorAll('.bt-links__item img')].every(i => i.complete)"
            )
            for i in range(logos.count()):
                assert logos.nth(i).evaluate("img => img.naturalWidth") > 0, kind
        page.close()
    assert errors == []


def body_font_size(page) -> float:
    return page.locator(".bt-article__body p").first.evaluate(
        "p => parseFloat(getComputedStyle(p).fontSize)"
    )


def test_text_size_grows_and_is_remembered_across_reloads_and_pages(built, browser):
    with serve(built.site) as base:
        context = browser.new_context(viewport={"width": 390, "height": 844})
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base[:-1])
        page = context.new_page()
        errors = watch_errors(page)
        page.goto(base + ARTICLE_ADDRESS)
        normal = body_font_size(page)
        page.get_by_role("button", name="Tăng cỡ chữ").click()
        page.get_by_role("button", name="Tăng cỡ chữ").click()
        larger = body_font_size(page)
        assert larger >= normal * 1.2
        page.reload()
        assert body_font_size(page) == larger
        page.goto(base + SECOND_ADDRESS)
        assert body_font_size(page) == larger
        page.get_by_role("button", name="Giảm cỡ chữ").click()
        assert normal < body_font_size(page) < larger

        page.get_by_role("button", name="Sao chép liên kết").click()
        page.get_by_text("Đã sao chép liên kết").wait_for()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == "https://example.org/" + SECOND_ADDRESS
        context.close()
    assert errors == []


def test_without_javascript_and_on_paper_the_article_still_reads(built, browser):
    with serve(built.site) as base:
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(base + ARTICLE_ADDRESS)
        assert not page.locator("[data-bt-tools]").is_visible()
        assert not page.locator("select#bt-links-select").is_visible()
        assert page.locator("a.bt-links__item").count() == len(GOOD_URLS)
        assert page.locator(".bt-share__link--zalo").is_visible()
        assert not page.locator(".bt-print-url").is_visible()
        page.emulate_media(media="print")
        for furniture in (".bt-header", ".bt-sections", "footer.bt-footer", ".bt-share"):
            assert not page.locator(furniture).is_visible(), furniture
        assert page.locator("h1").is_visible()
        assert page.locator(".bt-print-url").inner_text().endswith(ARTICLE_ADDRESS)
        context.close()


def test_the_select_opens_the_chosen_site_from_the_keyboard(built, browser):
    with serve(built.site) as base:
        context = browser.new_context()
        # The linked site is answered here: tests never reach the internet.
        context.route(
            "https://tuoitre.vn/**",
            lambda route: route.fulfill(body="<title>Tuổi Trẻ</title>", content_type="text/html"),
        )
        page = context.new_page()
        page.goto(base + "404.html")
        select = page.locator("select#bt-links-select")
        select.focus()
        select.select_option(GOOD_URLS[1])
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Mở"
        with context.expect_page() as opened:
            page.keyboard.press("Enter")
        site = opened.value
        site.wait_for_load_state()
        assert site.url == "https://tuoitre.vn/"
        assert page.url == base + "404.html"
        context.close()


def test_screenshots_of_an_article_of_the_sample_site(sample_site, browser):  # noqa: F811
    """Saved for people to look at: a phone (390 px) and a desktop, footer included."""
    address = (
        "2022/06/tinh-doan-ninh-binh-kiem-tra-huyen-doan-yen-khanh-cong-tac-doan-va-phong-trao/"
    )
    with serve(sample_site) as base:
        for name, width, height in (("phone", 390, 844), ("desktop", 1280, 900)):
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(base + address)
            # Footer logos load lazily: bring them in before the full-page picture (a phone
            # shows names, not logos).
            page.locator("footer.bt-footer").scroll_into_view_if_needed()
            page.wait_for_function(
                "[...document.querySelectorAll('.bt-links__item img')]"
                ".every(i => i.complete || !i.checkVisibility())"
            )
            page.evaluate("window.scrollTo(0, 0)")
            path = artifact(f"article-{name}.png")
            page.screenshot(path=str(path), full_page=True, animations="disabled")
            assert path.stat().st_size > 10_000
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            page.close()
