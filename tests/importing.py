"""Helpers for the import tests: a site with the sample registries, and running the command."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from bantin.tools.cli import main as bantin
from bantin.tools.synthetic import write_config

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds"
VARIATIONS = FIXTURES / "import"


def sample_site(root: Path) -> Path:
    """A site under `root` with the sample registries (they hold the seeds' units), no articles."""
    shutil.copytree(REPO / "content" / "_data", root / "content" / "_data")
    # links.yml names its logos under content/images/links/.
    shutil.copytree(REPO / "content" / "images" / "links", root / "content" / "images" / "links")
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


def legacy_bytes(text: str, encoding: str) -> bytes:
    """`text` as an old Windows or ABC keyboard saved it; letters it cannot hold become '?'."""
    import unicodedata

    from bantin.tools.importer.tcvn3 import TABLE

    if encoding == "tcvn3":
        reverse = {char: byte for byte, char in TABLE.items()}
        return bytes(reverse.get(char, ord("?")) for char in unicodedata.normalize("NFC", text))
    tones = "\u0300\u0309\u0303\u0301\u0323"
    out = []
    for char in text:  # Windows-1258 writes tones as combining marks after the letter
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258", errors="replace")
