"""The linked-websites footer: links.yml validation, logos, and the footer a reader sees."""

from __future__ import annotations

import base64
import json
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bantin.engine.host import Abort
from bantin.footer.logos import normalise
from bantin.footer.registry import group_links, load_links
from bantin.tools.cli import main as bantin
from bs4 import BeautifulSoup
from PIL import Image

from tests.conftest import FIXTURES, new_tiny_site

LINKS = FIXTURES / "links"
GOOD_URLS = [
    "https://doanthanhnien.vn",
    "https://tuoitre.vn",
    "https://tienphong.vn/?a=1&b=2",
    "https://hoisinhvien.com.vn",
    "https://chinhphu.vn",
]
ARTICLE = """---
title: Tỉnh đoàn Ninh Bình kiểm tra Huyện đoàn Yên Khánh
date: 2022-06-04
unit: Huyện đoàn Yên Khánh
category: Xây dựng Đoàn
---

Sáng 04/6/2022, Ban Thường vụ Tỉnh đoàn đã tiến hành kiểm tra công tác Đoàn.
"""
ARTICLE_ADDRESS = "2022/06/tinh-doan-ninh-binh-kiem-tra-huyen-doan-yen-khanh/"


def write_logos(content: Path) -> Path:
    """A square opaque logo and a wide one with transparent margins."""
    folder = content / "images" / "links"
    folder.mkdir(parents=True, exist_ok=True)
    Image.new("RGBA", (300, 300), (11, 87, 164, 255)).save(folder / "square.png")
    wide = Image.new("RGBA", (1000, 200), (0, 0, 0, 0))
    wide.paste(Image.new("RGBA", (800, 100), (200, 16, 46, 255)), (100, 50))
    wide.save(folder / "wide.png")
    return folder


def write_bad_logos(content: Path) -> None:
    """Two files that are no usable logo (never in a built site: bantin-images refuses them)."""
    folder = write_logos(content)
    (folder / "not-an-image.png").write_text("đây không phải ảnh", encoding="utf-8")
    (folder / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")


def use_links(site, name: str) -> Path:
    """Give a tiny site the links fixture `name` as its content/_data/links.yml, with logos."""
    write_logos(site.content)
    target = site.content / "_data" / "links.yml"
    shutil.copyfile(LINKS / name, target)
    return target


def errors_of(tmp_path: Path, name: str) -> list[str]:
    write_bad_logos(tmp_path)
    _, errors = load_links(LINKS / name, f"content/_data/{name}", tmp_path)
    return [str(error) for error in errors]


# links.yml validation: one fixture per mistake, each reported as path:line: field: message.


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("missing-name.yml", ["content/_data/missing-name.yml:3: name: thiếu tên website (name)"]),
        ("missing-url.yml", ["content/_data/missing-url.yml:1: url: thiếu địa chỉ website (url)"]),
        (
            "not-http.yml",
            [
                "content/_data/not-http.yml:2: url: cần địa chỉ bắt đầu bằng https://, nhận được 'tuoitre.vn'",
                "content/_data/not-http.yml:4: url: cần địa chỉ bắt đầu bằng https://, nhận được 'ftp://example.org/files'",
                "content/_data/not-http.yml:6: url: cần địa chỉ bắt đầu bằng https://, nhận được 'javascript:alert(1)'",
            ],
        ),
        (
            "missing-logo.yml",
            [
                "content/_data/missing-logo.yml:3: logo: không tìm thấy ảnh 'images/links/khong-co.png' (đường dẫn tính từ thư mục content/)"
            ],
        ),
        (
            "not-an-image.yml",
            [
                "content/_data/not-an-image.yml:3: logo: 'images/links/not-an-image.png' không phải tệp ảnh đọc được (PNG, JPEG, WebP hoặc GIF)"
            ],
        ),
        (
            "svg-logo.yml",
            [
                "content/_data/svg-logo.yml:3: logo: 'images/links/logo.svg' là ảnh SVG; hãy dùng ảnh PNG, JPEG hoặc WebP"
            ],
        ),
        (
            "unknown-field.yml",
            [
                "content/_data/unknown-field.yml:1: url: thiếu địa chỉ website (url)",
                "content/_data/unknown-field.yml:2: link: trường không được hỗ trợ; có phải 'url'?",
            ],
        ),
        (
            "duplicate-url.yml",
            ["content/_data/duplicate-url.yml:4: url: địa chỉ trùng với mục ở dòng 1"],
        ),
        (
            "not-a-list.yml",
            [
                "content/_data/not-a-list.yml:1: tệp: cần một danh sách, mỗi mục bắt đầu bằng '- name: ...'"
            ],
        ),
    ],
)
def test_each_mistake_in_links_yml_is_reported_with_its_line(tmp_path, fixture, expected):
    assert sorted(errors_of(tmp_path, fixture)) == expected


