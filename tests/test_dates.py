from datetime import datetime

import pytest
from bantin.model.dates import VIETNAM, DateFormatError, date_line, parse_date


@pytest.mark.parametrize(
    ("value", "line"),
    [
        ("2022-06-04", "Thứ Bảy, 04/06/2022"),
        ("2023-01-12", "Thứ Năm, 12/01/2023"),
        ("2024-10-16", "Thứ Tư, 16/10/2024"),
        ("2019-06-23", "Chủ Nhật, 23/06/2019"),
        ("2019-06-17", "Thứ Hai, 17/06/2019"),
        ("2023-12-02T20:34", "Thứ Bảy, 02/12/2023, 20:34"),
        ("2023-12-02 20:34", "Thứ Bảy, 02/12/2023, 20:34"),
        # 23:30 UTC on the 1st is 06:30 on the 2nd in Vietnam
        ("2023-12-01T23:30:00Z", "Thứ Bảy, 02/12/2023, 06:30"),
    ],
)
def test_date_line_as_portals_print_it(value, line):
    assert date_line(parse_date(value)) == line


def test_dates_are_aware_in_vietnam():
    published = parse_date("2022-06-04")
    assert published.moment == datetime(2022, 6, 4, tzinfo=VIETNAM)
    assert published.moment.utcoffset().total_seconds() == 7 * 3600
    assert not published.has_time


@pytest.mark.parametrize("value", ["31/02/2025", "2025-02-31", "04-06-2022", "hôm qua", "2022-6-4"])
def test_bad_dates_are_refused_in_vietnamese(value):
    with pytest.raises(DateFormatError) as error:
        parse_date(value)
    assert value in str(error.value)
