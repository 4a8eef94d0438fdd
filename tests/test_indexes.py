"""Index pages of a tiny site: categories, units, archive, tags, home, feeds, neighbours, sitemap.

One site, built once for the module: three categories (one empty), a unit tree whose siblings
start with D, Đ, E and H, 29 articles across ten months and two years, three tags.
"""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path
from xml.etree import ElementTree

import feedparser
import pytest
from bantin.engine.host import Abort
from bantin.tools.synthetic import write_config
from bs4 import BeautifulSoup

from tests.conftest import FIXTURES, HOME, TinySite

UNITS = [
    "TĐ Ninh Bình",
    "Huyện đoàn Yên Khánh",
    "Doanh nghiệp trẻ Chi đoàn",
    "Ea Kar Liên chi đoàn",
]
FIRST = date(2022, 1, 3)
XDD = 26  # articles in "Xây dựng Đoàn", one every ten days from FIRST
VOLUNTEER = [date(2023, 7, 10), date(2023, 7, 20), date(2023, 8, 5)]


def xdd_title(number: int) -> str:
    return f"Bài xây dựng Đoàn số {number:02d}"


def xdd_day(number: int) -> date:
    return FIRST + timedelta(days=10 * (number - 1))


def write_article(site: TinySite, title, day, unit, category, tags, featured=False) -> None:
    lines = [
        "---",
        f"title: {title}",
        f"date: {day.isoformat()}",
        f"unit: {unit}",
        f"category: {category}",
        f"tags: [{', '.join(tags)}]",
    ]
    if featured:
        lines.append("featured: true")
    lines += ["---", "", f"Nội dung của {title}.", ""]
    site.article(f"{day.year}/{title.lower().replace(' ', '-')}.md", "\n".join(lines))


def make_site(root: Path) -> TinySite:
    site = TinySite(root)
    data = site.content / "_data"
    data.mkdir(parents=True)
    for name in ("units.yml", "categories.yml"):
        shutil.copy(FIXTURES / "indexes" / name, data / name)
    (site.content / "index.md").write_text(HOME, encoding="utf-8")
    write_config(root)
    return site


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> TinySite:
    site = make_site(tmp_path_factory.mktemp("indexes"))
    for number in range(1, XDD + 1):
        write_article(
            site,
            xdd_title(number),
            xdd_day(number),
            UNITS[(number - 1) % 4],
            "XDĐ",
            ["kiểm tra"] if number % 2 else ["đại hội"],
            featured=number == 4,
        )
    for number, day in enumerate(VOLUNTEER, start=1):
        write_article(
            site, f"Bài tình nguyện số {number}", day, "Tỉnh đoàn Hậu Giang", "Tình nguyện", ["hè"]
        )
    site.build()
    return site


def card_titles(page: BeautifulSoup, scope: str = ".bt-list") -> list[str]:
    return [a.get_text() for a in page.select(f"{scope} .bt-card__title a")]


def test_category_pages_list_cards_newest_first_in_pages_of_twelve(site):
    first, second, third = (
        site.page("chuyen-muc/xay-dung-doan/"),
        site.page("chuyen-muc/xay-dung-doan/trang/2/"),
        site.page("chuyen-muc/xay-dung-doan/trang/3/"),
    )
    assert first.h1.get_text() == "Xây dựng Đoàn"
    assert (
        first.select_one(".bt-index__description").get_text() == "Công tác xây dựng tổ chức Đoàn."
    )
    assert card_titles(first) == [xdd_title(n) for n in range(26, 14, -1)]
    assert card_titles(second) == [xdd_title(n) for n in range(14, 2, -1)]
    assert card_titles(third) == [xdd_title(2), xdd_title(1)]
    card = first.select_one(".bt-list .bt-card")
    day = xdd_day(26)
    # Links in a card are relative to the list page, two folders down.
    assert card.select_one(".bt-card__title a")["href"] == (
        f"../../{day:%Y/%m}/bai-xay-dung-doan-so-26/"
    )
    assert card.select_one(".bt-dateline time")["datetime"] == f"{day}T00:00:00+07:00"
    assert card.select_one(".bt-dateline__unit").get_text() == "Huyện đoàn Yên Khánh"
    assert card.select_one(".bt-dateline__unit")["href"] == "../../don-vi/huyen-doan-yen-khanh/"
    assert card.select_one(".bt-card__summary").get_text() == f"Nội dung của {xdd_title(26)}."


