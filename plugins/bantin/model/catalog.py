"""The catalog: every article of the site, read and validated once per build, and the registries.

One owner (the `bantin-articles` plugin) builds it; the other plugins read it through
`catalog_of(config)`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Protocol

from ..digests import digest
from . import contentfiles, crosslinks
from .addresses import Addresses
from .article import Article, ArticleBody, Registries, read_article
from .contentfiles import DATA_DIR, Refused
from .dates import VIETNAM
from .errors import ContentError
from .registry import CategoryRegistry, UnitRegistry, load_categories, load_units

ARTICLES_DIR = "articles"


class ArticleCache(Protocol):
    """Articles read by an earlier build, kept while their files are unchanged. The engine's
    `ReadCache` is one; the model only asks it for articles, so it imports no engine."""

    def get(self, path: Path, src: str, docs_dir: Path, registries: Registries) -> Article | None:
        """The article kept for this file, or None when it must be read again."""

    def put(self, path: Path, article: Article) -> None:
        """Keep an article read without errors."""

    def save(self) -> None:
        """Write what was kept."""


OpenCache = Callable[[list[Path], Addresses], ArticleCache]
"""Opens an article cache salted by the registries' files and the address formats."""


@dataclass(frozen=True)
class Catalog:
    """Published articles newest first, the registries, and the site's address formats."""

    articles: tuple[Article, ...]
    units: UnitRegistry
    categories: CategoryRegistry
    addresses: Addresses
    excluded: frozenset[str] = field(default_factory=frozenset)
    """Source paths of article files left out of this build: drafts, future dates, errors."""
    refused: Refused = field(default_factory=Refused)
    """Files of content/ never read nor published: links out of it, types that can run."""
    flawed: tuple[ArticleBody, ...] = ()
    """Articles left out for their errors, whose images are checked all the same."""

    @cached_property
    def by_src(self) -> dict[str, Article]:
        return {article.src: article for article in self.articles}

    @cached_property
    def by_category(self) -> dict[str, list[Article]]:
        return _group(self.articles, lambda article: [article.category.slug])

    @cached_property
    def by_unit(self) -> dict[str, list[Article]]:
        return _group(self.articles, lambda article: [article.unit.slug])

    @cached_property
    def by_tag(self) -> dict[str, list[Article]]:
        # Spellings that differ only in case share a slug; the article is listed once.
        return _group(
            self.articles, lambda article: dict.fromkeys(tag.slug for tag in article.tags)
        )

    @cached_property
    def listing_digest(self) -> str:
        """Everything templates can learn from the catalog without reading an article's body:
        the caches' keys, computed once per build."""
        listing = [
            repr([(f.name, getattr(each, f.name)) for f in fields(each) if f.name != "body"])
            for each in self.articles
        ]
        return digest(
            *listing,
            repr(list(self.units)),
            repr(list(self.categories)),
            repr(self.addresses),
            sorted(self.excluded),
        )

    def newest(self, count: int) -> list[Article]:
        return list(self.articles[:count])


def _group(articles, keys) -> dict[str, list[Article]]:
    groups: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        for key in keys(article):
            groups[key].append(article)
    return dict(groups)


@dataclass(frozen=True)
class ReadOptions:
    """What this build includes: `serve` shows drafts and future-dated articles."""

    include_drafts: bool = False
    include_future: bool = False
    now: datetime | None = None


