"""The lines of a legacy article, each given its part: title, date line, category label, junk from
the portal's page, photo caption, signature or body.

Reporters' text reaches us copied from old portals, one paragraph a line. The head holds (in some
order, some missing) portal junk, a title, a date line and a category label glued to the lead; the
body alternates paragraphs and photo captions; a short signature closes it. The portal's
furniture (furniture.py) is dropped before any of this, and after a heading of related news, tags
or comments everything to the end is; so furniture is never the title or the signature.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ...model.text import clean
from .dates import DateLine, date_line, is_view_counter, opens_with_time
from .furniture import junk_reason as furniture_reason
from .furniture import opens_tail
from .signature import looks_like_signature

_VIEWS_REASON = "bộ đếm lượt xem"
_TAIL_REASON = "tin liên quan, từ khoá hoặc bình luận của cổng (sau bài)"
_CELL = re.compile(r"(?<=[.!?…”\"])\s+\|$")
"""A table cell's bar left on a caption: "Xã Thủy Phù ... cấp cơ sở. |"."""
_CRUMB = re.compile(r"\s+[/>»›|]\s+")
_GAP = re.compile(
    r"^(?P<label>[^\s:].{1,60}?)(?:[\s\u00a0]*\u00a0[\s\u00a0]*|\s{2,}|\s*[|»›]\s*)(?P<rest>\S.*)$"
)
_END_OF_SENTENCE = re.compile(r"[.;:,…]$|\.\.\.$")
# "1. Kết quả", "II. Nhiệm vụ", "a) Về tuyên truyền": numbered headings of the body, not captions.
_NUMBERED = re.compile(r"^(?:\d{1,2}|[IVX]{1,4}|[a-zđ])[.)]\s")
_HEAD_SIZE = 6
_GLUED = re.compile(r"\./\.\s+(?P<name>[^.]{2,40})$")


@dataclass(frozen=True)
class Line:
    number: int
    """1-based line of the input file."""
    text: str
    """Cleaned: NFC, non-breaking and repeated spaces collapsed, ends trimmed."""


@dataclass(frozen=True)
class Dropped:
    number: int
    text: str
    reason: str


@dataclass(frozen=True)
class Paragraph:
    number: int
    text: str
    caption: bool = False


@dataclass
class Layout:
    """What each line of one legacy article turned out to be."""

    title: Line | None = None
    date: DateLine | None = None
    date_source: Line | None = None
    category: str | None = None
    """The category label as written, when the registry knows it."""
    category_source: Line | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    signature: Line | None = None
    dropped: list[Dropped] = field(default_factory=list)

    @property
    def lead(self) -> str:
        body = [p for p in self.paragraphs if not p.caption]
        return body[0].text if body else ""

    @property
    def captions(self) -> list[str]:
        return [p.text for p in self.paragraphs if p.caption]

    def roles(self) -> dict[int, str]:
        """Where each line with text went (the report's proof that nothing was lost)."""
        found: dict[int, str] = {}
        for line, role in (
            (self.title, "title"),
            (self.date_source, "date"),
            (self.category_source, "category"),
            (self.signature, "author"),
        ):
            if line is not None:
                found[line.number] = role
        for paragraph in self.paragraphs:
            found[paragraph.number] = "caption" if paragraph.caption else "body"
        for dropped in self.dropped:  # a view count after a date leaves that line a date line
            found.setdefault(dropped.number, "dropped")
        return dict(sorted(found.items()))


def read_lines(text: str, is_category: Callable[[str], str | None]) -> Layout:
    """Classify every line of `text`; `is_category` maps a label to its registry name, or None."""
    layout = Layout()
    content: list[tuple[Line, str]] = []  # (cleaned line, raw line) for lines with text
    tail = False
    for number, raw in enumerate(text.split("\n"), start=1):
        line = Line(number, _CELL.sub("", clean(raw)))
        if not line.text:
            continue
        if tail:
            layout.dropped.append(Dropped(number, line.text, _TAIL_REASON))
        elif opens_tail(line.text):
            tail = len(content) > 2  # in the head it is a menu entry; after the text, the end
            layout.dropped.append(Dropped(number, line.text, _TAIL_REASON))
        elif (reason := junk_reason(line.text)) and not date_line(line.text):
            if layout.category is None and _CRUMB.search(line.text):
                name = _category(line.text, is_category)  # "Trang chủ / Tin tức / Tin hoạt động"
                if name:
                    layout.category, layout.category_source = name, line
                    continue
            layout.dropped.append(Dropped(number, line.text, reason))
        elif content and line.text == content[-1][0].text:
            layout.dropped.append(Dropped(number, line.text, "dòng lặp lại"))
        else:
            content.append((line, raw))
    body_start = _read_head(content, layout, is_category)
    _read_body(content[body_start:], layout)
    return layout


