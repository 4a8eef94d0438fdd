"""The sample site on a 390×844 phone, as a reader meets it (issue 19): stories per screen, the
section bar, the header's search, no request the reader does not need, the keyboard's way."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from tests.browser import serve
from tests.test_sample_site import sample_site  # noqa: F401 (a fixture)

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
CATEGORY = "chuyen-muc/xay-dung-doan/"
# What a reader can tap, with the page's text links left out (WCAG 2.5.8 exempts those).
TARGETS = (
    ".bt-skip, .bt-header a, .bt-header input, .bt-header button, .bt-sections a, "
    ".bt-breadcrumb a, .bt-dateline a, .bt-tools button, .bt-share__link, .bt-more a, "
    ".bt-links__jump select, .bt-links__jump button, .bt-links__item, .bt-footer__top, "
    ".bt-identity__contact a"
)


def test_a_phone_reader_scans_searches_and_tabs_through_the_site(sample_site, browser):  # noqa: F811
    home_html = (sample_site / "index.html").read_text(encoding="utf-8")
    article = re.search(r'class="bt-card__title"><a href="([^"]+)"', home_html).group(1)
    with serve(sample_site) as base:
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
        page = context.new_page()
        asked: list[tuple[str, int]] = []
        page.on("response", lambda r: asked.append((r.url, r.status)))

        # Five stories or more on the first two screens of the home page.
        page.goto(base)
        tops = page.locator(".bt-card").evaluate_all(
            "cards => cards.map(c => c.getBoundingClientRect().top + scrollY)"
        )
        assert len([top for top in tops if top < 2 * PHONE["height"]]) >= 5, tops
        assert page.locator(".bt-section h2").first.inner_text().casefold() == "tin mới nhất"

        for address in ("", article, CATEGORY, "404.html"):
            page.goto(base + address)
            # The sections: a bar under the header that scrolls sideways, never the page.
            bar = page.locator("nav.bt-sections ul")
            assert bar.is_visible(), address
            assert bar.evaluate("ul => ul.scrollWidth > ul.clientWidth"), address
            assert bar.bounding_box()["y"] < 200, address
            assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
            # Every tap target at least 24×24 px.
            small = page.locator(TARGETS).evaluate_all(
                """els => els.filter(e => e.checkVisibility()).map(e => {
                     const box = e.getBoundingClientRect();
                     return [e.className || e.tagName, Math.round(box.width), Math.round(box.height)];
                   }).filter(([, w, h]) => w < 24 || h < 24)"""
            )
            assert small == [], (address, small)

        # The keyboard: the skip link first, then the way home and the search box; nothing
        # hidden takes focus on the way down the page.
        page.goto(base + article)
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "bt-skip"
        assert page.locator(".bt-skip").bounding_box()["y"] >= 0
        order = []
        for _ in range(12):
            page.keyboard.press("Tab")
            order.append(
                page.evaluate(
                    """(() => { const e = document.activeElement;
                         return [e.id || e.className || e.tagName, e.checkVisibility()]; })()"""
                )
            )
        assert [name for name, _ in order[:3]] == [
            "bt-header__home",
            "bt-header-q",
            "bt-header__search-button",
        ]
        assert all(visible for _, visible in order), order
        page.goto(base + article)
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "bt-main"

        # The header's search box opens the search page with the words.
        page.fill("#bt-header-q", "yen khanh")
        page.keyboard.press("Enter")
        page.wait_for_url("**/tim-kiem/?q=yen+khanh")
        page.locator(".bt-search__result").first.wait_for(timeout=30_000)
        assert "Yên Khánh" in page.locator(".bt-search__results").inner_text()

        # Nothing but the site's own files, and none missing: no sitemap, no other host's font.
        origin = urlsplit(base).netloc
        assert [url for url, _ in asked if urlsplit(url).netloc != origin] == []
        assert [url for url, _ in asked if "sitemap" in url] == []
        assert [url for url, status in asked if status >= 400] == []
        context.close()
