"""The quality gates a published site must pass, as plain functions over a built `site/` folder.

Each gate returns what it found (problems as readable lines) so a test can assert on it and
print it; none of them needs MkDocs. The page kinds are recognised by address, from the same
format strings the plugins use, so a gate covers whatever kinds of page a build produced.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import string
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree import ElementTree

from bantin.model.addresses import Addresses, DocumentAddresses

NOT_FOUND = "404.html"
REPO = Path(__file__).resolve().parent.parent
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
FIELD_PATTERNS = {"yyyy": r"\d{4}", "mm": r"\d{2}", "slug": r"[^/]+", "n": r"\d+"}


# -- page kinds -------------------------------------------------------------------------------


def _pattern(address: str, **fixed: str) -> re.Pattern:
    """A regex for an address format string; `fixed` pins fields (`n="2"` for page 2)."""
    parts = []
    for literal, name, _, _ in string.Formatter().parse(address):
        parts.append(re.escape(literal))
        if name is not None:
            parts.append(re.escape(fixed[name]) if name in fixed else FIELD_PATTERNS[name])
    return re.compile("".join(parts))


def kind_patterns(addresses: Addresses) -> dict[str, re.Pattern]:
    """Every kind of page by its address, most specific first."""
    return {
        "home": re.compile(""),
        "article": _pattern(addresses.article),
        "category": _pattern(addresses.category),
        "category page 2": _pattern(addresses.category_page, n="2"),
        "unit": _pattern(addresses.unit),
        "unit page 2": _pattern(addresses.unit_page, n="2"),
        "units": _pattern(addresses.units),
        "archive": _pattern(addresses.archive),
        "archive year": _pattern(addresses.archive_year),
        "archive month": _pattern(addresses.archive_month),
        "tag": _pattern(addresses.tag),
        "document": _pattern(DocumentAddresses.document),
        "documents": _pattern(DocumentAddresses.register),
    }


def address_of(site: Path, html: Path) -> str:
    """`site/2022/06/x/index.html` → `2022/06/x/`; `site/404.html` → `404.html`."""
    relative = html.relative_to(site).as_posix()
    return relative.removesuffix("index.html")


def kind_of(address: str, patterns: dict[str, re.Pattern]) -> str:
    if address == NOT_FOUND:
        return "404"
    for kind, pattern in patterns.items():
        if pattern.fullmatch(address):
            return kind
    return "page"


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def one_page_of_each_kind(site: Path, addresses: Addresses) -> dict[str, Path]:
    """The first page (in address order) of each kind the build produced; among articles, also
    the first with an image (a cover, a photo), whose markup differs."""
    patterns = kind_patterns(addresses)
    chosen: dict[str, Path] = {}
    for html in html_pages(site):
        kind = kind_of(address_of(site, html), patterns)
        chosen.setdefault(kind, html)
        wanted = kind == "article" and "article with image" not in chosen
        if wanted and "<img" in html.read_text(encoding="utf-8"):
            chosen["article with image"] = html
    return chosen


# -- links ------------------------------------------------------------------------------------

LINK_ATTRIBUTES = {"href", "src", "srcset", "poster", "action", "data"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")


class _References(HTMLParser):
    """Every address an HTML page refers to: links, images, scripts, styles, forms."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name not in LINK_ATTRIBUTES or not value:
                continue
            if name == "srcset":
                self.found.extend(part.split()[0] for part in value.split(",") if part.strip())
            else:
                self.found.append(value)