def junk_reason(text: str) -> str | None:
    """Why a cleaned line is portal junk, or None when it is content."""
    if reason := furniture_reason(text):
        return reason
    if opens_tail(text):
        return _TAIL_REASON
    if is_view_counter(text):
        return _VIEWS_REASON
    return None


def _read_head(content, layout: Layout, is_category) -> int:
    """Title, date line and category label before the lead; returns where the body starts."""
    for index, (line, raw) in enumerate(content[:_HEAD_SIZE]):
        if layout.date is None and (found := date_line(line.text)):
            layout.date, layout.date_source = found, line
            if found.views:
                layout.dropped.append(Dropped(line.number, found.views, _VIEWS_REASON))
            continue
        if layout.category is None and (name := _category(line.text, is_category)):
            layout.category, layout.category_source = name, line
            continue
        if layout.title is None and _is_label(line.text, content[index + 1 :]):
            layout.dropped.append(Dropped(line.number, line.text, "nhãn chuyên mục của cổng"))
            continue
        has_more = index + 1 < len(content)
        if layout.title is None and has_more and looks_like_title(line.text):
            layout.title = line
            continue
        if layout.category is None and (split := _label(raw, is_category)):
            name, label, rest = split
            layout.category, layout.category_source = name, Line(line.number, label)
            content[index] = (Line(line.number, rest), rest)
        return index
    return min(len(content), _HEAD_SIZE)


def _category(text: str, is_category) -> str | None:
    """A category label, or the deepest part of a breadcrumb when the registry knows it ("Hoạt
    động / Công tác xây dựng Đoàn"; "Tin tức > Thời sự" is not "Tin tức")."""
    return is_category(_CRUMB.split(text)[-1])


def _is_label(text: str, after) -> bool:
    """A section label or breadcrumb above the title ("Giới trẻ", "Trang địa phương - Huyện Võ
    Nhai"): short, no sentence, and followed by a longer line that reads as the title."""
    words = text.split()
    following = [line.text for line, _ in after[:2] if not date_line(line.text)]
    if not following:
        return False  # the last line with text is never a label: nothing would be left
    if _CRUMB.search(text) and not _END_OF_SENTENCE.search(text):
        return True
    parts = [part.split() for part in re.split(r"\s+[-–]\s+", text)]
    short = len(words) <= 4 or (len(parts) == 2 and all(len(p) <= 4 for p in parts))
    if not short or _END_OF_SENTENCE.search(text) or re.search(r"\d", text):
        return False
    longest = max(len(part) for part in parts)
    return (
        bool(following)
        and looks_like_title(following[0])
        and (len(following[0].split()) >= longest + 3)
    )


def _label(raw: str, is_category) -> tuple[str, str, str] | None:
    """ "Xây dựng Đoàn   ĐTN: Chiều 01/12, ..." → (registry name, label, the rest)."""
    match = _GAP.match(raw.strip())
    if not match:
        return None
    label, rest = clean(match["label"]), clean(match["rest"])
    if not rest[:1].isupper():
        return None  # "Tình nguyện  là ..." is a sentence with a double space, not a label
    name = is_category(label)
    return (name, label, rest) if name else None


def _read_body(content, layout: Layout) -> None:
    if len(content) > 1 and looks_like_signature(content[-1][0].text):
        layout.signature = content[-1][0]
        content = content[:-1]
    elif (
        content
        and (glued := _GLUED.search(content[-1][0].text))
        and looks_like_signature(glued["name"])  # "... nhiệm kỳ 2022-2027./. Ngọc Quân"
    ):
        last = content[-1][0]
        layout.signature = Line(last.number, glued["name"])
        kept = last.text[: glued.start("name")].rstrip()
        content = [*content[:-1], (Line(last.number, kept), kept)]
    for index, (line, _) in enumerate(content):
        caption = index > 0 and index + 1 < len(content) and looks_like_caption(line.text)
        caption = caption or (index > 0 and index + 1 == len(content) and _short_label(line.text))
        layout.paragraphs.append(Paragraph(line.number, line.text, caption))


def looks_like_title(text: str) -> bool:
    words = text.split()
    return (
        3 <= len(words) <= 40
        and len(text) <= 250
        and not _END_OF_SENTENCE.search(text)
        and not opens_with_time(text)
        and (text[0].isupper() or text[0].isdigit())  # "41 tân sinh viên được tặng học bổng"
    )


def looks_like_caption(text: str) -> bool:
    """Photo captions: a short line with no closing punctuation between paragraphs."""
    return (
        len(text) <= 160
        and len(text.split()) <= 30
        and not _END_OF_SENTENCE.search(text)
        and (text[0].isupper() or text[0] in '(“"')
        and not _NUMBERED.match(text)
        and not (text.isupper() and len(text.split()) > 1)  # a heading in capitals
    )


def _short_label(text: str) -> bool:
    return len(text.split()) <= 8 and looks_like_caption(text)