def test_broken_yaml_names_its_line(tmp_path):
    (error,) = errors_of(tmp_path, "broken-yaml.yml")
    assert error.startswith("content/_data/broken-yaml.yml:3: YAML: YAML sai cú pháp")


def test_good_links_keep_file_order_within_groups_in_order_of_first_appearance(tmp_path):
    write_logos(tmp_path)
    links, errors = load_links(LINKS / "good.yml", "links.yml", tmp_path)
    assert errors == []
    groups = group_links(links)
    assert [group.name for group in groups] == ["Cơ quan Đoàn", "Báo chí", None]
    assert [[link.name for link in group.links] for group in groups] == [
        ["Trung ương Đoàn TNCS Hồ Chí Minh", "Hội Sinh viên Việt Nam"],
        ["Báo Tuổi Trẻ", "Báo Tiền Phong & <Bạn đọc>"],
        ["Cổng Thông tin điện tử Chính phủ"],
    ]


def test_a_missing_links_file_means_no_links(tmp_path):
    assert load_links(tmp_path / "links.yml", "links.yml", tmp_path) == ((), [])


# Logos: one height, kept aspect, WebP and PNG, cached by content hash.


def test_logos_get_one_height_and_keep_their_aspect(tmp_path):
    write_logos(tmp_path)
    cache = tmp_path / "cache"
    square = normalise(tmp_path / "images/links/square.png", cache, height=40, max_width=160)
    wide = normalise(tmp_path / "images/links/wide.png", cache, height=40, max_width=400)
    assert (square.width, square.height) == (40, 40)
    # The transparent margins are trimmed, so the visible 8:1 bar gets the full height.
    assert (wide.width, wide.height) == (320, 40)
    for logo in (square, wide):
        with Image.open(logo.png) as png, Image.open(logo.webp) as webp:
            assert (png.format, webp.format) == ("PNG", "WEBP")
            assert png.size == webp.size == (logo.width * 2, 80)


def test_a_logo_wider_than_allowed_is_fitted_into_the_same_height(tmp_path):
    write_logos(tmp_path)
    logo = normalise(tmp_path / "images/links/wide.png", tmp_path / "c", height=40, max_width=160)
    assert (logo.width, logo.height) == (160, 40)
    with Image.open(logo.png) as png:
        assert png.size == (320, 80)
        assert png.getpixel((0, 0))[3] == 0  # padded with transparency above the logo
        assert png.getpixel((160, 40))[3] == 255


def test_logos_are_cached_by_content(tmp_path):
    write_logos(tmp_path)
    cache = tmp_path / "cache"
    source = tmp_path / "images/links/square.png"
    first = normalise(source, cache, height=40, max_width=160)
    stamp = first.webp.stat().st_mtime_ns
    again = normalise(source, cache, height=40, max_width=160)
    assert again == first and again.webp.stat().st_mtime_ns == stamp
    Image.new("RGBA", (300, 150), (0, 128, 0, 255)).save(source)
    changed = normalise(source, cache, height=40, max_width=160)
    assert changed.digest != first.digest and changed.width == 80
    assert len(list(cache.glob("*/*.webp"))) == 2


# The footer as a reader sees it, on every kind of page.


def fill_linked_site(site) -> None:
    """An article, a static page and the good links with their logos."""
    use_links(site, "good.yml")
    site.article("2022/bai.md", ARTICLE)
    (site.content / "gioi-thieu.md").write_text("# Giới thiệu\n\nTrang tĩnh.\n", "utf-8")


