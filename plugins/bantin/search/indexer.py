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

import re
import subprocess
import tempfile
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..text import nfc

STROKE = "\u0335"


_WORD = re.compile(r"\w+")
_BLANKS = re.compile(r"[ \t]{2,}")


class _FirstOccurrences(HTMLParser):
    """Rewrites a page keeping only the first occurrence of each word after `data-pagefind-body`.

    Pagefind stores every position of every word: a word in every article many times over
    ("Đoàn", "thanh niên") made its index chunk weigh 2 MB at 10,000 articles, loaded whole by
    any query with that word. One position per article is what finding it needs; the title and
    the lede, which come first, stay whole, so excerpts read well.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.seen: set[str] = set()
        self.active = False
        # The title stays whole: Pagefind shows it as the result's heading.
        self.in_title = 0

    def handle_starttag(self, tag, attrs) -> None:
        self.out.append(self.get_starttag_text() or "")
        self.active = self.active or any(name == "data-pagefind-body" for name, _ in attrs)
        self.in_title += tag == "h1"

    def handle_startendtag(self, tag, attrs) -> None:
        self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag) -> None:
        self.out.append(f"</{tag}>")
        self.in_title -= tag == "h1" and self.in_title > 0

    def handle_data(self, data) -> None:
        inside_code = self.lasttag in ("script", "style")
        self.out.append(self._thin(data) if self.active and not inside_code else data)

    def handle_entityref(self, name) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl) -> None:
        self.out.append(f"<!{decl}>")

    def _thin(self, text: str) -> str:
        def first(match: re.Match) -> str:
            word = match.group(0).lower()
            if word in self.seen and not self.in_title:
                return ""
            self.seen.add(word)
            return match.group(0)

        return _BLANKS.sub(" ", _WORD.sub(first, text))


def first_occurrences(html: str) -> str:
    """The page with each word of its indexed part kept once (see `_FirstOccurrences`)."""
    parser = _FirstOccurrences()
    parser.feed(html)
    parser.close()
    return "".join(parser.out)


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
            html = (site_dir / page).read_text(encoding="utf-8")
            copy.write_text(stroke_d(first_occurrences(nfc(html))), "utf-8")
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
