"""Readers' browsers run only what we ship: each hostile input of issue 15 has one fixture here,
and the test asserts its exact safe outcome (docs/security.md says what is promised)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from bantin.model.sanitize import CONTENT_ID_PREFIX, sanitise
from bantin.tools.cli import main as bantin

from tests.conftest import FIXTURES
from tests.imaging import plain_jpeg
from tests.test_errors import problems


def _ids(soup) -> list[str]:
    return [element["id"] for element in soup.select("[id]")]


def test_content_ids_are_prefixed_and_anchors_still_point_at_them(tiny_site):
    tiny_site.article("2022/config-id.md", (FIXTURES / "hostile/config-id.md").read_text())
    tiny_site.build()
    page = tiny_site.page("2022/06/bai-co-id-cua-material/")
    body = page.select_one(".bt-article__body") or page.select_one("article")
    content_ids = _ids(body)
    assert "nd-__config" in content_ids and "nd-__drawer" in content_ids
    assert all(i.startswith(CONTENT_ID_PREFIX) for i in content_ids)
    # The theme's own ids, and nothing from the article, outside the body.
    assert len(page.select('[id="__config"]')) <= 1
    config = page.select_one('[id="__config"]')
    assert config is None or "evil.example" not in config.get_text()
    assert body.select_one("[name]")["name"] == "nd-__search"
    # Every in-page link still finds its target: the heading and the footnote both ways.
    targets = set(content_ids)
    links = [a["href"] for a in body.select('a[href^="#"]')]
    assert "#nd-muc-mot" in links and "#nd-fn:1" in links and "#nd-fnref:1" in links
    assert all(href[1:] in targets for href in links)


def test_no_theme_id_starts_with_the_content_prefix(tiny_site):
    tiny_site.fixture("good.md")
    tiny_site.build()
    for path in tiny_site.site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert f'id="{CONTENT_ID_PREFIX}' not in text, path


def test_links_into_the_site_keep_their_anchor_and_others_are_untouched():
    html = sanitise(
        '<a href="../gioi-thieu/#lich-su">a</a><a href="https://x.example/#top">b</a>'
        '<a href="#">c</a><a id="">d</a>'
    )
    assert 'href="../gioi-thieu/#nd-lich-su"' in html
    assert 'href="https://x.example/#top"' in html
    assert 'href="#"' in html and 'id=""' not in html


def test_a_static_page_table_of_contents_points_at_the_prefixed_headings(tiny_site):
    from bantin.tools.synthetic import write_config

    (tiny_site.content / "trang.md").write_text(
        "# Trang\n\n## Lịch sử\n\nChữ.\n\n## Hoạt động\n\nChữ.\n", encoding="utf-8"
    )
    write_config(tiny_site.root, "  - Trang: trang.md\n")
    tiny_site.build()
    page = tiny_site.page("trang/")
    toc = [a["href"] for a in page.select_one("nav.md-nav--secondary").select('a[href^="#"]')]
    assert toc == ["#nd-lich-su", "#nd-hoat-ong"]
    assert all(page.select_one(f'[id="{href[1:]}"]') is not None for href in toc)


HOSTILE = 'Tin "A" & B </title><script>alert(1)</script><img src=x onerror=alert(2)>'


def _hostile_config(site, site_url: str = "https://example.org/") -> None:
    from bantin.tools.synthetic import REPO

    (site.content / "trang.md").write_text("# Trang\n\nChữ.\n", encoding="utf-8")
    quoted = HOSTILE.replace('"', '\\"')
    site.config.write_text(
        f"INHERIT: {REPO / 'mkdocs.yml'}\n"
        f'site_name: "{quoted}"\n'
        f'site_description: "{quoted}"\n'
        f'site_author: "{quoted}"\n'
        f'copyright: "{quoted}"\n'
        f"site_url: '{site_url}'\n"
        f"docs_dir: {site.content}\n"
        f"site_dir: {site.site}\n"
        f"theme:\n  custom_dir: {REPO / 'theme'}\n"
        f'nav:\n  - Trang chủ: index.md\n  - "{quoted}": trang.md\n'
        f'extra:\n  organisation:\n    name: "{quoted}"\n',
        encoding="utf-8",
    )


def test_config_texts_are_escaped_once_on_every_page(tiny_site):
    import json
    from xml.etree import ElementTree

    from bs4 import BeautifulSoup

    tiny_site.fixture("good.md")
    _hostile_config(tiny_site)
    tiny_site.build()
    pages = sorted(tiny_site.site.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert not soup.select("[onerror]"), path
        scripts = [s.get_text().strip() for s in soup.select("script")]
        assert "alert(1)" not in scripts, path
        # Escaped once: a reader sees the words, never an entity.
        words = soup.get_text(" ") + " ".join(
            str(value) for tag in soup.find_all(True) for value in tag.attrs.values()
        )
        assert "&amp;" not in words and "&lt;" not in words and "&#34;" not in words, path
    page = tiny_site.page("2022/06/tinh-doan-ninh-binh-kiem-tra-huyen-doan-yen-khanh/")
    assert page.title.get_text().endswith(" - " + HOSTILE)
    assert page.select_one('meta[name="description"]') is not None
    assert HOSTILE in [a.get_text(strip=True) for a in page.select(".bt-sections a")]
    ld = json.loads(page.select_one('script[type="application/ld+json"]').get_text())
    assert ld["publisher"]["name"] == HOSTILE
    home = tiny_site.page("")
    assert home.select_one('meta[name="author"]')["content"] == HOSTILE
    assert home.select_one("h1").get_text() == HOSTILE
    feed = ElementTree.parse(tiny_site.site / "feed.xml")
    assert feed.find("channel/title").text == HOSTILE


def test_a_site_url_that_could_leave_its_attribute_is_refused(tiny_site, caplog):
    from bantin.engine.host import Abort

    _hostile_config(tiny_site, site_url='https://example.org/"><script>alert(1)</script>')
    with pytest.raises(Abort):
        tiny_site.build()
    assert "mkdocs.yml:6: site_url: địa chỉ 'https://example.org/\"><script>" in caplog.text
    assert not tiny_site.site.exists()


def _hostile(site, name: str, to: str) -> Path:
    """Copy tests/fixtures/hostile/<name> to content/<to>."""
    path = site.content / to
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((FIXTURES / "hostile" / name).read_bytes())
    return path


def _check(site, monkeypatch, capsys) -> list[str]:
    monkeypatch.chdir(site.root)
    assert bantin(["check"]) == 1
    return problems(capsys.readouterr().out)


SVG = "ảnh SVG có thể chứa mã chạy trong trình duyệt người đọc; hãy xuất sang PNG hoặc JPEG"
ALLOWED = (
    "(chỉ nhận .md và .doc, .docx, .gif, .ico, .jpeg, .jpg, .mp3, .mp4, .odp, .ods, .odt, "
    ".pdf, .png, .ppt, .pptx, .txt, .webp, .xls, .xlsx, .zip)"
)


def test_svg_named_in_a_body_or_as_a_cover_is_refused_at_its_line(tiny_site, monkeypatch, capsys):
    _hostile(tiny_site, "evil.svg", "images/evil.svg")
    _hostile(tiny_site, "svg-body.md", "articles/2022/svg-body.md")
    _hostile(tiny_site, "svg-cover.md", "articles/2022/svg-cover.md")
    assert _check(tiny_site, monkeypatch, capsys) == [
        f"content/articles/2022/svg-body.md:10: ảnh: ảnh '../../images/evil.svg': "
        f"không dùng được tệp .svg làm ảnh: {SVG}",
        f"content/articles/2022/svg-cover.md:6: cover: ảnh '../../images/evil.svg': "
        f"không dùng được tệp .svg làm ảnh: {SVG}",
        f"content/images/evil.svg:1: tệp: không xuất bản tệp .svg: {SVG} {ALLOWED}",
    ]


def test_script_capable_files_merely_present_are_refused_and_never_published(
    tiny_site, monkeypatch, capsys
):
    _hostile(tiny_site, "evil.svg", "images/evil.svg")
    _hostile(tiny_site, "evil.html", "evil.html")
    _hostile(tiny_site, "fake.png", "images/fake.png")
    (tiny_site.content / "CNAME").write_text("bantin.example.org\n", encoding="utf-8")
    (tiny_site.content / "ghi-chu.txt").write_text("<b>không</b>\n", encoding="utf-8")
    html = "trang HTML chạy được mã trên trang của ta; hãy chép nội dung sang một tệp .md"
    assert _check(tiny_site, monkeypatch, capsys) == [
        f"content/evil.html:1: tệp: không xuất bản tệp .html: {html} {ALLOWED}",
        "content/ghi-chu.txt:1: tệp: nội dung không phải văn bản thuần như đuôi '.txt' cho biết "
        "(có thể là trang web đổi tên); hãy lưu lại tệp đúng định dạng",
        f"content/images/evil.svg:1: tệp: không xuất bản tệp .svg: {SVG} {ALLOWED}",
        "content/images/fake.png:1: tệp: nội dung không phải ảnh PNG như đuôi '.png' cho biết "
        "(có thể là trang web đổi tên); hãy lưu lại tệp đúng định dạng",
    ]
    tiny_site.build(strict=False)
    published = {p.relative_to(tiny_site.site).as_posix() for p in tiny_site.site.rglob("*")}
    assert "CNAME" in published
    assert not {"evil.html", "images/evil.svg", "images/fake.png", "ghi-chu.txt"} & published


def test_links_out_of_content_are_refused_and_nothing_behind_them_is_read(
    tiny_site, monkeypatch, capsys, tmp_path_factory
):
    outside = tmp_path_factory.mktemp("ngoai")
    (outside / "secret.txt").write_text("mật khẩu\n", encoding="utf-8")
    (outside / "anh.jpg").write_bytes(plain_jpeg())
    (outside / "bai.md").write_text((FIXTURES / "good.md").read_text(), encoding="utf-8")
    images = tiny_site.content / "images"
    images.mkdir(parents=True)
    (images / "passwd.txt").symlink_to(outside / "secret.txt")
    (images / "ngoai.jpg").symlink_to(outside / "anh.jpg")
    (tiny_site.content / "thu-muc").symlink_to(outside, target_is_directory=True)
    (tiny_site.content / "articles").mkdir()
    (tiny_site.content / "articles" / "bai.md").symlink_to(outside / "bai.md")
    # Inside content/, a link to another file of content/ is fine.
    (tiny_site.content / "trong.txt").write_text("chữ\n", encoding="utf-8")
    (tiny_site.content / "lien-ket.txt").symlink_to(tiny_site.content / "trong.txt")
    _hostile(tiny_site, "linked-cover.md", "articles/2022/linked-cover.md")
    out = _check(tiny_site, monkeypatch, capsys)
    real = outside.resolve()
    leave = (
        "ngoài thư mục content/: Bản Tin không đọc và không xuất bản tệp ngoài content/; "
        "hãy chép tệp vào content/ thay cho liên kết"
    )
    assert out == [
        "content/articles/2022/linked-cover.md:6: cover: ảnh '../../images/ngoai.jpg': "
        "là liên kết ra ngoài content/; hãy chép ảnh vào content/images/",
        f"content/articles/bai.md:1: tệp: là liên kết tới '{real / 'bai.md'}', {leave}",
        f"content/images/ngoai.jpg:1: tệp: là liên kết tới '{real / 'anh.jpg'}', {leave}",
        f"content/images/passwd.txt:1: tệp: là liên kết tới '{real / 'secret.txt'}', {leave}",
        f"content/thu-muc:1: tệp: là liên kết tới '{real}', {leave}",
    ]
    tiny_site.build(strict=False)
    published = {p.relative_to(tiny_site.site).as_posix() for p in tiny_site.site.rglob("*")}
    assert {"trong.txt", "lien-ket.txt"} <= published
    assert not [p for p in published if p.startswith(("images/", "thu-muc"))]
    for path in tiny_site.site.rglob("*"):
        if path.is_file():
            assert b"m\xe1\xba\xadt kh\xe1\xba\xa9u" not in path.read_bytes(), path


ROUND = [
    "content/articles/2022/cover-and-body.md:6: cover: không tìm thấy ảnh "
    "'../../images/khong-co.jpg' (tìm ở content/images/khong-co.jpg)",
    "content/articles/2022/cover-and-body.md:11: ảnh: ảnh '../../images/vie-sai-ten.jpg': "
    "không tìm thấy tệp (tìm ở content/images/vie-sai-ten.jpg)",
]


def test_a_bad_cover_and_a_misspelt_body_image_show_in_one_round(
    tiny_site, monkeypatch, capsys, caplog
):
    from bantin.engine.host import Abort

    tiny_site.fixture("bad/cover-and-body.md", "2022/cover-and-body.md")
    assert _check(tiny_site, monkeypatch, capsys) == ROUND
    with pytest.raises(Abort):
        tiny_site.build()
    lines = "\n".join(record.getMessage() for record in caplog.records).splitlines()
    assert lines[-3:] == [*ROUND, "Có 2 lỗi nội dung; hãy sửa rồi chạy lại."]


CRASHERS = ("deep-nesting.md", "lone-surrogate.md", "control-character.md")


@pytest.mark.parametrize("command", ["build", "serve"])
def test_inputs_that_crashed_the_build_are_left_out_by_name(tiny_site, caplog, command):
    """Each once killed the build (RecursionError, UnicodeEncodeError in the image cache) and
    with it `scripts/serve`: now they are named errors and the rest of the site is built."""
    from bantin.engine.host import build as mkdocs_build
    from bantin.engine.host import load_config

    for name in CRASHERS:
        tiny_site.fixture(f"bad/{name}")
    tiny_site.fixture("good.md")
    tiny_site.article(
        "2022/body.md",
        "---\ntitle: Thân bài có ký tự lạ\ndate: 2022-06-05\nunit: TĐ Ninh Bình\n"
        "category: XDĐ\n---\n\nChữ\x01 và\x0b chữ\x7f.\n",
    )
    config = load_config(str(tiny_site.config))
    config.plugins.on_startup(command=command, dirty=False)
    mkdocs_build(config, serve_url="http://127.0.0.1:8000/" if command == "serve" else None)
    reported = {record.getMessage().split(":")[0] for record in caplog.records}
    assert {f"content/articles/{name}" for name in CRASHERS} <= reported
    assert tiny_site.page("2022/06/tinh-doan-ninh-binh-kiem-tra-huyen-doan-yen-khanh/")
    body = tiny_site.page("2022/06/than-bai-co-ky-tu-la/").select_one(".bt-article__body")
    assert body.get_text(strip=True) == "Chữ và chữ."
    for path in tiny_site.site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not any(char in text for char in "\x01\x0b\x7f\ufffd"), path


def test_a_killed_builds_folder_is_removed_by_the_next_build_and_a_running_ones_kept(tiny_site):
    import subprocess
    import time

    from bantin.engine.atomic import build_atomically

    dead = subprocess.Popen(["true"])
    dead.wait()
    killed = tiny_site.root / f"site.building-{dead.pid}-abc123"
    older = tiny_site.root / "site.building-x7k2"  # made before folders carried a pid
    running = tiny_site.root / f"site.building-{os.getpid()}-def456"
    for folder in (killed, older, running):
        (folder / "assets").mkdir(parents=True)
        (folder / "assets" / "partial.js").write_text("//", encoding="utf-8")
    tiny_site.fixture("good.md")
    build_atomically(tiny_site.config)
    for _ in range(100):  # removed by a detached `rm -rf`
        if not killed.exists() and not older.exists():
            break
        time.sleep(0.05)
    assert not killed.exists() and not older.exists()
    assert running.is_dir()
    assert [p.name for p in tiny_site.root.glob("site.building-*")] == [running.name]


def test_a_site_that_links_to_a_web_root_is_updated_through_the_link(tiny_site, tmp_path_factory):
    from bantin.engine.atomic import build_atomically

    web_root = tmp_path_factory.mktemp("www") / "html"
    web_root.mkdir()
    (web_root / "old.html").write_text("cũ", encoding="utf-8")
    tiny_site.site.symlink_to(web_root, target_is_directory=True)
    tiny_site.fixture("good.md")
    build_atomically(tiny_site.config)
    assert tiny_site.site.is_symlink() and tiny_site.site.resolve() == web_root.resolve()
    assert (web_root / "index.html").is_file() and not (web_root / "old.html").exists()
    assert (tiny_site.site / "2022/06").is_dir()


def test_helpers_die_with_a_killed_build(tmp_path):
    """A build killed from outside takes its workers with it (engine/lifeline.py)."""
    import signal
    import subprocess
    import sys
    import time

    script = tmp_path / "parent.py"
    script.write_text(
        "import multiprocessing, os, sys, time\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "from bantin.engine.lifeline import tie_to_parent\n"
        "if __name__ == '__main__':\n"
        "    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context('spawn'),\n"
        "                               initializer=tie_to_parent, initargs=(os.getpid(),))\n"
        "    pool.submit(time.sleep, 0)\n"
        "    pool.submit(time.sleep, 600)\n"
        "    time.sleep(2)\n"
        "    print(*[p.pid for p in pool._processes.values()], flush=True)\n"
        "    time.sleep(600)\n",
        encoding="utf-8",
    )
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        worker = int(parent.stdout.readline())
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        for _ in range(100):
            try:
                os.kill(worker, 0)
            except ProcessLookupError:
                break
            time.sleep(0.05)
        else:
            os.kill(worker, signal.SIGKILL)
            raise AssertionError("the worker outlived its build")
    finally:
        if parent.poll() is None:
            parent.kill()


def test_control_characters_in_a_body_are_a_warning_and_are_removed(tiny_site, monkeypatch, capsys):
    tiny_site.article(
        "2022/body.md",
        "---\ntitle: Thân bài\ndate: 2022-06-05\nunit: TĐ Ninh Bình\ncategory: XDĐ\n---\n\n"
        "Chữ\x01 và chữ.\n",
    )
    monkeypatch.chdir(tiny_site.root)
    assert bantin(["check"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "content/articles/2022/body.md:8: văn bản: cảnh báo: có ký tự điều khiển vô hình (dán từ "
        "trang web cũ); Bản Tin bỏ chúng khi build, hãy xoá khỏi tệp"
    ]


def test_a_registry_linked_out_of_content_is_refused_unread(
    tiny_site, monkeypatch, capsys, tmp_path_factory
):
    outside = tmp_path_factory.mktemp("ngoai") / "links.yml"
    outside.write_text("- name: Bí mật\n  url: https://bi-mat.example\n", encoding="utf-8")
    (tiny_site.content / "_data" / "links.yml").symlink_to(outside)
    out = _check(tiny_site, monkeypatch, capsys)
    assert out == [
        f"content/_data/links.yml:1: tệp: là liên kết tới '{outside.resolve()}', ngoài thư mục "
        "content/: Bản Tin không đọc và không xuất bản tệp ngoài content/; hãy chép tệp vào "
        "content/ thay cho liên kết"
    ]


def test_broken_links_of_static_pages_are_found_by_check(tiny_site, monkeypatch, capsys):
    (tiny_site.content / "gioi-thieu.md").write_text(
        "# Giới thiệu\n\nTải [kế hoạch](tai-lieu/ke-hoach.pdf).\n\n```\n[mẫu](khong-tinh.md)\n```\n",
        encoding="utf-8",
    )
    assert _check(tiny_site, monkeypatch, capsys) == [
        "content/gioi-thieu.md:3: liên kết: 'tai-lieu/ke-hoach.pdf': không có tệp "
        "content/tai-lieu/ke-hoach.pdf; hãy sửa đường dẫn (tính từ thư mục của bài)"
    ]


def test_a_folder_linked_inside_content_is_checked_as_itself_and_a_loop_is_refused(
    tiny_site, monkeypatch, capsys
):
    _hostile(tiny_site, "evil.svg", "images/evil.svg")
    (tiny_site.content / "anh-khac").symlink_to(tiny_site.content / "images")
    (tiny_site.content / "images" / "vong").symlink_to(tiny_site.content)
    assert _check(tiny_site, monkeypatch, capsys) == [
        f"content/anh-khac/evil.svg:1: tệp: không xuất bản tệp .svg: {SVG} {ALLOWED}",
        "content/anh-khac/vong:1: tệp: là liên kết vòng về một thư mục chứa nó; hãy xoá liên kết",
        f"content/images/evil.svg:1: tệp: không xuất bản tệp .svg: {SVG} {ALLOWED}",
        "content/images/vong:1: tệp: là liên kết vòng về một thư mục chứa nó; hãy xoá liên kết",
    ]
