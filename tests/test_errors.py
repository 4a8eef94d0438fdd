"""Each bad input gives its exact `path:line: field: message`, and spoils nothing else."""

import shutil

import pytest
from bantin.model.dates import AHEAD, today
from bantin.tools.cli import main as bantin

from tests.conftest import FIXTURES


def problems(out: str) -> list[str]:
    """The problem lines of a report, without the hint printed under each."""
    return [line for line in out.splitlines() if not line.startswith("    gợi ý:")]


CASES = {
    "broken-yaml.md": "content/articles/broken-yaml.md:2: front matter: YAML sai cú pháp "
    "(mapping values are not allowed here): giá trị có dấu hai chấm ':' thì phải đặt trong dấu nháy kép",
    "no-front-matter.md": "content/articles/no-front-matter.md:1: front matter: thiếu front matter: "
    "tệp phải mở đầu bằng dòng --- và khai báo title, date, unit, category",
    "empty.md": "content/articles/empty.md:1: tệp: tệp rỗng; bài viết cần front matter "
    "(giữa hai dòng ---) và nội dung",
    "missing-title.md": "content/articles/missing-title.md:2: title: thiếu trường bắt buộc 'title'",
    "title-is-number.md": "content/articles/title-is-number.md:2: title: cần một chuỗi văn bản, "
    "nhận được số 2022",
    "bad-date.md": "content/articles/bad-date.md:3: date: cần dạng YYYY-MM-DD hoặc "
    "YYYY-MM-DDTHH:MM (giờ Việt Nam), nhận được '31/02/2025'",
    "unknown-unit.md": "content/articles/unknown-unit.md:4: unit: không có đơn vị 'Huyen doan Yen Khan' "
    "trong content/_data/units.yml; có phải: Huyện đoàn Yên Khánh, Đoàn xã Yên Khánh?",
    "unknown-category.md": "content/articles/unknown-category.md:5: category: không có chuyên mục "
    "'Xây dựng Đoàn viên' trong content/_data/categories.yml; có phải: Xây dựng Đoàn?",
    "not-utf8.md": "content/articles/not-utf8.md:2: mã hoá: tệp không phải UTF-8 (byte 0xE0); "
    "hãy mở tệp và lưu lại với mã hoá UTF-8",
    "deep-nesting.md": "content/articles/deep-nesting.md:6: front matter: YAML lồng nhau quá sâu "
    "(quá 50 tầng danh sách hay nhóm trường)",
    "lone-surrogate.md": "content/articles/lone-surrogate.md:2: title: có ký tự U+D800 không hợp lệ "
    "(nửa cặp UTF-16); hãy gõ lại giá trị này",
    "control-character.md": "content/articles/control-character.md:6: author: có ký tự điều khiển "
    "U+0001 (thường do chép từ trang khác); hãy xoá ký tự đó",
    "duplicate-key.md": "content/articles/duplicate-key.md:6: front matter: trường 'title' khai báo "
    "hai lần (dòng 2 và dòng 6); hãy giữ một dòng",
    "unclosed-quote.md": "content/articles/unclosed-quote.md:2: front matter: YAML sai cú pháp "
    "(found unexpected end of stream): thiếu dấu nháy đóng ở cuối giá trị",
    "far-future.md": "content/articles/far-future.md:3: date: ngày 01/01/9999 quá xa (sau "
    f"{today() + AHEAD:%d/%m/%Y}): có gõ nhầm năm không? Bài hẹn ngày đăng chỉ được hẹn trong "
    "vòng một năm",
    "before-founding.md": "content/articles/before-founding.md:3: date: ngày 04/06/1925 trước ngày "
    "thành lập Đoàn (26/03/1931): có gõ nhầm năm không?",
    "ended-unit.md": "content/articles/ended-unit.md:4: unit: đơn vị 'Huyện đoàn Yên Khánh' đã kết "
    "thúc ngày 30/06/2025 (theo content/_data/units.yml), trước ngày đăng 04/12/2025; bài sau ngày "
    "đó hãy ghi unit: Đoàn xã Yên Khánh",
    "broken-link.md": "content/articles/broken-link.md:10: liên kết: 'khong-co.md': không có tệp "
    "content/articles/khong-co.md; hãy sửa đường dẫn (tính từ thư mục của bài)",
}
"""One fixture per bad input: its exact report. Crashes (deep nesting, a lone surrogate) and
inputs once accepted silently (duplicate keys, year 9999, an ended unit) included."""

