"""The general rules behind `bantin import` on real portals, one case a line."""

from __future__ import annotations

import pytest
from bantin.tools.importer.dates import date_line, event_date
from bantin.tools.importer.decode import EncodingError, decode
from bantin.tools.importer.furniture import junk_reason, opens_tail
from bantin.tools.importer.markup import html_text, looks_like_html
from bantin.tools.importer.signature import author_name, looks_like_signature


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Được đăng: 07 Tháng 4 2021", "2021-04-07 None"),
        ("11/12/2023 02 : 48 PM 70", "2023-12-11 14:48:00"),
        ("Posted on 9/14/2023 10:30 PM GMT+7", "2023-09-14 22:30:00"),
        ("Thứ Tư, ngày 15 tháng 5 năm 2024 - 14:20", "2024-05-15 14:20:00"),
        ("03 03 2016", "2016-03-03 None"),
        ("Cập nhật lúc: 08:15 SA, Chủ Nhật, 21/01/2024", "2024-01-21 08:15:00"),
        ("Cập nhật: 27-02-2016 | 09:41:13", "2016-02-27 09:41:00"),
        ("25/01/2022 16:40 GMT+7", "2022-01-25 16:40:00"),
        ("12:30 CH 02/12/2023", "2023-12-02 12:30:00"),
        ("12:05 SA 02/12/2023", "2023-12-02 00:05:00"),
    ],
)
def test_date_lines_of_real_portals(line, expected):
    found = date_line(line).found
    assert f"{found.on()} {found.at}" == expected


@pytest.mark.parametrize(
    "line",
    ["Hội nghị ngày 02/12/2023 tại Hội trường", "Năm 2023 có 12/12 chỉ tiêu đạt", "2022 - 2027"],
)
def test_sentences_with_dates_are_not_date_lines(line):
    assert date_line(line) is None


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["Kỷ niệm 87 năm (26/3/1931-26/3/2018), sáng ngày 18/3/2018 tại"], "2018-03-18"),
        (["Hướng tới (15/5/1941 - 15/5/2023) và (19/5/1890 - 19/5/2023), các chi đội"], None),
        (["Thực hiện Kế hoạch số 09-KH/ĐTN, ngày 16/10/2023 của BTV;", "Chiều ngày 08/12/2023, tại"], "2023-12-08"),
        (["Theo Quyết định 1515 ngày 24/4/2019 của BTV Tỉnh ủy"], None),
        (["Tháng Thanh niên (26.3.1931 - 26.3.2024) diễn ra sôi nổi"], None),
    ],
)  # fmt: skip
def test_the_event_date_is_never_an_anniversary_or_a_document_date(paragraphs, expected):
    found = event_date(paragraphs)
    assert (found.on().isoformat() if found else None) == expected


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Tin, ảnh: Minh Khang", "Minh Khang"),
        ("Tác giả bài viết: Doãn Thị Ý", "Doãn Thị Ý"),
        ("CTV Yến Khanh - TH", "Yến Khanh"),
        ("THẾ HIỆP – HUYỆN ĐOÀN PHÙ MỸ", "Thế Hiệp"),
        ("Hoa Mận – Đoàn Khối các cơ quan tỉnh", "Hoa Mận"),
        ("Thúy Hằng – Hoàng Phi", "Thúy Hằng – Hoàng Phi"),
        ("BTV", "BTV"),
        ("Ban Xây dựng Đoàn", "Ban Xây dựng Đoàn"),
    ],
)
def test_signatures_give_the_author_an_editor_writes(line, author):
    assert looks_like_signature(line)
    assert author_name(line) == author


@pytest.mark.parametrize(
    "line",
    [
        "Bình luận (0)",
        "Chưa có bình luận nào. Hãy là người đầu tiên bình luận!",
        "Tổng số điểm của bài viết là: 0 trong 0 đánh giá",
        "Facebook Zalo In bài viết",
        "Theo dõi Báo Tiền Phong trên Google News",
        "IMG 4824",
        "Đang tải...",
        "(*) Không sao chép dưới mọi hình thức khi chưa có sự đồng ý bằng văn bản của Báo Hànộimới.",
        "Admin",
        "|",
    ],
)
def test_furniture_lines(line):
    assert junk_reason(line)


@pytest.mark.parametrize(
    "line",
    [
        "Chia sẻ kinh nghiệm tổ chức sinh hoạt chi đoàn",
        "Facebook của Đoàn trường có 5.000 lượt thích.",
    ],
)
def test_sentences_about_sharing_are_content(line):
    assert junk_reason(line) is None


def test_related_news_and_comments_headings_end_the_article():
    assert opens_tail("Tin cùng chuyên mục")
    assert opens_tail("Từ khóa:")
    assert not opens_tail("Tin liên quan đến Đại hội được đăng tải đầy đủ")


def test_mojibake_is_repaired_exactly_or_refused_with_its_line():
    text = "Hội thi Thủ lĩnh Đội giỏi\nThứ Sáu, 12/04/2024\nSáng 12/4, Tỉnh đoàn tổ chức hội thi.\n"
    # "Đ" is C4 90 in UTF-8, and Windows-1252 has no 0x90: that byte is lost on the way.
    twice = text.encode("utf-8").decode("cp1252", errors="replace").replace("\ufffd", "?")
    repaired = decode(text.encode("utf-8").decode("sloppy-windows-1252").encode("utf-8"))
    assert repaired.text == text and "mojibake" in repaired.fixes
    with pytest.raises(EncodingError, match=r"dòng 1: .*không khôi phục chính xác"):
        decode(twice.encode("utf-8"))


def test_pasted_html_keeps_the_words_and_nothing_executable():
    fragment = (
        "<h1>Tiêu đề &amp; tin</h1><script>alert(1)</script><p>Đoạn&nbsp;một.<br>Đoạn hai.</p>"
        "<figure><img src=x.jpg><figcaption>Chú thích</figcaption></figure><style>p{}</style>"
    )
    assert looks_like_html(fragment)
    assert html_text(fragment).split("\n") == [
        "Tiêu đề & tin",
        "Đoạn một.",
        "Đoạn hai.",
        "Chú thích",
    ]
    assert not looks_like_html("Giá 5 < 7 và 8 > 6, không phải HTML.")


def test_zero_width_characters_are_removed():
    decoded = decode("Tuổi\u200b trẻ\u200c Quận\ufeff 3".encode())
    assert decoded.text == "Tuổi trẻ Quận 3"
    assert "zero-width" in decoded.fixes
