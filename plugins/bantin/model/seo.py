"""Machine-readable metadata of an article page (JSON-LD `NewsArticle`) as plain data.

The template serialises it with Jinja's `tojson`, which escapes `<`, `>`, `&` and `'`, so text
from front matter cannot close the script element.
"""

from __future__ import annotations

from .article import Article


def absolute(site_url: str | None, address: str) -> str:
    """An absolute URL when the site's address is known, else a root-relative one."""
    base = (site_url or "/").rstrip("/") + "/"
    return base + address.lstrip("/")


def news_article(article: Article, site_url: str | None, publisher: str) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.summary,
        "datePublished": article.published.moment.isoformat(),
        "mainEntityOfPage": absolute(site_url, article.url),
        "articleSection": article.category.name,
        "inLanguage": "vi",
        "publisher": {"@type": "Organization", "name": publisher},
        "sourceOrganization": {"@type": "Organization", "name": article.unit.name},
    }
    if article.author:
        data["author"] = {"@type": "Person", "name": article.author}
    if article.cover:
        data["image"] = [absolute(site_url, article.cover)]
    if article.tags:
        data["keywords"] = [tag.name for tag in article.tags]
    return data
