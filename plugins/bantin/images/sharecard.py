"""The 1200×630 share card drawn for an article without a cover: logo, site name, title, date.

The font is DejaVu Sans Bold, shipped beside this module (fonts/README.txt has its licence): it
has every Vietnamese letter with its stacked marks (ằ, ẫ, ự…), and is never fetched at build time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .products import SHARE_SIZE

FONT = Path(__file__).parent / "fonts" / "DejaVuSans-Bold.ttf"
BACKGROUND = (12, 77, 162)
ACCENT = (218, 37, 29)
TEXT = (255, 255, 255)
MUTED = (205, 220, 245)
MARGIN = 80
TITLE_SIZES = (64, 58, 52, 46, 40)
TITLE_LINES = 4


@dataclass(frozen=True)
class CardText:
    title: str
    date_line: str
    site_name: str


class Typeface:
    """One font file at the sizes asked for, loaded once per build."""

    def __init__(self, path: Path = FONT):
        self.path = path
        self._sizes: dict[int, ImageFont.FreeTypeFont] = {}

    def __call__(self, size: int) -> ImageFont.FreeTypeFont:
        if size not in self._sizes:
            self._sizes[size] = ImageFont.truetype(str(self.path), size)
        return self._sizes[size]


class CardPainter:
    """Draws the cards of one build. What every card shares (background, accent bar, logo, site
    name) is drawn once and copied; each card then adds its title and date. The strokes are the
    same, in the same order, as drawing each card whole, so the pixels are too."""

    def __init__(self, site_name: str, logo: Image.Image | None, font: Typeface | None = None):
        self.font = font or Typeface(FONT)
        self.base = _base(site_name, logo, self.font)

    def draw(self, title: str, date_line: str) -> Image.Image:
        """The card of one article as an RGB image of SHARE_SIZE."""
        card = self.base.copy()
        pen = ImageDraw.Draw(card)
        size, lines = _fit_title(title, self.font, SHARE_SIZE[0] - 2 * MARGIN)
        title_font = self.font(size)
        step = round(size * 1.3)
        top = 232 + (TITLE_LINES * step - len(lines) * step) // 2
        for number, line in enumerate(lines):
            pen.text((MARGIN, top + number * step), line, font=title_font, fill=TEXT, anchor="la")
        pen.text((MARGIN, SHARE_SIZE[1] - 64), date_line, font=self.font(30), fill=MUTED)
        return card


def _base(site_name: str, logo: Image.Image | None, font: Typeface) -> Image.Image:
    width, height = SHARE_SIZE
    card = Image.new("RGB", SHARE_SIZE, BACKGROUND)
    pen = ImageDraw.Draw(card)
    pen.rectangle((0, height - 16, width, height), fill=ACCENT)
    left = MARGIN
    if logo is not None:
        mark = logo.copy()
        mark.thumbnail((112, 112), Image.Resampling.LANCZOS)
        top = 64 + (112 - mark.height) // 2
        card.paste(mark, (MARGIN, top), mark if mark.mode == "RGBA" else None)
        left = MARGIN + mark.width + 28
    pen.text((left, 120), site_name, font=font(34), fill=TEXT, anchor="lm")
    return card


def _fit_title(title: str, font: Typeface, width: int) -> tuple[int, list[str]]:
    """The largest size whose wrapped title fits in TITLE_LINES lines; the smallest, cut, otherwise."""
    for size in TITLE_SIZES:
        lines = wrap(title, font(size), width)
        if len(lines) <= TITLE_LINES:
            return size, lines
    size = TITLE_SIZES[-1]
    lines = wrap(title, font(size), width)[:TITLE_LINES]
    lines[-1] = _ellipsis(lines[-1], font(size), width)
    return size, lines


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Words of `text` in lines no wider than `width` pixels (a longer word gets a line alone)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and font.getlength(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def _ellipsis(line: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    words = line.split()
    while words and font.getlength(" ".join(words) + " …") > width:
        words.pop()
    return " ".join(words) + " …"
