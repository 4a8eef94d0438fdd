"""Dates as legacy portals and reporters write them: "Thứ Bảy, 04/06/2022", "20:34 02/12/2023",
"ngày 5 tháng 3 năm 2021", "Chiều 16/10/2024, ..." (inside the lead), "Sáng 12/1, ..." (no year).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date, datetime, time

_WEEKDAY = r"(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật|cn|t[2-7])"
_DATE = re.compile(
    r"(?<![\d/.-])(?:"
    r"(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})(?:\s*(?P=sep)\s*(?P<y>\d{4}))?"
    r"|ngày\s+(?P<wd>\d{1,2})\s+tháng\s+(?P<wm>\d{1,2})(?:\s*(?:năm|,|/)\s*(?P<wy>\d{4}))?"
    r"|(?P<xd>\d{1,2})\s+tháng\s+(?P<xm>\d{1,2})\s*(?:năm|,)?\s*(?P<xy>\d{4})"
    r"|(?P<iy>\d{4})(?P<isep>[-/.])(?P<im>\d{1,2})(?P=isep)(?P<id>\d{1,2})"
    r")(?![\d/])",
    re.IGNORECASE,
)
# "20:34", "16h00", "02 : 48 PM", "09:41:13", "08:15 SA" (sáng) or "CH" (chiều).
_TIME = re.compile(
    r"(?<![\d/])(?P<H>[01]?\d|2[0-3])\s*(?::|h|giờ)\s*(?P<M>[0-5]\d)(?:\s*:\s*[0-5]\d)?"
    r"(?:\s*(?:phút|'))?(?:\s*(?P<ap>AM|PM|SA|CH)(?!\w))?(?!\d)",
    re.IGNORECASE,
)
_ZONE = re.compile(r"[\[(]?\s*(?:gmt|utc)\s*\+\s*0?7(?::?00)?\s*[\])]?", re.IGNORECASE)
# A date line written with spaces only: "03 03 2016".
_SPACED = re.compile(r"^\s*(\d{1,2})\s+(\d{1,2})\s+(\d{4})\s*$")
# What may surround a date on a portal's date line besides the date and time themselves.
_LINE_WORDS = re.compile(
    rf"{_WEEKDAY}|cập\s*nhật(?:\s*lúc)?|ngày\s*(?:đăng|cập\s*nhật)|(?:được\s*)?đăng(?:\s*(?:ngày|lúc))?|"
    r"posted(?:\s*on)?|published|updated|thời\s*gian|lúc|ngày|"
    r"[\[(]?\s*(?:gmt|utc)\s*\+?\s*0?7(?::?00)?\s*[\])]?|[,|:;()\[\]\-–—/.]",
    re.IGNORECASE,
)
_VIEWS = re.compile(
    r"^\s*(?:lượt\s*xem|số\s*lượt\s*xem|views?)?\s*:?\s*(\d[\d.,]*)\s*(?:lượt\s*xem|lượt)?\s*$",
    re.IGNORECASE,
)
_LEAD_SPAN = 400
_SPAN_GAP = re.compile(r"^\s*[-–—]\s*$")
_SPAN_NEXT = re.compile(r"\s*[-–—]\s*\d{1,2}\s*[/.]\s*\d{1,2}\s*[/.]\s*\d{4}")
# "... số 09-KH/ĐTN, ngày ", "Quyết định 1515 ngày ": what comes before a document's date.
_DOCUMENT = re.compile(
    r"(?:số|kế\s*hoạch|quyết\s*định|nghị\s*quyết|công\s*văn|hướng\s*dẫn|thông\s*báo|chỉ\s*thị)"
    r"\s*:?\s*[\w./\-]*\d[\w./\-]*\s*,?\s*(?:ngày\s*)?$",
    re.IGNORECASE,
)
# Words that open a lead with the time of the event: "Sáng 04/6/2022, ...", "Ngày 12/1, ...".
_OPENER = re.compile(
    r"^(?:(?:sáng|chiều|tối|trưa|đêm)(?:\s+(?:nay|qua|ngày))?|ngày|hôm|vào(?:\s+ngày)?|"
    r"từ\s+ngày|trong\s+(?:hai\s+)?ngày|tối\s+ngày)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundDate:
    """A date written in text; `year` is None for "12/1" forms."""

    day: int
    month: int
    year: int | None
    at: time | None
    start: int
    end: int

    def on(self, year: int | None = None) -> date | None:
        """The calendar day, with `year` supplied when the text gave none; None if impossible."""
        try:
            return date(self.year or year, self.month, self.day) if (self.year or year) else None
        except ValueError:
            return None


@dataclass(frozen=True)
class DateLine:
    """A whole line that is a date (the portal's date line); `views` is a counter found after it."""

    found: FoundDate
    views: str | None


def find_dates(text: str) -> list[FoundDate]:
    """Every plausible date in `text`, in order; times next to a date are attached to it."""
    found = []
    for match in _DATE.finditer(text):
        groups = match.groupdict()
        day = groups["d"] or groups["wd"] or groups["xd"] or groups["id"]
        month = groups["m"] or groups["wm"] or groups["xm"] or groups["im"]
        year = groups["y"] or groups["wy"] or groups["xy"] or groups["iy"]
        if groups["sep"] in (".", "-") and not year:
            continue  # "5.3" or "5-3" without a year is a number or a range, not a date
        day, month = int(day), int(month)
        if groups["sep"] == "/" and year and month > 12 >= day:
            day, month = month, day  # "9/14/2023": only month-first reads as a date
        candidate = FoundDate(day, month, int(year) if year else None, None, *match.span())
        if not (1 <= candidate.month <= 12 and 1 <= candidate.day <= 31):
            continue
        if candidate.year and candidate.on() is None:
            continue
        found.append(_with_time(text, candidate))
    return found


def _with_time(text: str, found: FoundDate) -> FoundDate:
    """A time just before ("20:34 02/12/2023") or after ("04/06/2022, 08:30") the date."""
    before = text[max(0, found.start - 12) : found.start]
    after = text[found.end : found.end + 14]
    for piece, offset, pick in ((before, found.start - len(before), -1), (after, found.end, 0)):
        matches = list(_TIME.finditer(piece))
        if not matches:
            continue
        match = matches[pick]
        gap = piece[match.end() :] if pick == -1 else piece[: match.start()]
        if re.fullmatch(r"[\s,|\-–lúcngàyvào]*", gap, re.IGNORECASE):
            start = min(found.start, offset + match.start())
            end = max(found.end, offset + match.end())
            at = clock(match)
            return FoundDate(found.day, found.month, found.year, at, start, end)
    return found


def clock(match: re.Match) -> time:
    """The time of a `_TIME` match, AM/PM (SA/CH) read on a 12-hour clock."""
    hour, marker = int(match["H"]), (match["ap"] or "").upper()
    if marker in ("PM", "CH") and hour < 12:
        hour += 12
    elif marker in ("AM", "SA") and hour == 12:
        hour = 0
    return time(hour, int(match["M"]))


def date_line(line: str) -> DateLine | None:
    """`line` read as a portal date line, or None when it carries more than a date."""
    if spaced := _SPACED.match(line):
        day, month, year = (int(part) for part in spaced.groups())
        found = FoundDate(day, month, year, None, 0, len(line))
        return DateLine(found, None) if found.on() else None
    dates = [found for found in find_dates(line) if found.year]
    if len(dates) != 1:
        return None
    found = dates[0]
    if found.at is None:  # "08:15 SA, Chủ Nhật, 21/01/2024": the time stands apart
        times = list(
            _TIME.finditer(
                line[: found.start] + " " * (found.end - found.start) + line[found.end :]
            )
        )
        if len(times) == 1:
            span = times[0].span()
            line = line[: span[0]] + " " * (span[1] - span[0]) + line[span[1] :]
            found = FoundDate(
                found.day, found.month, found.year, clock(times[0]), found.start, found.end
            )
    rest = line[: found.start] + " " + _ZONE.sub(" ", line[found.end :])
    views = None
    tail = re.search(r"(\d[\d.,]*)\s*(?:lượt\s*xem|lượt)?\s*$", rest, re.IGNORECASE)
    if tail and tail.start() >= len(line[: found.start]) and _VIEWS.match(tail.group(0)):
        views = tail.group(0).strip()
        rest = rest[: tail.start()]
    rest = _LINE_WORDS.sub(" ", rest)
    if re.sub(r"lượt\s*xem", "", rest, flags=re.IGNORECASE).strip():
        return None
    return DateLine(found, views)


def is_view_counter(line: str) -> bool:
    """A line that is only a view count: "1991", "Lượt xem: 1.234"."""
    return bool(_VIEWS.match(line))


def lead_date(lead: str, year: int | None = None) -> FoundDate | None:
    """The date a lead opens with: "Chiều 16/10/2024, ..."; a date with a year anywhere in its
    opening; "Sáng 12/1, ..." only with `year` from elsewhere. Anniversaries ("(26/3/1931 -
    26/3/2021)") and the dates of documents ("Kế hoạch số 09-KH/ĐTN, ngày 16/10/2023") are not the
    event's date and are passed over."""
    first = lead[:_LEAD_SPAN]
    dates = find_dates(first)
    spans = _ranges(first, dates)
    for index, found in enumerate(dates):
        if found.year and index not in spans and not _DOCUMENT.search(first[: found.start]):
            return found
    if year and dates and _OPENER.match(first) and dates[0].start < 40:
        found = dates[0]
        return FoundDate(found.day, found.month, year, found.at, found.start, found.end)
    return None


def event_date(paragraphs: list[str]) -> FoundDate | None:
    """The event's date as the opening paragraphs state it (the first two that are not captions)."""
    for text in paragraphs[:2]:
        if found := lead_date(text):
            return found
    return None


def _ranges(text: str, dates: list[FoundDate]) -> set[int]:
    """Indexes of dates that make a span of years, as anniversaries are written."""
    inside: set[int] = set()
    for index, (start, end) in enumerate(itertools.pairwise(dates)):
        if start.year and end.year and _SPAN_GAP.match(text[start.end : end.start]):
            inside |= {index, index + 1}
    for index, found in enumerate(dates):  # "26/3/1931-26/3/2018": the second is not matched
        if found.year and _SPAN_NEXT.match(text, found.end):
            inside.add(index)
    return inside


def opens_with_time(line: str) -> bool:
    """A line that starts like a lead ("Sáng 04/6/2022, ...", "Từ ngày 12 đến ...")."""
    return bool(_OPENER.match(line)) and bool(find_dates(line[:60]))


def front_matter_value(day: date, at: time | None) -> str:
    """The contract's form: 2022-06-04, or 2023-12-02T20:34 (Vietnam time)."""
    if at is None:
        return day.isoformat()
    return datetime.combine(day, at).strftime("%Y-%m-%dT%H:%M")
