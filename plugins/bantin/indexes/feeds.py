"""RSS 2.0 feeds as plain data; the XML itself is the template theme/bantin/feed.xml."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from email.utils import format_datetime
from urllib.parse import urljoin

from ..model.article import Article

# Characters XML 1.0 forbids even when escaped; pasted text from old portals can carry them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class FeedItem:
    title: str
    link: str
    description: str
    category: str
    pub_date: str


@dataclass(frozen=True)
class Feed:
    """One RSS channel: `address` is where the feed file lives, `link` the page it mirrors."""

    address: str
    title: str
    link: str
    self_link: str
    description: str
    items: tuple[FeedItem, ...]

    @property
    def last_build_date(self) -> str | None:
        """The newest item's date, so that an unchanged site builds an identical feed."""
        return self.items[0].pub_date if self.items else None


def rfc822(article: Article) -> str:
    """`Sat, 04 Jun 2022 00:00:00 +0700`: RSS dates, in English whatever the machine's locale."""
    return format_datetime(article.published.moment)


def xml_text(value: str) -> str:
    return _NOT_XML.sub("", value)


def feed(
    site_url: str,
    address: str,
    index: str,
    title: str,
    description: str,
    articles: Sequence[Article],
    size: int,
    category: Callable[[Article], str] = lambda article: article.category.name,
) -> Feed:
    """The newest `size` articles as a feed for the index page at `index`; anything with a
    title, url, summary and `published` date is an item (the documents' feed), its
    `category` as given."""
    items = tuple(
        FeedItem(
            title=xml_text(article.title),
            link=urljoin(site_url, article.url),
            description=xml_text(article.summary),
            category=xml_text(category(article)),
            pub_date=rfc822(article),
        )
        for article in articles[:size]
    )
    return Feed(
        address=address,
        title=xml_text(title),
        link=urljoin(site_url, index),
        self_link=urljoin(site_url, address),
        description=xml_text(description) or xml_text(title),
        items=items,
    )