def test_pagination_has_numbers_previous_next_and_head_links(site):
    middle = site.page("chuyen-muc/xay-dung-doan/trang/2/")
    bar = middle.select_one(".bt-pagination")
    assert [li.get_text(strip=True) for li in bar.select("li")] == ["1", "2", "3"]
    assert bar.select_one("[aria-current=page]").get_text() == "2"
    assert [a["href"] for a in bar.select("li a")] == ["../../", "../3/"]
    assert bar.select_one("a[rel=prev]")["href"] == "../../"
    assert bar.select_one("a[rel=next]")["href"] == "../3/"
    assert middle.find("link", rel="prev")["href"] == "../../"
    assert middle.find("link", rel="next")["href"] == "../3/"
    first = site.page("chuyen-muc/xay-dung-doan/")
    assert first.find("link", rel="prev") is None
    assert first.find("link", rel="next")["href"] == "trang/2/"
    last = site.page("chuyen-muc/xay-dung-doan/trang/3/")
    assert last.select_one(".bt-pagination a[rel=next]") is None
    assert site.page("chuyen-muc/tinh-nguyen/").select_one(".bt-pagination") is None


def test_empty_category_still_has_a_page_that_says_so(site):
    page = site.page("chuyen-muc/cong-tac-doi/")
    assert page.h1.get_text() == "Công tác Đội"
    assert page.select_one(".bt-empty").get_text() == "Chưa có bài viết nào."
    assert card_titles(page) == []


def test_unit_page_rolls_up_the_units_under_it(site):
    page = site.page("don-vi/tinh-doan-ninh-binh/")
    assert page.h1.get_text() == "Tỉnh đoàn Ninh Bình"
    assert "26 bài viết" in page.select_one(".bt-index__count").get_text()
    assert "(7 bài của chính đơn vị)" in page.select_one(".bt-index__count").get_text()
    assert card_titles(page) == [xdd_title(n) for n in range(26, 14, -1)]
    children = [a.get_text() for a in page.select(".bt-unit__children a")]
    assert children == [
        "Doanh nghiệp trẻ Chi đoàn",
        "Đoàn xã Yên Khánh",
        "Ea Kar Liên chi đoàn",
        "Huyện đoàn Yên Khánh",
    ]
    assert page.select_one(".bt-unit__website a")["href"] == "https://tinhdoanninhbinh.example"
    assert (site.site / "don-vi/tinh-doan-ninh-binh/trang/3/index.html").is_file()
    own = site.page("don-vi/doanh-nghiep-tre-chi-doan/")
    assert card_titles(own) == [xdd_title(n) for n in range(23, 0, -4)]
    assert own.select_one(".bt-unit__parent a")["href"] == "../tinh-doan-ninh-binh/"


def test_ended_unit_shows_its_period_and_successor(site):
    page = site.page("don-vi/huyen-doan-yen-khanh/")
    assert page.select_one(".bt-unit__period").get_text() == "đến 30/06/2025"
    successor = page.select_one(".bt-unit__successor")
    assert successor.get_text() == "Đoàn xã Yên Khánh"
    assert successor["href"] == "../doan-xa-yen-khanh/"
    assert site.page("don-vi/doan-xa-yen-khanh/").select_one(".bt-unit__period").get_text() == (
        "01/07/2025 – nay"
    )
    assert site.page("don-vi/doan-xa-yen-khanh/").select_one(".bt-empty") is not None


