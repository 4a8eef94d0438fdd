"""The newest articles of other Bản Tin sites, read from their RSS 2.0 feeds (no MkDocs here).

The national page is built from these at build time, never in readers' browsers: a reader's
phone loads one static page, and a unit site that is down costs the build a timeout, not the
reader. A feed is parsed with the standard library; entity expansion is bounded by expat (2.4+
refuses "billion laughs"), and feeds larger than `MAX_BYTES` are refused before parsing.
"""

from __future__ import annotations

import hashlib
import urllib.request
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from xml.etree import ElementTree

from ..model.dates import VIETNAM
from ..model.text import clean

MAX_BYTES = 5 * 1024 * 1024
TIMEOUT = 10
USER_AGENT = "BanTin (national page; https://github.com/bantin-doan/bantin)"


class FeedError(Exception):
    """Why a feed could not be read, in Vietnamese."""


@dataclass(frozen=True)
class FeedItem:
    title: str
    url: str
    published: datetime
    site: str
    """The name of the site it comes from, as mkdocs.yml names it."""

    @property
    def sort_key(self) -> tuple:
        return (-self.published.timestamp(), self.site, self.title)


@dataclass(frozen=True)
class SiteNews:
    """One unit site on the national page: its newest items, and whether they are a kept copy."""

    name: str
    url: str
    items: tuple[FeedItem, ...]
    note: str = ""
    """Empty when the feed was read now; else why the items are older (or missing)."""


def is_remote(source: str) -> bool:
    return source.startswith(("https://", "http://"))


def fetch(url: str) -> bytes:
    """The feed's bytes, at most MAX_BYTES."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            data = response.read(MAX_BYTES + 1)
    except OSError as error:
        raise FeedError(f"không tải được {url}: {error}") from None
    if len(data) > MAX_BYTES:
        raise FeedError(f"{url} lớn hơn {MAX_BYTES // 1024 // 1024} MB")
    return data


def kept_copy(cache_dir: Path, source: str) -> Path:
    """Where the last feed read from `source` is kept between builds."""
    return cache_dir / (hashlib.sha256(source.encode("utf-8")).hexdigest()[:24] + ".xml")


def parse(data: bytes, site: str) -> list[FeedItem]:
    """The items of an RSS 2.0 feed; an item without a title, an http(s) link or a date is
    skipped (a reader could do nothing with it)."""
    if len(data) > MAX_BYTES:
        raise FeedError(f"tệp lớn hơn {MAX_BYTES // 1024 // 1024} MB")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise FeedError(f"không phải XML hợp lệ ({error})") from None
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise FeedError("không phải nguồn tin RSS 2.0 (cần <rss><channel>…)")
    items = []
    for element in channel.findall("item"):
        title = clean(element.findtext("title") or "")
        url = (element.findtext("link") or "").strip()
        published = _date(element.findtext("pubDate") or "")
        if title and is_remote(url) and published is not None:
            items.append(FeedItem(title, url, published, site))
    return items


def _date(value: str) -> datetime | None:
    try:
        moment = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=VIETNAM)
    return moment.astimezone(VIETNAM)


def channel_link(data: bytes) -> str:
    """The site's own address, from the feed's <channel><link>."""
    try:
        link = (ElementTree.fromstring(data).findtext("channel/link") or "").strip()
    except ElementTree.ParseError:
        return ""
    return link if is_remote(link) else ""


def read_site(name: str, source: str, root: Path, cache_dir: Path, per_site: int) -> SiteNews:
    """One site's newest items. A feed file (relative to `root`) must be there and valid
    (FeedError); a feed address that fails falls back on the copy kept from the last build that
    read it, with a note, and a site never read yet shows no items, with a note."""
    if not is_remote(source):
        path = root / source
        try:
            data = path.read_bytes()
        except OSError:
            raise FeedError(f"không có tệp nguồn tin {path}") from None
        return _news(name, data, per_site)
    kept = kept_copy(cache_dir, source)
    try:
        data = fetch(source)
        news = _news(name, data, per_site)
    except FeedError as error:
        if kept.is_file():
            moment = datetime.fromtimestamp(kept.stat().st_mtime, VIETNAM)
            old = _news(name, kept.read_bytes(), per_site)
            return SiteNews(
                old.name, old.url, old.items, f"{error}; tin lấy lúc {moment:%H:%M %d/%m/%Y}"
            )
        return SiteNews(name, "", (), f"{error}; chưa lấy được tin lần nào")
    kept.parent.mkdir(parents=True, exist_ok=True)
    kept.write_bytes(data)
    return news


def _news(name: str, data: bytes, per_site: int) -> SiteNews:
    items = sorted(parse(data, name), key=lambda item: item.sort_key)[:per_site]
    return SiteNews(name, channel_link(data), tuple(items))


def newest(sites: list[SiteNews], count: int) -> list[FeedItem]:
    """The `count` newest items of all sites together, newest first."""
    return sorted((item for site in sites for item in site.items), key=lambda i: i.sort_key)[:count]
