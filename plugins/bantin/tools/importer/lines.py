"""The lines of a legacy article, each given its part: title, date line, category label, junk from
the portal's page, photo caption, signature or body.

Reporters' text reaches us copied from old portals, one paragraph a line. The head holds (in some
order, some missing) portal junk, a title, a date line and a category label glued to the lead; the
body alternates paragraphs and photo captions; a short signature closes it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ...model.text import clean
from .dates import DateLine, date_line, is_view_counter, opens_with_time

_JUNK = [
    (re.compile(r"PublishingPortal|Block_\w+", re.I), "khối giao diện của cổng thông tin"),
    (re.compile(r"^(?:tăng|giảm)\s+cỡ\s+chữ", re.I), "thanh công cụ của cổng thông tin"),
    (re.compile(r"^trang\s+chủ(?:\s*[>»/|›].*)?$", re.I), "đường dẫn trang của cổng thông tin"),
    (
        re.compile(
            r"^(?:in\s+bài(?:\s+viết)?|gửi\s+(?:email|bài\s+viết|cho\s+bạn\s+bè)|bản\s+in|chia\s+sẻ|"
            r"quay\s+lại|trở\s+về|lên\s+đầu\s+trang|về\s+trang\s+trước|bình\s+luận|"
            r"facebook|twitter|zalo|tweet|like|share)(?:\s*[|/]\s*\w+)*\s*:?$",
            re.I,
        ),
        "nút của cổng thông tin",
    ),
    (
        re.compile(
            r"^(?:liên\s+kết\s+website|tin\s+liên\s+quan|các\s+tin\s+(?:khác|đã\s+đưa)|"
            r"tin\s+khác|xem\s+thêm|tin\s+mới\s+nhất|tin\s+đọc\s+nhiều)\s*:?$",
            re.I,
        ),
        "mục của cổng thông tin",
    ),
]
_VIEWS_REASON = "bộ đếm lượt xem"
_GAP = re.compile(
    r"^(?P<label>[^\s:].{1,60}?)(?:[\s\u00a0]*\u00a0[\s\u00a0]*|\s{2,}|\s*[|»›]\s*)(?P<rest>\S.*)$"
)
_END_OF_SENTENCE = re.compile(r"[.;:,…]$|\.\.\.$")
# "1. Kết quả", "II. Nhiệm vụ", "a) Về tuyên truyền": numbered headings of the body, not captions.
_NUMBERED = re.compile(r"^(?:\d{1,2}|[IVX]{1,4}|[a-zđ])[.)]\s")
_HEAD_SIZE = 6


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
    for number, raw in enumerate(text.split("\n"), start=1):
        line = Line(number, clean(raw))
        if not line.text:
            continue
        if reason := junk_reason(line.text):
            layout.dropped.append(Dropped(number, line.text, reason))
            continue
        content.append((line, raw))
    body_start = _read_head(content, layout, is_category)
    _read_body(content[body_start:], layout)
    return layout


def junk_reason(text: str) -> str | None:
    """Why a cleaned line is portal junk, or None when it is content."""
    for pattern, reason in _JUNK:
        if pattern.search(text):
            return reason
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
        if layout.category is None and (name := is_category(line.text)):
            layout.category, layout.category_source = name, line
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
        and text[0].isupper()
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


def looks_like_signature(text: str) -> bool:
    """ "Ban Xây dựng Đoàn", "BTV", "Ngọc Tú", "ANH DUY", "Tin, ảnh: Ngọc Tú"."""
    name = re.sub(
        r"^(?:tin|ảnh|bài|tin\s*,?\s*ảnh|tin\s+và\s+ảnh|bài\s+và\s+ảnh)\s*:\s*",
        "",
        text,
        flags=re.I,
    )
    return (
        0 < len(name.split()) <= 6
        and len(text) <= 60
        and not re.search(r"\d", name)
        and not _END_OF_SENTENCE.search(text.rstrip("."))
        and name[0].isupper()
    )
