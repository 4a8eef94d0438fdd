"""`bantin check` for staff: a hint under each problem, hygiene warnings that never fail the run,
GitHub annotations, and help in Vietnamese."""

from __future__ import annotations

import pytest
from bantin.tools.cli import main as bantin

GOOD = "---\ntitle: Bài mẫu\ndate: 2022-06-04\nunit: TĐ Ninh Bình\ncategory: XDĐ\n---\n\n"


@pytest.fixture
def site(tiny_site, monkeypatch):
    monkeypatch.chdir(tiny_site.root)
    return tiny_site


def test_date_in_vietnamese_form_gets_the_contract_form_as_hint(site, capsys):
    site.article("a.md", GOOD.replace("2022-06-04", "04/06/2022") + "Nội dung.\n")
    assert bantin(["check"]) == 1
    assert capsys.readouterr().out.splitlines()[1] == "    gợi ý: viết: date: 2022-06-04"


def test_missing_field_hint_shows_a_line_to_add(site, capsys):
    site.article("a.md", GOOD.replace("category: XDĐ\n", "") + "Nội dung.\n")
    assert bantin(["check"]) == 1
    assert capsys.readouterr().out.splitlines()[1].startswith("    gợi ý: thêm dòng: category:")


def test_legacy_encoding_hint_points_to_import(site, capsys):
    site.article("a.md", GOOD.encode("utf-8") + "Đoàn".encode("cp1258"))
    assert bantin(["check"]) == 1
    assert "bantin import" in capsys.readouterr().out


def test_hygiene_warnings_print_but_do_not_fail(site, capsys):
    site.fixture("hygiene/nfd-double-space-quotes.md", "a.md")
    assert bantin(["check"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split(": cảnh báo: ")[0] for line in out] == [
        "content/articles/a.md:2: văn bản",
        "content/articles/a.md:8: văn bản",
        "content/articles/a.md:10: văn bản",
    ]
    assert "NFD" in out[0] and "hai dấu cách" in out[1] and "nháy thẳng" in out[2]


def test_errors_still_fail_with_warnings_alongside(site, capsys):
    site.fixture("hygiene/nfd-double-space-quotes.md", "a.md")
    site.fixture("bad/bad-date.md")
    assert bantin(["check", "--format", "github"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(
        "::error file=content/articles/bad-date.md,line=3,title=Bản Tin::date:"
    )
    assert "(gợi ý: ví dụ: date: 2024-10-16" in out[0]
    assert sum(line.startswith("::warning file=content/articles/a.md,") for line in out) == 3


def test_clean_article_has_no_warning(site, capsys):
    site.article("a.md", GOOD + 'Đoàn viên “xung kích” tham gia.\n\n<a href="https://x.vn">x</a>\n')
    assert bantin(["check"]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("command", ["check", "import", "new"])
def test_help_is_vietnamese_with_examples(capsys, command):
    with pytest.raises(SystemExit) as stop:
        bantin([command, "--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Cách dùng: bantin {command}")
    assert "Ví dụ:" in out and "tuỳ chọn:" in out
    assert "usage" not in out and "show this help" not in out


def test_mistakes_in_arguments_are_explained_in_vietnamese(capsys):
    with pytest.raises(SystemExit):
        bantin(["import"])
    assert "lỗi: thiếu tham số bắt buộc" in capsys.readouterr().err


def test_fields_left_for_review_are_a_warning(site, capsys):
    site.article(
        "a.md", GOOD.replace("---\n\n", "review: [unit, category]\n---\n\n") + "Nội dung.\n"
    )
    assert bantin(["check"]) == 0
    assert capsys.readouterr().out == (
        "content/articles/a.md:6: review: cảnh báo: cần người biên tập xem lại: unit, category; "
        "sửa xong hãy xoá dòng review\n"
    )
