"""Incremental builds: a build that carries unchanged files over must equal a full build."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bantin.engine.atomic import build_atomically
from bantin.engine.host import Abort
from bantin.tools.bench.run import EDIT_MARK, edit, edited_article
from bantin.tools.synthetic import write_project

from .test_cache import assert_same_site, site_files


def bantin_build(config: Path) -> dict[str, bytes]:
    return site_files(build_atomically(config, strict=True))


def assert_same_as_a_full_build(root: Path, config: Path, built: dict[str, bytes]) -> None:
    shutil.rmtree(root / ".cache")
    shutil.rmtree(root / "site")
    assert_same_site(bantin_build(config), built)


def articles(root: Path) -> list[Path]:
    return sorted((root / "content" / "articles").rglob("*.md"))


def retitle(root: Path) -> None:
    path = articles(root)[-1]
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^title: .*$", "title: Tiêu đề đã sửa", text, count=1, flags=re.M))


def delete(root: Path) -> None:
    articles(root)[3].unlink()


def add(root: Path) -> None:
    source = articles(root)[2]
    text = source.read_text(encoding="utf-8")
    text = re.sub(r"^title: .*$", "title: Bài mới thêm", text, count=1, flags=re.M)
    text = re.sub(r"^slug: .*$", "slug: bai-moi-them", text, count=1, flags=re.M)
    source.with_name("bai-moi-them.md").write_text(text, encoding="utf-8")


def relink(root: Path) -> None:
    links = root / "content" / "_data" / "links.yml"
    links.write_text(
        "- name: Trung ương Đoàn\n  url: https://doanthanhnien.vn/\n  group: Đoàn\n",
        encoding="utf-8",
    )


def rename_unit(root: Path) -> None:
    """Articles kept from the last reading name the unit as the registry now does."""
    units = root / "content" / "_data" / "units.yml"
    text = units.read_text(encoding="utf-8")
    units.write_text(text.replace("Tỉnh đoàn Ninh Bình", "Tỉnh đoàn Ninh Bình mới", 1), "utf-8")


CHANGES = {
    "unit renamed": rename_unit,
    "body": lambda root: edit(edited_article(root), 1),
    "title": retitle,
    "deleted": delete,
    "added": add,
    "links": relink,
}


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = tmp_path / "project"
    return root, write_project(root, 12, seed=5)


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_an_incremental_build_equals_a_full_one(project, change):
    root, config = project
    bantin_build(config)
    CHANGES[change](root)
    assert_same_as_a_full_build(root, config, bantin_build(config))


def test_pages_that_do_not_show_the_edited_article_are_carried_over(project):
    root, config = project
    bantin_build(config)
    site = root / "site"
    pages = sorted(site.rglob("index.html"))
    inodes = {page: page.stat().st_ino for page in pages}
    mark = edit(edited_article(root), 1)
    bantin_build(config)
    (edited,) = [page for page in pages if mark in page.read_text(encoding="utf-8")]
    address = edited.parent.name + "/"
    showing = {page for page in pages if address in page.read_text(encoding="utf-8")}
    carried = {page for page in pages if page.stat().st_ino == inodes[page]}
    assert edited not in carried
    assert carried  # a small site: most pages show the article, in lists or related news
    assert carried >= set(pages) - showing - nav_pages(site)


def nav_pages(site: Path) -> set[Path]:
    """The home, tab and sidebar pages: every page names them, so they are always rebuilt."""
    home = (site / "index.html").read_text(encoding="utf-8")
    sections = re.search(r'<nav class="bt-sections".*?</nav>', home, re.S).group(0)
    hrefs = set(re.findall(r'href="([^"]+)"', sections))
    return {(site / href / "index.html").resolve() for href in hrefs} | {site / "index.html"}


def test_a_failed_build_leaves_no_record_the_next_build_could_trust(project):
    root, config = project
    bantin_build(config)
    broken = articles(root)[0]
    good = broken.read_text(encoding="utf-8")
    broken.write_text(good.replace("date:", "date: không phải ngày\nold_date:", 1), "utf-8")
    with pytest.raises(Abort):
        bantin_build(config)
    broken.write_text(good, encoding="utf-8")
    edit(edited_article(root), 2)
    assert_same_as_a_full_build(root, config, bantin_build(config))


def test_a_dirty_build_in_place_removes_the_pages_of_deleted_articles(project):
    """`mkdocs serve --dirty` rebuilds into the folder it serves."""
    from bantin.engine.host import build, load_config

    root, config = project

    def dirty_build() -> dict[str, bytes]:
        loaded = load_config(str(config), strict=True)
        loaded.plugins.on_startup(command="build", dirty=True)
        build(loaded, dirty=True)
        return site_files(root / "site")

    dirty_build()
    delete(root)
    assert_same_as_a_full_build(root, config, dirty_build())


def test_check_reads_again_what_the_kept_articles_depend_on(project, capsys):
    """`bantin check` shares the build's kept articles; a changed registry makes them stale."""
    from bantin.tools.cli import main

    root, config = project
    assert main(["check", "-f", str(config)]) == 0
    assert (root / ".cache" / "bantin" / "articles.pickle").is_file()
    units = root / "content" / "_data" / "units.yml"
    units.write_text(
        units.read_text(encoding="utf-8").replace("Ngân Sơn (Kiên Giang)", "Ngân Sơn mới"),
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["check", "-f", str(config)]) == 1
    assert "Ngân Sơn (Kiên Giang)" in capsys.readouterr().out


