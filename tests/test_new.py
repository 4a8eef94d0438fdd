"""`bantin new`: fuzzy choices from the registries, today's date, a slug-named file, no overwrite."""

from __future__ import annotations

import io

import pytest
from bantin.model.dates import today
from bantin.tools.cli import main as bantin
from bantin.tools.new import create

from tests.importing import sample_site


@pytest.fixture
def site(tmp_path, monkeypatch):
    sample_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def read(path):
    return path.read_text(encoding="utf-8")


def test_flags_without_marks_pick_the_unit_and_category(site, capsys):
    code = bantin(
        ["new", "--no-input", "--title", "Ra quân Chiến dịch hè 2025", "--unit", "ninh binh",
         "--category", "tinh nguyen", "--author", "Ngọc Tú"]
    )  # fmt: skip
    assert code == 0
    path = site / capsys.readouterr().out.strip()
    assert (
        path == site / "content" / "articles" / str(today().year) / "ra-quan-chien-dich-he-2025.md"
    )
    assert read(path).startswith(
        "---\ntitle: Ra quân Chiến dịch hè 2025\n"
        f"date: {today().isoformat()}\n"
        "unit: Tỉnh đoàn Ninh Bình\ncategory: Tình nguyện\nauthor: Ngọc Tú\n---\n"
    )
    assert bantin(["check"]) == 0


def test_dissolved_units_are_not_offered_for_new_articles(site, capsys):
    assert (
        bantin(
            ["new", "--no-input", "--title", "Tin mới", "--unit", "yen khanh", "--category", "XDĐ"]
        )
        == 0
    )
    path = site / capsys.readouterr().out.strip()
    assert "unit: Đoàn xã Yên Khánh\n" in read(path)


def test_an_ended_unit_typed_in_full_goes_to_its_successor_and_says_why(site, capsys):
    code = bantin(
        ["new", "--no-input", "--title", "Tin mới", "--unit", "Huyện đoàn Yên Khánh",
         "--category", "XDĐ", "--date", "2025-12-04"]
    )  # fmt: skip
    assert code == 0
    captured = capsys.readouterr()
    assert "unit: Đoàn xã Yên Khánh\n" in read(site / captured.out.strip())
    assert captured.err.splitlines()[0] == (
        "Đơn vị: 'Huyện đoàn Yên Khánh' đã kết thúc ngày 30/06/2025, nên bài ngày 04/12/2025 "
        "ghi đơn vị kế tục 'Đoàn xã Yên Khánh' (theo units.yml)"
    )
    assert bantin(["check"]) == 0


def test_ambiguous_unit_lists_the_choices(site, capsys):
    assert (
        bantin(["new", "--no-input", "--title", "Tin", "--unit", "quang ninh", "--category", "XDĐ"])
        == 1
    )
    err = capsys.readouterr().err
    assert "Tỉnh đoàn Quảng Ninh" in err and "Đoàn Than Quảng Ninh" in err
    assert not (site / "content" / "articles").exists()


def test_never_overwrites(site, capsys):
    args = [
        "new",
        "--no-input",
        "--title",
        "Một tin",
        "--unit",
        "TĐ Ninh Bình",
        "--category",
        "XDĐ",
    ]
    assert bantin(args) == 0
    path = site / capsys.readouterr().out.strip()
    path.write_text(read(path) + "Nội dung đã viết.\n", encoding="utf-8")
    before = read(path)
    assert bantin(args) == 1
    assert "không ghi đè" in capsys.readouterr().err
    assert read(path) == before


def test_asks_when_a_terminal_is_there(site, monkeypatch):
    class Terminal(io.StringIO):
        buffer = io.BytesIO()

        def isatty(self):
            return True

    monkeypatch.setattr("sys.stdin", Terminal())
    answers = iter(["Hội nghị tổng kết năm", "quang ninh", "2", "Xây dựng Đoàn", "BTV"])
    parser_args = type(
        "Args", (), dict(config="mkdocs.yml", title=None, unit=None, category=None, author=None,
                         tags=None, date="2024-12-20", draft=False, no_input=False)
    )()  # fmt: skip
    path = create(parser_args, read=lambda prompt: next(answers))
    text = read(path)
    assert "title: Hội nghị tổng kết năm\n" in text
    assert "date: 2024-12-20\n" in text
    assert "category: Xây dựng Đoàn\n" in text
    assert "author: BTV\n" in text
    assert path.parent.name == "2024"
    unit = text.split("unit: ")[1].split("\n")[0]
    assert "Quảng Ninh" in unit
