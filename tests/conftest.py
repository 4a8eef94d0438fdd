"""Shared fixtures: tiny sites written into tmp_path, built in-process, read as a reader would."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from bantin.tools.synthetic import write_config
from bs4 import BeautifulSoup

FIXTURES = Path(__file__).parent / "fixtures"
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

HOME = "---\ntitle: Trang chủ\ntemplate: bantin/home.html\nhide: [navigation, toc]\n---\n"


def build(config_file: Path, strict: bool = True) -> None:
    """Build a site in this process, as `mkdocs build [--strict]` does."""
    from bantin.engine.host import build as mkdocs_build
    from bantin.engine.host import load_config

    config = load_config(str(config_file), strict=strict)
    # As `mkdocs build` does. MkDocs keeps plugins with on_startup for the whole process, so
    # without this a plugin would still believe it serves after a test of `serve`.
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_build(config)


@dataclass
class TinySite:
    """A throw-away site: registries from tests/fixtures/data, articles written by the test."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"

    def article(self, name: str, text: str | bytes) -> Path:
        """Write `content/articles/<name>`; bytes are written as they are (encodings)."""
        path = self.content / "articles" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def fixture(self, name: str, as_name: str | None = None) -> Path:
        """Copy tests/fixtures/<name> in as an article."""
        return self.article(as_name or Path(name).name, (FIXTURES / name).read_bytes())

    def build(self, strict: bool = True) -> None:
        build(self.config, strict=strict)

    def page(self, address: str) -> BeautifulSoup:
        """The built page at a site address such as `2022/06/slug/`."""
        path = (
            self.site / address.strip("/") / "index.html"
            if address.strip("/")
            else self.site / "index.html"
        )
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def new_tiny_site(root: Path) -> TinySite:
    """A tiny site in `root`; for fixtures with a wider scope than `tiny_site`."""
    site = TinySite(root)
    shutil.copytree(FIXTURES / "data", site.content / "_data")
    (site.content / "index.md").write_text(HOME, encoding="utf-8")
    write_config(root)
    return site


@pytest.fixture
def tiny_site(tmp_path: Path) -> TinySite:
    return new_tiny_site(tmp_path)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright; skipped only where it is not installed (not in CI)."""
    from tests.browser import CHROMIUM, chromium

    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing; scripts/test installs Debian's chromium")
        pytest.skip(f"{CHROMIUM} is not installed; run scripts/test")
    with chromium() as instance:
        yield instance
