"""Every image of the site's articles, produced before the build writes anything.

`prepare` finds covers and body images in the catalog, looks them up in the cache, has what the
cache lacks made (`work`: in worker processes on a big cold build) with the share cards of
articles without a cover, and reports each bad image as a `ContentError` at the line that names
it. The result, `SiteImages`, is what the hooks and the templates read.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..model import contentfiles
from ..model.article import Article
from ..model.catalog import shown_path
from ..model.errors import ContentError
from ..model.text import slugify
from . import encode, markup, work
from .cache import ImageCache, cache_key
from .products import (
    CARD_FILE,
    RESPONSIVE,
    SHARE,
    THUMBNAIL,
    Lookup,
    Picture,
    Settings,
    Variant,
    card_key,
    cleaned,
    look_up,
    published,
    published_card,
)
from .sharecard import FONT, CardText

COVER_PRODUCTS = (RESPONSIVE, THUMBNAIL, SHARE)
BODY_PRODUCTS = (RESPONSIVE,)
IMAGE_FIELD = "ảnh"
LOGO = Path(__file__).parent / "logo.png"
THREADS = min(4, os.cpu_count() or 1)
"""Threads that hash sources and read the cache: file reading and hashing release the GIL."""


@dataclass(frozen=True)
class ShareOptions:
    """How cards are drawn for articles without a cover."""

    enabled: bool = True
    site_name: str = ""
    logo: str | None = None
    """Path relative to docs_dir."""


@dataclass
class ArticleImages:
    cover: Picture | None = None
    thumb: Picture | None = None
    share: Variant | None = None
    body: dict[str, Picture] = field(default_factory=dict)
    """Pictures by path from docs_dir."""
    left_out: set[str] = field(default_factory=set)
    """Bad images, by path from docs_dir and as written: their <img> is removed from the page."""


@dataclass
class SiteImages:
    """The images of one build, read by the hooks and (as `bantin_images`) by the templates."""

    sizes: str
    thumb_sizes: str
    articles: dict[str, ArticleImages] = field(default_factory=dict)
    sources: set[str] = field(default_factory=set)
    """Every image file the articles name (good or bad): never copied into the site as it is."""

    def cover(self, article: Article) -> Picture | None:
        return self._of(article).cover

    def thumb(self, article: Article) -> Picture | None:
        return self._of(article).thumb

    def share(self, article: Article) -> Variant | None:
        return self._of(article).share

    def _of(self, article: Article) -> ArticleImages:
        return self.articles.get(article.src) or ArticleImages()

    def outputs(self) -> dict[str, Path]:
        """Every published file: its site path and the cached file to copy."""
        found: dict[str, Path] = {}
        for images in self.articles.values():
            pictures = [images.cover, images.thumb, *images.body.values()]
            for picture in pictures:
                if picture is not None:
                    found.update((v.url, v.cached) for v in picture.variants)
            if images.share is not None:
                found[images.share.url] = images.share.cached
        return dict(sorted(found.items()))


@dataclass(frozen=True)
class _Use:
    """One place an article names an image."""

    article: Article
    line: int
    field: str
    written: str
    path: str | None
    """From docs_dir; None when the written path leaves docs_dir."""
    products: tuple[str, ...] = BODY_PRODUCTS


def prepare(
    articles: Iterable[Article],
    docs_dir: Path,
    root: Path,
    settings: Settings,
    cache: ImageCache,
    share: ShareOptions,
    sizes: tuple[str, str],
    workers: int | None = None,
) -> tuple[SiteImages, list[ContentError], Drawing]:
    """Produce every image the articles need; bad ones become errors and are left out.

    The cache is looked up here; what it lacks becomes jobs for `work.start` (in `workers`
    processes, see there). Source images are waited for here: a bad one must stop a strict build
    before it writes anything. Share cards cannot fail that way, so their file names are known
    now and they are drawn while the build goes on, until `Drawing.finish`."""
    articles = list(articles)
    site = SiteImages(*sizes)
    uses = [use for article in articles for use in _uses(article, docs_dir)]
    site.sources.update(use.path for use in uses if use.path)
    errors: list[ContentError] = []
    cards = _Cards(share, settings, cache, _logo(docs_dir, root, settings, share, errors))

    def look(path: str, source: Path, products: tuple[str, ...]) -> Lookup:
        return look_up(cache.source(source), products, settings, cache)

    lookups = _outcomes(uses, docs_dir, look)
    jobs = {
        path: work.SourceJob(docs_dir / path, tuple(found.missing.items()))
        for path, found in lookups.items()
        if isinstance(found, Lookup) and found.missing
    }
    # A cover gives its article the share image; a missing one does not, nor a broken one (below).
    covered = {
        u.article.src
        for u in uses
        if u.field == "cover" and isinstance(lookups.get(u.path), Lookup)
    }
    cards.want(a for a in articles if a.src not in covered)
    sources = list(jobs.values())
    pending = work.start([*sources, *cards.missing()], cards.shop, workers)
    drawing = Drawing(pending, len(sources), cards.drawn(), cache)
    try:
        made = dict(zip(sources, pending.results(len(sources)), strict=True))
        outcomes = {
            path: _outcome(path, found, made.get(jobs.get(path), {}), settings, cache)
            for path, found in lookups.items()
        }
        _place(site, uses, outcomes, docs_dir, root, errors)
        # Articles whose cover turned out broken: a few cards, drawn here and now.
        cards.want(a for a in articles if a.src in covered and site.articles[a.src].share is None)
        late = cards.drawn()
        for job, result in zip(late, work.run(late, cards.shop, 1), strict=True):
            _check_card(job, result, cache)
    except BaseException:
        drawing.close()
        raise
    for src, variant in cards.published().items():
        site.articles.setdefault(src, ArticleImages()).share = variant
    return site, sorted(errors), drawing


def _outcome(path: str, found: Lookup | str, made: dict | str, settings, cache) -> dict | str:
    """A source's products as published, or why it cannot be."""
    for problem in (found, made):
        if isinstance(problem, str):
            return problem
    return published(_stem(path), found, made, settings, cache)


