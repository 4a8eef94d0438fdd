"""On a phone in Chromium: the first screen of an article with a real-sized photo stays small."""

import pytest
from bantin.images.bench import PHONE_DPR, PHONE_WIDTH, photo

from tests.browser import artifact, serve

pytestmark = pytest.mark.browser

BUDGET = 150 * 1024
"""What a phone may download in images for the first screen of an article (the issue's limit)."""


def test_phone_downloads_little_for_the_first_screen(tiny_site, browser):
    images = tiny_site.content / "images"
    images.mkdir(parents=True)
    for index in range(3):
        (images / f"anh-{index}.jpg").write_bytes(photo(index))
    body = "\n\n".join(
        f"Đoạn {n}. " + "Đoàn viên, thanh niên ra quân tình nguyện. " * 150
        + f"\n\n![Ảnh {n}](../../images/anh-{n}.jpg)\nChú thích {n}\n{{: .bt-caption }}"
        for n in (1, 2)
    )  # fmt: skip
    tiny_site.article(
        "2022/dien-thoai.md",
        "---\ntitle: Ảnh trên điện thoại\ndate: 2022-06-04\nunit: HĐ Yên Khánh\n"
        "category: xây dựng đoàn\ncover: ../../images/anh-0.jpg\ncover_caption: Ảnh bìa\n---\n\n"
        + body,
    )
    tiny_site.build()

    loaded: dict[str, int] = {}
    with serve(tiny_site.site) as base:
        context = browser.new_context(
            viewport={"width": PHONE_WIDTH, "height": 915},
            device_scale_factor=PHONE_DPR,
            is_mobile=True,
        )
        page = context.new_page()

        def record(response):
            if response.request.resource_type == "image":
                loaded[response.url] = len(response.body())

        page.on("response", record)
        page.goto(base + "2022/06/anh-tren-dien-thoai/", wait_until="networkidle")
        cover = page.locator(".bt-cover img")
        assert cover.evaluate("img => img.complete && img.naturalWidth") > 0
        assert cover.evaluate("img => img.currentSrc").endswith(".webp")
        page.screenshot(path=str(artifact("phone-article-images.png")))
        context.close()

    photos = {url: size for url, size in loaded.items() if "/assets/anh/" in url}
    assert len(photos) == 1  # the cover; the body images below the fold wait (loading=lazy)
    assert sum(photos.values()) <= BUDGET, photos
