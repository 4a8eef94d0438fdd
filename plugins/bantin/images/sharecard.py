"""The 1200×630 share card drawn for an article without a cover: logo, site name, title, date.

The font is DejaVu Sans Bold, shipped beside this module (fonts/README.txt has its licence): it
has every Vietnamese letter with its stacked marks (ằ, ẫ, ự…), and is never fetched at build time.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
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


class Words:
    """Words of one size, each measured and drawn once. A site's titles share most of their
    words (Vietnamese words are syllables: "Đoàn", "tổ", "chức"), and FreeType drawing a glyph
    costs more than pasting its pixels: assembling a line from its words makes a card about
    three times cheaper to draw than laying out each line anew. Kerning across a space, the only
    thing this leaves out, moves a word by less than a pixel."""

    LIMIT = 6000
    """Words kept per size; beyond it the store starts afresh (a mask is ~10 KB)."""

    def __init__(self, font: ImageFont.FreeTypeFont):
        self.font = font
        self.space = font.getlength(" ")
        self._widths: dict[str, float] = {}
        self._masks: dict[str, tuple[Image.Image, int, int] | None] = {}

    def width(self, word: str) -> float:
        return _kept(self._widths, word, self.font.getlength)

    def line_width(self, words: list[str]) -> float:
        return sum(map(self.width, words)) + self.space * (len(words) - 1)

    def place(self, line: str, origin: tuple[int, int]) -> list[tuple[Image.Image, int, int]]:
        """Each word's mask of `line` and where its top left goes, the first word's pen position
        at `origin` (the top of the ascender)."""
        x, y = origin
        pen = float(x)
        placed = []
        for word in line.split():
            found = self._mask(word)
            if found is not None:
                mask, left, top = found
                placed.append((mask, round(pen) + left, y + top))
            pen += self.width(word) + self.space
        return placed

    def _mask(self, word: str) -> tuple[Image.Image, int, int] | None:
        return _kept(self._masks, word, self._draw)

    def _draw(self, word: str) -> tuple[Image.Image, int, int] | None:
        """The word's coverage, cut to its ink, and the offset of that ink from the pen."""
        left, top, right, bottom = self.font.getbbox(word, anchor="la")
        if right <= left or bottom <= top:
            return None
        mask = Image.new("L", (right - left, bottom - top))
        ImageDraw.Draw(mask).text((-left, -top), word, font=self.font, fill=255, anchor="la")
        return mask, left, top


def _kept(store: dict, word: str, make):
    """`make(word)`, kept in `store`, which starts afresh beyond `Words.LIMIT` words."""
    if word not in store:
        if len(store) >= Words.LIMIT:
            store.clear()
        store[word] = make(word)
    return store[word]


class CardPainter:
    """Draws the cards of one build. What every card shares (background, accent bar, logo, site
    name) is drawn once and copied; each card then adds its title and date, word by word."""

    def __init__(self, site_name: str, logo: Image.Image | None, font: Typeface | None = None):
        self.font = font or Typeface(FONT)
        self.base = _base(site_name, logo, self.font)
        self._words: dict[int, Words] = {}

    def words(self, size: int) -> Words:
        if size not in self._words:
            self._words[size] = Words(self.font(size))
        return self._words[size]

    def draw(self, title: str, date_line: str) -> Image.Image:
        """The card of one article as an RGB image of SHARE_SIZE."""
        card = self.base.copy()
        size, lines = _fit_title(title, self.words, SHARE_SIZE[0] - 2 * MARGIN)
        words = self.words(size)
        step = round(size * 1.3)
        top = 232 + (TITLE_LINES * step - len(lines) * step) // 2
        title = []
        for number, line in enumerate(lines):
            title += words.place(line, (MARGIN, top + number * step))
        _ink(card, title, TEXT)
        _ink(card, self.words(30).place(date_line, (MARGIN, SHARE_SIZE[1] - 64)), MUTED)
        return card


def _ink(card: Image.Image, placed: list[tuple[Image.Image, int, int]], colour) -> None:
    """Words in `colour` on the card's flat background (text sits between the site name and the
    accent bar). The words' coverage is gathered in one grey image and turned into colour through
    a palette: one pass, where blending each word into the RGB card costs seven times more."""
    if not placed:
        return
    left = max(0, min(x for _, x, _ in placed))
    top = max(0, min(y for _, _, y in placed))
    right = min(card.width, max(x + mask.width for mask, x, _ in placed))
    bottom = min(card.height, max(y + mask.height for mask, _, y in placed))
    ink = Image.new("P", (right - left, bottom - top))
    for mask, x, y in placed:
        ink.paste(255, (x - left, y - top), mask)
    ink.putpalette(_blend(BACKGROUND, colour))
    card.paste(ink.convert("RGB"), (left, top))


@functools.cache
def _blend(background: tuple[int, ...], colour: tuple[int, ...]) -> list[int]:
    """Palette entry i: `colour` over `background` at coverage i/255."""
    return [
        round(back + (front - back) * level / 255)
        for level in range(256)
        for back, front in zip(background, colour, strict=True)
    ]


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


def _fit_title(title: str, words: Callable[[int], Words], width: int) -> tuple[int, list[str]]:
    """The largest size whose wrapped title fits in TITLE_LINES lines; the smallest, cut, otherwise."""
    for size in TITLE_SIZES:
        lines = wrap(title, words(size), width)
        if len(lines) <= TITLE_LINES:
            return size, lines
    size = TITLE_SIZES[-1]
    lines = wrap(title, words(size), width)[:TITLE_LINES]
    lines[-1] = _ellipsis(lines[-1], words(size), width)
    return size, lines


def wrap(text: str, words: Words, width: int) -> list[str]:
    """Words of `text` in lines no wider than `width` pixels (a longer word gets a line alone)."""
    lines: list[list[str]] = []
    for word in text.split():
        if lines and words.line_width([*lines[-1], word]) <= width:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [" ".join(line) for line in lines]


def _ellipsis(line: str, words: Words, width: int) -> str:
    kept = line.split()
    while kept and words.line_width([*kept, "…"]) > width:
        kept.pop()
    return " ".join([*kept, "…"])