def test_published_images_are_the_cached_files_linked_not_copies(project):
    """A CI build with `.cache/` restored links 19,000 image files instead of copying 1 GB."""
    root, config = project
    bantin_build(config)
    cached = {path.stat().st_ino for path in (root / ".cache" / "images").rglob("*.*")}
    published = sorted((root / "site" / "assets" / "anh").iterdir())
    assert any(path.name.endswith("-share.jpg") for path in published)
    assert all(path.stat().st_ino in cached for path in published)


def test_an_article_kept_from_the_last_reading_has_the_digest_of_a_fresh_one(project):
    """The read cache carries each article's digest: it must be the one its fields give."""
    from functools import partial

    from bantin.digests import digest
    from bantin.engine.readcache import ReadCache
    from bantin.model.addresses import Addresses
    from bantin.model.catalog import build_catalog

    root, _ = project
    cache = root / ".cache" / "bantin" / "articles.pickle"

    def read():
        catalog, errors = build_catalog(
            root / "content", root, Addresses(), open_cache=partial(ReadCache, cache)
        )
        assert errors == []
        return catalog.articles

    fresh = read()
    assert cache.is_file()
    kept = read()
    assert all("digest" in a.__dict__ for a in kept)  # from the cache, not computed again
    assert [a.digest for a in kept] == [digest(repr(a)) for a in kept] == [a.digest for a in fresh]


FAILING_HOOK = """
def on_page_context(context, page, config, nav):
    if "{marker}" in (page.markdown or ""):
        raise RuntimeError("hook failed")
    return context
"""


def test_a_build_failing_while_files_are_carried_over_leaves_the_site_as_it_was(project):
    """Unchanged files are linked into the new site by another process while pages render; a
    render that fails stops it, and neither the old site nor a half-linked folder is left."""
    root, config = project
    (root / "hooks.py").write_text(FAILING_HOOK.format(marker=f"{EDIT_MARK} 3."), "utf-8")
    with config.open("a", encoding="utf-8") as text:
        text.write(f"hooks:\n  - {root / 'hooks.py'}\n")
    before = bantin_build(config)
    edit(edited_article(root), 3)
    with pytest.raises(RuntimeError, match="hook failed"):
        bantin_build(config)
    assert site_files(root / "site") == before
    assert sorted(path.name for path in root.iterdir() if path.name.startswith("site")) == ["site"]


def test_carried_over_files_are_links_and_a_missing_one_fails_the_build(tmp_path):
    """The linking process makes every link; what it cannot make is tried again in the build,
    which then raises instead of publishing a site with a file missing."""
    from bantin.engine.carryover import CarryOver

    old, new = tmp_path / "old", tmp_path / "new"
    (old / "2022" / "06" / "bai").mkdir(parents=True)
    (old / "2022" / "06" / "bai" / "index.html").write_text("bài", encoding="utf-8")
    (old / "ảnh.jpg").write_bytes(b"jpeg")
    names = ["2022/06/bai/index.html", "ảnh.jpg"]
    carrying = CarryOver([(str(old / name), str(new / name)) for name in names])
    carrying.join()
    for name in names:
        assert (new / name).stat().st_ino == (old / name).stat().st_ino

    broken = CarryOver([(str(old / "mất.html"), str(new / "mất.html"))])
    with pytest.raises(FileNotFoundError):
        broken.join()
