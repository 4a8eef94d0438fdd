"""Dates of articles: parsing the front-matter forms and printing them as Vietnamese portals do."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")

_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?")


@dataclass(frozen=True)
class Published:
    """When an article was published: an aware datetime and whether a time of day was given."""

    moment: datetime
    has_time: bool


class DateFormatError(ValueError):
    """The value is not a date of the contract's forms; the message is for staff, in Vietnamese."""


def parse_date(value: str) -> Published:
    """Parse `YYYY-MM-DD` or ISO 8601 with time; a time without zone is Vietnam time."""
    text = value.strip()
    expected = "cần dạng YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM (giờ Việt Nam)"
    if _DATE_ONLY.fullmatch(text):
        try:
            day = date.fromisoformat(text)
        except ValueError:
            raise DateFormatError(f"ngày không tồn tại: '{text}'") from None
        return Published(datetime.combine(day, time(0, 0), VIETNAM), has_time=False)
    if _DATE_TIME.fullmatch(text):
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise DateFormatError(f"ngày giờ không tồn tại: '{text}'") from None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=VIETNAM)
        try:
            return Published(moment.astimezone(VIETNAM), has_time=True)
        except OverflowError:  # the last hours of year 9999, moved to +07:00
            raise DateFormatError(f"ngày giờ không tồn tại: '{text}'") from None
    raise DateFormatError(f"{expected}, nhận được '{text}'")


FOUNDED = date(1931, 3, 26)
"""The Youth Union's founding day: no article of it is older; an earlier year is a typo."""

AHEAD = timedelta(days=366)
"""How far ahead an article may be scheduled. A future article is left out of the site until its
day comes, so a mistyped year (2052 for 2025, 9999) would hide it for ever without a word; a
year ahead covers every real schedule (an anniversary announced a year before)."""


def check_plausible(published: Published, now: date | None = None) -> None:
    """Raise `DateFormatError` for a date before `FOUNDED` or more than `AHEAD` after today."""
    day = published.moment.date()
    latest = (now or today()) + AHEAD
    if day < FOUNDED:
        raise DateFormatError(
            f"ngày {day:%d/%m/%Y} trước ngày thành lập Đoàn (26/03/1931): có gõ nhầm năm không?"
        )
    if day > latest:
        raise DateFormatError(
            f"ngày {day:%d/%m/%Y} quá xa (sau {latest:%d/%m/%Y}): có gõ nhầm năm không? "
            "Bài hẹn ngày đăng chỉ được hẹn trong vòng một năm"
        )


def date_line(published: Published) -> str:
    """The portal date line: "Thứ Bảy, 04/06/2022", with ", 20:34" when a time was given."""
    moment = published.moment
    line = f"{WEEKDAYS[moment.weekday()]}, {moment:%d/%m/%Y}"
    return f"{line}, {moment:%H:%M}" if published.has_time else line


def month_label(year: int, month: int) -> str:
    """ "Tháng 6/2022", as archives name a month."""
    return f"Tháng {month}/{year}"


def today() -> date:
    """Today's date in Vietnam, whatever the machine's zone."""
    return datetime.now(VIETNAM).date()
