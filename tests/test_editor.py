"""The editor at /admin/ (bantin-editor, Sveltia CMS): its config from the registries, the files a
build writes, and, in Chromium against a mocked GitHub API, an article written through the form."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
import yaml
from bantin.editor.page import (
    IMMUTABLE_URL,
    VENDOR,
    VENDORED,
    github_repo,
    vendored_differences,
)
from bantin.editor.schema import EditorOptions, editor_config, unit_options
from bantin.model.registry import Unit
from bantin.tools.synthetic import write_config
from bs4 import BeautifulSoup

from tests.conftest import TinySite, new_tiny_site

REPO = "doan/bantin"
ROOT = Path(__file__).resolve().parent.parent


def _plugins(editor: str) -> str:
    """The sample site's `plugins:` block with `bantin-editor` configured as `editor` says."""
    lines = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    start = lines.index("plugins:")
    end = next(i for i in range(start + 1, len(lines)) if lines[i] and not lines[i][0].isspace())
    block = [line for line in lines[start:end] if "bantin-editor" not in line]
    return "\n".join([*block, f"  - bantin-editor: {editor}"]) + "\n"


def _new_editor_site(root: Path, monkeypatch, options: str) -> TinySite:
    """A tiny site whose build knows its GitHub repository (as on GitHub Actions), so it gets
    the editor, configured by `options`."""
    monkeypatch.setenv("GITHUB_REPOSITORY", REPO)
    site = new_tiny_site(root)
    write_config(site.root, _plugins(options))
    # More units than the editor lists without a search box (5), as every real registry has.
    with (site.content / "_data" / "units.yml").open("a", encoding="utf-8") as units:
        units.write("- name: Tỉnh đoàn Quảng Ninh\n- name: Tỉnh đoàn Thái Nguyên\n")
    (site.content / "gioi-thieu.md").write_text("---\ntitle: Giới thiệu\n---\n\nTrang.\n")
    return site


@pytest.fixture
def editor_site(tmp_path: Path, monkeypatch) -> TinySite:
    """Saves commit straight to `main`."""
    return _new_editor_site(tmp_path, monkeypatch, "{workflow: false}")


@pytest.fixture
def workflow_site(tmp_path: Path, monkeypatch) -> TinySite:
    """The default: saves are draft pull requests (the editorial workflow)."""
    return _new_editor_site(tmp_path, monkeypatch, "{}")


def _config(site: TinySite) -> dict:
    return yaml.safe_load((site.site / "admin" / "config.yml").read_text(encoding="utf-8"))


def _fields(collection: dict) -> dict[str, dict]:
    return {field["name"]: field for field in collection["fields"]}


def test_units_current_first_alphabetical_and_ended_ones_marked():
    units = [
        Unit("Tỉnh đoàn Ninh Bình", "tdnb", "x"),
        Unit(
            "Huyện đoàn Yên Khánh",
            "hdyk",
            "x",
            valid_to=date(2025, 6, 30),
            successor="dxyk",
        ),
        Unit("Đoàn xã Yên Khánh", "dxyk", "x", valid_from=date(2025, 7, 1)),
        Unit("Đoàn Than Quảng Ninh", "dtqn", "x"),
    ]
    options = unit_options(units, date(2026, 1, 5))
    assert [option["value"] for option in options] == [
        "Đoàn Than Quảng Ninh",
        "Đoàn xã Yên Khánh",
        "Tỉnh đoàn Ninh Bình",
        "Huyện đoàn Yên Khánh",
    ]
    assert options[-1]["label"] == (
        "Huyện đoàn Yên Khánh (đã kết thúc 30/06/2025, nay là Đoàn xã Yên Khánh)"
    )
    # Before the merger the district was current and the commune not yet founded.
    before = {o["value"]: o["label"] for o in unit_options(units, date(2025, 1, 1))}
    assert before["Huyện đoàn Yên Khánh"] == "Huyện đoàn Yên Khánh"
    assert before["Đoàn xã Yên Khánh"] == "Đoàn xã Yên Khánh (từ 01/07/2025)"


