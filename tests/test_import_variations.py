"""Each variation of the legacy genre, one small fixture each, read through `bantin import`."""

from __future__ import annotations

import pytest
from bantin.tools.importer.dates import date_line, lead_date
from bantin.tools.importer.decode import EncodingError, decode

from tests.importing import SEEDS, VARIATIONS, dry_run, sample_site

SAME_ARTICLE = dict(
    title="Huyện đoàn Yên Khánh ra quân chiến dịch thanh niên tình nguyện hè năm 2022",
    date="2022-06-06",
    unit="Huyện đoàn Yên Khánh",
    author="Ban Tuyên giáo",
)


@pytest.fixture
def site(tmp_path, monkeypatch):
    sample_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("name", "encoding", "normalised"),
    [
        ("utf8-bom.txt", "utf-8", ["BOM"]),
        ("crlf.txt", "utf-8", ["CRLF"]),
        ("nfd.txt", "utf-8", ["NFD"]),
        ("windows-1258.txt", "windows-1258", []),
        ("tcvn3.txt", "tcvn3", []),
    ],
)
def test_every_encoding_gives_the_same_article(site, capsys, name, encoding, normalised):
    (record,) = dry_run(capsys, VARIATIONS / name)
    assert record["encoding"] == encoding
    assert record["normalised"] == normalised
    assert {field: record["fields"][field] for field in SAME_ARTICLE} == SAME_ARTICLE


def test_undecidable_encoding_is_a_clear_message_not_a_guess(site, capsys):
    (record,) = dry_run(capsys, VARIATIONS / "undecidable.txt")
    assert record["status"] == "error"
    assert "không xác định được mã hoá" in record["error"]
    assert "--encoding" in record["error"]
    with pytest.raises(EncodingError):
        decode((VARIATIONS / "undecidable.txt").read_bytes())


def test_an_encoding_can_be_named(site, capsys):
    (record,) = dry_run(capsys, VARIATIONS / "tcvn3.txt", extra=("--encoding", "tcvn3"))
    assert record["fields"]["title"] == SAME_ARTICLE["title"]


def test_portal_junk_is_dropped_and_listed(site, capsys):
    (record,) = dry_run(capsys, VARIATIONS / "portal-junk.txt")
    assert [(d["line"], d["text"]) for d in record["dropped"]] == [
        (1, "PublishingPortal - Block_BanTin_Toolbar"),
        (4, "Tăng cỡ chữ Giảm cỡ chữ"),
        (8, "PublishingPortal - Block_BanTin_ViewData"),
        (14, "Lượt xem: 1.234"),
        (20, "Liên kết website"),
    ]
    assert record["fields"]["title"] == "Tỉnh đoàn Ninh Bình tổ chức hội nghị tổng kết năm 2022"
    assert record["fields"]["date"] == "2023-01-12"
    assert record["fields"]["captions"] == ["Bí thư Tỉnh đoàn chủ trì Hội nghị"]
    assert record["fields"]["author"] == "Ngọc Tú"


def test_category_label_glued_to_the_lead(site, capsys):
    (record,) = dry_run(capsys, VARIATIONS / "category-label.txt")
    assert record["fields"]["category"] == "Xây dựng Đoàn"
    assert record["confidence"]["category"]["source"] == "nhãn chuyên mục"
    assert record["fields"]["date"] == "2023-12-02T20:34"
    assert record["dropped"] == [{"line": 3, "text": "1991", "reason": "bộ đếm lượt xem"}]
    assert record["review"] == []


def test_date_in_words(site, capsys):
    (record,) = dry_run(capsys, VARIATIONS / "date-in-words.txt")
    assert record["fields"]["date"] == "2021-03-05"
    assert "date" not in record["review"]


def test_date_only_in_the_lead_is_used_and_flagged(site, capsys):
    (record,) = dry_run(capsys, VARIATIONS / "date-only-in-lead.txt")
    assert record["fields"]["date"] == "2024-10-16"
    assert {"title", "date"} <= set(record["review"])
    assert record["fields"]["author"] == "Anh Duy"
    assert record["fields"]["captions"] == ["Quang cảnh hội nghị"]


