"""The article: its front-matter contract, and reading one file into a validated `Article`."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PurePosixPath

import frontmatter

from ..digests import digest
from . import records
from .dates import DateFormatError, Published, check_plausible, date_line, parse_date
from .errors import ContentError
from .registry import Category, CategoryRegistry, Unit, UnitRegistry, unknown_message
from .text import clean, nfc, slugify, without_controls

MORE = "<!-- more -->"

READS: ContextVar[set[str] | None] = ContextVar("bantin_article_reads", default=None)
"""While the page cache renders a page: the sources of the articles read (see `rendercache`)."""


@dataclass(frozen=True)
class Tag:
    name: str
    slug: str


@dataclass(frozen=True)
class Article:
    """A validated article. Paths are relative to docs_dir, in POSIX form."""

    src: str
    title: str
    published: Published
    unit: Unit
    category: Category
    slug: str
    url: str
    summary: str
    body: str
    body_line: int
    address_line: int = 1
    """The front-matter line that made the address (slug, else title), for clash errors."""
    author: str = ""
    tags: tuple[Tag, ...] = ()
    cover: str | None = None
    cover_caption: str = ""
    featured: bool = False
    draft: bool = False
    review: tuple[str, ...] = ()

    @cached_property
    def date_line(self) -> str:
        """Kept once made: a busy article shows on many list pages."""
        return date_line(self.published)

    @cached_property
    def digest(self) -> str:
        """Of every field, the body included: how the caches tell one version from another."""
        return digest(repr(self))

    @property
    def sort_key(self) -> tuple:
        """Newest first when sorted ascending; ties broken by address so order is stable."""
        return (-self.published.moment.timestamp(), self.url)


@dataclass(frozen=True)
class ArticleBody:
    """What is known of an article left out for its errors: its body, whose images are still
    checked so that every error of the file shows in one round."""

    src: str
    body: str
    body_line: int
    cover: None = None


def _recording_getattribute(article: Article, name: str):
    reads = READS.get()
    if reads is not None:
        reads.add(object.__getattribute__(article, "src"))
    return object.__getattribute__(article, name)


@contextmanager
def reads_recorded(reads: set[str]):
    """Note in `reads` the source of every article whose attributes are read inside the block.

    The hook is on the class only inside the block, so attribute access stays native-speed for
    the rest of the build (sorting and grouping read articles millions of times)."""
    installed = "__getattribute__" not in Article.__dict__
    if installed:
        Article.__getattribute__ = _recording_getattribute  # type: ignore[method-assign]
    token = READS.set(reads)
    try:
        yield reads
    finally:
        READS.reset(token)
        if installed:
            del Article.__getattribute__


class FieldError(ValueError):
    """A front-matter value of the wrong shape; the message is Vietnamese, for staff."""


def _text(value) -> str:
    if not isinstance(value, str):
        raise FieldError(f"cần một chuỗi văn bản, nhận được {_shape(value)}")
    text = clean(value)
    if not text:
        raise FieldError("không được để trống")
    return text


def _texts(value) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        raise FieldError(f"cần một danh sách, ví dụ [kiểm tra, đại hội], nhận được {_shape(value)}")
    items = []
    for item in value:
        if not isinstance(item, str | int | float) or isinstance(item, bool):
            raise FieldError(f"mỗi mục cần là chữ, nhận được {_shape(item)}")
        if text := clean(str(item)):
            items.append(text)
    return tuple(dict.fromkeys(items))


def _tags(value) -> tuple[str, ...]:
    names = _texts(value)
    if empty := [name for name in names if not slugify(name)]:
        raise FieldError(f"thẻ '{empty[0]}' cần có chữ hoặc số để làm địa chỉ")
    return names


def _flag(value) -> bool:
    if not isinstance(value, bool):
        raise FieldError(f"cần true hoặc false, nhận được {_shape(value)}")
    return value


def _date(value) -> Published:
    if not isinstance(value, str):
        raise FieldError(f"cần dạng YYYY-MM-DD, nhận được {_shape(value)}")
    try:
        published = parse_date(value)
        check_plausible(published)
    except DateFormatError as error:
        raise FieldError(str(error)) from None
    return published


def _slug(value) -> str:
    text = _text(value)
    slug = slugify(text)
    if slug != text:
        raise FieldError(f"chỉ dùng a-z, 0-9 và '-', ví dụ '{slug}'")
    return slug


def _shape(value) -> str:
    if value is None:
        return "giá trị rỗng"
    if isinstance(value, bool):
        return f"giá trị đúng/sai '{value}'"
    if isinstance(value, int | float):
        return f"số {value}"
    if isinstance(value, list):
        return "một danh sách"
    if isinstance(value, dict):
        return "một nhóm trường"
    return f"'{value}'"


@dataclass(frozen=True)
class FieldRule:
    convert: Callable
    required: bool = False


FIELDS: dict[str, FieldRule] = {
    "title": FieldRule(_text, required=True),
    "date": FieldRule(_date, required=True),
    "unit": FieldRule(_text, required=True),
    "category": FieldRule(_text, required=True),
    "author": FieldRule(_text),
    "tags": FieldRule(_tags),
    "summary": FieldRule(_text),
    "cover": FieldRule(_text),
    "cover_caption": FieldRule(_text),
    "featured": FieldRule(_flag),
    "draft": FieldRule(_flag),
    "slug": FieldRule(_slug),
    "review": FieldRule(_texts),
}
"""The front-matter contract: each key, its converter, and whether it is required."""

_YAML = frontmatter.YAMLHandler()


@dataclass(frozen=True)
class Registries:
    units: UnitRegistry
    categories: CategoryRegistry
    units_path: str
    categories_path: str


def split(text: str) -> tuple[str, str, int] | None:
    """(front matter, body, line of the body's first line), or None without front matter."""
    if not _YAML.detect(text):
        return None
    matter, body = _YAML.split(text)
    # `matter` starts with the newline that ends the opening `---` line, so its line 1 is file line 1.
    closing_line = 1 + matter.count("\n")
    return matter, body, closing_line


ARTICLE_NEEDS = "bài viết cần front matter (giữa hai dòng ---) và nội dung"
ARTICLE_FIELDS_HINT = "title, date, unit, category"


def read_front_matter(
    path: Path, report: records.RecordReader, needs: str, fields: str
) -> tuple[records.LineDict | None, str, int] | None:
    """A Markdown file's front matter (with its lines), body and the front matter's closing
    line: None when the file cannot be split, the fields None when they cannot be read (each
    reported). `needs` and `fields` word the messages for the kind of file."""
    text = report.decoded(path.read_bytes())
    if text is None:
        return None
    text = nfc(text.replace("\r\n", "\n"))
    if not text.strip():
        report.fail(1, "tệp", f"tệp rỗng; {needs}")
        return None
    parts = split(text)
    if parts is None:
        report.fail(
            1,
            "front matter",
            f"thiếu front matter: tệp phải mở đầu bằng dòng --- và khai báo {fields}",
        )
        return None
    matter, body, closing_line = parts
    body = without_controls(body)
    data = report.parse(matter, "front matter")
    if data is records.BROKEN:
        return None, body, closing_line
    if data is None:
        data = records.LineDict()
    if not isinstance(data, records.LineDict):
        report.fail(2, "front matter", "cần các dòng dạng 'trường: giá trị'")
        return None, body, closing_line
    return data, body, closing_line


def read_article(
    path: Path,
    src: str,
    shown: str,
    registries: Registries,
    article_url: Callable[[Published, str], str],
) -> tuple[Article | ArticleBody | None, list[ContentError]]:
    """Read and validate one article file; returns the article, or every error found in it with
    the body when the file could be split (`ArticleBody`) or None when not."""
    report = records.RecordReader(shown)
    read = read_front_matter(path, report, ARTICLE_NEEDS, ARTICLE_FIELDS_HINT)
    if read is None:
        return None, report.errors
    data, body, closing_line = read
    left_out = ArticleBody(src, body, closing_line + 1)
    if data is None:
        return left_out, report.errors
    values = _convert_fields(data, report)
    unit = _resolve(values, data, "unit", "đơn vị", registries.units, registries.units_path, report)
    category = _resolve(
        values,
        data,
        "category",
        "chuyên mục",
        registries.categories,
        registries.categories_path,
        report,
    )
    if unit is not None and "date" in values:
        _within_unit_period(values["date"], unit, registries, data, report)
    cover = _cover(values.get("cover"), path, src, data, report)
    if report.errors:
        return left_out, report.errors

    slug = values.get("slug") or slugify(values["title"])
    if not slug:
        report.fail(
            data.line_of("title"), "title", "tiêu đề không tạo được địa chỉ; hãy thêm trường slug"
        )
        return left_out, report.errors
    article = Article(
        src=src,
        title=values["title"],
        published=values["date"],
        unit=unit,
        category=category,
        slug=slug,
        url=article_url(values["date"], slug),
        summary=values.get("summary") or summarise(body),
        body=body,
        body_line=left_out.body_line,
        address_line=data.line_of("slug" if "slug" in values else "title"),
        author=values.get("author", ""),
        tags=tuple(Tag(name, slugify(name)) for name in values.get("tags", ())),
        cover=cover,
        cover_caption=values.get("cover_caption", ""),
        featured=values.get("featured", False),
        draft=values.get("draft", False),
        review=values.get("review", ()),
    )
    return article, []


def _convert_fields(
    data: records.LineDict, report: records.RecordReader, fields: dict[str, FieldRule] = FIELDS
) -> dict:
    """Each key through its converter; unknown keys and missing required ones reported."""
    values = {}
    report.unknown_keys(data, fields)
    for name, rule in fields.items():
        if name not in data or data[name] is None:
            if rule.required:
                report.fail(data.line, name, f"thiếu trường bắt buộc '{name}'")
            continue
        try:
            values[name] = rule.convert(data[name])
        except FieldError as error:
            report.fail(data.line_of(name), name, str(error))
    return values


def _resolve(values, data, key, kind, registry, registry_path, report):
    name = values.get(key)
    if name is None:
        return None
    found = registry.resolve(name)
    if found is None:
        report.fail(
            data.line_of(key),
            key,
            unknown_message(kind, name, registry_path, registry.nearest(name)),
        )
    return found


def _within_unit_period(published: Published, unit: Unit, registries: Registries, data, report):
    """An article is written under a unit that existed on its day: one dated after the unit
    ended (merged, dissolved) belongs to its successor."""
    day = published.moment.date()
    where = registries.units_path
    if unit.valid_to is not None and day > unit.valid_to:
        successor = registries.units.get(unit.successor).name if unit.successor else None
        then = f"; bài sau ngày đó hãy ghi unit: {successor}" if successor else ""
        report.fail(
            data.line_of("unit"),
            "unit",
            f"đơn vị '{unit.name}' đã kết thúc ngày {unit.valid_to:%d/%m/%Y} (theo {where}), "
            f"trước ngày đăng {day:%d/%m/%Y}{then}",
        )
    if unit.valid_from is not None and day < unit.valid_from:
        report.fail(
            data.line_of("unit"),
            "unit",
            f"đơn vị '{unit.name}' chỉ có từ ngày {unit.valid_from:%d/%m/%Y} (theo {where}), "
            f"sau ngày đăng {day:%d/%m/%Y}",
        )


def _cover(value, path: Path, src: str, data, report: records.RecordReader) -> str | None:
    """The cover path relative to docs_dir; it must stay inside docs_dir and exist."""
    if value is None:
        return None
    if "://" in value:
        report.fail(
            data.line_of("cover"),
            "cover",
            "ảnh bìa phải là tệp trong content/, không phải địa chỉ web",
        )
        return None
    parts = list(PurePosixPath(src).parent.parts)
    for part in PurePosixPath(value).parts:
        if part == "..":
            if not parts:
                report.fail(
                    data.line_of("cover"), "cover", f"đường dẫn '{value}' đi ra ngoài content/"
                )
                return None
            parts.pop()
        elif part not in (".", "/"):
            parts.append(part)
    relative = "/".join(parts)
    docs_dir = path.parents[len(PurePosixPath(src).parts) - 1]
    if not (docs_dir / relative).is_file():
        report.fail(
            data.line_of("cover"),
            "cover",
            f"không tìm thấy ảnh '{value}' (tìm ở content/{relative})",
        )
        return None
    return relative


_HEADING = re.compile(r"^\s{0,3}(#|\||>|<|!\[|```|~~~|-{3,}|\*{3,}|\{:)")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_ATTRS = re.compile(r"\{:[^}]*\}")
_MARKUP = re.compile(r"(\*\*|__|\*|`)")
_TAGS = re.compile(r"<[^>]+>")


def summarise(body: str) -> str:
    """Plain text for cards and feeds: the text before `<!-- more -->`, else the first paragraph."""
    if MORE in body:
        paragraphs = [_plain(block) for block in body.split(MORE, 1)[0].split("\n\n")]
        return " ".join(p for p in paragraphs if p)
    for block in body.split("\n\n"):
        lines = [line for line in block.splitlines() if line.strip() and not _HEADING.match(line)]
        if text := _plain("\n".join(lines)):
            return text
    return ""


# Backslash escapes of Markdown; escaped emphasis characters are parked on private-use code
# points so that removing emphasis markup leaves them.
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~])")
_PARKED = {"*": "\ue000", "_": "\ue001", "`": "\ue002"}


def _plain(block: str) -> str:
    """Markdown of a paragraph as the words a reader sees: markup gone, entities decoded."""
    text = _ESCAPED.sub(lambda match: _PARKED.get(match.group(1), match.group(1)), block)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _ATTRS.sub("", text)
    text = _TAGS.sub("", text)
    text = _MARKUP.sub("", text)
    for char, parked in _PARKED.items():
        text = text.replace(parked, char)
    return clean(html.unescape(text))