REGISTRY_CASES = {
    "units-typo.yml": "content/_data/units.yml:6: vaild_to: trường không được hỗ trợ; "
    "có phải 'valid_to'?",
    "categories-typo.yml": "content/_data/categories.yml:2: descripton: trường không được hỗ trợ; "
    "có phải 'description'?",
    "units-self-successor.yml": "content/_data/units.yml:5: successor: đơn vị không thể kế tục "
    "chính nó",
    "units-cycle.yml": "content/_data/units.yml:5: successor: các đơn vị kế tục nhau thành vòng: "
    "Huyện đoàn Yên Khánh → Đoàn xã Yên Khánh → Huyện đoàn Yên Khánh",
    "links-typo.yml": "content/_data/links.yml:3: gruop: trường không được hỗ trợ; "
    "có phải 'group'?",
}


@pytest.mark.parametrize("name", sorted(REGISTRY_CASES))
def test_each_bad_registry_is_reported_with_file_and_line(tiny_site, monkeypatch, capsys, name):
    target = name.split("-")[0] + ".yml"
    shutil.copy(FIXTURES / "bad-data" / name, tiny_site.content / "_data" / target)
    monkeypatch.chdir(tiny_site.root)
    assert bantin(["check"]) == 1
    assert problems(capsys.readouterr().out) == [REGISTRY_CASES[name]]


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_bad_article_is_reported_with_file_and_line(tiny_site, monkeypatch, capsys, name):
    tiny_site.fixture(f"bad/{name}")
    monkeypatch.chdir(tiny_site.root)
    assert bantin(["check"]) == 1
    assert problems(capsys.readouterr().out) == [CASES[name]]


def test_two_articles_at_one_address(tiny_site, monkeypatch, capsys):
    tiny_site.fixture("bad/duplicate-a.md", "2022/a.md")
    tiny_site.fixture("bad/duplicate-b.md", "2022/b.md")
    monkeypatch.chdir(tiny_site.root)
    assert bantin(["check"]) == 1
    assert problems(capsys.readouterr().out) == [
        "content/articles/2022/b.md:2: slug: địa chỉ /2022/06/hai-bai-mot-dia-chi/ trùng với bài "
        "content/articles/2022/a.md; hãy đổi tiêu đề hoặc thêm trường slug"
    ]


def test_all_errors_reported_in_one_run_sorted_by_file(tiny_site, monkeypatch, capsys):
    for name in CASES:
        tiny_site.fixture(f"bad/{name}")
    tiny_site.fixture("good.md")
    monkeypatch.chdir(tiny_site.root)
    assert bantin(["check"]) == 1
    out = problems(capsys.readouterr().out)
    assert out == sorted(CASES[name] for name in CASES)


def test_check_limited_to_given_paths(tiny_site, monkeypatch, capsys):
    tiny_site.fixture("bad/bad-date.md", "2022/bad-date.md")
    tiny_site.fixture("good.md", "2023/good.md")
    monkeypatch.chdir(tiny_site.root)
    assert bantin(["check", "content/articles/2023"]) == 0
    assert capsys.readouterr().out == ""


def test_github_annotations(tiny_site, monkeypatch, capsys):
    tiny_site.fixture("bad/bad-date.md")
    monkeypatch.chdir(tiny_site.root)
    assert bantin(["check", "--format", "github"]) == 1
    assert capsys.readouterr().out.startswith(
        "::error file=content/articles/bad-date.md,line=3,title=Bản Tin::date: cần dạng YYYY-MM-DD"
    )


def test_unknown_field_suggests_the_nearest(tiny_site, monkeypatch, capsys):
    tiny_site.article(
        "typo.md",
        "---\ntitle: A\ndate: 2022-06-04\nunit: TĐ Ninh Bình\ncategory: XDĐ\ncatgory: XDĐ\n---\nx\n",
    )
    monkeypatch.chdir(tiny_site.root)
    assert bantin(["check"]) == 1
    assert capsys.readouterr().out.strip() == (
        "content/articles/typo.md:6: catgory: trường không được hỗ trợ; có phải 'category'?"
    )


def test_a_tag_without_letters_is_refused(tiny_site, monkeypatch, capsys):
    tiny_site.article(
        "tag.md",
        "---\ntitle: A\ndate: 2022-06-04\nunit: TĐ Ninh Bình\ncategory: XDĐ\ntags: [kiểm tra, '***']\n---\nx\n",
    )
    monkeypatch.chdir(tiny_site.root)
    assert bantin(["check"]) == 1
    assert capsys.readouterr().out.strip() == (
        "content/articles/tag.md:6: tags: thẻ '***' cần có chữ hoặc số để làm địa chỉ"
    )
