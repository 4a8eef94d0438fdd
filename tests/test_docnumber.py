"""Document numbers as staff type them: every spelling of one number gives one key; dates,
phone numbers and names of documents without a number are never taken for one."""

import unicodedata

import pytest
from bantin.model import docnumber
from bantin.model.docnumber import NumberFinder

KEY = "261-KH/TDTN-XDD"

SAME_NUMBER = [
    "261-KH/TĐTN-XDĐ",
    "261- KH/TĐTN-XDĐ",  # the first sample article's spacing
    "261 -KH/TĐTN-XDĐ",
    "261 - KH / TĐTN - XDĐ",
    "261 KH/TĐTN-XDĐ",
    "261–KH/TĐTN–XDĐ",  # en dashes from a word processor
    "261—KH/TĐTN‑XDĐ",  # em dash, non-breaking hyphen
    "261-KH/TDTN-XDD",  # typed without marks
    "261-KH/TÐTN-XDÐ",  # Icelandic Ð from an old converted portal
    "0261-KH/TĐTN-XDĐ",
    "261/KH-TĐTN-XDĐ",  # the state's order
    "KH 261/TĐTN-XDĐ",  # the symbol first
    "KH số 261/TĐTN-XDĐ",
    "Số: 261-KH/TĐTN-XDĐ",
    "số 261-KH/TĐTN-XDĐ",
    unicodedata.normalize("NFD", "261-KH/TĐTN-XDĐ"),  # as some keyboards send it
    "261\u00a0-\u00a0KH/TĐTN-XDĐ",
]


@pytest.mark.parametrize("written", SAME_NUMBER)
def test_every_spelling_of_a_number_has_one_key(written):
    assert docnumber.key(written) == KEY


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("12-NQ/TWĐTN", "12-NQ/TWDTN"),
        ("05-CTr/TĐTN-TNNT", "5-CTR/TDTN-TNNT"),
        ("123/QĐ-UBND", "123-QD/UBND"),
        ("12/2020/NĐ-CP", "12/2020-ND/CP"),
        ("45-HD/TĐTN-XDĐ", "45-HD/TDTN-XDD"),
    ],
)
def test_other_kinds_and_the_states_numbers(written, key):
    assert docnumber.key(written) == key


@pytest.mark.parametrize(
    "written",
    ["261", "KH/TĐTN-XDĐ", "261-KH", "04/5/2022", "Kế hoạch", "261-KH/", "261-KH/xyz", ""],
)
def test_what_is_not_a_number(written):
    assert docnumber.key(written) is None


FINDER = NumberFinder(
    ["KH", "HD", "CV", "TB", "QĐ", "NQ", "BC", "CTr", "CT"],
    {"Kế hoạch": "KH", "Hướng dẫn": "HD", "Công văn": "CV", "Nghị quyết": "NQ"},
)


def found(text):
    return [(each.text, each.key) for each in FINDER.find(text)]


def test_the_first_sample_articles_citation_with_its_kind_and_so():
    text = (
        "tại Huyện đoàn Yên Khánh theo Kế hoạch số 261- KH/TĐTN-XDĐ, ngày 04/5/2022 "
        "của Ban Thường vụ Tỉnh đoàn"
    )
    assert found(text) == [("Kế hoạch số 261- KH/TĐTN-XDĐ", KEY)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("theo KH 261/TĐTN-XDĐ ngày", [("KH 261/TĐTN-XDĐ", KEY)]),
        ("theo kế hoạch số 261-KH/TĐTN-XDĐ.", [("kế hoạch số 261-KH/TĐTN-XDĐ", KEY)]),
        ("KẾ HOẠCH SỐ 261-KH/TĐTN-XDĐ", [("KẾ HOẠCH SỐ 261-KH/TĐTN-XDĐ", KEY)]),
        ("(261-KH/TĐTN-XDĐ)", [("261-KH/TĐTN-XDĐ", KEY)]),
        # The kind from its name when the symbol is left out.
        ("Kế hoạch số 261/TĐTN-XDĐ", [("Kế hoạch số 261/TĐTN-XDĐ", KEY)]),
        ("Công văn số 512/TĐTN-VP", [("Công văn số 512/TĐTN-VP", "512-CV/TDTN-VP")]),
        (
            "Nghị quyết số 03-NQ/TĐTN-BTC và Hướng dẫn 45-HD/TĐTN-XDĐ",
            [
                ("Nghị quyết số 03-NQ/TĐTN-BTC", "3-NQ/TDTN-BTC"),
                ("Hướng dẫn 45-HD/TĐTN-XDĐ", "45-HD/TDTN-XDD"),
            ],
        ),
        # The issuer's codes end where a word in lower case begins.
        ("261-KH/TĐTN-XDĐ - Ban Thường vụ", [("261-KH/TĐTN-XDĐ", KEY)]),
    ],
)
def test_citations_in_prose(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Sáng 04/6/2022, Ban Thường vụ Tỉnh đoàn",
        "ngày 04/5/2022 của Ban Thường vụ",
        "điện thoại 0200 000 0000 hoặc 0912-345-678",
        "Nghị quyết Đại hội Đoàn toàn quốc lần thứ XII",
        "Quyết định 1516 ngày 24/4/2019 của BTV Tỉnh ủy",
        "nhiệm kỳ 2022-2027",
        "COVID-19/2021",
        "Kế hoạch số 261",
        "261-XY/TĐTN-XDĐ",  # XY is not a kind of this register
        "mã 12-kh/tdtn",  # issuer codes in lower case: not a citation
        "Tổ 3-KV/ABC",
    ],
)
def test_what_is_never_a_citation(text):
    assert found(text) == []


def test_positions_cover_the_whole_citation():
    text = "Theo KH 261/TĐTN-XDĐ, các đơn vị"
    (each,) = FINDER.find(text)
    assert text[each.start : each.end] == "KH 261/TĐTN-XDĐ"