def _place(site: SiteImages, uses, outcomes, docs_dir: Path, root: Path, errors: list) -> None:
    """Give each article the products of its images; a bad image becomes an error."""
    for use in uses:
        images = site.articles.setdefault(use.article.src, ArticleImages())
        outcome = outcomes[use.path] if use.path else _outside(docs_dir)
        if isinstance(outcome, str):
            errors.append(_error(use, outcome, docs_dir, root))
            images.left_out.update({use.written, use.path or use.written})
        elif use.field == "cover":
            images.cover, images.thumb = outcome[RESPONSIVE], outcome[THUMBNAIL]
            images.share = outcome[SHARE]
        else:
            images.body[use.path] = outcome[RESPONSIVE]
            images.thumb = images.thumb or outcome.get(THUMBNAIL)


class Drawing:
    """The share cards being drawn while the build goes on; `finish` before the site's files
    are copied, `close` when the build fails."""

    def __init__(self, pending: work.Pending, skip: int, jobs: list[work.CardJob], cache):
        self.pending, self.skip, self.jobs, self.cache = pending, skip, jobs, cache

    def finish(self) -> None:
        try:
            results = self.pending.results()[self.skip :]
        finally:
            self.close()
        for job, result in zip(self.jobs, results, strict=True):
            _check_card(job, result, self.cache)

    def close(self) -> None:
        self.pending.close()


def _check_card(job: work.CardJob, result: list, cache: ImageCache) -> None:
    """Count a card drawn as this build's cache entry; it must be the file pages already name."""
    if result != [CARD_FILE]:
        raise RuntimeError(f"share card {job.key}: stored {result}, expected {[CARD_FILE]}")
    cache.record(job.key)


