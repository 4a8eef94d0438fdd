"""The five real seeds, imported as a careful editor would, then built and read as a reader would."""

from __future__ import annotations

import pytest
from bantin.tools.cli import main as bantin
from bs4 import BeautifulSoup

from tests.conftest import build
from tests.importing import SEEDS, dry_run, sample_site

# What a careful editor extracts (the lead's hand-edited articles in content/articles/).
# `review` lists the fields the tool must flag instead of trusting its guess.
EDITOR = {
    "000_179674a7ca9243f3.txt": dict(
        title="Tỉnh đoàn Ninh Bình kiểm tra Huyện đoàn Yên Khánh công tác Đoàn và phong trào thanh thiếu nhi 6 tháng đầu năm 2022",
        date="2022-06-04", unit="Huyện đoàn Yên Khánh", category="Xây dựng Đoàn",
        author="Ban Xây dựng Đoàn", captions=["Quang cảnh hội nghị"], dropped=[17],
    ),
    "001_7a9b9b154704e8ae.txt": dict(
        title="Kiểm tra công tác Đoàn và phong trào thanh niên 6 tháng đầu, giao ban cụm thi đua năm 2019",
        date="2019-06-20", unit="Tỉnh đoàn Quảng Ninh", category="Xây dựng Đoàn",
        author="BTV", captions=[], dropped=[], review={"date", "unit"},
    ),
    "002_7655dac3e10b0773.txt": dict(
        title="Tổng kết công tác hỗ trợ nâng cao chất lượng hoạt động công tác đoàn và phong trào thanh thiếu nhi năm 2022",
        date="2023-01-12", unit="Tỉnh đoàn Bắc Kạn", category="Xây dựng Đoàn", author="Ngọc Tú",
        captions=["Bí thư Tỉnh đoàn Triệu Tiến Trình chủ trì Hội nghị", "Đại biểu nêu ý kiến thảo luận tại Hội nghị"],
        dropped=[1, 4, 8], review={"unit", "category"},
    ),
    "003_a2f2d6164fe9a795.txt": dict(
        title="TƯ Đoàn kiểm tra phong trào thanh thiếu nhi tỉnh Hậu Giang năm 2023",
        date="2023-12-02T20:34", unit="Tỉnh đoàn Hậu Giang", category="Xây dựng Đoàn",
        author="Huỳnh Khen", captions=[], dropped=[3],
    ),
    "004_2bffec3f81fab9ec.txt": dict(
        title="Đoàn khối các cơ quan và doanh nghiệp tỉnh Trà Vinh kiểm tra công tác Đoàn và phong trào thanh thiếu nhi năm 2024",
        date="2024-10-16", unit="Đoàn khối các cơ quan và doanh nghiệp tỉnh Trà Vinh",
        category="Xây dựng Đoàn", author="Anh Duy",
        captions=[
            "Đồng chí Nguyễn Trọng Nhân – UVTV Tỉnh đoàn, Bí thư Đoàn khối phát biểu tại Hội nghị",
            "Chủ trì Hội nghị",
            "Đồng chí Trần Nguyễn Phương Uyên – Phó Bí thư Chi đoàn Sở Nông nghiệp và Phát triển nông thôn phát biểu tại hội nghị",
            "Đồng chí Nguyễn Văn Truyền – Bí thư Chi đoàn Đài phát thanh và truyền hình Trà Vinh trình bày một số khó khăn tại Hội nghị",
            "Quang cảnh Hội nghị",
        ],
        dropped=[], review={"title", "unit"},
    ),
}  # fmt: skip
FIELDS = ("title", "date", "unit", "category", "author")


@pytest.fixture
def site(tmp_path, monkeypatch):
    sample_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("name", sorted(EDITOR))
def test_seed_fields_are_right_or_flagged_for_review(site, capsys, name):
    expected = EDITOR[name]
    (record,) = dry_run(capsys, SEEDS / name)
    for field in FIELDS:
        if field in expected.get("review", ()):
            assert field in record["review"], field
        else:
            assert record["fields"][field] == expected[field], field
    assert record["fields"]["captions"] == expected["captions"]
    assert [d["line"] for d in record["dropped"]] == expected["dropped"]
    assert not (site / "content" / "articles").exists()


def test_seed_004_without_a_title_is_flagged_and_kept_as_a_stand_in(site, capsys):
    (record,) = dry_run(capsys, SEEDS / "004_2bffec3f81fab9ec.txt")
    assert record["review"][0] == "title"
    assert record["fields"]["title"].startswith("Ban Thường vụ Đoàn khối tổ chức Hội nghị kiểm tra")
    assert record["confidence"]["unit"]["level"] != "cao"


def test_seeds_import_build_and_read_like_the_originals(site, capsys):
    assert bantin(["import", str(SEEDS), "--out", "content/articles"]) == 0
    report = capsys.readouterr()
    assert "Đã nhập 5 bài" in report.err
    written = sorted((site / "content" / "articles").rglob("*.md"))
    assert len(written) == 5
    assert bantin(["check"]) == 0
    build(site / "mkdocs.yml", strict=True)
    pages = {
        page.select_one("h1").get_text(" ", strip=True): page
        for page in (
            BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            for path in (site / "site").glob("20*/*/*/index.html")
        )
    }
    for name, expected in EDITOR.items():
        title = expected["title"] if "title" not in expected.get("review", ()) else None
        page = (
            pages[title]
            if title
            else next(p for t, p in pages.items() if t.startswith("Ban Thường vụ Đoàn khối"))
        )
        body = " ".join(page.select_one(".bt-article__body").get_text(" ").split())
        assert [c.get_text(" ", strip=True) for c in page.select(".bt-caption")] == expected[
            "captions"
        ]
        assert page.select_one(".bt-author").get_text(strip=True) == expected["author"]
        for junk in ("PublishingPortal", "Tăng cỡ chữ", "Liên kết website", "1991"):
            assert junk not in body
        for line in (SEEDS / name).read_text(encoding="utf-8").splitlines():
            line = " ".join(line.replace("\u00a0", " ").split())
            if len(line) > 40 and line != expected["title"]:
                assert line.removeprefix("Xây dựng Đoàn ") in body, (name, line[:60])


def test_import_never_overwrites(site, capsys):
    seed = SEEDS / "003_a2f2d6164fe9a795.txt"
    assert bantin(["import", str(seed), "--out", "content/articles"]) == 0
    (target,) = (site / "content" / "articles").rglob("*.md")
    target.write_text(
        target.read_text(encoding="utf-8") + "\nSửa tay của biên tập viên.\n", encoding="utf-8"
    )
    edited = target.read_text(encoding="utf-8")
    capsys.readouterr()
    assert bantin(["import", str(seed), "--out", "content/articles"]) == 1
    out = capsys.readouterr()
    assert "không ghi đè" in out.out
    assert "bỏ qua 1 tệp đã có" in out.err
    assert target.read_text(encoding="utf-8") == edited


def test_report_says_where_every_line_went(site, capsys):
    seed = SEEDS / "003_a2f2d6164fe9a795.txt"
    (record,) = dry_run(capsys, seed)
    lines = seed.read_text(encoding="utf-8").split("\n")
    with_text = [str(n) for n, line in enumerate(lines, 1) if line.replace("\u00a0", " ").strip()]
    assert sorted(record["lines"], key=int) == with_text
    assert record["blank_lines"] == len(lines) - len(with_text)
    assert record["lines"]["1"] == "title"
    assert record["lines"]["3"] == "date"
    assert record["lines"]["5"] == "body"  # the label went to category, the lead stayed
    assert record["lines"]["31"] == "author"