def test_unit_overview_is_the_tree_in_vietnamese_order(site):
    page = site.page("don-vi/")
    roots = page.select(".bt-tree > li")
    assert [li.a.get_text() for li in roots] == ["Tỉnh đoàn Hậu Giang", "Tỉnh đoàn Ninh Bình"]
    nested = [a.get_text() for a in roots[1].select(":scope > ul a")]
    assert nested == [
        "Doanh nghiệp trẻ Chi đoàn",
        "Đoàn xã Yên Khánh",
        "Ea Kar Liên chi đoàn",
        "Huyện đoàn Yên Khánh",
    ]
    assert sorted(nested) != nested  # Python's own order would put Đ last
    assert roots[1].select_one(".bt-count").get_text() == "(26)"


def test_archive_counts_months_and_lists_each_month(site):
    expected: dict[tuple[int, int], int] = {}
    for day in [xdd_day(n) for n in range(1, XDD + 1)] + VOLUNTEER:
        expected[(day.year, day.month)] = expected.get((day.year, day.month), 0) + 1
    overview = site.page("luu-tru/")
    shown = {
        a.get_text(): li.select_one(".bt-count").get_text()
        for li in overview.select(".bt-archive__months li")
        for a in [li.a]
    }
    assert shown == {f"Tháng {m}/{y}": f"({count})" for (y, m), count in expected.items()}
    assert [h2.a.get_text() for h2 in overview.select(".bt-archive__year h2")] == [
        "Năm 2023",
        "Năm 2022",
    ]
    june = site.page("luu-tru/2022/06/")
    assert june.h1.get_text() == "Tháng 6/2022"
    titles = [xdd_title(n) for n in range(XDD, 0, -1) if xdd_day(n).month == 6]
    assert card_titles(june) == titles
    year = site.page("luu-tru/2023/")
    assert [h2.a.get_text() for h2 in year.select("h2")] == ["Tháng 8/2023", "Tháng 7/2023"]


def test_tag_pages(site):
    page = site.page("the/kiem-tra/")
    assert page.h1.get_text() == "kiểm tra"
    assert card_titles(page) == [xdd_title(n) for n in range(25, 1, -2)]
    assert card_titles(site.page("the/kiem-tra/trang/2/")) == [xdd_title(1)]
    assert card_titles(site.page("the/he/")) == [f"Bài tình nguyện số {n}" for n in (3, 2, 1)]


def test_home_leads_with_the_featured_then_the_newest_then_unseen_stories_by_category(site):
    home = site.page("")
    newest = card_titles(home, ".bt-newest")
    # The featured article leads, with its picture and summary; the ten newest others follow.
    assert newest[0] == xdd_title(4)
    assert "bt-card--lead" in home.select_one(".bt-newest .bt-card")["class"]
    assert newest[1:5] == [
        "Bài tình nguyện số 3",
        "Bài tình nguyện số 2",
        "Bài tình nguyện số 1",
        xdd_title(26),
    ]
    assert len(newest) == 11
    # No other featured article, so no "Tin nổi bật"; every story shows once.
    assert home.select_one(".bt-featured") is None
    everything = card_titles(home)
    assert len(everything) == len(set(everything))
    # Only categories with stories not shown above: Tình nguyện's three are all among the
    # newest, Công tác Đội has none.
    blocks = home.select(".bt-category-block")
    assert [b.h2.get_text() for b in blocks] == ["Xây dựng Đoàn"]
    assert blocks[0].h2.a["href"] == "chuyen-muc/xay-dung-doan/"
    assert card_titles(blocks[0], "") == [xdd_title(n) for n in (19, 18, 17, 16)]
    assert blocks[0].select_one(".bt-more a").get_text() == "Xem tất cả 26 bài Xây dựng Đoàn"
    assert home.select_one(".bt-empty") is None


def test_tabs_hold_home_categories_units_and_archive_never_articles(site):
    for address in ("", "chuyen-muc/xay-dung-doan/", "2022/05/bai-xay-dung-doan-so-13/"):
        tabs = [a.get_text(strip=True) for a in site.page(address).select(".bt-sections a")]
        assert tabs == [
            "Trang chủ",
            "Xây dựng Đoàn",
            "Tình nguyện",
            "Công tác Đội",
            "Đơn vị",
            "Lưu trữ",
        ]