def shown_path(path: Path, root: Path) -> str:
    """A path as staff see it in messages: relative to the project folder when inside it."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def read_registries(
    data_dir: Path, root: Path, addresses: Addresses
) -> tuple[Registries, list[ContentError]]:
    """units.yml and categories.yml of `data_dir`: content/_data, or a registry shared by sites."""
    units_file = data_dir / "units.yml"
    categories_file = data_dir / "categories.yml"
    units_shown, categories_shown = shown_path(units_file, root), shown_path(categories_file, root)
    units, unit_errors = load_units(units_file, units_shown, addresses)
    categories, category_errors = load_categories(categories_file, categories_shown, addresses)
    registries = Registries(units, categories, units_shown, categories_shown)
    return registries, unit_errors + category_errors


def article_files(docs_dir: Path, only: list[Path] | None = None) -> list[Path]:
    """Markdown files under content/articles/, sorted; `only` narrows to given files or folders."""
    return markdown_files(docs_dir / ARTICLES_DIR, only)


def markdown_files(base: Path, only: list[Path] | None = None) -> list[Path]:
    """Markdown files under `base`, sorted; `only` narrows to given files or folders."""
    found = sorted(base.rglob("*.md")) if base.is_dir() else []
    if only is None:
        return found
    wanted = [path.resolve() for path in only]
    return [
        path
        for path in found
        if any(path.resolve() == w or w in path.resolve().parents for w in wanted)
    ]


def build_catalog(
    docs_dir: Path,
    root: Path,
    addresses: Addresses,
    options: ReadOptions = ReadOptions(),
    only: list[Path] | None = None,
    open_cache: OpenCache | None = None,
    data_dir: Path | None = None,
) -> tuple[Catalog, list[ContentError]]:
    """Read the registries (`data_dir`, else content/_data) and every article; return the catalog
    and all errors, sorted. With `open_cache`, articles whose files did not change come from the
    last build's reading."""
    inventory, errors = contentfiles.scan(docs_dir, lambda path: shown_path(path, root))
    refused = inventory.refused
    data = data_dir or docs_dir / DATA_DIR
    registries, registry_errors = read_registries(data, root, addresses)
    errors.extend(registry_errors)
    cache = None
    if open_cache is not None:
        cache = open_cache([data / "units.yml", data / "categories.yml"], addresses)
    now = options.now or datetime.now(VIETNAM)
    articles: list[Article] = []
    flawed: list[ArticleBody] = []
    excluded: set[str] = set()
    for path in article_files(docs_dir, only):
        src = path.relative_to(docs_dir).as_posix()
        if src in refused:
            continue
        article = cache.get(path, src, docs_dir, registries) if cache else None
        if article is None:
            article, problems = read_article(
                path,
                src,
                shown_path(path, root),
                registries,
                lambda published, slug: addresses.of_article(published.moment, slug),
            )
            errors.extend(problems)
            if cache and isinstance(article, Article) and not problems:
                cache.put(path, article)
        if article is not None:
            shown = shown_path(path, root)
            errors.extend(
                ContentError(shown, line, crosslinks.FIELD, message)
                for line, message in crosslinks.broken_links(
                    article.body, article.body_line, src, inventory
                )
            )
        if isinstance(article, ArticleBody):
            flawed.append(article)
            article = None
        if (
            article is None
            or (article.draft and not options.include_drafts)
            or (article.published.moment > now and not options.include_future)
        ):
            excluded.add(src)
        else:
            articles.append(article)
    if cache is not None:
        cache.save()
    if only is None:
        errors.extend(_page_link_errors(docs_dir, root, inventory))
    articles, clashes, dropped = _without_clashes(articles, root, docs_dir)
    errors.extend(clashes)
    excluded.update(dropped)
    catalog = Catalog(
        articles=tuple(sorted(articles, key=lambda article: article.sort_key)),
        units=registries.units,
        categories=registries.categories,
        addresses=addresses,
        excluded=frozenset(excluded),
        refused=refused,
        flawed=tuple(flawed),
    )
    return catalog, sorted(errors)


def _page_link_errors(docs_dir: Path, root: Path, inventory) -> list[ContentError]:
    """Broken links to files of the static pages (gioi-thieu.md…), as for articles."""
    found = []
    for src in sorted(inventory.files):
        if (
            not src.endswith(".md")
            or src.startswith((ARTICLES_DIR + "/", DATA_DIR + "/"))
            or src in inventory.refused
        ):
            continue
        try:
            text = (docs_dir / src).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue  # MkDocs reports what it cannot read
        shown = shown_path(docs_dir / src, root)
        found += [
            ContentError(shown, line, crosslinks.FIELD, message)
            for line, message in crosslinks.broken_links(text, 1, src, inventory)
        ]
    return found


def _without_clashes(articles: list[Article], root: Path, docs_dir: Path):
    """Two articles at one address: the first (by file path) keeps it, the other is an error."""
    owners: dict[str, Article] = {}
    kept, errors, dropped = [], [], []
    for article in sorted(articles, key=lambda article: article.src):
        first = owners.setdefault(article.url, article)
        if first is article:
            kept.append(article)
            continue
        dropped.append(article.src)
        errors.append(
            ContentError(
                shown_path(docs_dir / article.src, root),
                article.address_line,
                "slug",
                f"địa chỉ /{article.url} trùng với bài {shown_path(docs_dir / first.src, root)}; "
                "hãy đổi tiêu đề hoặc thêm trường slug",
            )
        )
    return kept, errors, dropped