@pytest.fixture(scope="module")
def linked_site(tmp_path_factory):
    """Built once for the tests below, which only read it."""
    site = new_tiny_site(tmp_path_factory.mktemp("linked"))
    fill_linked_site(site)
    site.build()
    return site


def footer_pages(site):
    pages = {
        "article": site.page(ARTICLE_ADDRESS),
        "category": site.page("chuyen-muc/xay-dung-doan/"),
        "home": site.page(""),
        "static page": site.page("gioi-thieu/"),
    }
    pages["404"] = BeautifulSoup((site.site / "404.html").read_text("utf-8"), "html.parser")
    return pages


def test_every_page_ends_with_every_linked_website(linked_site):
    for kind, page in footer_pages(linked_site).items():
        footer = page.select_one("footer.bt-footer")
        assert footer is not None, kind
        assert footer.select_one("#bt-links-title").get_text() == "Liên kết website"
        links = footer.select("a.bt-links__item")
        assert [a["href"] for a in links] == [GOOD_URLS[i] for i in (0, 3, 1, 2, 4)], kind
        for a in links:
            assert a["target"] == "_blank" and set(a["rel"]) == {"noopener", "noreferrer"}
        assert [h.get_text() for h in footer.select(".bt-links__group-title")] == [
            "Cơ quan Đoàn",
            "Báo chí",
        ]


def test_names_from_links_yml_are_escaped(linked_site):
    page = linked_site.page(ARTICLE_ADDRESS)
    names = [span.get_text() for span in page.select(".bt-links__name")]
    assert "Báo Tiền Phong & <Bạn đọc>" in names
    assert page.find("bạn") is None and page.find("Bạn") is None  # no element from the name


def test_the_select_lists_every_site_in_its_group(linked_site):
    select = linked_site.page(ARTICLE_ADDRESS).select_one("select#bt-links-select")
    assert select.find_previous("label")["for"] == "bt-links-select"
    groups = {g["label"]: [o["value"] for o in g.select("option")] for g in select("optgroup")}
    assert groups == {
        "Cơ quan Đoàn": [GOOD_URLS[0], GOOD_URLS[3]],
        "Báo chí": [GOOD_URLS[1], GOOD_URLS[2]],
    }
    loose = [o["value"] for o in select.find_all("option", recursive=False)]
    assert loose == ["", GOOD_URLS[4]]


def test_logos_are_served_as_webp_with_a_png_fallback_and_a_size(linked_site):
    page = linked_site.page(ARTICLE_ADDRESS)
    pictures = page.select(".bt-links__item picture")
    assert len(pictures) == 2
    for picture in pictures:
        source, img = picture.select_one("source"), picture.select_one("img")
        assert source["type"] == "image/webp"
        assert img["height"] == "40" and int(img["width"]) > 0
        page_dir = linked_site.site / ARTICLE_ADDRESS
        with (
            Image.open(page_dir / source["srcset"]) as webp,
            Image.open(page_dir / img["src"]) as png,
        ):
            assert webp.format == "WEBP" and png.format == "PNG"
            assert png.size == (int(img["width"]) * 2, 80)


def test_the_footer_names_the_organisation_and_its_editor(linked_site):
    footer = linked_site.page("").select_one(".bt-identity")
    text = " ".join(footer.get_text(" ").split())
    assert "BAN THƯỜNG VỤ" in text.upper()
    assert "Địa chỉ: Số 1, đường Thanh Niên, phường Trung tâm" in text
    assert "Chịu trách nhiệm nội dung: Bí thư Tỉnh đoàn (trang mẫu)" in text
    assert footer.select_one('a[href^="tel:"]')["href"] == "tel:02000000000"
    assert footer.select_one('a[href^="mailto:"]')["href"] == "mailto:bantin@example.org"


def test_the_404_page_is_in_vietnamese(linked_site):
    page = footer_pages(linked_site)["404"]
    assert page.find("h1").get_text() == "Không tìm thấy trang"
    assert page.find("html")["lang"] == "vi"