def test_article_page_has_related_others_and_previous_next(site):
    page = site.page("2022/05/bai-xay-dung-doan-so-13/")
    related = [a.get_text() for a in page.select(".bt-related a")]
    # Same unit, category and tag (i.e. every fourth article) first, nearest in date first;
    # equally near ones in address order.
    assert related == [xdd_title(n) for n in (9, 17, 5, 21, 1)]
    headline = page.select_one(".bt-related li")
    assert headline.a["href"] == f"../../{xdd_day(9):%m}/bai-xay-dung-doan-so-09/"
    assert headline.time.get_text() == f"{xdd_day(9):%d/%m/%Y}"
    assert headline.time["datetime"] == f"{xdd_day(9)}T00:00:00+07:00"
    others = [a.get_text() for a in page.select(".bt-others li a")]
    assert others == [xdd_title(n) for n in (26, 25, 24, 23, 22)]
    older, newer = page.select_one(".bt-prevnext__older"), page.select_one(".bt-prevnext__newer")
    assert xdd_title(12) in older.get_text() and older["rel"] == ["prev"]
    assert xdd_title(14) in newer.get_text() and newer["rel"] == ["next"]
    assert older["href"] == "../../04/bai-xay-dung-doan-so-12/"
    assert site.page("2022/01/bai-xay-dung-doan-so-01/").select_one(".bt-prevnext__older") is None


def test_feeds_parse_as_rss_2_with_absolute_links_and_vietnam_time(site):
    whole = feedparser.parse(site.site / "feed.xml")
    assert not whole.bozo, whole.get("bozo_exception")
    assert whole.version == "rss20"
    assert len(whole.entries) == 20
    assert whole.entries[0].title == "Bài tình nguyện số 3"
    assert whole.entries[0].link == "https://example.org/2023/08/bai-tinh-nguyen-so-3/"
    assert whole.entries[0].published == "Sat, 05 Aug 2023 00:00:00 +0700"
    assert whole.entries[0].summary == "Nội dung của Bài tình nguyện số 3."
    assert whole.entries[0].tags[0].term == "Tình nguyện"
    category = feedparser.parse(site.site / "chuyen-muc/xay-dung-doan/feed.xml")
    assert not category.bozo
    assert category.feed.link == "https://example.org/chuyen-muc/xay-dung-doan/"
    assert [e.title for e in category.entries] == [xdd_title(n) for n in range(26, 6, -1)]
    assert {e.tags[0].term for e in category.entries} == {"Xây dựng Đoàn"}
    unit = feedparser.parse(site.site / "don-vi/tinh-doan-ninh-binh/feed.xml")
    assert not unit.bozo and len(unit.entries) == 20
    head = site.page("chuyen-muc/xay-dung-doan/").find_all("link", rel="alternate")
    assert [(link["type"], link["href"]) for link in head] == [
        ("application/rss+xml", "../../feed.xml"),
        ("application/rss+xml", "feed.xml"),
    ]


