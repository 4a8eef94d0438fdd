"""HTML pasted as text: the words a reader sees, one block a line, nothing executable kept.

Staff sometimes paste a page's source (or a fragment of it) instead of its text. lxml's HTML
parser reads it as browsers do (unclosed tags, entities); scripts, styles, forms and embedded
frames are dropped, block elements and <br> end lines, and images leave nothing behind.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

_MARKUP = re.compile(
    r"<(?:p|div|br|h[1-6]|span|strong|em|b|i|a|img|figure|figcaption|table|tr|td|ul|ol|li|"
    r"article|section|script|style)\b[^>]*>",
    re.IGNORECASE,
)
_DROP = ("script", "style", "noscript", "iframe", "form", "button", "input", "select", "textarea",
         "svg", "template", "head", "object", "embed")  # fmt: skip
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "table",
        "tr",
        "td",
        "th",
        "figure",
        "figcaption",
        "blockquote",
        "article",
        "section",
        "header",
        "footer",
        "aside",
        "nav",
        "main",
        "dd",
        "dt",
        "dl",
        "pre",
        "address",
        "caption",
    ]
)


def looks_like_html(text: str) -> bool:
    """Pasted markup rather than text: several tags of the kinds pages are made of."""
    return len(_MARKUP.findall(text[:20000])) >= 3


def html_text(markup: str) -> str:
    """The text of an HTML page or fragment, one block a line."""
    root = lxml_html.fromstring(markup)
    return element_text(root)


def element_text(root) -> str:
    """The visible text under `root`, one block a line, without scripts and styles."""
    for bad in list(root.iter(*_DROP)):
        if bad.getparent() is not None:
            bad.drop_tree()
    pieces: list[str] = []
    _walk(root, pieces)
    lines = [" ".join(line.split()) for line in "".join(pieces).split("\n")]
    return "\n".join(line for line in lines if line)


def _walk(element, pieces: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    block = tag.lower() in _BLOCKS
    if block:
        pieces.append("\n")
    if tag.lower() == "br":
        pieces.append("\n")
    if element.text and tag:
        pieces.append(element.text)
    for child in element:
        _walk(child, pieces)
        if child.tail:
            pieces.append(child.tail)
    if block:
        pieces.append("\n")
