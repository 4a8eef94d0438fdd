"""The documents register (Văn bản): each bad document named with file, line and field; the
pages a reader sees; numbers in articles linked to their documents and back; the feed."""

import shutil
from pathlib import Path

import feedparser
import pytest
from bantin.engine.host import Abort
from bantin.tools.cli import main as bantin

from tests import test_editor
from tests.conftest import FIXTURES

DOCUMENTS = FIXTURES / "documents"

ARTICLE = """---
title: Kiểm tra công tác Đoàn tại Huyện đoàn Yên Khánh
date: 2022-06-04
unit: Huyện đoàn Yên Khánh
category: Xây dựng Đoàn
---

Đoàn kiểm tra làm việc theo Kế hoạch số 261- KH/TĐTN-XDĐ, ngày 04/5/2022 của Ban Thường vụ.

Xem thêm [KH 261/TĐTN-XDĐ](https://example.org/ke-hoach) và mã `261-KH/TĐTN-XDĐ` trong phần mềm.

Theo Công văn số 999-CV/TĐTN-VP của Tỉnh đoàn (chưa có trong sổ).
"""

OTHER = """---
number: 300-KH/TĐTN-XDĐ
kind: KH
date: 2025-03-10
unit: TĐ Ninh Bình
summary: Kiểm tra 6 tháng đầu năm 2025, thay kế hoạch năm 2022
replaces: [261-KH/TĐTN-XDĐ]
---
"""

LETTER = """---
number: 512-CV/TĐTN-VP
kind: Công văn
date: 2024-05-20
unit: Tỉnh đoàn Hậu Giang
summary: V/v triển khai Chiến dịch Thanh niên tình nguyện hè năm 2024
files: [/files/good.pdf]
---
"""


def add_document(
    site, name: str, text: str | None = None, year: str = "2022", files=("good.pdf",)
) -> Path:
    """Write content/van-ban/<year>/<name>, from a fixture when no text is given, and the
    fixture `files` into content/files/ (all of them for a bad document)."""
    (site.content / "files").mkdir(parents=True, exist_ok=True)
    if name.startswith("bad/"):
        files = [path.name for path in (DOCUMENTS / "files").iterdir()]
    for file in files:
        shutil.copyfile(DOCUMENTS / "files" / file, site.content / "files" / file)
    path = site.content / "van-ban" / year / Path(name).name
    path.parent.mkdir(parents=True, exist_ok=True)
    if text is None:
        text = (DOCUMENTS / name).read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    return path


def problems(out: str) -> list[str]:
    return [line for line in out.splitlines() if line and not line.startswith("    gợi ý:")]


CASES = {
    "unknown-kind.md": "3: kind: không có loại văn bản 'Ke hoach nam' trong "
    "content/_data/document-kinds.yml; có phải: Kế hoạch?",
    "unknown-unit.md": "5: unit: không có đơn vị 'Tinh doan Ninh Binhh' trong "
    "content/_data/units.yml; có phải: Tỉnh đoàn Ninh Bình, Tỉnh đoàn Hà Giang, Tỉnh đoàn Hậu Giang?",
    "symbol-mismatch.md": "2: number: ký hiệu 'CV' trong số '14-CV/TĐTN-VP' không phải của "
    "loại 'Kế hoạch' (dùng KH)",
    "not-a-number.md": "2: number: số/ký hiệu cần dạng số-KÝ HIỆU/CƠ QUAN, ví dụ "
    "261-KH/TĐTN-XDĐ; nhận được 'Kế hoạch tháng 5'",
    "missing-summary.md": "2: summary: thiếu trường bắt buộc 'summary'",
    "missing-file.md": "7: files: '../../files/khong-co.pdf': không tìm thấy tệp "
    "(tìm ở content/files/khong-co.pdf)",
    "refused-file.md": "7: files: '../../files/evil.html': không nhận tệp '.html': trình "
    "duyệt sẽ chạy mã trong tệp này trên trang của ta",
    "fake-pdf.md": "7: files: '../../files/fake.pdf': tệp không phải PDF (không có dấu hiệu "
    "%PDF- ở đầu tệp)",
    "broken-docx.md": "7: files: '../../files/broken.docx': tệp không phải Word dạng .docx "
    "(không đúng cấu trúc)",
    "outside-files.md": "7: files: '../../../../etc/passwd.pdf': đường dẫn đi ra ngoài content/",
    "misspelt-field.md": "7: singer: trường không được hỗ trợ; có phải 'signer'?",
}