class _Cards:
    """The share cards drawn for articles without a (good) cover: their keys, the ones the cache
    lacks, and their published variants."""

    def __init__(self, share: ShareOptions, settings: Settings, cache: ImageCache, logo):
        decoded, self.logo_bytes = logo
        self.share, self.settings, self.cache = share, settings, cache
        self.shop = work.Workshop(
            settings, cache.root, share.site_name, self.logo_bytes if decoded else None
        )
        self.wanted: dict[str, tuple[str, work.CardJob, list | None]] = {}
        """By article src: file name stem, job, and the cached entry if any."""
        self._new: list[work.CardJob] = []

    def want(self, articles: Iterable[Article]) -> None:
        if not self.share.enabled:
            return
        for article in articles:
            text = CardText(article.title, article.date_line, self.share.site_name)
            identity = cache_key(*text.__dict__.values(), self.logo_bytes, FONT.name)
            job = work.CardJob(
                text.title, text.date_line, card_key(identity.encode(), self.settings)
            )
            found = self.cache.get_known(job.key, [CARD_FILE])
            self.wanted[article.src] = (article.slug[:40].rstrip("-"), job, found)
            if found is None:
                self._new.append(job)

    def missing(self) -> list[work.CardJob]:
        """The cards wanted since the last call that the cache lacks, each once."""
        return list(dict.fromkeys(self._new))

    def drawn(self) -> list[work.CardJob]:
        """`missing()`, from now on counted as drawn (their pages name their file already)."""
        new, self._new = self.missing(), []
        return new

    def published(self) -> dict[str, Variant]:
        """The card of each article (by src): cached, or drawn (or being drawn) under its key."""
        return {
            src: published_card(stem, job.key, found or [CARD_FILE], self.settings, self.cache)
            for src, (stem, job, found) in self.wanted.items()
        }


