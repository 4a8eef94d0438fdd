"""One legacy article → fields, Markdown body and a report of every line's fate.

Pure: bytes and registries in, an `Imported` out; writing files is the command's job.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, time
from pathlib import Path

from ...model.article import Registries
from ...model.frontmatter import Plain, article_text, caption_markdown, markdown_text
from ...model.text import slugify
from .dates import event_date, front_matter_value
from .decode import Decoded, decode
from .infer import HIGH, LOW, MEDIUM, CategoryMatcher, Guess, UnitMatcher
from .lines import Dropped, Layout, read_lines
from .markup import html_text, looks_like_html
from .savedpage import IMAGE_LINE, IMAGE_MARK, SavedImage, read_saved_page
from .signature import author_name

_SOURCE_TAG = re.compile(r"^([A-ZĐ][A-ZĐ0-9]{1,9}):\s+(?=\S)")
_PROVISIONAL_TITLE = 160
STAND_IN_DATE = date(2000, 1, 1)
"""Written when the text holds no date, since the contract requires one: a day no reader could take
for the real one, never today's. The article stays a draft with `date` under review."""


@dataclass(frozen=True)
class DateGuess(Guess):
    """The date as the front matter writes it, and as a calendar day and time for the rest."""

    day: date | None = None
    at: time | None = None


class NothingToImport(ValueError):
    """The file holds no article text (only blank lines or portal junk)."""


@dataclass(frozen=True)
class Options:
    unit: str | None = None
    """Registry name of the portal's unit, used when the text names none (and to narrow the guess)."""
    category: str | None = None
    """Category of the portal section the files come from, used when no label is found."""
    encoding: str | None = None


@dataclass
class Imported:
    """An imported article and what the tool did with each line."""

    encoding: str
    fixes: tuple[str, ...]
    fields: dict
    body: str
    captions: list[str]
    dropped: list[Dropped]
    guesses: dict[str, Guess]
    review: list[str] = field(default_factory=list)
    draft: bool = False
    blank_lines: int = 0
    roles: dict[int, str] = field(default_factory=dict)
    images: tuple[SavedImage, ...] = ()
    """A saved page's own photos, in the order their marks stand in `body`."""
    source: str | None = None

    @property
    def year(self) -> int:
        return int(str(self.fields["date"])[:4])

    @property
    def slug(self) -> str:
        return slugify(self.fields["title"]) or "bai-viet"

    def text(self, image_links: dict[int, str] | None = None) -> str:
        """The article file; `image_links` maps each saved page's photo to its address."""
        body = self.body
        links = image_links or {}
        for number in range(1, len(self.images) + 1):
            mark = IMAGE_MARK.format(number)
            if number in links:
                body = body.replace(mark, f"![{self._alt(number)}]({links[number]})")
            else:  # not copied (a dry run, or not a picture): the caption stays on its own
                body = body.replace(mark + "\n", "").replace(mark, "")
        body = re.sub(r"\n{3,}", "\n\n", body).strip("\n")
        return article_text(self.fields, body)

    def _alt(self, number: int) -> str:
        image = self.images[number - 1]
        mark = IMAGE_MARK.format(number)
        after = self.body.split(mark, 1)[1].lstrip("\n").split("\n", 1)
        caption = after[0] if len(after) > 1 and after[1].startswith("{: .bt-caption }") else ""
        alt = image.alt or caption or self.fields["title"]
        return alt.replace("[", "(").replace("]", ")")


