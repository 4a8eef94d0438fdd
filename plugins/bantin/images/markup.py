"""Images in an article: found in its Markdown (with line numbers), then rewritten in its HTML.

`find_images` reads the Markdown before the build, so a bad image is reported (and a strict build
stopped) before anything is written. `rewrite` works on the sanitised HTML, whose tags nh3 has
already normalised (double-quoted attributes, `<img …>` without a slash); it turns an image alone
in its paragraph into a figure, takes a `{: .bt-caption }` line as its caption, and asks
`render` for the markup, which lives in a theme template.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote

from ..model.text import prose_lines

_MD_IMAGE = re.compile(
    r"!\[(?P<alt>[^\]]*)\]\(\s*<?(?P<src>[^)\s>]+)>?(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
_HTML_IMAGE = re.compile(
    r"<img\b[^>]*?\ssrc\s*=\s*(?:\"([^\"]+)\"|'([^']+)'|([^\s\"'>]+))", re.IGNORECASE
)
"""A raw `<img>` and its src, quoted or not (`<img src=x>` is HTML too, and pasted often)."""
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|/|#)", re.IGNORECASE)

_ATTRIBUTE = re.compile(r'([a-zA-Z_:][-a-zA-Z0-9_:.]*)="([^"]*)"')
_IMAGES = re.compile(
    # An image alone in its paragraph (with caption text after it, or a caption paragraph next)…
    r'<p(?P<caption_class> class="bt-caption")?>\s*(?P<img><img\b[^>]*>)\s*(?:<br>)?\s*'
    r"(?P<text>(?:(?!</p>).)*?)\s*</p>"
    r'(?P<next>\s*<p class="bt-caption">(?P<after>(?:(?!</p>|<img).)*)</p>)?'
    # …or any other image: in running text, a list, a table.
    r"|(?P<lone><img\b[^>]*>)",
    re.DOTALL,
)


@dataclass(frozen=True)
class ImageRef:
    """An image written in an article's Markdown: its line in the file and its path as written."""

    line: int
    src: str


def find_images(markdown: str, first_line: int) -> list[ImageRef]:
    """Local images in Markdown (`![alt](path)` and raw `<img src>`), outside fenced code; SVG
    drawings included, so that they are refused where they are named (`contentfiles`)."""
    found = []
    for number, line in prose_lines(markdown, first_line):
        sources = [m.group("src") for m in _MD_IMAGE.finditer(line)]
        sources += ["".join(groups) for groups in _HTML_IMAGE.findall(line)]
        found += [ImageRef(number, src) for src in sources if is_local(src)]
    return found


def is_local(src: str) -> bool:
    """A path inside the site, not a web address, data: URL or site-absolute path."""
    return not _EXTERNAL.match(src)


def resolve(src: str, base: str) -> str | None:
    """`src` (relative to the folder `base`) as a path from docs_dir; None when it leaves it."""
    written = unquote(src.split("#", 1)[0].split("?", 1)[0])
    path = posixpath.normpath(posixpath.join(base, written))
    if path == ".." or path.startswith("../") or path.startswith("/"):
        return None
    return path


@dataclass(frozen=True)
class Found:
    """An image of the HTML: its attributes (unescaped) and whether it stands as a figure."""

    attributes: dict[str, str]
    caption: str | None
    """Caption HTML (already sanitised) for a figure, else None."""


def rewrite(html_text: str, render: Callable[[Found], str | None]) -> str:
    """Replace each image by `render(found)`; None keeps the image, "" removes it."""
    return _IMAGES.sub(lambda match: _replace(match, render), html_text)


def _replace(match: re.Match, render: Callable[[Found], str | None]) -> str:
    if match.group("lone"):
        rendered = render(Found(_attributes(match.group("lone")), None))
        return match.group(0) if rendered is None else rendered
    text = match.group("text")
    if text and not match.group("caption_class"):
        # An image at the start of running text: the paragraph stays, the image goes inline.
        rendered = render(Found(_attributes(match.group("img")), None))
        if rendered is None:
            return match.group(0)
        start, end = match.span("img")
        whole = match.group(0)
        return whole[: start - match.start()] + rendered + whole[end - match.start() :]
    attributes = _attributes(match.group("img"))
    caption = text or match.group("after") or html.escape(attributes.get("title", ""))
    # A caption paragraph after an image that already has its caption belongs to no one here.
    untouched = (match.group("next") or "") if text else ""
    rendered = render(Found(attributes, caption))
    if rendered is None:
        return match.group(0)
    if rendered == "" and caption:
        return f'<p class="bt-caption">{caption}</p>' + untouched
    return rendered + untouched


def _attributes(tag: str) -> dict[str, str]:
    return {name: html.unescape(value) for name, value in _ATTRIBUTE.findall(tag)}
