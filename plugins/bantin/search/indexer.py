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

import asyncio
from collections.abc import Iterable
from pathlib import Path

from ..text import nfc

STROKE = "\u0335"
# How many pages travel to the Pagefind process before we wait for its answers.
_BATCH = 64


def stroke_d(text: str) -> str:
    """NFC text with `đ`/`Đ` written as `d`/`D` + U+0335, the form the index holds."""
    return nfc(text).replace("đ", "d" + STROKE).replace("Đ", "D" + STROKE)


def index_pages(site_dir: Path, pages: Iterable[str], output: Path, language: str = "vi") -> int:
    """Index the built pages (paths relative to `site_dir`) into `output`; returns their number."""
    return asyncio.run(_index(site_dir, list(pages), output, language))


async def _index(site_dir: Path, pages: list[str], output: Path, language: str) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(force_language=language, output_path=str(output))
    async with PagefindIndex(config=config) as index:
        for start in range(0, len(pages), _BATCH):
            await asyncio.gather(
                *(
                    index.add_html_file(
                        content=stroke_d((site_dir / path).read_text(encoding="utf-8")),
                        source_path=path,
                    )
                    for path in pages[start : start + _BATCH]
                )
            )
        # Leaving the block writes the bundle to `output_path`.
    return len(pages)
