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
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..engine.host import PluginError
from ..model.text import nfc

if TYPE_CHECKING:
    from .cache import BundleCache

STROKE = "\u0335"
ENTRY = "pagefind-entry.json"
PLACEHOLDER = Path(__file__).with_name("placeholder.html")
UNUSED = ("pagefind-ui", "pagefind-modular-ui", "pagefind-component-ui", "pagefind-highlight")
"""Pagefind's own search interfaces: the search page has its own (bantin-search.js)."""


# The article's text in theme/bantin/article.html: title, date line and cover come before it.
BODY_MARK = '<div class="bt-article__body">'
_TEXT_NODE = re.compile(r"(?<=>)([^<]+)(?=<)")
# A word, but not the name or number of a character reference (&amp; &#39;).
_WORD_GROUP = re.compile(r"((?<![&#\w])\w+)")
_BLANKS = re.compile(r"[ \t]{2,}")
BODY = "<div data-pagefind-body>"
_DIV = re.compile(r"<(/?)div\b")


def searchable(html: str) -> str:
    """What Pagefind reads of a built page: its `data-pagefind-body` element (title, text, meta
    and filters; theme/bantin/article.html) in a bare document, NFC.

    Pagefind reads a third less, and a change outside the element (a menu, the footer, a
    neighbour's title) leaves the index, and so its cache key, as it was. A page without the
    element is kept whole.
    """
    html = nfc(html)
    start = html.find(BODY)
    depth = 0
    for tag in _DIV.finditer(html, start if start >= 0 else len(html)):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            end = html.index(">", tag.end()) + 1
            return f'<!doctype html><html lang="vi"><body>{html[start:end]}</body></html>'
    return html


def first_occurrences(html: str, lede: int = 0) -> str:
    """The page with each word of the article's text kept only where it first occurs.

    Pagefind stores every position of every word: a word in every article many times over
    ("Đoàn", "thanh niên") made its index chunk weigh 2 MB at 10,000 articles, loaded whole by
    any query with that word. One position per article is what finding it needs; the title
    (before the text) and the lede (its start) stay whole, so excerpts read well. Script and
    style text after the mark may be thinned too: Pagefind does not read them. The first
    `lede` words of the text are all kept, so excerpts from the lede read as written.
    """
    start = html.find(BODY_MARK)
    if start < 0:
        return html
    seen: set[str] = set()
    count = 0
    pieces = _TEXT_NODE.split(html[start:])
    for at in range(1, len(pieces), 2):  # the text nodes, between tags
        # Words sit at odd places of the split; a loop over them costs a third less than a
        # substitution calling back for each of the ~600 words of an article.
        words = _WORD_GROUP.split(pieces[at])
        for place in range(1, len(words), 2):
            count += 1
            key = words[place].lower()
            if key in seen and count > lede:
                words[place] = ""
            else:
                seen.add(key)
        pieces[at] = _BLANKS.sub(" ", "".join(words))
    return html[:start] + "".join(pieces)


def stroke_d(text: str) -> str:
    """NFC text with `đ`/`Đ` written as `d`/`D` + U+0335, the form the index holds."""
    return nfc(text).replace("đ", "d" + STROKE).replace("Đ", "D" + STROKE)


def index_shard(
    site_dir: Path,
    pages: Iterable[str],
    output: Path,
    lede: int,
    copies: BundleCache | None = None,
) -> None:
    """Index built pages (paths relative to `site_dir`) into `output`, a bundle of data only.

    What Pagefind reads is `searchable(page)`, thinned after the lede, with `đ` as a mark.
    Pagefind's binary reads a folder of rewritten copies: handing it pages one by one through
    its Python API costs a round trip each (ten times slower at 10,000 articles), and that API
    needs an asyncio loop of its own, which a build inside another loop cannot start. The
    scripts Pagefind writes beside the data are dropped: the search page loads them once, from
    the bundle `index_scripts` makes, and merges every year's data into it. `copies` (the
    bundle cache) keeps the rewritten pages, so unchanged ones are linked, not rewritten.
    """
    # Inside the cache (its `entry` made the folder): links need the same file system.
    near = copies.root if copies is not None else None
    with tempfile.TemporaryDirectory(prefix=".bantin-search-", dir=near) as folder:
        for page in pages:
            copy = Path(folder, page)
            copy.parent.mkdir(parents=True, exist_ok=True)
            if copies is not None and copies.link_copy(page, copy):
                continue
            html = searchable((site_dir / page).read_text(encoding="utf-8"))
            copy.write_text(stroke_d(first_occurrences(html, lede)), "utf-8")
            if copies is not None:
                copies.keep_copy(page, copy)
        run_pagefind(Path(folder), output)
    for path in output.iterdir():
        if not (path.is_dir() or path.name == ENTRY or path.suffix == ".pf_meta"):
            path.unlink()


def index_scripts(output: Path) -> None:
    """Pagefind's scripts and WebAssembly in `output`, over an index of one placeholder page
    (Pagefind refuses an empty one), which the search page leaves out of results.

    A Pagefind instance fetches the WebAssembly from its first index and merges the others
    into it without fetching it again. Giving every instance this same first index means a
    reader downloads the scripts once, whichever years a query searches.
    """
    with tempfile.TemporaryDirectory(prefix="bantin-search-") as folder:
        shutil.copyfile(PLACEHOLDER, Path(folder, "index.html"))
        run_pagefind(Path(folder), output)
    for path in output.iterdir():
        if path.name.startswith(UNUSED):
            path.unlink()


def run_pagefind(folder: Path, output: Path, language: str = "vi") -> None:
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
