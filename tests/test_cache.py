"""Warm builds: what `.cache/` saves must never change what readers get."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bantin.engine.host import Abort
from bantin.tools.bench.run import edit, edited_article
from bantin.tools.synthetic import write_project

NOT_REPRODUCIBLE = ("pagefind/",)
"""Pagefind names its filter chunks differently on every run, even between two cold builds."""


def site_files(folder: Path) -> dict[str, bytes]:
    files = {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
    return {name: data for name, data in files.items() if not name.startswith(NOT_REPRODUCIBLE)}


def build_site(config: Path) -> dict[str, bytes]:
    """Build into the project's site/ (the config, site_dir included, is part of cache keys)."""
    from bantin.engine.host import build as mkdocs_build
    from bantin.engine.host import load_config

    config_ = load_config(str(config), strict=True)
    mkdocs_build(config_)
    return site_files(Path(config_.site_dir))


def assert_same_site(first: dict[str, bytes], second: dict[str, bytes]) -> None:
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []


def test_warm_build_writes_the_same_bytes_as_a_cold_build(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = tmp_path / "project"
    config = write_project(root, 30, seed=8)
    cold = build_site(config)
    assert any((root / ".cache" / "bantin" / "markdown").rglob("*.json"))
    assert any((root / ".cache" / "bantin" / "pages").rglob("*.z"))
    assert_same_site(cold, build_site(config))

    article = edited_article(root)
    mark = edit(article, 1)
    edited_warm = build_site(config)
    shutil.rmtree(root / ".cache")
    edited_cold = build_site(config)
    assert_same_site(edited_cold, edited_warm)
    assert any(
        mark.encode() in data for name, data in edited_warm.items() if name.endswith(".html")
    )


def test_a_cached_article_follows_its_link_target_to_a_new_address(tiny_site):
    tiny_site.fixture("cache/links-to-other.md")
    target = tiny_site.fixture("cache/link-target.md")
    tiny_site.build()
    page = tiny_site.page("2022/06/tuoi-tre-yen-khanh-ra-quan-tinh-nguyen-he/")
    link = page.select_one(".bt-article__body a")
    assert link["href"] == "../tinh-doan-kiem-tra-cong-tac-doan-tai-yen-khanh/"

    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("date:", "slug: ket-qua-kiem-tra\ndate:"), encoding="utf-8")
    tiny_site.build()
    page = tiny_site.page("2022/06/tuoi-tre-yen-khanh-ra-quan-tinh-nguyen-he/")
    assert page.select_one(".bt-article__body a")["href"] == "../ket-qua-kiem-tra/"


def test_a_cached_article_with_a_broken_link_still_fails_a_strict_build(tiny_site):
    tiny_site.fixture("cache/broken-link.md")
    tiny_site.build(strict=False)
    assert any((tiny_site.root / ".cache" / "bantin" / "markdown").rglob("*.json"))
    with pytest.raises(Abort):
        tiny_site.build(strict=True)


def test_a_cached_page_is_rendered_again_when_an_article_it_read_changes(tmp_path):
    import dataclasses
    from types import SimpleNamespace

    import jinja2
    from bantin.engine.rendercache import PageCache
    from bantin.model.addresses import Addresses
    from bantin.model.catalog import Catalog, build_catalog

    root = tmp_path / "project"
    write_project(root, 3, seed=2)
    catalog, _ = build_catalog(root / "content", root, Addresses())
    own, other = catalog.articles[0], catalog.articles[1]
    env = jinja2.Environment(
        loader=jinja2.DictLoader({"page.html": "{{ page.title }}|{{ others[0].body[:40] }}"})
    )
    page = SimpleNamespace(
        file=SimpleNamespace(src_uri=own.src, url=own.url),
        url=own.url, title=own.title, content="", meta={}, toc=[], previous_page=None,
        next_page=None, parent=None, canonical_url=None, edit_url=None, update_date="",
        is_homepage=False, article=own,
    )  # fmt: skip

    def render(catalog: Catalog) -> str:
        cache = PageCache(tmp_path / "cache", env, None, catalog)
        cache._opened, cache.build_key, cache.names = True, "build", frozenset({"page"})
        template = env.get_template("page.html")
        context = {"page": page, "others": [catalog.by_src[other.src]]}
        return cache.render(template, context, template.render)

    assert other.body[:40] in render(catalog)
    changed = dataclasses.replace(other, body="Nội dung đã sửa. " + other.body)
    articles = tuple(changed if a.src == other.src else a for a in catalog.articles)
    assert "Nội dung đã sửa." in render(dataclasses.replace(catalog, articles=articles))
