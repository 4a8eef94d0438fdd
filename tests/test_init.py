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
        "content/_data/document-kinds.yml",
        "content/_data/links.yml",
        "content/_data/units.yml",
        f"content/articles/{year}/chao-mung-den-voi-trang-tin.md",
        "content/files/.gitkeep",
        "content/gioi-thieu.md",
        "content/index.md",
        "content/tim-kiem.md",
        "content/van-ban/.gitkeep",
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
    kinds = yaml.safe_load((new_site / "content/_data/document-kinds.yml").read_text("utf-8"))
    assert kinds[0] == {"name": "Kế hoạch", "symbols": ["KH"]}
    assert "bantin-documents" in config["plugins"]
    # The register is there from the first build, empty, ready for the first document.
    register = page(new_site / "site", "van-ban")
    assert register.h1.get_text() == "Văn bản"
    assert register.select_one(".bt-empty").get_text() == "Chưa có văn bản nào."
    for heading in (
        "## Viết một bài", "## Thêm ảnh", "## Xem trước", "## Đăng bài", "## Sửa lỗi", "## Văn bản",
    ):  # fmt: skip
        assert heading in guide


def test_the_new_site_reads_as_a_news_site(new_site):
    site = new_site / "site"
    home = page(site)
    assert home.title.get_text() == NAME
    assert home.html["lang"] == "vi"
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
    tabs = [a.get_text(strip=True) for a in home.select(".bt-sections a")]
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
    answers = iter(["Đoàn Trường Đại học Ví Dụ", "", "", "vidu.example.vn", "https://x.vn/", "2"])
    asked: list[str] = []

    def read(question: str) -> str:
        asked.append(question)
        return next(answers)

    args = command_args(tmp_path / "vidu")
    assert command.run(args, read) == 0
    assert asked[0].startswith("Tên tổ chức")
    assert asked[1] == "Loại tổ chức (số 1–7, Enter: Đoàn trường): "
    assert asked[2].startswith("Đơn vị cấp trên")
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


