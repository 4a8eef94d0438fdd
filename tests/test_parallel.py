"""Pages rendered by helper processes: the same site as one process renders, every page once."""

from __future__ import annotations

import logging
import os
import shutil
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from bantin.engine import host
from bantin.engine.atomic import build_atomically
from bantin.engine.parallel import ParallelPages
from bantin.tools.bench.run import edit, edited_article
from bantin.tools.synthetic import write_project

from .test_cache import assert_same_site, site_files


def build_with(config: Path, workers: int) -> dict[str, bytes]:
    def prepare(loaded) -> None:
        loaded.plugins["bantin-articles"].config.workers = workers

    return site_files(build_atomically(config, strict=True, prepare=prepare))


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = tmp_path / "project"
    return root, write_project(root, 12, seed=3)


def test_a_site_read_and_rendered_by_three_processes_equals_one_built_by_one(project, caplog):
    root, config = project
    with caplog.at_level(logging.INFO, logger=f"{host.NAME}.plugins.bantin"):
        parallel = build_with(config, 3)
    reading, rendering = [r.getMessage() for r in caplog.records if r.name.endswith(".parallel")]
    assert int(reading.split("tiến trình phụ đọc ")[1].split()[0]) > 0, reading
    assert int(rendering.split("tiến trình phụ dựng ")[1].split()[0]) > 0, rendering
    shutil.rmtree(root / ".cache")
    shutil.rmtree(root / "site")
    assert_same_site(build_with(config, 1), parallel)


def test_an_edit_after_a_parallel_build_equals_a_full_build(project):
    root, config = project
    build_with(config, 3)
    mark = edit(edited_article(root), 1)
    edited = build_with(config, 3)
    assert any(mark.encode() in data for name, data in edited.items() if name.endswith(".html"))
    shutil.rmtree(root / ".cache")
    shutil.rmtree(root / "site")
    assert_same_site(build_with(config, 1), edited)


def test_each_page_is_rendered_once_and_a_helpers_failure_comes_back(tmp_path, caplog):
    """MkDocs' loop asks each file `is_modified()` in order; helpers take pages from the end.
    A page a helper fails on is handed back to the parent, with nothing it logged for it."""
    parent = os.getpid()
    files = [SimpleNamespace(src_uri=f"trang-{i}.md") for i in range(40)]
    failing = len(files) - 3  # the helper's third page: it writes two first
    failed = tmp_path / "helper-failed"

    def render(index: int) -> None:
        logging.getLogger("mkdocs.test").warning(f"dựng trang {index}")
        if os.getpid() != parent and index == failing:
            failed.touch()
            raise RuntimeError("hỏng")
        (tmp_path / f"{index}.{os.getpid()}").touch()

    pages = ParallelPages(files, 1, render, None)
    with caplog.at_level(logging.INFO, logger="mkdocs.test"):
        pages.start()
        deadline = time.monotonic() + 30
        while not failed.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        for index, file in enumerate(files):  # MkDocs' page loop
            if file.is_modified():
                render(index)
        left = pages.join()
        for index in left:
            render(index)

    assert left == [failing]
    outputs = [p.name.split(".") for p in tmp_path.iterdir() if p != failed]
    assert sorted(int(index) for index, _ in outputs) == list(range(len(files)))
    by_helper = sorted(int(index) for index, pid in outputs if pid != str(parent))
    assert by_helper == [failing + 1, failing + 2]
    said = sorted(r.getMessage() for r in caplog.records if r.name == "mkdocs.test")
    assert said == sorted(f"dựng trang {index}" for index in range(len(files)))
    assert all(file.is_modified() for file in files)  # what incremental builds see afterwards


HOOK = """
pages = []


def on_post_page(output, page, config):
    pages.append(page.file.src_uri)
    return output


def on_post_build(config):
    with open(config.config_file_path + ".pages", "w", encoding="utf-8") as out:
        out.write("\\n".join(pages))
"""


def test_a_plugin_from_elsewhere_that_gathers_pages_sees_every_page(project):
    """Helpers cannot tell another package's hooks what they rendered: one process builds."""
    root, config = project
    (root / "hooks.py").write_text(HOOK, encoding="utf-8")
    with config.open("a", encoding="utf-8") as text:
        text.write(f"hooks:\n  - {root / 'hooks.py'}\n")
    site = build_with(config, 3)
    gathered = (root / "mkdocs.yml.pages").read_text(encoding="utf-8").split("\n")
    pages = [name for name in site if name.endswith(".html") and name != "404.html"]
    assert len(gathered) == len(set(gathered)) == len(pages)
