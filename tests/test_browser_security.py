"""One broad browser test: a site built from every hostile fixture of tests/test_security.py,
loaded in Chromium. Nothing may open a dialog, log a script error or ask another host for
anything; in-page anchors and footnotes must still jump."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser import serve
from tests.conftest import FIXTURES
from tests.test_security import _hostile, _hostile_config

PAGES = (
    "",
    "trang/",
    "2022/06/bai-co-id-cua-material/",
    "2022/06/bai-dan-html-tu-cong-thong-tin-cu/",
    "2022/06/bai-co-anh-svg/",
    "chuyen-muc/xay-dung-doan/",
    "tim-kiem/",
)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    from tests.conftest import new_tiny_site

    site = new_tiny_site(tmp_path_factory.mktemp("hostile"))
    _hostile_config(site)
    (site.content / "trang.md").write_text(
        "# Trang <img src=x onerror=alert('h1')>\n\n## Lịch sử\n\nChữ.\n", encoding="utf-8"
    )
    for name, to in [
        ("config-id.md", "articles/2022/config-id.md"),
        ("html-vectors.md", "articles/2022/html-vectors.md"),
        ("svg-body.md", "articles/2022/svg-body.md"),
        ("evil.svg", "images/evil.svg"),
        ("evil.html", "evil.html"),
        ("fake.png", "images/fake.png"),
    ]:
        _hostile(site, name, to)
    for name in ("lone-surrogate.md", "control-character.md", "deep-nesting.md"):
        site.fixture(f"bad/{name}")
    site.build(strict=False)
    return site


def test_hostile_pages_run_nothing_and_ask_no_other_host(hostile_site, browser):
    with serve(hostile_site.site) as base:
        page = browser.new_page()
        events: list[str] = []
        page.on(
            "dialog", lambda dialog: (events.append(f"dialog: {dialog.message}"), dialog.dismiss())
        )
        page.on("pageerror", lambda error: events.append(f"script error: {error}"))
        # A failed load is judged by its address (Chromium's console line has none): Material
        # asks for a sitemap.xml beside each RSS link, and handles the 404 itself.
        page.on(
            "console",
            lambda message: (
                events.append(f"console: {message.text}")
                if message.type == "error"
                and not message.text.startswith("Failed to load resource")
                else None
            ),
        )
        page.on(
            "response",
            lambda response: (
                events.append(f"{response.status}: {response.url}")
                if response.status >= 400 and not response.url.endswith("/sitemap.xml")
                else None
            ),
        )
        page.on(
            "request",
            lambda request: (
                events.append(f"request: {request.url}")
                if urlsplit(request.url).hostname not in ("127.0.0.1", None)
                and not request.url.startswith("data:")
                else None
            ),
        )
        for address in PAGES:
            response = page.goto(base + address)
            assert response is not None and response.ok, address
            page.wait_for_load_state("networkidle")
            # Material's settings are the theme's, whatever an article wrote.
            config = page.evaluate("document.getElementById('__config')?.textContent ?? ''")
            assert "evil" not in config, address
        # The links of the article with a Material id: a footnote and a heading still jump.
        page.goto(base + "2022/06/bai-co-id-cua-material/")
        page.click('.bt-article__body a[href="#nd-fn:1"]')
        assert page.evaluate("location.hash") == "#nd-fn:1"
        assert page.locator('[id="nd-fn:1"]').is_visible()
        page.click('.bt-article__body a[href="#nd-muc-mot"]')
        assert page.evaluate("location.hash") == "#nd-muc-mot"
        top = page.evaluate("document.getElementById('nd-muc-mot').getBoundingClientRect().top")
        assert 0 <= top < page.viewport_size["height"]
        # A click on an internal link is a plain navigation, not Material's instant loading.
        page.click(".bt-breadcrumb a >> nth=1")
        page.wait_for_load_state("networkidle")
        assert urlsplit(page.url).hostname == "127.0.0.1"
        assert events == []


def test_refused_files_are_not_on_the_site(hostile_site):
    published = {p.relative_to(hostile_site.site).as_posix() for p in hostile_site.site.rglob("*")}
    assert not {"evil.html", "images/evil.svg", "images/fake.png"} & published
    assert (FIXTURES / "hostile" / "evil.svg").is_file()
