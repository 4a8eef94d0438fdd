"""Images carry their width and height, so a page on a slow phone does not jump while loading."""

from PIL import Image

ARTICLE = """---
title: Ra quân Chiến dịch Thanh niên tình nguyện hè
date: 2024-06-01
unit: Huyện đoàn Yên Khánh
category: Xây dựng Đoàn
cover: ../../images/2024/ra-quan.jpg
cover_caption: Quang cảnh lễ ra quân
---

Sáng 01/6/2024, Huyện đoàn Yên Khánh tổ chức lễ ra quân.

![Đoàn viên trồng cây](../../images/2024/trong-cay.png)

![Ảnh đã có cỡ](../../images/2024/trong-cay.png){: width="120" }

![Ảnh ngoài trang](https://example.org/anh.jpg)
"""
ADDRESS = "2024/06/ra-quan-chien-dich-thanh-nien-tinh-nguyen-he/"


def test_cover_and_body_images_get_their_pixel_size(tiny_site):
    folder = tiny_site.content / "images" / "2024"
    folder.mkdir(parents=True)
    Image.new("RGB", (1200, 800), "navy").save(folder / "ra-quan.jpg")
    Image.new("RGB", (640, 480), "green").save(folder / "trong-cay.png")
    tiny_site.article("2024/ra-quan.md", ARTICLE)
    tiny_site.build()
    page = tiny_site.page(ADDRESS)
    cover = page.select_one(".bt-cover img")
    assert (cover["width"], cover["height"]) == ("1200", "800")
    planted, given, outside = page.select(".bt-article__body img")
    assert (planted["width"], planted["height"]) == ("640", "480")
    assert given["width"] == "120" and not given.has_attr("height")
    assert not outside.has_attr("width") and not outside.has_attr("height")
