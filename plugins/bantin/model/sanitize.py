"""The allowlist for HTML in articles: what Markdown and its extensions make, nothing that runs.

Staff paste HTML from old portals; readers' browsers must run only what we ship. Scripts,
event-handler attributes, `style`, `javascript:` URLs and forms go; iframes stay only when their
`src` is an https address on a video host listed in the config.

Every id (and `name`) the content keeps is prefixed with `CONTENT_ID_PREFIX`, and so is every
fragment of a link into the site, so in-page anchors and footnotes still jump. No id from content
can then equal one that Material or our scripts look up (`__config`, `__drawer`, `__search`,
`bt-…`): Material reads its settings from the first `id="__config"` of the page, which an article
could otherwise supply (docs/security.md).
"""

from __future__ import annotations

import re
from functools import partial
from urllib.parse import urlsplit

import nh3

DEFAULT_VIDEO_HOSTS = (
    "www.youtube.com",
    "www.youtube-nocookie.com",
    "player.vimeo.com",
    "www.facebook.com",
)

_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "iframe", "img", "ins", "kbd", "li", "mark", "ol", "p",
    "picture", "pre", "q", "s", "samp", "small", "source", "span", "strong", "sub", "summary",
    "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var",
}  # fmt: skip

_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href", "name", "target"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "source": {"srcset", "type", "media", "sizes", "width", "height"},
    "iframe": {"src", "width", "height", "allow", "allowfullscreen", "loading", "referrerpolicy"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "col": {"span"},
    "ol": {"start", "reversed", "type"},
    "time": {"datetime"},
    "details": {"open"},
}

CONTENT_ID_PREFIX = "nd-"
"""Of every id in content ("nội dung"). Short, because it shows in shared links
(`/gioi-thieu/#nd-lich-su`); the theme's ids start with `__` (Material) or `bt-` (ours) and never
with this (tests/test_security.py checks every page)."""

_EMPTY_IFRAME = re.compile(r"<iframe(?![^>]*\ssrc=)[^>]*>.*?</iframe>", re.DOTALL)


def content_id(value: str) -> str:
    """An id from content as published."""
    return CONTENT_ID_PREFIX + value


def _fragment_prefixed(href: str) -> str:
    """A link into the site with its fragment pointing at the prefixed id; others as they are."""
    base, hash_sign, fragment = href.partition("#")
    if not hash_sign or not fragment:
        return href
    parts = urlsplit(base)
    if parts.scheme or parts.netloc:
        return href
    return f"{base}#{content_id(fragment)}"


def _filter(video_hosts: frozenset[str], tag: str, attribute: str, value: str) -> str | None:
    if tag == "iframe" and attribute == "src":
        parts = urlsplit(value)
        return value if parts.scheme == "https" and parts.hostname in video_hosts else None
    if attribute == "target":
        return "_blank" if value == "_blank" else None
    if attribute in ("id", "name"):
        return content_id(value) if value else None
    if attribute == "href":
        return _fragment_prefixed(value)
    return value


def sanitise(html: str, video_hosts: tuple[str, ...] = DEFAULT_VIDEO_HOSTS) -> str:
    """Clean article HTML against the allowlist; iframes off the video-host list are removed."""
    cleaned = nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
        strip_comments=True,
        attribute_filter=partial(_filter, frozenset(video_hosts)),
    )
    return _EMPTY_IFRAME.sub("", cleaned)
