"""Document numbers in an article's HTML made into links to the documents' pages.

Done on the cleaned HTML, text node by text node: text inside a link, code, a heading's
anchor or a script is left alone, so a number already linked by staff keeps its link and a
number quoted in code stays code.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable

from markupsafe import escape

from ..model.register import Register

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>|<!--.*?-->", re.DOTALL)
SKIPPED = frozenset({"a", "code", "pre", "kbd", "samp", "script", "style", "textarea", "button"})
"""Elements whose text is never made into a link."""
LINK_MARK = "data-document"
"""The attribute (holding the number's key) that marks our links; no class, so they are
underlined like every link in an article's text (bantin.css)."""


def link_numbers(page_html: str, register: Register, href: Callable[[str], str]) -> str:
    """`page_html` with each registered document's number a link to `href(document.url)`."""
    if not register.documents:
        return page_html
    pieces: list[str] = []
    skipped = 0
    last = 0
    for tag in _TAG.finditer(page_html):
        pieces.append(_linked(page_html[last : tag.start()], register, href, skipped))
        pieces.append(tag.group(0))
        last = tag.end()
        name = (tag.group(2) or "").lower()
        if name in SKIPPED and not tag.group(3):
            skipped = max(0, skipped - 1) if tag.group(1) else skipped + 1
    pieces.append(_linked(page_html[last:], register, href, skipped))
    return "".join(pieces)


def _linked(text: str, register: Register, href: Callable[[str], str], skipped: int) -> str:
    if skipped or not text.strip():
        return text
    plain = html.unescape(text) if "&" in text else text
    found = [each for each in register.finder.find(plain) if each.key in register.by_key]
    if not found:
        return text
    out = []
    last = 0
    for each in found:
        document = register.by_key[each.key]
        out.append(str(escape(plain[last : each.start])))
        out.append(
            f'<a href="{escape(href(document.url))}" {LINK_MARK}="{escape(document.key)}" '
            f'title="{escape(document.title + ": " + document.summary)}">'
            f"{escape(each.text)}</a>"
        )
        last = each.end
    out.append(str(escape(plain[last:])))
    return "".join(out)


def relative_url(target: str, page_url: str) -> str:
    """`target` (an address from the site root) as seen from the page at `page_url`."""
    start = page_url.rstrip("/") or "."
    relative = posixpath.relpath(
        target.rstrip("/") or ".",
        start if page_url.endswith("/") else posixpath.dirname(start) or ".",
    )
    return relative + "/" if target.endswith("/") and relative != "." else relative