def of_documents(lines: list[str]) -> list[str]:
    """The problems of documents; the bad files themselves (which `add_document` copies in for
    every bad document) are reported by the content scan too, at their own path."""
    return [line for line in lines if not line.startswith("content/files/")]


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_bad_document_is_reported_with_file_line_and_field(
    tiny_site, monkeypatch, capsys, name
):
    add_document(tiny_site, f"bad/{name}")
    monkeypatch.chdir(tiny_site.root)
    assert bantin(["check"]) == 1
    found = of_documents(problems(capsys.readouterr().out))
    assert found == [f"content/van-ban/2022/{name}:{CASES[name]}"]


def test_every_bad_document_at_once_and_the_strict_build_refuses_them(
    tiny_site, monkeypatch, capsys, caplog
):
    for name in CASES:
        add_document(tiny_site, f"bad/{name}")
    monkeypatch.chdir(tiny_site.root)
    assert bantin(["check"]) == 1
    expected = sorted(f"content/van-ban/2022/{name}:{CASES[name]}" for name in CASES)
    reported = problems(capsys.readouterr().out)
    assert of_documents(reported) == expected
    strays = [line.split(":")[0] for line in reported if line not in expected]
    assert strays == ["content/files/evil.html", "content/files/fake.pdf"]
    with pytest.raises(Abort):
        tiny_site.build()
    assert all(line in caplog.text for line in expected)
    assert not tiny_site.site.exists()


def test_two_documents_with_one_number_however_typed(tiny_site, monkeypatch, capsys):
    add_document(tiny_site, "good.md")
    add_document(tiny_site, "duplicate.md")
    monkeypatch.chdir(tiny_site.root)
    assert bantin(["check"]) == 1
    assert problems(capsys.readouterr().out) == [
        "content/van-ban/2022/good.md:2: number: số '261-KH/TĐTN-XDĐ' trùng với văn bản "
        "content/van-ban/2022/duplicate.md; mỗi số/ký hiệu chỉ một tệp"
    ]


def test_check_warns_of_cited_numbers_the_register_lacks(tiny_site, monkeypatch, capsys):
    add_document(tiny_site, "good.md")
    tiny_site.article("2022/kiem-tra.md", ARTICLE)
    monkeypatch.chdir(tiny_site.root)
    assert bantin(["check"]) == 0
    captured = capsys.readouterr()
    assert problems(captured.out) == [
        "content/articles/2022/kiem-tra.md:12: văn bản: cảnh báo: 'Công văn số "
        "999-CV/TĐTN-VP' trông như số văn bản nhưng không có trong sổ văn bản (van-ban/); "
        "nếu là văn bản của đơn vị, hãy thêm nó để bài viết liên kết tới"
    ]
    assert "1 cảnh báo" in captured.err


@pytest.fixture
def register_site(tiny_site):
    add_document(tiny_site, "good.md")
    add_document(tiny_site, "ke-hoach-300.md", OTHER, year="2025")
    add_document(tiny_site, "cong-van-512.md", LETTER, year="2024")
    tiny_site.article("2022/kiem-tra.md", ARTICLE)
    tiny_site.build()
    return tiny_site


def test_the_register_lists_documents_newest_first_with_their_files(register_site):
    page = register_site.page("van-ban/")
    assert page.h1.get_text(strip=True) == "Văn bản"
    items = page.select(".bt-docs__list > li")
    titles = [item.select_one("h3").get_text(strip=True) for item in items]
    assert titles == [
        "Kế hoạch số 300-KH/TĐTN-XDĐ",
        "Công văn số 512-CV/TĐTN-VP",
        "Kế hoạch số 261-KH/TĐTN-XDĐ",
    ]
    oldest = items[2]
    assert oldest.select_one(".bt-doc__line").get_text(" ", strip=True) == (
        "Kế hoạch · 04/05/2022 · Tỉnh đoàn Ninh Bình"
    )
    assert oldest.select_one(".bt-doc__summary").get_text() == (
        "Kiểm tra công tác Đoàn 6 tháng đầu năm 2022"
    )
    download = oldest.select_one(".bt-doc__files a")
    assert download.get_text() == "Bản ký" and download.has_attr("download")
    assert (register_site.site / "van-ban" / download["href"]).resolve() == (
        register_site.site / "files" / "good.pdf"
    ).resolve()
    assert "PDF, 1 KB" in oldest.select_one(".bt-doc__files").get_text()


