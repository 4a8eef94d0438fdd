"""A whole archive imported at once: one address per article, articles already on the site found,
photos of saved pages copied beside the others.

Portals repeat titles ("Hội nghị sơ kết công tác Đoàn 6 tháng đầu năm" every year, sometimes twice
in a month for two units). Two articles never share a file: the second gets its day, else its
unit, else a copy number in its address, and the report says which and why. An article whose
title, date and unit match one already under the output folder is reported and left alone.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from PIL import Image, UnidentifiedImageError

from ...model.text import match_key, slugify
from .convert import Imported

_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*(?:\n|\Z)", re.DOTALL)


@dataclass(frozen=True)
class Placed:
    target: Path
    note: str | None = None
    """Why the address differs from the title's (a repeated title), for the report."""


@dataclass
class Archive:
    """What one batch has placed so far, and what the output folder already holds.

    An article's address is /YEAR/MONTH/SLUG/ (its date and its title's slug), so two articles
    with one title in one month would share it; the second gets `slug:` with its day, else its
    unit, else a copy number."""

    out: Path
    batch: dict[tuple, str] = field(default_factory=dict)
    _site: _Site | None = None

    @property
    def site(self) -> _Site:
        if self._site is None:
            self._site = _read_site(self.out)
        return self._site

    def existing(self, imported: Imported) -> Path | None:
        """The article already under the output folder with this title, date and unit."""
        return self.site.articles.get(_identity(imported.fields, _date(imported)))

    def repeated(self, imported: Imported) -> str | None:
        """The input of this batch that held the same article, if any."""
        return self.batch.get(_identity(imported.fields, _date(imported)))

    def place(self, imported: Imported, source: str) -> Placed:
        """A free address for `imported`, and why it is not the plain one when it is not.

        Sets `slug` in the article's fields when the address needs a suffix."""
        self.batch.setdefault(_identity(imported.fields, _date(imported)), source)
        day = imported.guesses["date"].day
        month = (imported.year, day.month if day else 1)
        slug = imported.slug
        options = [(slug, None)]
        if day:
            options.append((f"{slug}-ngay-{day:%d}", "thêm ngày vào địa chỉ"))
        if unit := imported.fields.get("unit"):
            options.append((f"{slug}-{slugify(unit)}", "thêm đơn vị vào địa chỉ"))
        options.extend((f"{slug}-ban-{n}", f"thêm số bản ({n})") for n in range(2, 1000))
        for name, why in options:
            target = self.out / str(imported.year) / f"{name}.md"
            if (*month, name) in self.site.addresses or target.exists():
                continue
            self.site.addresses.add((*month, name))
            if why is None:
                return Placed(target)
            imported.fields["slug"] = name
            return Placed(target, f"cùng tiêu đề với một bài khác trong tháng: {why}")
        raise RuntimeError(f"không tìm được địa chỉ trống cho {slug}")


@dataclass
class _Site:
    articles: dict[tuple, Path]
    """(title, date, unit) → file, for every article already under the output folder."""
    addresses: set[tuple]
    """(year, month, slug) taken by those articles and by this batch."""


def _date(imported: Imported) -> str | None:
    return imported.guesses["date"].value


def _identity(fields: dict, date: str | None) -> tuple:
    return (match_key(fields.get("title") or ""), date, fields.get("unit"))


def _read_site(out: Path) -> _Site:
    site = _Site({}, set())
    for path in sorted(out.rglob("*.md")) if out.is_dir() else ():
        try:
            head = _FRONT.match(path.read_text(encoding="utf-8"))
            data = yaml.safe_load(head.group(1)) if head else None
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        if not isinstance(data, dict) or not data.get("title"):
            continue
        date = data.get("date")
        shown = date.isoformat() if hasattr(date, "isoformat") else str(date or "")
        shown = shown[:16] if "T" in shown else shown[:10]
        site.articles.setdefault(_identity(data, shown or None), path)
        if len(shown) >= 7 and shown[:4].isdigit():
            slug = data.get("slug") or slugify(str(data["title"]))
            site.addresses.add((int(shown[:4]), int(shown[5:7]), slug))
    return site


def copy_images(imported: Imported, target: Path, images: Path) -> tuple[dict[int, str], list[str]]:
    """A saved page's photos copied to images/YEAR/SLUG/; (links from the article, problems).

    Each is opened with Pillow first, so what reaches content/ is a picture the build can
    re-encode like any other; anything else is left out and named in the report."""
    links: dict[int, str] = {}
    problems: list[str] = []
    folder = images / str(imported.year) / target.stem
    for number, image in enumerate(imported.images, start=1):
        try:
            with Image.open(image.path) as picture:
                picture.verify()
        except (OSError, UnidentifiedImageError, SyntaxError) as error:
            problems.append(f"{image.path.name}: không phải ảnh đọc được ({error})")
            continue
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{number:02d}-{slugify(image.path.stem) or 'anh'}{image.path.suffix.lower()}"
        shutil.copyfile(image.path, folder / name)
        links[number] = Path(os.path.relpath(folder / name, target.parent)).as_posix()
    return links, problems
