"""Dates of articles: parsing the front-matter forms and printing them as Vietnamese portals do."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
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
        return Published(moment.astimezone(VIETNAM), has_time=True)
    raise DateFormatError(f"{expected}, nhận được '{text}'")


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