def test_kind_year_and_unit_pages_and_the_filter_links(register_site):
    register = register_site.page("van-ban/")
    groups = {
        group["data-filter"]: [a.get_text() for a in group.select("a")]
        for group in register.select("details[data-filter]")
    }
    assert groups == {
        "kind": ["Kế hoạch", "Công văn"],
        "year": ["2025", "2024", "2022"],
        "unit": ["Tỉnh đoàn Hậu Giang", "Tỉnh đoàn Ninh Bình"],
    }
    plans = register_site.page("van-ban/loai/ke-hoach/")
    assert [h.get_text(strip=True) for h in plans.select(".bt-docs__list h3")] == [
        "Kế hoạch số 300-KH/TĐTN-XDĐ",
        "Kế hoạch số 261-KH/TĐTN-XDĐ",
    ]
    assert plans.select_one("a[aria-current=page]").get_text() == "Kế hoạch"
    year = register_site.page("van-ban/2024/")
    assert [h.get_text(strip=True) for h in year.select(".bt-docs__list h3")] == [
        "Công văn số 512-CV/TĐTN-VP"
    ]
    unit = register_site.page("van-ban/don-vi/tinh-doan-ninh-binh/")
    assert len(unit.select(".bt-docs__list > li")) == 2


def test_the_document_page(register_site):
    page = register_site.page("van-ban/2022/261-kh-tdtn-xdd/")
    assert page.h1.get_text() == "Kế hoạch số 261-KH/TĐTN-XDĐ"
    rows = {
        row.th.get_text(): row.td.get_text(" ", strip=True)
        for row in page.select("table.bt-doc__data tr")
    }
    assert rows == {
        "Số/ký hiệu": "261-KH/TĐTN-XDĐ",
        "Loại văn bản": "Kế hoạch",
        "Ngày ban hành": "04/05/2022",
        "Cơ quan ban hành": "Tỉnh đoàn Ninh Bình",
        "Người ký": "Nguyễn Văn A",
        "Lĩnh vực": "Xây dựng Đoàn",
        "Bị thay thế bởi": "Kế hoạch số 300-KH/TĐTN-XDĐ",
    }
    file = page.select_one(".bt-doc__file")
    assert file.select_one(".bt-doc__size").get_text() == "PDF, 1 KB"
    preview = file.select_one("img")
    image = (register_site.site / "van-ban/2022/261-kh-tdtn-xdd" / preview["src"]).resolve()
    assert image.suffix == ".webp" and image.stat().st_size > 0
    from PIL import Image

    with Image.open(image) as drawn:
        assert drawn.size == (int(preview["width"]), int(preview["height"]))
    assert "Nội dung kế hoạch." in page.select_one(".bt-doc__text").get_text()
    mentions = page.select(".bt-doc__mentions li a")
    assert [a.get_text() for a in mentions] == ["Kiểm tra công tác Đoàn tại Huyện đoàn Yên Khánh"]
    newer = register_site.page("van-ban/2025/300-kh-tdtn-xdd/")
    assert "Kế hoạch số 261-KH/TĐTN-XDĐ" in newer.select_one("table.bt-doc__data").get_text()


def test_numbers_in_an_article_link_to_their_documents(register_site):
    page = register_site.page("2022/06/kiem-tra-cong-tac-doan-tai-huyen-doan-yen-khanh/")
    body = page.select_one(".bt-article__body")
    (link,) = body.select("a[data-document]")
    assert link.get_text() == "Kế hoạch số 261- KH/TĐTN-XDĐ"
    assert link["data-document"] == "261-KH/TDTN-XDD"
    target = Path(register_site.site, "2022/06/kiem-tra-cong-tac-doan-tai-huyen-doan-yen-khanh")
    assert (target / link["href"] / "index.html").resolve() == (
        register_site.site / "van-ban/2022/261-kh-tdtn-xdd/index.html"
    ).resolve()
    # A number already linked by staff keeps its link; one in code stays code; one the
    # register lacks stays text.
    assert [a["href"] for a in body.select("a") if "KH 261" in a.get_text()] == [
        "https://example.org/ke-hoach"
    ]
    assert body.select_one("code").get_text() == "261-KH/TĐTN-XDĐ"
    assert "Công văn số 999-CV/TĐTN-VP" in body.get_text()


def test_refused_files_are_never_published_and_fail_a_strict_build(tiny_site, caplog):
    add_document(tiny_site, "good.md", files=("good.pdf", "fake.pdf", "evil.html"))
    (tiny_site.content / "files" / "stray.svg").write_text("<svg onload='alert(1)'/>")
    with pytest.raises(Abort):
        tiny_site.build()
    assert "content/files/stray.svg:1: tệp:" in caplog.text
    tiny_site.build(strict=False)
    assert (tiny_site.site / "files" / "good.pdf").is_file()
    for name in ("stray.svg", "evil.html", "fake.pdf"):
        assert not (tiny_site.site / "files" / name).exists()