def clean_strays(
    docs_dir: Path, root: Path, taken: set[str], settings: Settings, cache: ImageCache
) -> tuple[dict[str, Path | None], list[ContentError]]:
    """Images published as they are (on static pages, linked files): those carrying EXIF or XMP
    are replaced by clean copies at the same address. Returns {path from docs_dir: clean file},
    None for a file that cannot be read and so is withheld."""
    kinds = {".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".webp": "webp"}
    candidates = sorted(
        path.relative_to(docs_dir).as_posix()
        for path in docs_dir.rglob("*")
        if path.suffix.lower() in kinds and path.is_file() and not _hidden(path, docs_dir)
    )

    def one(path: str) -> Path | str | None:
        data = (docs_dir / path).read_bytes()
        if not encode.carries_metadata(data):
            return None
        try:
            return cleaned(data, kinds[PurePosixPath(path).suffix.lower()], settings, cache)
        except encode.ImageProblem as problem:
            return str(problem)

    strays = [path for path in candidates if path not in taken]
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        outcomes = dict(zip(strays, pool.map(one, strays), strict=True))
    errors = [
        ContentError(shown_path(docs_dir / path, root), 1, IMAGE_FIELD, outcome)
        for path, outcome in outcomes.items()
        if isinstance(outcome, str)
    ]
    replaced = {
        path: (out if isinstance(out, Path) else None)
        for path, out in outcomes.items()
        if out is not None
    }
    return replaced, errors


def _hidden(path: Path, docs_dir: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(docs_dir).parts)


def _uses(article: Article, docs_dir: Path) -> list[_Use]:
    base = posixpath.dirname(article.src)
    uses = []
    if article.cover:
        line, typed = front_matter_field(docs_dir / article.src, "cover")
        written = typed or article.cover
        uses.append(_Use(article, line, "cover", written, article.cover, COVER_PRODUCTS))
    for ref in markup.find_images(article.body, article.body_line):
        # Without a cover, the first photo of the body gives the card its thumbnail.
        products = BODY_PRODUCTS if article.cover or len(uses) else (RESPONSIVE, THUMBNAIL)
        path = markup.resolve(ref.src, base)
        uses.append(_Use(article, ref.line, IMAGE_FIELD, ref.src, path, products))
    return uses


def problems(
    articles: Iterable[Article], docs_dir: Path, root: Path, max_pixels: int
) -> list[ContentError]:
    """Every bad image of the articles, found by decoding without encoding (`bantin check`)."""
    uses = [use for article in articles for use in _uses(article, docs_dir)]

    def work(path: str, source: Path, products: tuple[str, ...]) -> dict:
        encode.load(source.read_bytes(), max_pixels, least=(1, 1))
        return {}

    results = _outcomes(uses, docs_dir, work)
    found = []
    for use in uses:
        outcome = results[use.path] if use.path else _outside(docs_dir)
        if isinstance(outcome, str):
            found.append(_error(use, outcome, docs_dir, root))
    return sorted(found)


def _outcomes(uses: list[_Use], docs_dir: Path, work) -> dict[str, dict | str]:
    """`work(path, file, products)` for each source image named, in threads; or the Vietnamese
    reason the image cannot be published."""
    needs: dict[str, set[str]] = defaultdict(set)
    for use in uses:
        if use.path is not None:
            needs[use.path].update(use.products)

    def one(path: str) -> dict | str:
        source = docs_dir / path
        if not source.is_file():
            return f"không tìm thấy tệp (tìm ở {docs_dir.name}/{path})"
        if not contentfiles.inside(docs_dir, source):
            return (
                f"là liên kết ra ngoài {docs_dir.name}/; hãy chép ảnh vào {docs_dir.name}/images/"
            )
        if PurePosixPath(path).suffix.lower() not in contentfiles.RASTER:
            return contentfiles.image_type_problem(path)
        products = tuple(product for product in COVER_PRODUCTS if product in needs[path])
        try:
            return work(path, source, products)
        except encode.ImageProblem as problem:
            return str(problem)

    paths = sorted(needs)
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        return dict(zip(paths, pool.map(one, paths), strict=True))


def _logo(docs_dir, root, settings, share, errors) -> tuple[bool, bytes]:
    """Whether the cards' logo decodes (a bad one is reported), and its bytes, part of every
    card's key (b"" when it cannot be read)."""
    if not share.enabled:
        return False, b""
    data = b""
    try:
        data = (docs_dir / share.logo if share.logo else LOGO).read_bytes()
        encode.load(data, settings.max_pixels)
        return True, data
    except (OSError, encode.ImageProblem) as problem:
        config = shown_path(root / "mkdocs.yml", root)
        errors.append(ContentError(config, 1, "share_logo", f"logo '{share.logo}': {problem}"))
        return False, data


def _outside(docs_dir: Path) -> str:
    return (
        f"đường dẫn đi ra ngoài thư mục {docs_dir.name}/; hãy đặt ảnh trong "
        f"{docs_dir.name}/images/ và viết đường dẫn tương đối tới đó"
    )


def _error(use: _Use, reason: str, docs_dir: Path, root: Path) -> ContentError:
    shown = shown_path(docs_dir / use.article.src, root)
    return ContentError(shown, use.line, use.field, f"ảnh '{use.written}': {reason}")


def _stem(path: str) -> str:
    return slugify(PurePosixPath(path).stem) or "anh"


_FIELD = re.compile(r"^(?P<name>[A-Za-z_]+)\s*:")


def front_matter_field(path: Path, name: str) -> tuple[int, str | None]:
    """The line of `name` in an article's front matter and its value as typed (plain scalars
    only; None otherwise), for messages; (1, None) when it cannot be found."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1, None
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            break
        match = _FIELD.match(line)
        if match and match.group("name") == name:
            value = line[match.end() :].strip().strip("\"'")
            return number, value or None
    return 1, None