def test_a_unit_site_shares_the_province_registry(tmp_path, monkeypatch):
    """Two sites, one units.yml/categories.yml/links.yml: the unit's site has no _data of its own,
    builds strict, shows the shared footer, and a change to the shared registry reaches it."""
    province = tmp_path / "laocai"
    assert bantin(["init", str(province), *FLAGS]) == 0
    registry = tmp_path / "danh-muc"
    (province / "content" / "_data").rename(registry)
    units = registry / "units.yml"
    units.write_text(
        units.read_text(encoding="utf-8").replace(
            "  children: []",
            "  children:\n    - name: Đoàn phường Cốc Lếu\n      aliases: [ĐP Cốc Lếu]",
        ),
        encoding="utf-8",
    )
    unit = tmp_path / "coc-leu"
    flags = ["--name", "ĐP Cốc Lếu", "--url", "https://cocleu.example.vn/", "--no-input"]
    monkeypatch.chdir(tmp_path)
    assert bantin(["init", "coc-leu", *flags, "--registry", "danh-muc"]) == 0
    assert not (unit / "content" / "_data").exists()
    config = yaml.safe_load((unit / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    assert config["plugins"][0] == {"bantin": {"site_version": 1, "registry": "../danh-muc"}}
    build(unit / "mkdocs.yml", strict=True)
    home = page(unit / "site")
    welcome = home.select_one(".bt-card__title a")
    article = page(unit / "site", welcome["href"].strip("/"))
    assert article.select_one(".bt-dateline__unit").get_text() == "Đoàn phường Cốc Lếu"
    footer = [a.get_text(strip=True) for a in home.select(".bt-links__item")]
    assert "Báo Tiền Phong" in footer
    # The province's site reads the same registry once it points there.
    mkdocs = province / "mkdocs.yml"
    mkdocs.write_text(
        mkdocs.read_text(encoding="utf-8").replace(
            "      site_version: 1\n", "      site_version: 1\n      registry: ../danh-muc\n"
        ),
        encoding="utf-8",
    )
    build(mkdocs, strict=True)
    assert (province / "site" / "don-vi" / "doan-phuong-coc-leu").is_dir()
    monkeypatch.chdir(unit)
    assert bantin(["check"]) == 0


def test_a_shared_registry_that_lacks_the_organisation_is_refused(tmp_path, capsys):
    registry = tmp_path / "danh-muc"
    assert bantin(["init", str(tmp_path / "a"), *FLAGS]) == 0
    (tmp_path / "a" / "content" / "_data").rename(registry)
    flags = ["--name", "Đoàn xã Không Có", "--url", "https://x.vn/", "--no-input"]
    assert bantin(["init", str(tmp_path / "b"), *flags, "--registry", str(registry)]) == 1
    assert "không có đơn vị 'Đoàn xã Không Có'" in capsys.readouterr().err
    assert not (tmp_path / "b").exists()


def test_an_upgrade_tells_what_to_change_and_keeps_building(
    new_site, tmp_path, monkeypatch, capsys
):
    """A site of an older layout (no site_version) and a deprecated option (bantin-links'
    data_file) still builds strict; `bantin check` says what to change, as warnings only."""
    site = tmp_path / "cu"
    (site / "content").mkdir(parents=True)
    for name in ("content/_data", "content/articles", "content/index.md"):
        source, target = new_site / name, site / name
        if source.is_dir():
            __import__("shutil").copytree(source, target)
        else:
            target.write_bytes(source.read_bytes())
    config = (new_site / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("      site_version: 1\n", "      defaults: true\n").replace(
        "  - bantin-links\n", "  - bantin-links:\n      data_file: _data/links.yml\n"
    )
    (site / "mkdocs.yml").write_text(config, encoding="utf-8")
    build(site / "mkdocs.yml", strict=True)
    footer = [a.get_text(strip=True) for a in page(site / "site").select(".bt-links__item")]
    assert "Báo Tiền Phong" in footer
    monkeypatch.chdir(site)
    assert bantin(["check", "--format", "github"]) == 0
    warnings = [line for line in capsys.readouterr().out.splitlines() if "::warning" in line]
    assert any("title=Bản Tin::site_version: tệp của trang theo bản cũ" in w for w in warnings)
    line = 1 + config.splitlines().index("      data_file: _data/links.yml")
    assert any(
        f"line={line}," in w and "plugins → bantin-links → data_file" in w and "registry" in w
        for w in warnings
    )


def test_a_site_ahead_of_the_installed_tool_is_told_to_upgrade(new_site, monkeypatch, capsys):
    from bantin import SITE_VERSION

    mkdocs = new_site / "mkdocs.yml"
    text = mkdocs.read_text(encoding="utf-8")
    mkdocs.write_text(text.replace("site_version: 1", f"site_version: {SITE_VERSION + 1}"))
    try:
        monkeypatch.chdir(new_site)
        assert bantin(["check"]) == 0
        assert "cần Bản Tin mới hơn" in capsys.readouterr().out
    finally:
        mkdocs.write_text(text, encoding="utf-8")


def test_a_read_cache_written_by_another_version_is_a_miss_not_a_crash(tmp_path):
    """Caches name modules (pickles): after an upgrade that moved one, the build starts afresh."""
    import pickle

    from bantin.engine.readcache import CACHE_FILE

    root = tmp_path / "s"
    assert bantin(["init", str(root), *FLAGS]) == 0
    cache = root / CACHE_FILE
    cache.parent.mkdir(parents=True, exist_ok=True)
    # A pickle of a class from a module that no longer exists (as bantin.dates before 0.2.0).
    cache.write_bytes(b"cbantin.dates\nGone\n.")  # protocol 0: the GLOBAL opcode, then STOP
    with pytest.raises(ModuleNotFoundError):
        pickle.loads(cache.read_bytes())
    build(root / "mkdocs.yml", strict=True)
    assert (root / "site" / "index.html").is_file()


def test_the_many_sites_example_builds_each_unit_in_its_own_job_with_its_own_cache():
    example = Path(__file__).resolve().parent.parent / "docs" / "examples" / "many-sites.yml"
    result = actionlint(example)
    assert result.stdout + result.stderr == ""
    jobs = yaml.safe_load(example.read_text(encoding="utf-8"))["jobs"]
    units = jobs["units"]
    sites = [entry["site"] for entry in units["strategy"]["matrix"]["include"]]
    assert len(sites) == len(set(sites)) > 1 and units["strategy"]["fail-fast"] is False
    cache = next(
        step for step in units["steps"] if step.get("uses", "").startswith("actions/cache")
    )
    assert cache["with"]["path"] == "sites/${{ matrix.site }}/.cache/"
    assert cache["with"]["key"].startswith("bantin-${{ matrix.site }}-")
    build_step = next(step for step in units["steps"] if step.get("name") == "Build (strict)")
    assert build_step["env"]["SITE_URL"] == "${{ matrix.url }}"
    assert jobs["province"]["needs"] == "units"


def test_a_site_without_the_bantin_plugin_is_told_what_to_add(tmp_path, caplog):
    root = tmp_path / "s"
    assert bantin(["init", str(root), *FLAGS]) == 0
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    # The `bantin` entry and its options, up to the next plugin.
    start, end = text.index("  - bantin:\n"), text.index("  - bantin-articles")
    config.write_text(text[:start] + text[end:], encoding="utf-8")
    from bantin.engine.host import Abort, PluginError

    with pytest.raises((PluginError, Abort)) as failure:
        build(config)
    assert "thiếu plugin `bantin`" in str(failure.value) + caplog.text


def test_a_registry_published_as_a_python_package_serves_every_site(tmp_path, monkeypatch):
    """`registry: package:NAME`: the registry of a province installed with pip, so all its sites
    pin one version; the logos of its links.yml are found beside it."""
    from PIL import Image

    root = tmp_path / "s"
    assert bantin(["init", str(root), *FLAGS]) == 0
    package = tmp_path / "lib" / "danhmuc_laocai"
    package.parent.mkdir()
    (root / "content" / "_data").rename(package)
    (package / "__init__.py").write_text('"""Danh mục Tỉnh đoàn Lào Cai."""\n', encoding="utf-8")
    (package / "logos").mkdir()
    Image.new("RGB", (120, 120), (11, 87, 164)).save(package / "logos" / "tw.png")
    links = package / "links.yml"
    links.write_text(
        links.read_text(encoding="utf-8").replace(
            "  url: https://doanthanhnien.vn\n",
            "  url: https://doanthanhnien.vn\n  logo: logos/tw.png\n",
        ),
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path / "lib"))
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "      site_version: 1\n",
            "      site_version: 1\n      registry: package:danhmuc_laocai\n",
        ),
        encoding="utf-8",
    )
    build(config, strict=True)
    home = page(root / "site")
    first = home.select_one(".bt-links__item")
    assert first.get_text(strip=True) == "Trung ương Đoàn TNCS Hồ Chí Minh"
    logo = first.find("img")["src"]
    assert (root / "site" / logo).is_file()
    assert page(root / "site", "don-vi/tinh-doan-lao-cai").find("h1") is not None


def test_a_sites_own_theme_and_logo_win_over_the_packages(tmp_path):
    """Search path: the site's theme/ (custom_dir), then ours, then Material's; a file of the
    site's theme/ (its own logo) wins over the package's asset of the same name."""
    root = tmp_path / "s"
    assert bantin(["init", str(root), *FLAGS]) == 0
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  # custom_dir: theme", "  custom_dir: theme"),
        encoding="utf-8",
    )
    override = root / "theme" / "bantin" / "partials" / "footer.html"
    override.parent.mkdir(parents=True)
    override.write_text('<footer class="rieng">Chân trang riêng</footer>\n', encoding="utf-8")
    logo = root / "theme" / "assets" / "images" / "logo.svg"
    logo.parent.mkdir(parents=True)
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg"><title>Lào Cai</title></svg>\n')
    build(config, strict=True)
    home = page(root / "site")
    assert home.select_one("footer.rieng").get_text() == "Chân trang riêng"
    assert home.select_one(".bt-card__title a") is not None  # the rest is still ours
    assert "Lào Cai" in (root / "site" / "assets" / "images" / "logo.svg").read_text()