def test_article_share_links_carry_the_address_and_no_third_party_script(linked_site):
    page = linked_site.page(ARTICLE_ADDRESS)
    address = "https://example.org/" + ARTICLE_ADDRESS
    facebook = page.select_one(".bt-share__link--facebook")["href"]
    assert parse_qs(urlsplit(facebook).query)["u"] == [address]
    zalo = page.select_one(".bt-share__link--zalo")["href"]
    payload = parse_qs(urlsplit(zalo).query)["d"][0]
    assert json.loads(base64.b64decode(payload)) == {"url": address}
    assert page.select_one(".bt-print-url").get_text() == f"Nguồn: {address}"
    for script in page.select("script[src]"):
        assert not urlsplit(script["src"]).netloc, script["src"]


def test_reader_tools_wait_for_javascript(linked_site):
    page = linked_site.page(ARTICLE_ADDRESS)
    tools = page.select_one("[data-bt-tools]")
    assert tools.has_attr("hidden")
    assert [b["aria-label"] for b in tools.select("[data-bt-text]")] == [
        "A− giảm cỡ chữ",
        "A+ tăng cỡ chữ",
    ]
    assert page.select_one("[data-bt-links-jump]").has_attr("hidden")


def test_the_header_shows_the_organisation_logo_and_name(linked_site):
    header = linked_site.page(ARTICLE_ADDRESS).select_one("header.bt-header")
    assert header.select_one(".bt-header__org").get_text() == "Ban Thường vụ Tỉnh đoàn (trang mẫu)"
    logo = header.select_one("img")
    assert logo["width"] and logo["height"]
    assert (linked_site.site / ARTICLE_ADDRESS / logo["src"]).resolve().is_file()


# Errors stop a strict build before site/ is touched, and `bantin check` reports them.


def test_a_strict_build_with_a_bad_links_file_fails_and_keeps_the_old_site(tiny_site, caplog):
    tiny_site.article("2022/bai.md", ARTICLE)
    tiny_site.build()
    before = {p: p.read_bytes() for p in tiny_site.site.rglob("*") if p.is_file()}
    use_links(tiny_site, "not-http.yml")
    with pytest.raises(Abort):
        tiny_site.build()
    report = "\n".join(record.getMessage() for record in caplog.records)
    assert "content/_data/links.yml:2: url:" in report
    assert "content/_data/links.yml:6: url:" in report
    assert {p: p.read_bytes() for p in tiny_site.site.rglob("*") if p.is_file()} == before


def test_a_lenient_build_leaves_out_only_the_bad_links(tiny_site):
    tiny_site.article("2022/bai.md", ARTICLE)
    use_links(tiny_site, "not-http.yml")
    (tiny_site.content / "_data" / "links.yml").write_text(
        (LINKS / "not-http.yml").read_text("utf-8")
        + "- name: Báo Thanh Niên\n  url: https://thanhnien.vn\n",
        encoding="utf-8",
    )
    tiny_site.build(strict=False)
    hrefs = [a["href"] for a in tiny_site.page("").select("a.bt-links__item")]
    assert hrefs == ["https://thanhnien.vn"]


def test_bantin_check_reports_links_errors(tiny_site, capsys, monkeypatch):
    use_links(tiny_site, "missing-logo.yml")
    monkeypatch.chdir(tiny_site.root)
    assert bantin(["check"]) == 1
    assert (
        "content/_data/links.yml:3: logo: không tìm thấy ảnh 'images/links/khong-co.png'"
        in capsys.readouterr().out
    )


def test_material_speaks_our_vietnamese(linked_site):
    page = linked_site.page(ARTICLE_ADDRESS)
    assert page.find("html")["lang"] == "vi"
    assert page.select_one("a.bt-footer__top").get_text() == "Lên đầu trang"
    assert page.select_one("nav.bt-sections")["aria-label"] == "Chuyên mục"
    assert page.select_one("a.bt-skip").get_text() == "Đến nội dung chính"
    # Material's English fallback for a key Vietnamese lacks (the text direction).
    assert page.body["dir"] == "ltr"
