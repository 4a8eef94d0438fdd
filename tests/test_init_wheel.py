"""Bản Tin as an organisation gets it: the wheel `python -m build` makes, installed into a fresh
venv outside this repository, `bantin init` a site there, build it strict, read what a reader
sees; a second site sharing the first one's registry builds too. The one slow test of packaging
(~1-2 min: it builds the wheel and installs it with its dependencies, from pip's cache)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import venv
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parent.parent
NAME = "Tỉnh đoàn Lào Cai"


def run(*command, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result


def read(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.slow
def test_the_wheel_alone_makes_a_site_that_builds(tmp_path):
    dist = tmp_path / "dist"
    run(sys.executable, "-m", "build", "--wheel", "--outdir", dist, REPO, cwd=tmp_path)
    (wheel,) = dist.glob("bantin-*.whl")
    print(f"wheel: {wheel.name}, {wheel.stat().st_size / 1024:.0f} KiB")

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    run(bindir / "python", "-m", "pip", "install", "--quiet", wheel, cwd=tmp_path)
    # Nothing of the repository is reachable from the new venv: not on its path, not its cwd.
    where = run(bindir / "python", "-c", "import bantin; print(bantin.__file__)", cwd=tmp_path)
    assert str(REPO) not in where.stdout and "site-packages" in where.stdout
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": ""}
    bantin = bindir / "bantin"
    version = run(bantin, "--version", cwd=tmp_path, env=env).stdout.split()[-1]

    started = time.perf_counter()
    site = tmp_path / "laocai"
    run(bantin, "init", site, "--name", NAME, "--url", "https://laocai.example.vn/",
        "--no-input", cwd=tmp_path, env=env)  # fmt: skip
    run(bantin, "build", "--strict", cwd=site, env=env)
    first = time.perf_counter() - started
    started = time.perf_counter()
    run(bantin, "build", "--strict", cwd=site, env=env)
    again = time.perf_counter() - started
    print(f"init to first build: {first:.1f} s; build of the unchanged empty site: {again:.1f} s")

    out = site / "site"
    home = read(out / "index.html")
    assert home.title.get_text() == NAME
    assert home.html["lang"] == "vi"  # Material's Vietnamese, with our corrections, packaged
    assert home.find("meta", attrs={"name": "generator"})["content"].startswith(f"bantin-{version}")
    welcome = home.select_one(".bt-card__title a")
    article = read(out / welcome["href"].strip("/") / "index.html")
    assert article.find("h1").get_text() == welcome.get_text()
    category = read(out / "chuyen-muc" / "tin-tuc-su-kien" / "index.html")
    assert [a.get_text() for a in category.select(".bt-card__title a")] == [welcome.get_text()]
    unit = read(out / "don-vi" / "tinh-doan-lao-cai" / "index.html")
    assert unit.select_one(".bt-card__title a").get_text() == welcome.get_text()
    assert read(out / "tim-kiem" / "index.html").find("input", attrs={"name": "q"})
    footer = [a.get_text(strip=True) for a in home.select(".bt-links__item")]
    assert "Trung ương Đoàn TNCS Hồ Chí Minh" in footer
    assert read(out / "404.html").find("h1").get_text() == "Không tìm thấy trang"
    assert (out / "assets" / "stylesheets" / "bantin.css").is_file()
    assert (out / "pagefind").is_dir()

    # A folder that has files (the site itself, now) is refused, and nothing in it changes.
    before = {p: p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    again = subprocess.run(
        [bantin, "init", site, "--name", NAME, "--url", "https://x.vn/", "--no-input"],
        cwd=tmp_path, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert again.returncode == 1 and "không ghi đè" in again.stderr
    assert {p: p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()} == before

    # A unit of the Tỉnh đoàn: its own site, the registry of the first one.
    registry = site / "content" / "_data"
    units = registry / "units.yml"
    units.write_text(
        units.read_text(encoding="utf-8").replace(
            "  children: []", "  children:\n    - name: Đoàn phường Cốc Lếu"
        ),
        encoding="utf-8",
    )
    second = tmp_path / "coc-leu"
    run(bantin, "init", second, "--name", "Đoàn phường Cốc Lếu", "--url",
        "https://cocleu.example.vn/", "--registry", registry, "--no-input",
        cwd=tmp_path, env=env)  # fmt: skip
    assert not (second / "content" / "_data").exists()
    run(bantin, "build", "--strict", cwd=second, env=env)
    unit = read(second / "site" / "don-vi" / "doan-phuong-coc-leu" / "index.html")
    assert unit.select_one(".bt-card__title a").get_text().endswith("Đoàn phường Cốc Lếu")
    assert (second / "site" / "don-vi" / "tinh-doan-lao-cai" / "index.html").is_file()
