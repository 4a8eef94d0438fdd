"""Feed built article pages to Pagefind, with `đ` written so that Pagefind folds it like a tone.

Pagefind (≥ 1.5) folds combining marks when it matches words and ranks the exact marks first,
which is what a Vietnamese reader wants from tones: "ha giang" finds "Hà Giang", "Hà Giang"
ranks "Hà" above "Ha" and "Hậu". But `đ` is a letter of its own, not `d` with a combining mark,
so "doan" would never find "Đoàn". In the copy Pagefind reads (never in the page a reader gets)
every `đ` is written as `d` + U+0335 COMBINING SHORT STROKE OVERLAY: Pagefind then folds it to
`d` for matching and keeps it for ranking; the search page turns `d` + U+0335 back into `đ`
before showing anything, and writes a reader's `đ` the same way in the query.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..text import nfc

STROKE = "\u0335"


def stroke_d(text: str) -> str:
    """NFC text with `đ`/`Đ` written as `d`/`D` + U+0335, the form the index holds."""
    return nfc(text).replace("đ", "d" + STROKE).replace("Đ", "D" + STROKE)


def index_pages(site_dir: Path, pages: Iterable[str], output: Path, language: str = "vi") -> int:
    """Index the built pages (paths relative to `site_dir`) into `output`; returns their number.

    Pagefind's binary reads a folder of rewritten copies: handing it pages one by one through
    its Python API costs a round trip each (ten times slower at 10,000 articles), and that API
    needs an asyncio loop of its own, which a build inside another loop cannot start.
    """
    pages = list(pages)
    with tempfile.TemporaryDirectory(prefix="bantin-search-") as folder:
        for page in pages:
            copy = Path(folder, page)
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(stroke_d((site_dir / page).read_text(encoding="utf-8")), "utf-8")
        run_pagefind(Path(folder), output, language)
    return len(pages)


def run_pagefind(folder: Path, output: Path, language: str) -> None:
    """Pagefind's binary, shipped in the `pagefind[bin]` wheel, over `folder` into `output`."""
    from pagefind.service import get_executable

    binary = get_executable()
    if binary is None:
        raise PluginError("Không tìm thấy chương trình Pagefind: cài lại gói bằng scripts/build.")
    command = [str(binary), "--site", str(folder), "--output-path", str(output)]
    command += ["--force-language", language, "--quiet"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise PluginError(f"Pagefind không tạo được chỉ mục tìm kiếm:\n{done.stdout}{done.stderr}")