def test_default_unit_and_category_from_the_command_line(site, capsys):
    (record,) = dry_run(
        capsys,
        VARIATIONS / "date-in-words.txt",
        extra=("--unit", "Tỉnh đoàn Ninh Bình", "--category", "XDĐ"),
    )
    assert record["fields"]["category"] == "Xây dựng Đoàn"
    assert record["fields"]["unit"] == "Tỉnh đoàn Ninh Bình"
    assert record["review"] == []


def test_unknown_default_unit_names_the_nearest(site, capsys):
    from bantin.tools.cli import main as bantin

    code = bantin(
        ["import", str(VARIATIONS / "crlf.txt"), "--out", "x", "--unit", "Tinh doan Ninh Binh x"]
    )
    assert code == 2
    assert "Tỉnh đoàn Ninh Bình" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Thứ Bảy, 04/06/2022", "2022-06-04"),
        ("12/01/2023", "2023-01-12"),
        ("20:34 02/12/2023     1991", "2023-12-02 20:34"),
        ("ngày 5 tháng 3 năm 2021", "2021-03-05"),
        ("Cập nhật lúc 08:30, 04/06/2022 (GMT+7)", "2022-06-04 08:30"),
        ("Sáng 04/6/2022, Ban Thường vụ Tỉnh đoàn đã tiến hành kiểm tra", None),
        ("Thứ Hai, 31/02/2022", None),
    ],
)
def test_date_lines(line, expected):
    found = date_line(line)
    if expected is None:
        assert found is None
    else:
        shown = found.found.on().isoformat() + (
            f" {found.found.at:%H:%M}" if found.found.at else ""
        )
        assert shown == expected


def test_lead_dates():
    assert (
        lead_date("Từ ngày 12 đến ngày 20/6/2019, Ban Thường vụ").on().isoformat() == "2019-06-20"
    )
    assert lead_date("Sáng 12/1, Tỉnh đoàn tổ chức") is None
    assert lead_date("Sáng 12/1, Tỉnh đoàn tổ chức", 2023).on().isoformat() == "2023-01-12"


def test_a_file_of_only_junk_is_reported_not_written(site, capsys, tmp_path):
    junk = tmp_path / "rac.txt"
    junk.write_text("Tăng cỡ chữ Giảm cỡ chữ\n\n1991\n\u00a0\n", encoding="utf-8")
    (record,) = dry_run(capsys, junk)
    assert record["status"] == "error"
    assert record["error"] == "tệp không có nội dung bài viết (2 dòng rác đã bỏ)"