def test_sitemap_lists_every_page_with_dates_from_articles(site):
    tree = ElementTree.parse(site.site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    entries = {
        url.findtext("s:loc", namespaces=ns): url.findtext("s:lastmod", namespaces=ns)
        for url in tree.getroot().findall("s:url", ns)
    }
    built = set()
    for path in site.site.rglob("index.html"):
        folder = path.parent.relative_to(site.site).as_posix()
        built.add("https://example.org/" + ("" if folder == "." else folder + "/"))
    assert set(entries) == built
    for loc in entries:
        relative = loc.removeprefix("https://example.org/")
        assert (site.site / relative / "index.html").is_file()
    assert entries["https://example.org/2022/05/bai-xay-dung-doan-so-13/"] == str(xdd_day(13))
    newest = str(xdd_day(XDD))
    assert entries["https://example.org/chuyen-muc/xay-dung-doan/trang/3/"] == newest
    assert entries["https://example.org/don-vi/tinh-doan-ninh-binh/"] == newest
    june = max(xdd_day(n) for n in range(1, XDD + 1) if xdd_day(n).month == 6)
    assert entries["https://example.org/luu-tru/2022/06/"] == str(june)
    assert entries["https://example.org/"] == str(VOLUNTEER[-1])
    assert date.today().isoformat() not in entries.values()


def test_a_page_at_a_category_address_is_a_clear_error(tmp_path, caplog):
    site = make_site(tmp_path)
    write_article(site, "Bài một", date(2022, 6, 4), "TĐ Ninh Bình", "XDĐ", ["kiểm tra"])
    page = site.content / "chuyen-muc" / "xay-dung-doan" / "index.md"
    page.parent.mkdir(parents=True)
    shutil.copy(FIXTURES / "indexes" / "static-page-at-category-address.md", page)
    with pytest.raises(Abort):
        site.build()
    messages = "\n".join(record.getMessage() for record in caplog.records)
    assert (
        "trang '/chuyen-muc/xay-dung-doan/' do Bản Tin tạo trùng với tệp "
        "content/chuyen-muc/xay-dung-doan/index.md" in messages
    )


CUSTOM_ADDRESSES = """\
plugins:
  - bantin
  - bantin-articles:
      addresses:
        category: muc/{slug}/
        category_page: muc/{slug}/p{n}/
        unit: to-chuc/{slug}/
        units: to-chuc/
        archive_month: thang/{yyyy}-{mm}/
        feed: rss.xml
  - bantin-indexes:
      page_size: 2
"""


def test_addresses_come_from_the_configured_formats(tmp_path):
    site = make_site(tmp_path)
    write_config(tmp_path, CUSTOM_ADDRESSES)
    for number in (1, 2, 3):
        write_article(site, xdd_title(number), xdd_day(number), "TĐ Ninh Bình", "XDĐ", ["kiểm tra"])
    site.build()
    assert card_titles(site.page("muc/xay-dung-doan/")) == [xdd_title(3), xdd_title(2)]
    second = site.page("muc/xay-dung-doan/p2/")
    assert card_titles(second) == [xdd_title(1)]
    assert second.find("link", rel="prev")["href"] == "../"
    assert site.page("to-chuc/").select_one(".bt-tree a")["href"] == "tinh-doan-hau-giang/"
    assert site.page("thang/2022-01/").h1.get_text() == "Tháng 1/2022"
    assert not feedparser.parse(site.site / "muc/xay-dung-doan/rss.xml").bozo
    article = site.page("2022/01/bai-xay-dung-doan-so-01/")
    assert (
        article.select_one(".bt-dateline__unit")["href"] == "../../../to-chuc/tinh-doan-ninh-binh/"
    )


def test_the_tab_of_a_page_is_lit(site):
    def lit(address):
        return [
            a.get_text(strip=True)
            for a in site.page(address).select(".bt-sections a[aria-current]")
        ]

    assert lit("2022/05/bai-xay-dung-doan-so-13/") == ["Xây dựng Đoàn"]
    assert lit("chuyen-muc/xay-dung-doan/trang/2/") == ["Xây dựng Đoàn"]
    assert lit("chuyen-muc/xay-dung-doan/") == ["Xây dựng Đoàn"]
    assert lit("don-vi/huyen-doan-yen-khanh/") == ["Đơn vị"]
    assert lit("luu-tru/2022/06/") == ["Lưu trữ"]
    assert lit("the/he/") == []
    assert lit("") == ["Trang chủ"]


@pytest.mark.parametrize(
    ("registry", "fixture", "message"),
    [
        (
            "categories.yml",
            "categories-same-slug.yml",
            "categories.yml:4: slug: trùng địa chỉ 'tinh-nguyen'",
        ),
        (
            "units.yml",
            "units-same-slug.yml",
            "units.yml:5: slug: trùng địa chỉ 'tinh-doan-ha-giang'",
        ),
    ],
)
def test_two_categories_or_units_at_one_address_are_a_clear_error(
    tmp_path, caplog, registry, fixture, message
):
    site = make_site(tmp_path)
    shutil.copy(FIXTURES / "indexes" / fixture, site.content / "_data" / registry)
    write_article(site, "Bài một", date(2022, 6, 4), "TĐ Ninh Bình", "Xây dựng Đoàn", ["kiểm tra"])
    with pytest.raises(Abort):
        site.build()
    assert message in "\n".join(record.getMessage() for record in caplog.records)