def test_github_repo_from_repo_url():
    assert github_repo("https://github.com/doan/bantin.git") == "doan/bantin"
    assert github_repo("https://github.com/doan/bantin/") == "doan/bantin"
    assert github_repo("https://gitlab.com/doan/bantin") is None
    assert github_repo(None) is None


def test_every_field_has_a_vietnamese_label_and_hint():
    config = editor_config([], [], EditorOptions(repo=REPO), date(2026, 1, 1))

    def walk(fields):
        for field in fields:
            yield field
            yield from walk(field.get("fields", []))

    collections = config["collections"]
    every = [f for c in collections for f in walk(c.get("fields", []))]
    every += [f for c in collections for file in c.get("files", []) for f in walk(file["fields"])]
    assert len(every) > 30
    for field in every:
        assert field["label"] and field["hint"], field["name"]
    # The contract's fields, in the order `bantin new` writes them, then the body.
    articles = collections[0]
    assert list(_fields(articles)) == [
        "title", "date", "unit", "category", "author", "tags", "summary", "cover",
        "cover_caption", "featured", "draft", "body",
    ]  # fmt: skip
    required = {name for name, field in _fields(articles).items() if field["required"]}
    assert required == {"title", "date", "unit", "category", "body"}


def test_build_writes_the_editor_from_the_registries(workflow_site: TinySite):
    editor_site = workflow_site
    editor_site.build()
    admin = editor_site.site / "admin"
    config = _config(editor_site)
    assert config["backend"] == {
        "name": "github",
        "repo": REPO,
        "branch": "main",
        "commit_messages": config["backend"]["commit_messages"],
        "auth_methods": ["token"],
    }
    assert config["publish_mode"] == "editorial_workflow"
    articles = next(c for c in config["collections"] if c["name"] == "articles")
    assert articles["folder"] == "content/articles"
    assert articles["media_folder"] == "/content/images/{{dirname}}"
    fields = _fields(articles)
    units = [option["value"] for option in fields["unit"]["options"]]
    assert "Đoàn xã Yên Khánh" in units and "Tỉnh đoàn Hà Giang" in units
    assert units.index("Đoàn xã Yên Khánh") < units.index("Huyện đoàn Yên Khánh")
    categories = [option["value"] for option in fields["category"]["options"]]
    assert categories[0] == "Xây dựng Đoàn"
    # The script is the pinned package's, served by the site with its licence; no CDN in the page.
    page = BeautifulSoup((admin / "index.html").read_text(encoding="utf-8"), "html.parser")
    scripts = [tag["src"] for tag in page.find_all("script", src=True)]
    assert scripts == ["bantin-editor.js", "sveltia-cms.js"]
    imports = json.loads(page.find("script", type="importmap").string)["imports"]
    assert imports == {IMMUTABLE_URL: "./immutable.es.js"}
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    styles = json.loads(page.find("script", src="bantin-editor.js")["data-preview-styles"])
    assert "../assets/stylesheets/bantin.css" in styles
    for style in styles:
        assert (admin / style).resolve().is_file(), style
    for name in VENDORED:
        assert (admin / name).stat().st_size > 0
    # Everything the page loads is the site's own; the one CDN address is a key it maps away.
    loaded = [tag.get("src") or tag.get("href") for tag in page.find_all(["script", "link"])]
    assert all(address is None or "://" not in address for address in loaded), loaded


def test_admin_stays_out_of_reader_pages_sitemap_feeds_and_search(editor_site: TinySite):
    editor_site.fixture("good.md", "2022/good.md")
    editor_site.build()
    site = editor_site.site
    assert (site / "admin" / "index.html").is_file()
    for page in site.rglob("*.html"):
        if "admin" in page.relative_to(site).parts:
            continue
        text = page.read_text(encoding="utf-8")
        assert "admin/" not in text and "sveltia" not in text, page
    for name in ("sitemap.xml", "feed.xml"):
        assert "admin" not in (site / name).read_text(encoding="utf-8")
    assert not any("admin" in path.name for path in (site / "pagefind").rglob("*"))