def test_a_big_batch_reports_progress_on_stderr(site, capsys, tmp_path):
    from bantin.tools.cli import main as bantin

    batch = tmp_path / "cu"
    batch.mkdir()
    text = (VARIATIONS / "date-in-words.txt").read_text(encoding="utf-8")
    for index in range(60):
        (batch / f"bai-{index:02d}.txt").write_text(
            text.replace("2020", str(1960 + index)), encoding="utf-8"
        )
    assert bantin(["import", str(batch), "--out", "content/articles", "--dry-run"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "Nhập bài: 6/60 (10%)"
    assert err[9] == "Nhập bài: 60/60 (100%)"
    assert err[10] == "Sẽ nhập 60 bài (60 bài cần xem lại), bỏ qua 0 tệp đã có, 0 tệp lỗi."
    assert err[11].startswith("Bài có dòng review: [...] cần người biên tập xem lại")


def test_on_a_terminal_the_bar_is_redrawn_in_place():
    import io

    from bantin.tools.progress import Progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    screen = Terminal()
    progress = Progress(2, "Nhập bài", screen)
    progress.step("a.txt")
    progress.step("b.txt")
    frames = screen.getvalue().split("\r")[1:]
    assert frames[0].startswith("Nhập bài [" + "█" * 15 + "·" * 15 + "] 1/2 a.txt")
    assert frames[1].startswith("Nhập bài [" + "█" * 30 + "] 2/2 b.txt")
    assert frames[1].endswith("\n")


def test_numbered_and_capital_headings_stay_text_and_a_capital_title_is_flagged(site, capsys):
    (record,) = dry_run(capsys, VARIATIONS / "headings-and-caps-title.txt")
    assert record["fields"]["title"] == "TỈNH ĐOÀN NINH BÌNH TỔNG KẾT CÔNG TÁC ĐOÀN NĂM 2023"
    assert "title" in record["review"]
    assert record["fields"]["date"] == "2023-12-28"
    assert record["fields"]["captions"] == ["Quang cảnh hội nghị"]
    assert record["fields"]["author"] == "Văn phòng"


def test_a_missing_file_is_named_and_the_rest_imported(site, capsys):
    from bantin.tools.cli import main as bantin

    code = bantin(
        ["import", "khong-co.txt", str(VARIATIONS / "crlf.txt"), "--out", "content/articles"]
    )
    assert code == 1
    out = capsys.readouterr()
    assert "khong-co.txt: lỗi: không tìm thấy tệp" in out.out
    assert "Đã nhập 1 bài" in out.err
    assert len(list((site / "content" / "articles").rglob("*.md"))) == 1


@pytest.mark.parametrize("encoding", ["windows-1258", "tcvn3"])
@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda path: path.name[:3])
def test_real_articles_in_legacy_encodings_are_recognised(site, capsys, tmp_path, seed, encoding):
    from tests.importing import legacy_bytes

    legacy = tmp_path / seed.name
    legacy.write_bytes(legacy_bytes(seed.read_text(encoding="utf-8"), encoding))
    (record,) = dry_run(capsys, legacy)
    assert record["encoding"] == encoding
    if encoding == "windows-1258":
        (original,) = dry_run(capsys, seed)
        assert record["fields"] == original["fields"]


@pytest.mark.parametrize(
    ("mojibake", "text"),
    [
        ("ViÖt Nam", "Việt Nam"),
        ("§oµn TNCS Hå ChÝ Minh", "Đoàn TNCS Hồ Chí Minh"),
        ("Tr\u00adêng §¹i häc", "Trường Đại học"),
        ("thanh niªn t×nh nguyÖn", "thanh niên tình nguyện"),
    ],
)
def test_tcvn3_table_matches_the_text_old_fonts_show(mojibake, text):
    """TCVN3 bytes read as Latin-1 give the garble every Vietnamese reader knows; decoded, the text."""
    from bantin.tools.importer.tcvn3 import decode_tcvn3

    assert decode_tcvn3(mojibake.encode("latin-1")) == text


def test_default_unit_may_be_typed_without_marks(site, capsys):
    (record,) = dry_run(
        capsys,
        VARIATIONS / "date-in-words.txt",
        extra=("--unit", "ninh binh", "--category", "xay dung doan"),
    )
    assert (record["fields"]["unit"], record["fields"]["category"]) == (
        "Tỉnh đoàn Ninh Bình",
        "Xây dựng Đoàn",
    )


def test_breadcrumb_category_line_time_before_date_and_share_buttons(site, capsys):
    (record,) = dry_run(capsys, VARIATIONS / "breadcrumb-and-buttons.txt")
    assert [d["text"] for d in record["dropped"]] == [
        "Trang chủ",
        "Lượt xem: 532",
        "Chia sẻ",
        "Bình luận",
    ]
    assert record["fields"] | {"captions": None} == {
        "title": "Thành đoàn Móng Cái ra quân Tháng Thanh niên năm 2024",
        "date": "2024-03-05T09:15",
        "unit": "Thành đoàn Móng Cái",
        "category": "Tin tức - Sự kiện",
        "author": "Thu Hà",  # the credit label is not part of the name
        "captions": None,
    }
    assert record["fields"]["captions"] == [
        "Các đại biểu thực hiện nghi thức ra quân (Ảnh: Thu Hà)"
    ]
    assert record["review"] == []
