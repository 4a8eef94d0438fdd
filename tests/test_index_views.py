"""The pure parts of the index pages: pagination bars, feed dates and texts."""

from datetime import datetime
from pathlib import Path

import feedparser
import pytest
from bantin.indexes.feeds import rfc822, xml_text
from bantin.indexes.views import Pagination
from bantin.model.dates import VIETNAM, Published

from tests.test_indexes import make_site

URLS = tuple(f"p{n}/" for n in range(1, 11))


@pytest.mark.parametrize(
    ("number", "shown"),
    [
        (1, [1, 2, 3, None, 10]),
        (5, [1, None, 3, 4, 5, 6, 7, None, 10]),
        (4, [1, 2, 3, 4, 5, 6, None, 10]),
        (10, [1, None, 8, 9, 10]),
    ],
)
def test_pagination_shows_first_last_and_neighbours_with_gaps(number, shown):
    pagination = Pagination(number, URLS)
    links = pagination.links()
    assert [link.number for link in links] == shown
    assert [link.number for link in links if link.current] == [number]
    assert all(link.url == URLS[link.number - 1] for link in links if link.number)


def test_pagination_previous_and_next():
    assert Pagination(1, URLS).previous_url is None
    assert Pagination(1, URLS).next_url == "p2/"
    assert Pagination(10, URLS).previous_url == "p9/"
    assert Pagination(10, URLS).next_url is None
    assert Pagination(1, ("only/",)).links() == [Pagination(1, ("only/",)).links()[0]]


class _Dated:
    def __init__(self, moment):
        self.published = Published(moment, has_time=True)


def test_feed_dates_are_rfc_822_in_vietnam_time_whatever_the_locale():
    moment = datetime(2023, 12, 2, 20, 34, tzinfo=VIETNAM)
    assert rfc822(_Dated(moment)) == "Sat, 02 Dec 2023 20:34:00 +0700"


def test_characters_xml_forbids_are_dropped():
    assert xml_text("Đoàn\x01 viên\x0b\ufffe") == "Đoàn viên"


def test_markup_in_front_matter_stays_text_in_feeds_and_tag_spellings_share_a_page(tmp_path: Path):
    site = make_site(tmp_path)
    site.fixture("indexes/markup-in-title.md", "2024/markup-in-title.md")
    site.build()
    feed = feedparser.parse(site.site / "chuyen-muc/tinh-nguyen/feed.xml")
    assert not feed.bozo, feed.get("bozo_exception")
    entry = feed.entries[0]
    assert entry.title == 'Đoàn & Hội <b>ra quân</b> "Xuân tình nguyện" 2024'
    assert entry.published == "Sat, 20 Jan 2024 08:30:00 +0700"
    raw = (site.site / "chuyen-muc/tinh-nguyen/feed.xml").read_text(encoding="utf-8")
    assert "<script>" not in raw and "<b>" not in raw
    tag = site.page("the/xuan-tinh-nguyen/")
    assert tag.h1.get_text() == "xuân tình nguyện"
    assert [a.get_text() for a in tag.select(".bt-card__title a")] == [entry.title]
