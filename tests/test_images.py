"""Images as a reader's browser and a privacy reviewer see them: the built pages and files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from bantin.engine.host import Abort
from bantin.images import markup
from bantin.images.products import planned_widths
from PIL import Image

from tests.conftest import FIXTURES
from tests.imaging import phone_photo, plain_jpeg

ADDRESS = "2022/06/hoi-nghi-co-anh/"
ARTICLE = """---
title: Hội nghị có ảnh
date: 2022-06-04
unit: HĐ Yên Khánh
category: xây dựng đoàn
{cover}---

Đoạn mở đầu.

![Đại biểu dự hội nghị](../../images/hoi-nghi.jpg)
Quang cảnh hội nghị
{{: .bt-caption }}

![Sân khấu](../../images/san-khau.jpg "Sân khấu hội nghị")

Đoạn kết.
"""


def _write(site, cover: str = "") -> None:
    images = site.content / "images"
    images.mkdir(parents=True, exist_ok=True)
    (images / "dien-thoai.jpg").write_bytes(phone_photo())
    (images / "hoi-nghi.jpg").write_bytes(phone_photo(2000, 1000))
    (images / "san-khau.jpg").write_bytes(plain_jpeg(700, 400))
    site.article("2022/co-anh.md", ARTICLE.format(cover=cover))


COVER = "cover: ../../images/dien-thoai.jpg\ncover_caption: Ảnh chụp bằng điện thoại\n"


def _file(site, page_url: str, src: str) -> Path:
    return (site.site / page_url / src).resolve()


def test_published_images_are_upright_srgb_and_carry_no_metadata(tiny_site):
    _write(tiny_site, COVER)
    tiny_site.build()
    published = [
        path
        for path in (tiny_site.site / "assets" / "anh").iterdir()
        if path.suffix in (".webp", ".jpg", ".png")
    ]
    assert len(published) > 10
    for path in published:
        with Image.open(path) as image:
            assert not image.getexif(), path.name
            assert "icc_profile" not in image.info, path.name
            assert "exif" not in image.info, path.name
    assert b"TestPhone" not in b"".join(path.read_bytes() for path in published)
    # The sources (with their GPS positions) are not published at all.
    assert not (tiny_site.site / "images").exists()

    page = tiny_site.page(ADDRESS)
    cover = page.select_one(".bt-cover img")
    with Image.open(_file(tiny_site, ADDRESS, cover["src"])) as image:
        assert image.height > image.width  # stored landscape, orientation 6: shown portrait
        middle = image.convert("RGB").getpixel((image.width // 2, image.height // 2))
        right_edge = image.convert("RGB").getpixel((image.width - 3, image.height // 2))
    assert middle[2] > 200 and middle[0] < 40  # stored red in a swapped profile is blue in sRGB
    assert min(right_edge) > 200  # the white top strip turned to the right side


def test_cover_body_images_and_thumbnail_are_responsive_pictures(tiny_site):
    _write(tiny_site, COVER)
    tiny_site.build()
    page = tiny_site.page(ADDRESS)

    cover = page.select_one("figure.bt-cover")
    source = cover.select_one("picture source")
    assert source["type"] == "image/webp"
    widths = [item.split()[-1] for item in source["srcset"].split(", ")]
    assert widths == ["480w", "600w"]  # the photo is 600 wide upright: never scaled up
    img = cover.select_one("picture img")
    assert (img["width"], img["height"]) == ("600", "1200")
    assert img.get("loading") is None and img["fetchpriority"] == "high"
    assert img["alt"] == "Ảnh chụp bằng điện thoại"
    assert cover.figcaption.get_text() == "Ảnh chụp bằng điện thoại"
    for candidate in source["srcset"].split(", "):
        assert _file(tiny_site, ADDRESS, candidate.split()[0]).is_file()

    figures = page.select(".bt-article__body figure.bt-figure")
    assert [f.figcaption.get_text() for f in figures] == [
        "Quang cảnh hội nghị",
        "Sân khấu hội nghị",
    ]
    first = figures[0].select_one("img")
    assert first["loading"] == "lazy"  # the cover is the page's first image
    assert first["alt"] == "Đại biểu dự hội nghị"
    assert (first["width"], first["height"]) == ("1000", "2000")
    srcset = figures[0].select_one("source")["srcset"]
    assert [item.split()[-1] for item in srcset.split(", ")] == ["480w", "800w", "1000w"]
    assert figures[0].select_one("source")["sizes"].endswith("100vw")
    assert not page.select(".bt-article__body p.bt-caption")  # the caption went into the figure

    # The card on the home page shows the cover cut to 16:9 around its centre.
    thumb = tiny_site.page("").select_one(".bt-card__thumb picture")
    candidates = [item.split()[0] for item in thumb.source["srcset"].split(", ")]
    sizes = []
    for src in [*candidates, thumb.img["src"]]:
        with Image.open(tiny_site.site / src) as image:
            sizes.append(image.size)
    assert sizes == [(320, 180), (600, 338), (600, 338)]  # a 600×1200 photo: its centre 600×338


def test_first_body_image_is_eager_when_there_is_no_cover(tiny_site):
    _write(tiny_site)
    tiny_site.build()
    images = tiny_site.page(ADDRESS).select(".bt-article__body picture img")
    assert [img.get("loading") for img in images] == [None, "lazy"]
    assert images[0]["fetchpriority"] == "high"
    # Without a cover, the card takes its 16:9 thumbnail from the first photo of the body.
    thumb = tiny_site.page("").select_one(".bt-card__thumb img")
    with Image.open(tiny_site.site / thumb["src"]) as image:
        assert image.size == (800, 450)  # the upright 1000×2000 photo cut to 1000×562, at 800


def test_share_cards_are_1200_by_630_from_the_cover_or_drawn(tiny_site):
    _write(tiny_site, COVER)
    tiny_site.article(
        "2022/khong-anh.md",
        "---\ntitle: Bài không có ảnh bìa Đoàn viên ươm mầm xanh\ndate: 2022-06-05\n"
        "unit: HĐ Yên Khánh\ncategory: xây dựng đoàn\n---\n\nNội dung.\n",
    )
    tiny_site.build()
    prefix = "https://example.org/"
    cards = {}
    for address in (ADDRESS, "2022/06/bai-khong-co-anh-bia-doan-vien-uom-mam-xanh/"):
        page = tiny_site.page(address)
        url = page.find("meta", property="og:image")["content"]
        assert url.startswith(prefix)
        assert page.find("meta", property="og:image:width")["content"] == "1200"
        with Image.open(tiny_site.site / url.removeprefix(prefix)) as image:
            assert (image.format, image.size) == ("JPEG", (1200, 630))
            cards[address] = image.convert("RGB")
        ld = json.loads(page.find("script", type="application/ld+json").string)
        assert ld["image"][0] == url  # never the unpublished source file
        for linked in ld["image"]:
            assert (tiny_site.site / linked.removeprefix(prefix)).is_file()
    from_cover, drawn = cards.values()
    assert from_cover.getpixel((600, 400))[2] > 200  # the blue middle of the cover photo
    assert len(drawn.getcolors(1_000_000)) > 100  # logo and anti-aliased text on the background


def test_rebuild_reuses_the_cache_byte_for_byte_and_drops_stale_entries(tiny_site):
    _write(tiny_site, COVER)
    tiny_site.build()
    cache = tiny_site.root / ".cache" / "images"
    entries = {path: path.stat().st_mtime_ns for path in cache.rglob("*") if path.is_file()}
    published = {p.name: p.read_bytes() for p in (tiny_site.site / "assets" / "anh").iterdir()}

    shutil.rmtree(tiny_site.site)
    tiny_site.build()
    assert {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()} == entries
    again = {p.name: p.read_bytes() for p in (tiny_site.site / "assets" / "anh").iterdir()}
    assert again == published

    (tiny_site.content / "images" / "san-khau.jpg").write_bytes(plain_jpeg(700, 400, (200, 0, 0)))
    tiny_site.build()
    folders = {path.name for path in cache.iterdir() if path.is_dir()}
    before = {path.parent.name for path in entries if path.parent != cache}
    assert len(folders) == len(before)
    assert len(folders - before) == 1  # the changed image's entry replaced the old one


BAD = {
    "missing": ("../../images/khong-co.jpg", None),
    "outside": ("../../../../anh-ngoai.jpg", None),
    "not-an-image": ("../../images/not-an-image.jpg", "not-an-image.jpg"),
    "truncated": ("../../images/truncated.jpg", "truncated.jpg"),
    "corrupt": ("../../images/corrupt.png", "corrupt.png"),
    "bomb": ("../../images/bomb.png", "bomb.png"),
    "unsupported": ("../../images/animation.gif", "animation.gif"),
}
MESSAGES = {
    "missing": "không tìm thấy tệp (tìm ở content/images/khong-co.jpg)",
    "outside": "đường dẫn đi ra ngoài thư mục content/; hãy đặt ảnh trong content/images/ và "
    "viết đường dẫn tương đối tới đó",
    "not-an-image": "tệp không phải là ảnh (hoặc đã hỏng từ phần đầu tệp); hãy dùng ảnh JPEG, "
    "PNG hoặc WebP",
    "truncated": "ảnh bị hỏng hoặc chưa chép hết (tệp bị cắt); hãy xuất lại ảnh từ máy và chép lại",
    "corrupt": "ảnh bị hỏng hoặc chưa chép hết (tệp bị cắt); hãy xuất lại ảnh từ máy và chép lại",
    "bomb": "ảnh quá lớn (vượt giới hạn 40 triệu điểm ảnh); hãy thu nhỏ ảnh trước khi đưa lên",
    "unsupported": "định dạng ảnh GIF chưa được hỗ trợ; hãy xuất ảnh sang JPEG, PNG, WebP",
}


def _bad_article(site, case: str) -> str:
    src, fixture = BAD[case]
    if fixture:
        (site.content / "images").mkdir(parents=True, exist_ok=True)
        shutil.copy(FIXTURES / "images" / fixture, site.content / "images" / fixture)
    site.article(
        f"2022/{case}.md",
        f"---\ntitle: Ảnh lỗi {case}\ndate: 2022-06-04\nunit: HĐ Yên Khánh\n"
        f"category: xây dựng đoàn\n---\n\nĐoạn một.\n\n![Ảnh]({src})\nChú thích {case}\n"
        "{: .bt-caption }\n\nĐoạn hai.\n",
    )
    return f"content/articles/2022/{case}.md:10: ảnh: ảnh '{src}': {MESSAGES[case]}"


@pytest.mark.parametrize("case", sorted(BAD))
def test_each_bad_image_stops_a_strict_build_with_its_line(tiny_site, caplog, case):
    expected = _bad_article(tiny_site, case)
    with pytest.raises(Abort):
        tiny_site.build(strict=True)
    lines = "\n".join(record.getMessage() for record in caplog.records).splitlines()
    assert expected in lines
    assert not tiny_site.site.exists()  # stopped before anything was written


def test_bad_images_leave_the_article_showing_without_them(tiny_site, caplog):
    expected = [_bad_article(tiny_site, case) for case in sorted(BAD)]
    _write(tiny_site)
    (tiny_site.content / "images" / "hong.png").write_bytes(
        (FIXTURES / "images" / "corrupt.png").read_bytes()
    )
    tiny_site.article(
        "2022/bia-hong.md",
        "---\ntitle: Ảnh bìa hỏng\ndate: 2022-06-04\nunit: HĐ Yên Khánh\n"
        "category: xây dựng đoàn\ncover: ../../images/hong.png\n---\n\nNội dung vẫn hiện.\n",
    )
    tiny_site.build(strict=False)
    messages = [record.getMessage() for record in caplog.records]
    for line in expected:
        assert line in messages
    assert (
        "content/articles/2022/bia-hong.md:6: cover: ảnh '../../images/hong.png': ảnh bị hỏng hoặc "
        "chưa chép hết (tệp bị cắt); hãy xuất lại ảnh từ máy và chép lại" in messages
    )

    for case in BAD:
        page = tiny_site.page(f"2022/06/anh-loi-{case.replace('-', '-')}/")
        body = page.select_one(".bt-article__body")
        assert body.find("img") is None
        assert [p.get_text() for p in body.find_all("p")] == [
            "Đoạn một.",
            f"Chú thích {case}",
            "Đoạn hai.",
        ]
    broken_cover = tiny_site.page("2022/06/anh-bia-hong/")
    assert broken_cover.select_one(".bt-cover") is None
    assert broken_cover.select_one(".bt-article__body").get_text(strip=True) == "Nội dung vẫn hiện."
    assert len(tiny_site.page(ADDRESS).select(".bt-article__body picture")) == 2


def test_widths_are_never_wider_than_the_image():
    assert planned_widths(3000, (480, 800, 1200, 1600)) == [480, 800, 1200, 1600]
    assert planned_widths(1000, (480, 800, 1200, 1600)) == [480, 800, 1000]
    assert planned_widths(300, (480, 800, 1200, 1600)) == [300]


def test_images_are_found_with_their_lines_outside_code():
    text = (
        "Chữ.\n\n![a](x.jpg)\n```\n![b](code.jpg)\n```\n"
        '<img alt="c" src="raw.png">\n![d](https://example.org/web.jpg)\n![e](so-do.svg)\n'
    )
    assert markup.find_images(text, 9) == [
        markup.ImageRef(11, "x.jpg"),
        markup.ImageRef(15, "raw.png"),
        markup.ImageRef(17, "so-do.svg"),  # found, so that it is refused at its line
    ]


def test_an_image_inside_running_text_stays_in_its_paragraph():
    html = '<p>Trước <img alt="a" src="x.jpg"> sau.</p><ul><li><img alt="b" src="y.jpg"></li></ul>'
    seen = []

    def render(found):
        seen.append((found.attributes["src"], found.caption))
        return "[P]"

    assert markup.rewrite(html, render) == "<p>Trước [P] sau.</p><ul><li>[P]</li></ul>"
    assert seen == [("x.jpg", None), ("y.jpg", None)]


def test_figures_one_after_another_keep_their_own_captions():
    html = (
        '<p class="bt-caption"><img alt="a" src="a.jpg">\nChú thích A</p>\n'
        '<p class="bt-caption"><img alt="b" src="b.jpg">\nChú thích B</p>\n'
        '<p class="bt-caption">Chú thích lẻ</p>\n'
        '<p><img alt="c" src="c.jpg"></p>\n<p class="bt-caption">Chú thích C</p>'
    )

    def render(found):
        return f"[{found.attributes['src']}: {found.caption}]"

    assert markup.rewrite(html, render) == (
        "[a.jpg: Chú thích A]\n[b.jpg: Chú thích B]\n"
        '<p class="bt-caption">Chú thích lẻ</p>\n[c.jpg: Chú thích C]'
    )


def test_check_reports_bad_images_without_building(tiny_site, monkeypatch, capsys):
    from bantin.tools.cli import main as bantin

    expected = [_bad_article(tiny_site, case) for case in ("truncated", "outside")]
    monkeypatch.chdir(tiny_site.root)
    assert bantin(["check"]) == 1
    assert capsys.readouterr().out.splitlines() == sorted(expected)
    assert not tiny_site.site.exists()


def test_images_outside_articles_are_published_without_metadata(tiny_site):
    images = tiny_site.content / "images"
    images.mkdir(parents=True)
    (images / "tinh.jpg").write_bytes(phone_photo())
    (images / "sach.jpg").write_bytes(plain_jpeg())
    (tiny_site.content / "trang.md").write_text(
        "# Trang tĩnh\n\n![Ảnh](images/tinh.jpg)\n\n![Ảnh sạch](images/sach.jpg)\n",
        encoding="utf-8",
    )
    tiny_site.build()
    with Image.open(tiny_site.site / "images" / "tinh.jpg") as image:
        assert not image.getexif() and "icc_profile" not in image.info
        assert image.height > image.width
    # Without metadata, a file is published byte for byte as it was given.
    assert (tiny_site.site / "images" / "sach.jpg").read_bytes() == plain_jpeg()


def test_a_drawn_card_shows_its_title_as_freetype_lays_out_each_line():
    """Cards are assembled from words drawn once each; the title must look as if each line had
    been laid out whole, wrapped inside the margins, and a title too long for four lines cut."""
    from bantin.images import sharecard
    from PIL import ImageChops, ImageDraw, ImageStat

    painter = sharecard.CardPainter("Tỉnh đoàn Ninh Bình", None)
    title = (
        "Huyện đoàn Yên Khánh tổ chức Hội nghị kiểm tra công tác Đoàn và phong trào thanh thiếu nhi"
    )
    card = painter.draw(title, "Thứ Bảy, 04/06/2022")

    size, lines = sharecard._fit_title(title, painter.words, 1200 - 2 * sharecard.MARGIN)
    assert len(lines) > 1 and " ".join(lines) == title
    whole = painter.base.copy()
    pen = ImageDraw.Draw(whole)
    step = round(size * 1.3)
    top = 232 + (sharecard.TITLE_LINES - len(lines)) * step // 2
    for number, line in enumerate(lines):
        pen.text((80, top + number * step), line, font=painter.font(size), fill=(255, 255, 255))
    pen.text((80, 566), "Thứ Bảy, 04/06/2022", font=painter.font(30), fill=sharecard.MUTED)

    text = ImageStat.Stat(ImageChops.difference(painter.base, whole).convert("L")).mean[0]
    apart = ImageStat.Stat(ImageChops.difference(card, whole).convert("L")).mean[0]
    assert text > 10  # the title is there to compare
    assert apart < text / 20  # the same strokes, at most a subpixel apart
    ink = ImageChops.difference(painter.base, card).getbbox()
    assert ink is not None and ink[0] >= 80 and ink[2] <= 1200 - 80

    cut = painter.draw(" ".join([title] * 3), "Thứ Bảy, 04/06/2022")
    size, lines = sharecard._fit_title(" ".join([title] * 3), painter.words, 1040)
    assert size == sharecard.TITLE_SIZES[-1] and len(lines) == 4 and lines[-1].endswith(" …")
    assert ImageChops.difference(painter.base, cut).getbbox()[2] <= 1200 - 80