class Importer:
    """Matchers built once per batch from the site's registries."""

    def __init__(self, registries: Registries, options: Options = Options()):
        self.registries = registries
        self.options = options
        self.units = UnitMatcher(registries.units)
        self.categories = CategoryMatcher(registries.categories)
        self.default_unit = registries.units.resolve(options.unit) if options.unit else None
        found = registries.categories.resolve(options.category) if options.category else None
        self.default_category = found.name if found else None

    def convert(self, raw: bytes, path: Path | None = None) -> Imported:
        """One article from `raw`, the bytes of the file at `path` (a saved page needs its folder)."""
        page = None
        if path is not None and path.suffix.lower() in (".html", ".htm"):
            page = read_saved_page(path, raw)
            decoded = Decoded(unicodedata.normalize("NFC", page.text), "utf-8", ("HTML",))
        else:
            decoded = decode(raw, self.options.encoding)
        if page is None and looks_like_html(decoded.text):
            decoded = replace(decoded, text=html_text(decoded.text), fixes=(*decoded.fixes, "HTML"))
        layout = read_lines(decoded.text, self.categories.label)
        if layout.title is None and not layout.paragraphs:
            dropped = f" ({len(layout.dropped)} dòng rác đã bỏ)" if layout.dropped else ""
            raise NothingToImport(f"tệp không có nội dung bài viết{dropped}")
        guesses = self._guesses(layout)
        review = [name for name, guess in guesses.items() if not guess.sure]
        day, at = guesses["date"].day, guesses["date"].at
        # Required fields with no clue at all get a stand-in and keep the article a draft; the
        # category's stand-in is the first (general news) and the article can still be published.
        draft = day is None or guesses["unit"].value is None
        fields = {
            "title": guesses["title"].value,
            "date": Plain(front_matter_value(day or STAND_IN_DATE, at)),
            "unit": guesses["unit"].value or next(iter(self.registries.units)).name,
            "category": guesses["category"].value or next(iter(self.registries.categories)).name,
            "author": guesses["author"].value,
            "review": review,
            "draft": True if draft else None,
        }
        return Imported(
            encoding=decoded.encoding,
            fixes=decoded.fixes + (("NBSP",) if "\u00a0" in decoded.text else ()),
            fields=fields,
            body=_body(layout),
            captions=layout.captions,
            dropped=sorted(layout.dropped, key=lambda d: d.number),
            guesses=guesses,
            review=review,
            draft=draft,
            blank_lines=sum(1 for line in decoded.text.split("\n") if not line.strip("\u00a0 \t")),
            roles=layout.roles(),
            images=page.images if page else (),
            source=page.source if page else None,
        )

    def _guesses(self, layout: Layout) -> dict[str, Guess]:
        day = self._date(layout)
        # A stand-in title comes from the lead, so only a real title counts as the title zone.
        title = layout.title.text if layout.title else ""
        unit = self.units.infer(title, layout.lead, _rest(layout), day.day, self.default_unit)
        if layout.category:
            category = Guess(layout.category, HIGH, "nhãn chuyên mục")
        else:
            category = self.categories.infer(title, layout.lead, self.default_category)
        return {
            "title": self._title(layout),
            "date": day,
            "unit": unit,
            "category": category,
            "author": _author(layout),
        }

    def _title(self, layout: Layout) -> Guess:
        if layout.title is not None:
            text = layout.title.text
            # A title in capitals is kept as written: only an editor knows its proper nouns.
            sure = MEDIUM if text.isupper() else HIGH
            return Guess(text, sure, f"dòng {layout.title.number}")
        return Guess(provisional_title(layout.lead), LOW, "tạm lấy từ sapo")

    def _date(self, layout: Layout) -> DateGuess:
        if layout.date is not None:
            found = layout.date.found
            source = f"dòng {layout.date_source.number}"
            return DateGuess(
                front_matter_value(found.on(), found.at), HIGH, source, (), found.on(), found.at
            )
        found = event_date([p.text for p in layout.paragraphs if not p.caption])
        if found is not None and found.on() is not None:
            value = front_matter_value(found.on(), found.at)
            return DateGuess(value, MEDIUM, "sapo", (), found.on(), found.at)
        return DateGuess(None, LOW, "không tìm thấy")


def _rest(layout: Layout) -> str:
    return "\n".join(p.text for p in layout.paragraphs[1:])


def _author(layout: Layout) -> Guess:
    if layout.signature is None:
        return Guess(None, LOW, "không thấy chữ ký")
    return Guess(author_name(layout.signature.text), HIGH, f"dòng {layout.signature.number}")


def provisional_title(lead: str) -> str | None:
    """A stand-in title from the lead when the file has none: its first sentence with a subject.

    "Chiều 16/10/2024, tại Hội trường X. Ban Thường vụ Đoàn khối tổ chức Hội nghị kiểm tra ... (đối
    với ...) năm 2024." → "Ban Thường vụ Đoàn khối tổ chức Hội nghị kiểm tra ... năm 2024".
    Always marked for review.
    """
    if not lead:
        return None
    for sentence in re.split(r"(?<=[.!?…])\s+(?=[A-ZÀ-ỸĐ])", lead):
        sentence = re.sub(r"\s*\([^)]*\)", "", sentence).strip().rstrip(".…")
        # Drop a time-and-place opening: "Chiều 16/10/2024, tại Hội trường ..., ".
        while (head := re.match(r"^[^,]{0,60}\d[^,]{0,20},\s*", sentence)) or (
            head := re.match(r"^(?:tại|vào|ở)\s[^,]{0,80},\s*", sentence, re.IGNORECASE)
        ):
            sentence = sentence[head.end() :]
        if len(sentence.split()) >= 4 and not re.match(r"^(?:tại|vào|ở)\s", sentence, re.I):
            title = sentence[0].upper() + sentence[1:]
            if len(title) > _PROVISIONAL_TITLE:
                title = title[: title.rfind(" ", 0, _PROVISIONAL_TITLE)]
            return title
    return lead[:_PROVISIONAL_TITLE]


def _body(layout: Layout) -> str:
    blocks = []
    for index, paragraph in enumerate(layout.paragraphs):
        if IMAGE_LINE.match(paragraph.text):
            blocks.append(paragraph.text)  # the photo's Markdown replaces it when written
            continue
        if paragraph.caption:
            caption = caption_markdown(paragraph.text)
            if blocks and IMAGE_LINE.match(blocks[-1]):
                blocks[-1] += "\n" + caption  # a photo with its caption: one block
            else:
                blocks.append(caption)
            continue
        text = markdown_text(paragraph.text)
        if index == 0 and (tag := _SOURCE_TAG.match(text)):
            text = f"**{tag.group(1)}:** " + text[tag.end() :]
        blocks.append(text)
    return "\n\n".join(blocks)
