"""Links from an article to other files of content/, checked before the build.

MkDocs finds a link to a missing page only while it renders, in English and without a line, so
`bantin check` passed what the strict build then failed. Here each relative link of the Markdown
(`[chữ](bai-khac.md)`, `[tệp](../../tai-lieu/ke-hoach.pdf)`) whose target names a file is looked
up among the files of content/; a missing or refused one is an error at its line. Images are the
images plugin's (`![…](…)`); links to folders, to pages by address and anchors are MkDocs'.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote

from .contentfiles import Inventory
from .text import prose_lines

_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?(?P<target>[^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)")
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|/|#)", re.IGNORECASE)

FIELD = "liên kết"


def broken_links(
    body: str, body_line: int, src: str, inventory: Inventory
) -> list[tuple[int, str]]:
    """(line, Vietnamese message) for each link of `body` to a file of content/ that is not
    there or is refused; `src` is the article's path from docs_dir."""
    if "](" not in body:
        return []
    folder = posixpath.dirname(src)
    found = []
    for number, line in prose_lines(body, body_line):
        if "](" not in line:
            continue
        for match in _LINK.finditer(line):
            target = match.group("target")
            if problem := _problem(target, folder, inventory):
                found.append((number, f"'{target}': {problem}"))
    return found


def _problem(target: str, folder: str, inventory: Inventory) -> str | None:
    if _EXTERNAL.match(target):
        return None
    written = unquote(target.split("#", 1)[0].split("?", 1)[0])
    if not posixpath.splitext(written)[1]:
        return None  # a folder or an address: MkDocs resolves those
    path = posixpath.normpath(posixpath.join(folder, written))
    if path == ".." or path.startswith("../"):
        return "đường dẫn đi ra ngoài thư mục content/"
    if path in inventory.refused:
        return f"tệp content/{path} không được xuất bản (xem lỗi ở tệp đó)"
    if path not in inventory.files:
        return f"không có tệp content/{path}; hãy sửa đường dẫn (tính từ thư mục của bài)"
    return None
