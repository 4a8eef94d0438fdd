"""Material's stylesheet without the components a Bản Tin page never shows.

Material's `main.*.min.css` is 137 KB (23 KB gzipped) and styles its header, tabs, drawer,
search, code highlighting, content tabs, tooltips, consent banner and more. Our main.html
replaces the header, the tabs and the footer and runs no Material script, and articles pass an
HTML allowlist, so those rules reach no page. On a phone at 400 kbit/s the stylesheet blocks the
first paint; the trimmed one is 43 KB (9 KB gzipped), measured with scripts/bench-pages
(issue 19). What stays: the page grid, the typeset content (headings, lists, tables,
admonitions, footnotes, code, figures), buttons, the table of contents of static pages.

Selectors are dropped one by one, never a rule a kept selector shares, and only when they name
a component in `UNUSED`; @keyframes go (every animation here belongs to a dropped component).
Trimming is idempotent, so a stylesheet carried over from the previous build stays the same.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

# Components no page of ours renders (Material's class names, as of 9.x).
UNUSED = re.compile(
    r"\.md-(?:search|source|version|annotation|tooltip2?|clipboard|dialog|consent|banner"
    r"|select|option|progress|tag|post|social|header|tabs|top|footer|overlay|status|feedback"
    r"|author|profile|path|logo|icon|ellipsis|content__button|sidebar--primary"
    r"|nav--primary|nav--lifted|nav__source|nav__button|nav__icon|nav__toggle|nav__container"
    r"|nav__link--passed|hero|blog|draft|meta|code__)"
    r"|\.(?:tabbed|task-list|highlight|linenos|linenodiv|filename|critic|emojione|twemoji"
    r"|gemoji|keys|arithmatex|mermaid|grid|card|tx-|mdx-)"
    r"|\.md-typeset (?:details|summary)|\[data-md-color-scheme=slate\]"
)
STYLESHEET = re.compile(r"main\.[0-9a-f]+\.min\.css$")


def trim(css: str) -> str:
    """`css` without the selectors that name an unused component; rules left without a
    selector, and @media blocks left empty, go too."""
    return "".join(_trimmed(_rules(css)))


def _trimmed(rules: list[tuple[str, str]]) -> list[str]:
    kept = []
    for head, body in rules:
        if head.startswith(("@media", "@supports", "@layer", "@container")):
            inner = "".join(_trimmed(_rules(body)))
            if inner:
                kept.append(f"{head}{{{inner}}}")
        elif head.startswith("@keyframes"):
            continue
        elif head.startswith("@") or head == "":
            kept.append(f"{head}{{{body}}}" if head else body)
        else:
            selectors = [s for s in _split_selectors(head) if not UNUSED.search(s)]
            if selectors:
                kept.append(f"{','.join(selectors)}{{{body}}}")
    return kept


def _rules(css: str) -> list[tuple[str, str]]:
    """Top-level (head, body) pairs of `css`; braces inside strings and comments don't count.
    Text after the last rule (a comment) comes back with an empty head."""
    rules: list[tuple[str, str]] = []
    depth, start, body_start, i, n = 0, 0, 0, 0, len(css)
    while i < n:
        char = css[i]
        if char in "\"'":
            i = _string_end(css, i)
        elif css.startswith("/*", i):
            end = css.find("*/", i + 2)
            i = n if end < 0 else end + 2
            if depth == 0:
                start = i  # comments between rules are dropped (the source map's among them)
            continue
        elif char == ";" and depth == 0:  # @charset, @import
            rules.append(("", css[start : i + 1].strip()))
            start = i + 1
        elif char == "{":
            if depth == 0:
                body_start = i + 1
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                rules.append((css[start : body_start - 1].strip(), css[body_start:i]))
                start = i + 1
        i += 1
    rest = css[start:].strip()
    if rest:
        rules.append(("", rest))
    return rules


def _string_end(css: str, i: int) -> int:
    quote, i = css[i], i + 1
    while i < len(css) and css[i] != quote:
        i += 2 if css[i] == "\\" else 1
    return i


def _split_selectors(head: str) -> list[str]:
    """Selectors of a rule, split at the commas outside parentheses (`:is(a, b)` stays whole)."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(head):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(head[start:i])
            start = i + 1
    parts.append(head[start:])
    return [part.strip() for part in parts if part.strip()]


def trim_site(site_dir: Path) -> list[Path]:
    """Trim Material's stylesheet in a built site, in place (a new file renamed over the old,
    so a file linked from the previous build is not written through). Returns what it trimmed."""
    folder = site_dir / "assets" / "stylesheets"
    done = []
    for path in sorted(folder.glob("main.*.min.css")) if folder.is_dir() else []:
        if not STYLESHEET.search(path.name):
            continue
        css = path.read_text(encoding="utf-8")
        trimmed = trim(css)
        if trimmed != css:
            temporary = path.with_name(path.name + ".trim")
            temporary.write_text(trimmed, encoding="utf-8")
            os.replace(temporary, path)
        done.append(path)
    return done
