"""`bantin init`: a new site in an empty folder builds strict at once and reads as a news site;
a folder that has files is refused and left as it was; every host gets a workflow actionlint
accepts. (The same from a wheel installed outside the repository: test_init_wheel.py.)"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml
from bantin import __version__
from bantin.tools.cli import main as bantin
from bs4 import BeautifulSoup

from tests.conftest import build
from tests.test_workflow import actionlint

NAME = "Tỉnh đoàn Lào Cai"
FLAGS = ["--name", NAME, "--url", "https://tinhdoanlaocai.example.vn", "--no-input"]


def page(site: Path, address: str = "") -> BeautifulSoup:
    path = site / address / "index.html" if address else site / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def new_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("init") / "laocai"
    assert bantin(["init", str(root), *FLAGS]) == 0
    build(root / "mkdocs.yml", strict=True)
    return root


def test_init_writes_a_whole_site_of_its_own(new_site):
    files = sorted(p.relative_to(new_site).as_posix() for p in new_site.rglob("*") if p.is_file())
    written = [f for f in files if not f.startswith(("site/", ".cache/"))]
    year = next((new_site / "content" / "articles").iterdir()).name
    assert written == [
        ".github/workflows/site.yml",
        ".gitignore",
        "README.md",
        "content/_data/categories.yml",
        "content/_data/links.yml",
        "content/_data/units.yml",
        f"content/articles/{year}/chao-mung-den-voi-trang-tin.md",
        "content/gioi-thieu.md",
        "content/index.md",
        "content/tim-kiem.md",
        "mkdocs.yml",
        "requirements.txt",
    ]
    config = yaml.safe_load(
        (new_site / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", "")
    )
    assert config["site_name"] == NAME
    assert "custom_dir" not in config["theme"]
    assert config["plugins"][0] == {"bantin": {"site_version": 1}}
    units = yaml.safe_load((new_site / "content/_data/units.yml").read_text(encoding="utf-8"))
    assert [unit["name"] for unit in units] == [NAME]
    requirement = (new_site / "requirements.txt").read_text(encoding="utf-8")
    assert f"@v{__version__}" in requirement
    guide = (new_site / "README.md").read_text(encoding="utf-8")
    for heading in ("## Viết một bài", "## Thêm ảnh", "## Xem trước", "## Đăng bài", "## Sửa lỗi"):
        assert heading in guide


def test_the_new_site_reads_as_a_news_site(new_site):
    site = new_site / "site"
    home = page(site)
    assert home.title.get_text() == NAME
    generator = home.find("meta", attrs={"name": "generator"})["content"]
    assert generator.startswith(f"bantin-{__version__}, mkdocs-")
    welcome = home.select_one(".bt-card__title a")
    assert welcome.get_text() == f"Chào mừng đến với trang tin của {NAME}"
    article = page(site, welcome["href"].strip("/"))
    assert [h1.get_text() for h1 in article.find_all("h1")] == [welcome.get_text()]
    assert article.select_one(".bt-dateline__unit").get_text() == NAME
    assert article.select_one(".bt-author").get_text() == "Ban Biên tập"
    category = page(site, "chuyen-muc/tin-tuc-su-kien")
    assert [a.get_text() for a in category.select(".bt-card__title a")] == [welcome.get_text()]
    unit = page(site, "don-vi/tinh-doan-lao-cai")
    assert [a.get_text() for a in unit.select(".bt-card__title a")] == [welcome.get_text()]
    search = page(site, "tim-kiem")
    assert search.find("input", attrs={"name": "q"}) is not None
    footer = [a.get_text(" ", strip=True) for a in home.select(".bt-links__item")]
    assert "Trung ương Đoàn TNCS Hồ Chí Minh" in footer
    tabs = [a.get_text(strip=True) for a in home.select(".md-tabs__link")]
    assert tabs[0] == "Trang chủ"
    assert {"Giới thiệu", "Tin tức - Sự kiện", "Tìm kiếm"} <= set(tabs)
    # The tool's stylesheet and the logo come from the installed package, fonts from no one else.
    links = [tag["href"] for tag in home.find_all("link", href=True)]
    assert any(href.endswith("assets/stylesheets/bantin.css") for href in links)
    assert not any("fonts.googleapis" in href for href in links)
    assert (site / "assets" / "images" / "logo.svg").is_file()
    not_found = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert not_found.select_one(".bt-not-found form[role=search]")["action"] == "/tim-kiem/"


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        path.relative_to(folder).as_posix(): (
            path.read_bytes() if path.is_file() else b"",
            path.stat().st_mtime_ns,
        )
        for path in sorted(folder.rglob("*"))
    }


def test_init_refuses_a_folder_that_has_files_and_changes_nothing(tmp_path, capsys):
    folder = tmp_path / "site"
    (folder / "content").mkdir(parents=True)
    (folder / "mkdocs.yml").write_text("site_name: Trang cũ\n", encoding="utf-8")
    (folder / "content" / "index.md").write_text("# Cũ\n", encoding="utf-8")
    before = snapshot(folder)
    assert bantin(["init", str(folder), *FLAGS]) == 1
    error = capsys.readouterr().err
    assert f"thư mục {folder} đã có tệp (content, mkdocs.yml)" in error
    assert "không ghi đè" in error
    assert snapshot(folder) == before


def test_init_asks_in_vietnamese_when_flags_are_missing(tmp_path, monkeypatch, capsys):
    from bantin.tools.init import command

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    answers = iter(["Đoàn Trường Đại học Ví Dụ", "", "vidu.example.vn", "https://x.vn/", "2"])
    asked: list[str] = []

    def read(question: str) -> str:
        asked.append(question)
        return next(answers)

    args = command_args(tmp_path / "vidu")
    assert command.run(args, read) == 0
    assert asked[0].startswith("Tên tổ chức")
    assert asked[1].startswith("Đơn vị cấp trên")
    # A bad address is asked again, not written into mkdocs.yml.
    assert "cần dạng https://" in capsys.readouterr().err
    assert (tmp_path / "vidu" / "netlify.toml").is_file()
    categories = (tmp_path / "vidu/content/_data/categories.yml").read_text(encoding="utf-8")
    assert "Hội Sinh viên" in categories  # a school's Đoàn gets the Hội Sinh viên chuyên mục


def command_args(folder: Path):
    from bantin.tools.cli import build_parser

    return build_parser().parse_args(["init", str(folder)])


@pytest.mark.parametrize("host", ["github", "netlify", "cloudflare", "other"])
def test_every_host_gets_a_workflow_that_checks_builds_and_keeps_the_cache(tmp_path, host):
    folder = tmp_path / host
    assert bantin(["init", str(folder), *FLAGS, "--host", host]) == 0
    workflow = folder / ".github" / "workflows" / "site.yml"
    result = actionlint(workflow)
    assert result.stdout + result.stderr == ""
    steps = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"]["build"]["steps"]
    runs = "\n".join(step.get("run", "") for step in steps)
    assert runs.index("bantin check --format github") < runs.index("bantin build --strict")
    # The site's workflow builds the site; the tool's own test suite is not its business.
    assert "pytest" not in runs and "scripts/test" not in runs
    cache = next(step for step in steps if step.get("uses", "").startswith("actions/cache"))
    assert cache["with"]["path"] == ".cache/"
    assert (folder / "netlify.toml").is_file() == (host == "netlify")


def test_names_with_quotes_and_colons_stay_names(tmp_path):
    folder = tmp_path / "q"
    name = 'Đoàn Thanh niên "Khối 1": cơ sở #2'
    assert bantin(["init", str(folder), *FLAGS[2:], "--name", name]) == 0
    build(folder / "mkdocs.yml", strict=True)
    home = page(folder / "site")
    assert home.title.get_text() == name
