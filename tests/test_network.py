"""bantin-network: a national page listing the unit sites' newest articles, read from their
feeds when the site is built (files here; an address falls back on its last copy), escaped."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

import pytest
from bantin.engine.host import Abort, PluginError
from bantin.network.feeds import read_site
from bantin.tools.cli import main as bantin
from bs4 import BeautifulSoup

from tests.conftest import build

HANDMADE = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
  <title>Đoàn xã Bảo Hà</title><link>https://baoha.example.vn/</link><description>x</description>
  <item><title>Ra quân tình nguyện &lt;script&gt;alert(1)&lt;/script&gt;</title>
    <link>https://baoha.example.vn/2030/05/ra-quan/</link>
    <pubDate>Mon, 06 May 2030 08:00:00 +0700</pubDate></item>
  <item><title>Liên kết độc</title><link>javascript:alert(1)</link>
    <pubDate>Tue, 07 May 2030 08:00:00 +0700</pubDate></item>
  <item><title>Tin cũ</title><link>https://baoha.example.vn/2020/01/tin-cu/</link>
    <pubDate>Wed, 01 Jan 2020 08:00:00 +0700</pubDate></item>
</channel></rss>
"""

FLAGS = ["--url", "https://example.vn/", "--no-input"]


@pytest.fixture(scope="module")
def unit_feed(tmp_path_factory) -> Path:
    """The feed of a real unit site, made by `bantin init` and built."""
    root = tmp_path_factory.mktemp("unit") / "coc-leu"
    assert bantin(["init", str(root), "--name", "Đoàn phường Cốc Lếu", *FLAGS]) == 0
    build(root / "mkdocs.yml")
    return root / "site" / "feed.xml"


def national_site(root: Path, feeds: list[tuple[str, str]]) -> Path:
    assert bantin(["init", str(root), "--name", "Tỉnh đoàn Lào Cai", *FLAGS]) == 0
    config = root / "mkdocs.yml"
    lines = "".join(f"        - name: {name}\n          feed: {feed}\n" for name, feed in feeds)
    text = config.read_text(encoding="utf-8").replace(
        "  - bantin-search\n", f"  - bantin-search\n  - bantin-network:\n      feeds:\n{lines}"
    )
    config.write_text(text, encoding="utf-8")
    return config


def test_the_national_page_lists_the_units_newest_news(tmp_path, unit_feed):
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "bao-ha.xml").write_text(HANDMADE, encoding="utf-8")
    config = national_site(
        tmp_path / "tinh",
        [("Đoàn phường Cốc Lếu", str(unit_feed)), ("Đoàn xã Bảo Hà", "../feeds/bao-ha.xml")],
    )
    build(config)
    html = (tmp_path / "tinh" / "site" / "tin-cac-don-vi" / "index.html").read_text("utf-8")
    page = BeautifulSoup(html, "html.parser")
    assert page.find("h1").get_text() == "Tin các đơn vị"
    newest = page.select(".bt-network ol li")
    titles = [li.a.get_text() for li in newest]
    # Newest first across sites; the javascript: link is dropped, the markup stays text.
    assert titles[0] == "Ra quân tình nguyện <script>alert(1)</script>"
    assert "Liên kết độc" not in html and "javascript:" not in html
    assert "<script>alert(1)" not in html
    assert titles[1].startswith("Chào mừng đến với trang tin của Đoàn phường Cốc Lếu")
    assert titles[2] == "Tin cũ"
    assert newest[0].select_one(".bt-network__meta").get_text() == "06/05/2030 · Đoàn xã Bảo Hà"
    sections = [h2.get_text(strip=True) for h2 in page.select(".bt-network__site h2")]
    assert sections == ["Đoàn phường Cốc Lếu", "Đoàn xã Bảo Hà"]
    assert page.select_one(".bt-network__site h2 a")["href"] == "https://example.vn/"
    # The page is in the nav, before the search page.
    tabs = [a.get_text(strip=True) for a in page.select(".bt-sections a")]
    assert tabs[-2:] == ["Tin các đơn vị", "Tìm kiếm"]


def test_a_missing_feed_file_stops_a_strict_build_naming_the_line(tmp_path, caplog):
    config = national_site(tmp_path / "tinh", [("Đoàn xã Không Có", "../khong-co.xml")])
    line = config.read_text(encoding="utf-8").splitlines().index("          feed: ../khong-co.xml")
    with pytest.raises((PluginError, Abort)):
        build(config)
    expected = f"mkdocs.yml:{line + 1}: feed: Đoàn xã Không Có: không có tệp nguồn tin"
    assert expected in caplog.text


class _Feed(http.server.BaseHTTPRequestHandler):
    body = HANDMADE.encode("utf-8")

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args):
        pass


def test_an_address_that_fails_falls_back_on_its_last_copy(tmp_path):
    """Read at build time from a local server; once it is down, the copy of the last build
    stands, with a note (a unit site being down never fails the national build)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Feed)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    try:
        fresh = read_site("Bảo Hà", url, tmp_path, tmp_path / "cache", per_site=5)
    finally:
        server.shutdown()
        server.server_close()
    assert fresh.note == ""
    assert [item.title for item in fresh.items][-1] == "Tin cũ"
    kept = read_site("Bảo Hà", url, tmp_path, tmp_path / "cache", per_site=1)
    assert [item.title for item in kept.items] == [fresh.items[0].title]
    assert "không tải được" in kept.note and "tin lấy lúc" in kept.note
    never = read_site("Bảo Hà", url, tmp_path, tmp_path / "other", per_site=5)
    assert never.items == () and "chưa lấy được tin lần nào" in never.note
