"""Whole archives and saved pages: distinct addresses, articles already there, one bad file among
many, the summary table, and a saved page's photo built like any other."""

from __future__ import annotations

import json
import shutil

import pytest
from bantin.tools.cli import main as bantin
from bs4 import BeautifulSoup

from tests.conftest import build
from tests.importing import sample_site
from tests.importscore import REAL

ARTICLE = """{title}
Thứ Hai, {day:02d}/06/2024
Sáng {day}/6, {unit} tổ chức hội nghị sơ kết công tác Đoàn và phong trào thanh thiếu nhi 6 tháng đầu năm 2024 với đông đủ cán bộ chủ chốt.
Hội nghị đánh giá kết quả đạt được và đề ra nhiệm vụ trọng tâm cho 6 tháng cuối năm.
Ngọc Tú
"""
TITLE = "Hội nghị sơ kết công tác Đoàn 6 tháng đầu năm 2024"


@pytest.fixture
def site(tmp_path, monkeypatch):
    sample_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _archive(folder, count):
    folder.mkdir()
    for index in range(count):
        text = ARTICLE.format(title=TITLE, day=1 + index % 28, unit="Tỉnh đoàn Bắc Kạn")
        (folder / f"bai-{index:03d}.txt").write_text(text, encoding="utf-8")


def test_an_archive_with_repeated_titles_gets_distinct_addresses_that_say_why(site, capsys):
    _archive(site / "cu", 3)
    (site / "cu" / "hong.txt").write_bytes((REAL / "dev" / "adv-mojibake-lossy.txt").read_bytes())
    (site / "cu" / "rong.txt").write_text("\n\nChia sẻ\n", encoding="utf-8")
    assert bantin(["import", "cu", "--out", "content/articles", "--json"]) == 1
    records = {r["input"].split("/")[-1]: r for r in json.loads(capsys.readouterr().out)}
    written = sorted(p.name for p in (site / "content" / "articles" / "2024").glob("*.md"))
    assert written == [
        "hoi-nghi-so-ket-cong-tac-doan-6-thang-dau-nam-2024-ngay-02.md",
        "hoi-nghi-so-ket-cong-tac-doan-6-thang-dau-nam-2024-ngay-03.md",
        "hoi-nghi-so-ket-cong-tac-doan-6-thang-dau-nam-2024.md",
    ]
    assert records["bai-001.txt"]["address"].endswith("thêm ngày vào địa chỉ")
    second = site / "content" / "articles" / "2024" / written[0]
    assert "\nslug: hoi-nghi-so-ket-cong-tac-doan-6-thang-dau-nam-2024-ngay-02\n" in (
        second.read_text(encoding="utf-8")
    )
    assert records["bai-000.txt"]["address"] is None
    # The bad files are named with their reason; the rest of the archive went in.
    assert records["hong.txt"]["status"] == "error"
    assert "không khôi phục chính xác" in records["hong.txt"]["error"]
    assert records["rong.txt"]["error"].startswith("tệp không có nội dung bài viết")
    assert bantin(["check"]) == 0


def test_articles_already_on_the_site_are_reported_and_left_alone(site, capsys):
    _archive(site / "cu", 2)
    assert bantin(["import", "cu", "--out", "content/articles"]) == 0
    first = sorted((site / "content" / "articles").rglob("*.md"))
    edited = first[0].read_text(encoding="utf-8") + "\nSửa tay.\n"
    first[0].write_text(edited, encoding="utf-8")
    capsys.readouterr()
    assert bantin(["import", "cu", "--out", "content/articles"]) == 1
    out = capsys.readouterr()
    assert out.out.count("bài đã có trên trang") == 4  # two detailed lines, two table rows
    assert "bỏ qua 2 tệp đã có" in out.err
    assert sorted((site / "content" / "articles").rglob("*.md")) == first
    assert first[0].read_text(encoding="utf-8") == edited


def test_the_summary_table_has_one_row_a_file(site, capsys):
    _archive(site / "cu", 3)
    assert bantin(["import", "cu", "--out", "content/articles", "--dry-run"]) == 0
    out = capsys.readouterr().out.splitlines()
    table = out[out.index(next(line for line in out if line.startswith("Tệp "))) :]
    assert table[0].split() == ["Tệp", "Kết", "quả", "Bài", "viết", "Cần", "xem", "lại"]
    assert [row.split()[0] for row in table[2:]] == ["bai-000.txt", "bai-001.txt", "bai-002.txt"]
    assert all("sẽ nhập" in row for row in table[2:])


def test_a_saved_page_brings_its_photo_into_content_images_and_builds(site, capsys):
    saved = REAL / "saved"
    shutil.copy(saved / "newspaper-baubang.html", site / "newspaper-baubang.html")
    shutil.copytree(saved / "newspaper-baubang_files", site / "newspaper-baubang_files")
    assert (
        bantin(
            ["import", ".", "--out", "content/articles", "--json", "--unit", "Tỉnh đoàn Bắc Kạn"]
        )
        == 0
    )
    (record,) = json.loads(capsys.readouterr().out)
    assert record["source"].startswith("https://baobinhduong.vn/")
    (image,) = (site / "content" / "images" / "2015").rglob("*.jpg")
    assert image.parent.name == "bau-bang-gan-300-doan-vien-tham-gia-ngay-hoi-thanh-nien"
    build(site / "mkdocs.yml", strict=True)
    (page,) = (site / "site").glob("2015/*/*/index.html")
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    body = soup.select_one(".bt-article__body")
    assert body.select_one("picture img") is not None  # re-encoded by the images plugin
    assert [c.get_text(strip=True) for c in body.select("figure figcaption")] == [
        "Đoàn viên tham gia trò chơi dân gian tại ngày hội"
    ]
    assert soup.select_one(".bt-author").get_text(strip=True) == "Hữu Hoàng"
    text = body.get_text(" ")
    for furniture in ("Tin liên quan", "LƯU Ý", "Bản quyền", "Tin mới nhất", "Chia sẻ"):
        assert furniture not in text


def test_the_import_benchmark_imports_an_archive_and_reports_its_time():
    from bantin.tools.importer.bench import measure

    figures = measure(60)
    # 60 files: the 44 of the development set, then 16 later copies with their titles varied.
    # The lossy mojibake file is refused; the same article in three encodings (BOM and mixed line
    # ends, repaired mojibake, UTF-16) is imported once and its two repeats are reported.
    assert figures["files"] == 60
    assert figures["written"] == 57
    assert figures["wall"] > 0 and figures["cpu"] > 0
    assert figures["summary"][0] == (
        "Đã nhập 57 bài (56 bài cần xem lại), bỏ qua 2 tệp đã có, 1 tệp lỗi."
    )
