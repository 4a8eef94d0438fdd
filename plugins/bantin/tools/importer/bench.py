"""`python -m bantin.tools.importer.bench [N]`: time `bantin import` on an archive of N files.

The archive repeats the development set of real portal articles (tests/fixtures/import-real/dev,
pasted texts, mis-encoded and HTML files among them) with each copy's title and date varied, so
addresses are mostly distinct and some repeat within a month, as in a real unit's archive. The
import writes into a fresh sample site. Wall and CPU time are both printed: the machine this runs
on may be shared.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[4]
DEV = REPO / "tests" / "fixtures" / "import-real" / "dev"


def make_archive(folder: Path, count: int) -> None:
    """`count` files cycled from the development set, each copy's title and year varied."""
    sources = sorted(p for p in DEV.iterdir() if p.suffix == ".txt")
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        source = sources[index % len(sources)]
        raw = source.read_bytes()
        copy = index // len(sources)
        if not copy or source.name.startswith("adv-"):  # encodings are kept byte for byte
            (folder / f"{index:05d}-{source.name}").write_bytes(raw)
            continue
        lines = raw.decode("utf-8").split("\n")
        for number, line in enumerate(lines):  # the title and captions of a later copy differ
            if len(line.split()) >= 5 and not line.rstrip().endswith((".", ":", ";")):
                lines[number] = f"{line.rstrip()} (kỳ {copy})"
        text = "\n".join(lines)
        (folder / f"{index:05d}-{source.name}").write_text(text, encoding="utf-8")


def measure(count: int) -> dict:
    """Import an archive of `count` files into a fresh sample site; the figures."""
    from ..cli import main as bantin
    from ..synthetic import write_config

    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        shutil.copytree(REPO / "content" / "_data", root / "content" / "_data")
        shutil.copytree(
            REPO / "content" / "images" / "links", root / "content" / "images" / "links"
        )
        write_config(root)
        make_archive(root / "cu", count)
        shutil.rmtree(root / "content" / "articles", ignore_errors=True)
        wall, cpu = time.perf_counter(), time.process_time()
        out, err = io.StringIO(), io.StringIO()
        with (
            contextlib.chdir(root),
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
        ):
            bantin(["import", "cu", "--out", "content/articles", "--unit", "Tỉnh đoàn Bắc Kạn"])
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        written = len(list((root / "content" / "articles").rglob("*.md")))
        summary = err.getvalue().strip().splitlines()[-2:]
    return {"files": count, "written": written, "wall": wall, "cpu": cpu, "summary": summary}


def main(argv: list[str] | None = None) -> int:
    count = int((argv or sys.argv[1:] or ["1000"])[0])
    figures = measure(count)
    print(
        f"bantin import: {figures['files']} tệp, ghi {figures['written']} bài, "
        f"{figures['wall']:.1f} s (CPU {figures['cpu']:.1f} s), "
        f"{figures['wall'] * 1000 / figures['files']:.1f} ms một tệp"
    )
    for line in figures["summary"]:
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