def references(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".css":
        return CSS_URL.findall(text)
    parser = _References()
    parser.feed(text)
    return parser.found


def target_file(site: Path, site_url: str, base: str, reference: str) -> Path | None:
    """The file in `site` that `reference` (found on the page at URL `base`) points to; None if
    it points outside the site (another host, mailto:, data:...)."""
    absolute = urljoin(base, reference.strip())
    parts = urlsplit(absolute)
    root = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or parts.netloc != root.netloc:
        return None
    if not parts.path.startswith(root.path):
        return None
    relative = unquote(parts.path[len(root.path) :])
    if relative == "" or relative.endswith("/"):
        relative += "index.html"
    return site / relative


def is_rootless(reference: str) -> bool:
    """A protocol-relative address whose "host" has no dot (`//assets/anh/x.webp`): a path from
    the site root written after a `/` base, which the browser sends to a host named "assets"."""
    reference = reference.strip()
    if not reference.startswith("//"):
        return False
    host = urlsplit(reference).hostname or ""
    return "." not in host


def resolves(path: Path) -> bool:
    return path.is_file() or (path.is_dir() and (path / "index.html").is_file())


@dataclass
class LinkReport:
    checked: int = 0
    targets: set[Path] = field(default_factory=set)
    broken: list[str] = field(default_factory=list)


def check_links(site: Path, site_url: str) -> LinkReport:
    """Every internal reference of every page and stylesheet in `site`, checked against files."""
    report = LinkReport()
    sources = html_pages(site) + sorted(site.rglob("*.css"))
    for source in sources:
        base = urljoin(site_url, source.relative_to(site).as_posix())
        for reference in references(source):
            if reference.startswith("#"):
                continue
            if is_rootless(reference):
                report.checked += 1
                report.broken.append(f"{source.relative_to(site)}: {reference} (mất gốc: '//')")
                continue
            target = target_file(site, site_url, base, reference)
            if target is None:
                continue
            report.checked += 1
            report.targets.add(target)
            if not resolves(target):
                report.broken.append(f"{source.relative_to(site)}: {reference}")
    return report


class _ImagesWithoutAlt(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.images = 0
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "img":
            self.images += 1
            if "alt" not in values:
                self.found.append(values.get("src") or "?")


def images_without_alt(site: Path) -> tuple[int, list[str]]:
    """How many <img> the pages have, and those with no alt (alt="" marks a decorative one)."""
    images, missing = 0, []
    for page in html_pages(site):
        parser = _ImagesWithoutAlt()
        parser.feed(page.read_text(encoding="utf-8"))
        images += parser.images
        missing.extend(f"{page.relative_to(site)}: {src}" for src in parser.found)
    return images, missing


# -- HTML validity ----------------------------------------------------------------------------


VNU_OPTIONS = ("--format", "json", "--stdout", "--exit-zero-always", "--errors-only")


def java() -> str | None:
    return shutil.which("java")


def vnu_errors(pages: Iterable[Path], site: Path) -> list[str]:
    """Errors of the Nu HTML Checker for `pages`, in one Java run, as `page:line: message`."""
    pages = [page.resolve() for page in pages]
    site = site.resolve()
    run = subprocess.run(
        [java(), "-Xss1m", "-jar", str(VNU), *VNU_OPTIONS, *map(str, pages)],
        capture_output=True,
        text=True,
        check=True,
    )
    messages = json.loads(run.stdout)["messages"]
    lines = []
    for message in messages:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        where = Path(unquote(urlsplit(message.get("url", "")).path))
        name = where.relative_to(site) if where.is_relative_to(site) else where
        lines.append(f"{name}:{message.get('lastLine', '?')}: {message['message']}")
    return lines


# -- sitemap, feeds, robots -------------------------------------------------------------------


def sitemap_addresses(site: Path) -> list[str]:
    tree = ElementTree.parse(site / "sitemap.xml")
    return [loc.text.strip() for loc in tree.getroot().iterfind("s:url/s:loc", SITEMAP_NS)]


def sitemap_gzip_matches(site: Path) -> bool:
    return (
        gzip.decompress((site / "sitemap.xml.gz").read_bytes())
        == (site / "sitemap.xml").read_bytes()
    )


def feeds(site: Path, addresses: Addresses) -> list[Path]:
    name = Path(addresses.feed).name
    return sorted(site.rglob(name))


def feed_problems(feed: Path, site: Path, site_url: str) -> Iterator[str]:
    """Why a feed is not right: it does not parse, or it links to a page that does not exist."""
    import feedparser

    parsed = feedparser.parse(feed.read_bytes())
    where = feed.relative_to(site)
    if parsed.bozo:
        yield f"{where}: {parsed.bozo_exception}"
    if parsed.version != "rss20":
        yield f"{where}: not RSS 2.0 ({parsed.version or 'unknown'})"
    for entry in parsed.entries:
        target = target_file(site, site_url, site_url, entry.get("link", ""))
        if target is None or not resolves(target):
            yield f"{where}: {entry.get('link')}"


# -- accessibility ----------------------------------------------------------------------------

AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ")),
  }));
}"""


def axe_violations(browser, url: str) -> list[dict]:
    """axe-core's violations on the page at `url` (all impacts; callers pick the serious)."""
    page = browser.new_page()
    try:
        page.goto(url, wait_until="load")
        page.add_script_tag(path=str(AXE))
        return page.evaluate(AXE_RUN)
    finally:
        page.close()