def test_no_repository_no_editor(tiny_site: TinySite, monkeypatch):
    monkeypatch.delenv("GITHUB_REPOSITORY", raising=False)
    tiny_site.build()
    assert not (tiny_site.site / "admin").exists()


def test_vendored_files_are_the_pinned_packages():
    node_modules = ROOT / "node_modules"
    if not (node_modules / "@sveltia" / "cms").is_dir():
        pytest.skip("node_modules missing: scripts/test runs npm ci")
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    assert (
        pinned["@sveltia/cms"]
        == json.loads((node_modules / "@sveltia/cms/package.json").read_text(encoding="utf-8"))[
            "version"
        ]
    )
    assert vendored_differences(node_modules) == []
    # The import map sends Sveltia's import of Immutable to the copy npm resolved for its range.
    script = (VENDOR / "sveltia-cms.js").read_text(encoding="utf-8")
    assert "immutable:`^5.1.9`" in script and IMMUTABLE_URL.startswith(
        "https://unpkg.com/immutable@5.1.9/"
    )


# --- In Chromium, against a mocked GitHub API --------------------------------------------------

TITLE = "Đoàn xã Yên Khánh ra quân Chiến dịch Thanh niên tình nguyện hè 2026"
# Vietnam time the browser's clock is set to: the form's "now".
NOW = "2026-06-15T08:30:00+07:00"


def _open_editor(browser, url: str, mock):
    context = browser.new_context(
        locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", viewport={"width": 1280, "height": 1000}
    )
    page = context.new_page()
    page.clock.set_fixed_time(NOW)
    outside: list[str] = []
    page.on(
        "request",
        lambda request: (
            (request.url.startswith(url) or request.url.startswith(("data:", "blob:")))
            or outside.append(request.url)
        ),
    )
    mock.install(page)
    page.route("https://www.githubstatus.com/**", lambda route: route.abort())
    page.goto(url + "admin/")
    page.get_by_role("button", name="Đăng nhập bằng mã truy cập").click()
    page.get_by_role("textbox").fill("github_pat_thu_nghiem")
    page.keyboard.press("Enter")
    page.locator("button", has_text="Tạo mới").click()
    return context, page, outside


def _fill_article(page, photo: Path, unit: str | None = "yen khanh") -> None:
    from playwright.sync_api import expect

    # The form is ready once the preview (our template, rendered by the React chunk Sveltia loads
    # on demand) shows; text typed before that may be lost when the form is drawn again.
    page.frame_locator("iframe").first.locator("article.md-typeset").wait_for(timeout=20000)
    expect(page.locator("input[type=datetime-local]")).to_have_value(
        "2026-06-15T08:30", timeout=15000
    )
    page.get_by_role("textbox", name="Tiêu đề", exact=True).fill(TITLE)
    if unit is not None:
        page.get_by_role("combobox", name="Đơn vị").click()
        page.get_by_role("searchbox", name="Lọc tùy chọn").fill(unit)
        page.get_by_role("option", name="Đoàn xã Yên Khánh", exact=True).click()
    page.get_by_role("radio", name="Tình nguyện").click()
    page.get_by_role("textbox", name="Tác giả").fill("Ban Thanh niên")
    page.locator("input[type=file]").first.set_input_files(str(photo))
    page.get_by_text("../../images/2026/ra-quan.jpg").wait_for()
    page.locator("[contenteditable=true]").first.click()
    page.keyboard.type("Sáng 15/6/2026, Đoàn xã Yên Khánh tổ chức lễ ra quân.")
    expect(page.get_by_role("textbox", name="Tiêu đề", exact=True)).to_have_value(
        TITLE, timeout=15000
    )


def _photo(folder: Path) -> Path:
    from PIL import Image

    path = folder / "ra-quan.jpg"
    Image.new("RGB", (1600, 900), (190, 30, 40)).save(path, quality=85)
    return path