def test_the_documents_feed(register_site):
    feed = feedparser.parse((register_site.site / "van-ban" / "feed.xml").read_bytes())
    assert not feed.bozo
    assert feed.feed.link == "https://example.org/van-ban/"
    assert [entry.title for entry in feed.entries] == [
        "Kế hoạch số 300-KH/TĐTN-XDĐ",
        "Công văn số 512-CV/TĐTN-VP",
        "Kế hoạch số 261-KH/TĐTN-XDĐ",
    ]
    last = feed.entries[2]
    assert last.link == "https://example.org/van-ban/2022/261-kh-tdtn-xdd/"
    assert last.summary == "Kiểm tra công tác Đoàn 6 tháng đầu năm 2022"
    assert tuple(last.published_parsed)[:3] == (2022, 5, 3)  # midnight +07:00 is the 3rd in UTC


def test_search_sees_documents_as_their_own_type(register_site):
    document = register_site.page("van-ban/2022/261-kh-tdtn-xdd/")
    article = register_site.page("2022/06/kiem-tra-cong-tac-doan-tai-huyen-doan-yen-khanh/")
    for page, kind in ((document, "Văn bản"), (article, "Bài viết")):
        marks = page.select("[data-pagefind-body] [data-pagefind-filter^=type]")
        assert [mark["data-value"] for mark in marks] == [kind]
    # The number as readers type it, run together or spaced, without marks.
    body = document.select_one("[data-pagefind-body]").get_text(" ")
    assert "261 KH TDTN XDD" in body and "261KHTDTNXDD" in body


def test_the_home_page_shows_the_newest_documents(register_site):
    block = register_site.page("").select_one(".bt-home-docs")
    assert [a.get_text() for a in block.select("li > a")] == [
        "Kế hoạch số 300-KH/TĐTN-XDĐ",
        "Công văn số 512-CV/TĐTN-VP",
        "Kế hoạch số 261-KH/TĐTN-XDĐ",
    ]
    assert block.select_one("h2 a")["href"] == "van-ban/"


def test_an_incremental_build_follows_an_edited_citation(tmp_path, monkeypatch):
    """An article edited to cite a document brings the document's page (its list of the
    articles that cite it) up to date: the incremental build equals a full one."""
    from bantin.model.text import slugify
    from bantin.tools.synthetic import write_project
    from bantin.tools.synthetic_documents import write_documents

    from tests.test_incremental import assert_same_as_a_full_build, bantin_build

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = tmp_path / "project"
    config = write_project(root, 12, seed=5)
    (number,) = write_documents(root / "content", 1, seed=5, cite=False)
    before = bantin_build(config)
    (page,) = [path for path in before if path.endswith(f"/{slugify(number)}/index.html")]
    assert b"bt-doc__mentions" not in before[page]
    article = sorted((root / "content" / "articles").rglob("*.md"))[1]
    article.write_text(article.read_text("utf-8") + f"\nTheo văn bản số {number}.\n", "utf-8")
    built = bantin_build(config)
    assert b"bt-doc__mentions" in built[page]
    assert_same_as_a_full_build(root, config, built)


editor_site = test_editor.editor_site
"""A tiny site whose build writes the web editor (tests/test_editor.py)."""


def test_the_web_editor_has_a_documents_collection(editor_site):
    from tests.test_editor import _config, _fields

    site = editor_site
    add_document(site, "good.md")
    site.build()
    documents = next(c for c in _config(site)["collections"] if c["name"] == "documents")
    assert documents["label"] == "Văn bản"
    assert documents["folder"] == "content/van-ban"
    assert documents["path"] == "{{fields.date | date('YYYY')}}/{{slug}}"
    # Uploads go to content/files/<year>/ and are written as the reader resolves them.
    assert documents["media_folder"] == "/content/files/{{dirname}}"
    assert documents["public_folder"] == "../../files/{{dirname}}"
    fields = _fields(documents)
    assert list(fields) == [
        "number", "kind", "date", "unit", "summary", "signer", "field", "files", "replaces",
        "body",
    ]  # fmt: skip
    assert {name for name, field in fields.items() if field["required"]} == {
        "number", "kind", "date", "unit", "summary",
    }  # fmt: skip
    assert all(field["label"] and field["hint"] for field in fields.values())
    assert [option["value"] for option in fields["kind"]["options"]][:3] == [
        "Kế hoạch", "Hướng dẫn", "Công văn",
    ]  # fmt: skip
    assert ".pdf" in fields["files"]["field"]["accept"]
    assert ".html" not in fields["files"]["field"]["accept"]
