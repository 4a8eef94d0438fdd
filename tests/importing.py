"""Helpers for the import tests: a site with the sample registries, and running the command."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from bantin.cli import main as bantin
from bantin.synthetic import write_config

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds"
VARIATIONS = FIXTURES / "import"


def sample_site(root: Path) -> Path:
    """A site under `root` with the sample registries (they hold the seeds' units), no articles."""
    shutil.copytree(REPO / "content" / "_data", root / "content" / "_data")
    (root / "content" / "index.md").write_text(
        "---\ntitle: Trang chủ\ntemplate: bantin/home.html\nhide: [navigation, toc]\n---\n",
        encoding="utf-8",
    )
    return write_config(root)


def dry_run(capsys, *files: Path, extra: tuple[str, ...] = ()) -> list[dict]:
    """`bantin import FILES --dry-run --json` in the current folder; the JSON records."""
    code = bantin(
        ["import", *map(str, files), "--out", "content/articles", "--dry-run", "--json", *extra]
    )
    records = json.loads(capsys.readouterr().out)
    assert code == (0 if all(r["status"] == "dry-run" for r in records) else 1)
    return records