def _bantin(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(Path(sys.executable).parent / "bantin"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


@pytest.mark.browser
def test_an_article_written_in_the_editor_is_what_bantin_new_writes(
    editor_site: TinySite, browser, tmp_path: Path
):
    from tests.browser import artifact, serve
    from tests.githubmock import GitHubMock

    editor_site.build()
    mock = GitHubMock(editor_site.root, repo=REPO)
    with serve(editor_site.site) as url:
        context, page, outside = _open_editor(browser, url, mock)
        try:
            _fill_article(page, _photo(tmp_path))
            # The preview is the article in the site's markup, styled by the site's stylesheets.
            preview = page.frame_locator("iframe").first.locator("article.md-typeset")
            assert preview.locator("h1").inner_text() == TITLE
            assert (
                preview.locator(".bt-dateline")
                .inner_text()
                .startswith("Thứ Hai, 15/06/2026, 08:30")
            )
            sheets = preview.evaluate(
                "a => [...a.ownerDocument.styleSheets].map(s => s.href || '')"
            )
            assert any(sheet.endswith("/assets/stylesheets/bantin.css") for sheet in sheets)
            clicked = time.monotonic()
            page.get_by_role("button", name="Lưu", exact=True).click()
            deadline = time.monotonic() + 20
            while not mock.commits and time.monotonic() < deadline:
                page.wait_for_timeout(20)
            page.screenshot(path=str(artifact("editor-saved.png")))
        finally:
            context.close()
    assert mock.commits, "the editor never committed"
    commit = mock.commits[0]
    elapsed = commit.at - clicked
    artifact("editor-timing.txt").write_text(f"Lưu → commit: {elapsed * 1000:.0f} ms\n")
    # Nothing left this machine but the GitHub API calls: no CDN, no fonts, no locale files.
    assert [u for u in outside if not u.startswith("https://api.github.com/")] == [
        "https://www.githubstatus.com/api/v2/status.json"
    ]

    article = "content/articles/2026/doan-xa-yen-khanh-ra-quan-chien-dich-thanh-nien-tinh-nguyen-he-2026.md"
    assert sorted(commit.files) == [article, "content/images/2026/ra-quan.jpg"]
    written = commit.files[article].decode("utf-8")

    # `bantin new` with the same answers, in a copy of the site, writes the same file name and
    # the same front matter: the time of day and the cover are what the form adds.
    made = _bantin(
        "new", "-f", str(editor_site.config), "--title", TITLE, "--unit", "yen khanh",
        "--category", "tinh nguyen", "--author", "Ban Thanh niên", "--date", "2026-06-15",
        "--no-input", cwd=editor_site.root,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    new_path = Path(made.stdout.strip())
    assert new_path.relative_to(editor_site.root).as_posix() == article
    expected = new_path.read_text(encoding="utf-8").split("---\n")[1].splitlines()
    expected[expected.index("date: 2026-06-15")] = "date: 2026-06-15T08:30"
    expected.insert(
        expected.index("author: Ban Thanh niên") + 1, "cover: ../../images/2026/ra-quan.jpg"
    )
    assert written == "---\n" + "\n".join(expected) + "\n---\n\n" + (
        "Sáng 15/6/2026, Đoàn xã Yên Khánh tổ chức lễ ra quân.\n"
    )

    # What the editor committed passes `bantin check` and is published by the next build.
    for path, data in commit.files.items():
        (editor_site.root / path).parent.mkdir(parents=True, exist_ok=True)
        (editor_site.root / path).write_bytes(data)
    checked = _bantin("check", "-f", str(editor_site.config), cwd=editor_site.root)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    editor_site.build()
    shown = editor_site.page(
        "2026/06/doan-xa-yen-khanh-ra-quan-chien-dich-thanh-nien-tinh-nguyen-he-2026/"
    )
    assert shown.h1.get_text(strip=True) == TITLE
    assert "Đoàn xã Yên Khánh" in shown.get_text()
    assert shown.find("img", src=lambda src: src and "ra-quan" in src) or shown.find(
        "source", srcset=lambda srcset: srcset and "ra-quan" in srcset
    )


@pytest.mark.browser
def test_a_missing_required_field_blocks_saving(editor_site: TinySite, browser, tmp_path: Path):
    from tests.browser import serve
    from tests.githubmock import GitHubMock

    editor_site.build()
    mock = GitHubMock(editor_site.root, repo=REPO)
    with serve(editor_site.site) as url:
        context, page, _ = _open_editor(browser, url, mock)
        try:
            _fill_article(page, _photo(tmp_path), unit=None)
            from playwright.sync_api import expect

            page.get_by_role("button", name="Lưu", exact=True).click()
            expect(page.get_by_role("combobox", name="Đơn vị")).to_have_attribute(
                "aria-invalid", "true", timeout=15000
            )
            page.wait_for_timeout(1000)  # a commit, were one sent, would have arrived by now
        finally:
            context.close()
    assert [commit.files.keys() for commit in mock.commits] == []


def test_a_site_from_bantin_init_has_the_editor_and_its_guide(tmp_path: Path, monkeypatch):
    from bantin.tools.cli import main as bantin

    from tests.conftest import build

    root = tmp_path / "laocai"
    flags = ["--name", "Tỉnh đoàn Lào Cai", "--url", "https://laocai.example.vn", "--no-input"]
    assert bantin(["init", str(root), *flags]) == 0
    assert "  - bantin-editor\n" in (root / "mkdocs.yml").read_text(encoding="utf-8")
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "## Soạn bài trên trình duyệt (trang `/admin/`)" in readme
    assert "Đăng nhập bằng mã truy cập" in readme and "Gửi duyệt" in readme
    # On Netlify the build is told the repository by REPOSITORY_URL.
    monkeypatch.delenv("GITHUB_REPOSITORY", raising=False)
    monkeypatch.setenv("REPOSITORY_URL", "https://github.com/tinhdoan/laocai")
    build(root / "mkdocs.yml", strict=True)
    config = yaml.safe_load((root / "site/admin/config.yml").read_text(encoding="utf-8"))
    assert config["backend"]["repo"] == "tinhdoan/laocai"
    assert [c["name"] for c in config["collections"]] == [
        "articles",
        "documents",
        "pages",
        "registries",
    ]


@pytest.mark.browser
def test_with_the_workflow_a_save_is_a_draft_pull_request_then_sent_for_review(
    workflow_site: TinySite, browser, tmp_path: Path
):
    from playwright.sync_api import expect

    from tests.browser import serve
    from tests.githubmock import GitHubMock

    workflow_site.build()
    mock = GitHubMock(workflow_site.root, repo=REPO)
    slug = "doan-xa-yen-khanh-ra-quan-chien-dich-thanh-nien-tinh-nguyen-he-2026"
    with serve(workflow_site.site) as url:
        context, page, _ = _open_editor(browser, url, mock)
        try:
            _fill_article(page, _photo(tmp_path))
            page.get_by_role("button", name="Lưu", exact=True).click()
            # Saved as a draft, the editor offers to send it for approval.
            page.get_by_role("button", name="Gửi duyệt").click()
            expect(page.get_by_role("button", name="Gửi duyệt")).to_have_count(0, timeout=15000)
            deadline = time.monotonic() + 15
            while mock.pulls and mock.pulls[0].draft and time.monotonic() < deadline:
                page.wait_for_timeout(50)
        finally:
            context.close()
    (commit,) = mock.commits
    assert commit.branch == f"cms/articles/{slug}"
    assert f"content/articles/2026/{slug}.md" in commit.files
    (pull,) = mock.pulls
    assert (pull.head, pull.base) == (commit.branch, "main")
    assert pull.labels == ["sveltia-cms/pending_review"] and not pull.draft
    # Nothing reached the site's branch: the article waits for the reviewer to publish it.
    assert not any(path.startswith("content/articles/2026/") for path in mock.files)
