"""The allowlist for HTML in articles: what Markdown and its extensions make, nothing that runs.

Staff paste HTML from old portals; readers' browsers must run only what we ship. Scripts,
event-handler attributes, `style`, `javascript:` URLs and forms go; iframes stay only when their
`src` is an https address on a video host listed in the config.
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

_EMPTY_IFRAME = re.compile(r"<iframe(?![^>]*\ssrc=)[^>]*>.*?</iframe>", re.DOTALL)


def _filter(video_hosts: frozenset[str], tag: str, attribute: str, value: str) -> str | None:
    if tag == "iframe" and attribute == "src":
        parts = urlsplit(value)
        return value if parts.scheme == "https" and parts.hostname in video_hosts else None
    if attribute == "target":
        return "_blank" if value == "_blank" else None
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
