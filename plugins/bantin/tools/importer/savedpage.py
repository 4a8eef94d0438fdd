"""A web page saved from a browser ("Lưu trang": NAME.html and its NAME_files/ folder) → the text the
line reader knows, and the page's own photos.

The main content is found with readability-lxml (chosen by measurement on saved Đoàn pages against
trafilatura; figures in the README). Title and date come from the page's metadata when it states
them, else from the lines around the title, read by the same rules as pasted text. Photos are
taken only from files beside the page, never from elsewhere on the disk or the network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from lxml import html as lxml_html

from .dates import date_line
from .markup import element_text

IMAGE_MARK = "⟦ảnh {}⟧"
"""A photo's place among the lines; replaced by the photo's Markdown when the body is written."""
IMAGE_LINE = re.compile(r"^⟦ảnh (\d+)⟧$")
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->")
_PUBLISHED = (
    "//meta[@property='article:published_time']/@content",
    "//meta[@name='pubdate']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//time[@datetime]/@datetime",
)
_IMAGE_TYPES = (".jpg", ".jpeg", ".png", ".webp", ".gif")


@dataclass(frozen=True)
class SavedImage:
    path: Path
    alt: str


@dataclass(frozen=True)
class SavedPage:
    text: str
    """Title line, date line (when metadata gives one), then the main content, one block a line."""
    images: tuple[SavedImage, ...]
    source: str | None
    """The address the browser saved the page from."""


def read_saved_page(path: Path, raw: bytes) -> SavedPage:
    """Read the saved page at `path` (its bytes `raw`)."""
    from readability import Document

    markup = raw.decode("utf-8", errors="replace") if _utf8(raw) else raw.decode("cp1252")
    source = _SAVED_FROM.search(markup[:2000])
    page = lxml_html.fromstring(raw)
    title = _title(page)
    chosen = lxml_html.fromstring(Document(markup).summary(html_partial=True))
    main = _in_page(page, element_text(chosen).split("\n"))
    main = chosen if main is None else main
    images = _images(main, path)
    lines = [line for line in element_text(main).split("\n") if line != title]
    around = _around_title(page, title) if title else ([], [])
    head = [*around[0], title] if title else []
    if not any(date_line(line) for line in lines[:4]):  # the content's own date line comes first
        if published := _published(page):
            head.append(published)
        else:
            head.extend([line for line in around[1] if date_line(line)][:1])
    return SavedPage("\n".join([*head, *lines]), tuple(images), source[1] if source else None)


def _utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _title(page) -> str | None:
    for query in ("//meta[@property='og:title']/@content", "//h1", "//title"):
        found = page.xpath(query)
        if found:
            text = found[0] if isinstance(found[0], str) else found[0].text_content()
            text = " ".join(text.split())
            if query == "//title":
                text = re.split(r"\s+[-|–]\s+(?=[^-|–]+$)", text)[0]
            if text:
                return text
    return None


def _published(page) -> str | None:
    """The publication time the page's metadata states, as a date line ("02/07/2024 16:20")."""
    for query in _PUBLISHED:
        for value in page.xpath(query):
            try:
                when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
            except ValueError:
                continue
            shown = when.strftime("%d/%m/%Y")
            return shown + (when.strftime(" %H:%M") if "T" in value else "")
    return None


def _around_title(page, title: str) -> tuple[list[str], list[str]]:
    """The line just before the title (a section label or breadcrumb, which the extractor leaves
    out) and the few lines after it, in the whole page's text."""
    body = page.find("body")
    lines = element_text(body if body is not None else page).split("\n")
    for index, line in enumerate(lines):
        if line == title:
            before = lines[index - 1 : index] if index else []
            return [b for b in before if len(b.split()) <= 10], lines[index + 1 : index + 5]
    return [], []


def _in_page(page, lines: list[str]):
    """The page's own element that holds the extractor's text from its first line to its last.

    readability-lxml finds the content well but cleans it of blocks without text, photos among
    them; the element it came from still has them, in place."""
    lines = [line for line in lines if len(line) > 20]
    if not lines:
        return None
    first, last = lines[0][:60], lines[-1][-60:]
    best, depth = None, -1
    for element in page.iter():
        if not isinstance(element.tag, str):
            continue
        text = " ".join(element.text_content().split())
        if first in text and last in text:
            level = sum(1 for _ in element.iterancestors())
            if level > depth:
                best, depth = element, level
    return best


def _images(main, page_path: Path) -> list[SavedImage]:
    """The content's photos that lie in the page's own folder, each replaced by its mark."""
    folder = page_path.parent.resolve()
    found: list[SavedImage] = []
    for img in main.iter("img"):
        src = (img.get("src") or "").split("?")[0]
        target = (page_path.parent / src).resolve() if src and "://" not in src else None
        if (
            target is None
            or not target.is_relative_to(folder)
            or target.suffix.lower() not in _IMAGE_TYPES
            or not target.is_file()
        ):
            img.drop_tree()
            continue
        found.append(SavedImage(target, " ".join((img.get("alt") or "").split())))
        mark = lxml_html.Element("p")
        mark.text = IMAGE_MARK.format(len(found))
        img.addprevious(mark)
        img.drop_tree()
    return found
