"""YAML that remembers where each key is, so errors can name a line.

PyYAML's marks are thrown away by `safe_load`; this loader keeps them on the mappings and lists it
builds. Timestamps are left as text so that our own date parser reports bad dates in Vietnamese
instead of PyYAML raising on `2025-02-31`.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import yaml

from . import contentfiles
from .errors import ContentError
from .lookup import nearest_key
from .text import clean

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class LineDict(dict):
    """A mapping with the 1-based line of itself (`line`) and of each key (`key_lines`)."""

    line: int = 1

    def __init__(self) -> None:
        super().__init__()
        self.key_lines: dict = {}

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A list with the 1-based line of each item (`item_lines`)."""

    line: int = 1

    def __init__(self) -> None:
        super().__init__()
        self.item_lines: list[int] = []


class YamlSyntaxError(ValueError):
    """Broken YAML, with the 1-based line and a Vietnamese explanation."""

    def __init__(self, line: int, message: str):
        self.line = line
        super().__init__(message)


class _Loader(yaml.SafeLoader):
    pass


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """libyaml's parser (about 10× faster, for `bantin check` on big sites); on a syntax error we
    parse again with `_Loader` so messages and hints stay those of the pure-Python parser."""


for _loader in (_Loader, _FastLoader):
    _loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


MAX_DEPTH = 50
"""Lists and groups inside one another: the units tree needs about 15; more is a mistake (or an
attack: 3,000 levels exhaust Python's stack)."""

_DEEP = f"YAML lồng nhau quá sâu (quá {MAX_DEPTH} tầng danh sách hay nhóm trường)"

_OURS = "bantin"
"""The context of the errors we raise ourselves while constructing: their text is ours."""


def _counted(construct):
    """`construct` counting one more level of nesting; past MAX_DEPTH it is an error at the
    node (the pure-Python parser would exhaust the stack first on thousands of levels)."""

    def counted(loader: _Loader, node: yaml.Node):
        loader.bantin_depth = getattr(loader, "bantin_depth", 0) + 1
        try:
            if loader.bantin_depth > MAX_DEPTH:
                raise yaml.constructor.ConstructorError(_OURS, None, _DEEP, node.start_mark)
            return construct(loader, node)
        finally:
            loader.bantin_depth -= 1

    return counted


def _mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool) and key is not None:
            raise yaml.constructor.ConstructorError(
                None, None, "khoá không hợp lệ", key_node.start_mark
            )
        if key in result:
            # PyYAML keeps the last silently; staff meant one of them, and only they know which.
            raise yaml.constructor.ConstructorError(
                _OURS,
                None,
                f"trường '{key}' khai báo hai lần (dòng {result.key_lines[key]} và dòng "
                f"{key_node.start_mark.line + 1}); hãy giữ một dòng",
                key_node.start_mark,
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList()
    result.line = node.start_mark.line + 1
    for item in node.value:
        result.append(loader.construct_object(item, deep=True))
        result.item_lines.append(item.start_mark.line + 1)
    return result


for _loader in (_Loader, _FastLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _counted(_mapping))
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _counted(_sequence))

_HINTS = {
    "mapping values are not allowed here": (
        "giá trị có dấu hai chấm ':' thì phải đặt trong dấu nháy kép"
    ),
    "found character '\\t' that cannot start any token": "YAML không cho dùng phím Tab, hãy dùng dấu cách",
    "could not find expected ':'": "thiếu dấu hai chấm ':' sau tên trường",
    "found unexpected end of stream": "thiếu dấu nháy đóng ở cuối giá trị",
}


def load(text: str, first_line: int = 1):
    """Parse YAML; lines in the result and in errors are counted from `first_line`."""
    try:
        data = yaml.load(text, Loader=_FastLoader)
    except yaml.YAMLError:
        data = _load_slowly(text, first_line)
    except RecursionError:
        raise YamlSyntaxError(_too_deep(text) + first_line - 1, _DEEP) from None
    if first_line != 1:
        _shift_lines(data, first_line - 1)
    return data


def _load_slowly(text: str, first_line: int):
    try:
        return yaml.load(text, Loader=_Loader)
    except RecursionError:
        raise YamlSyntaxError(_too_deep(text) + first_line - 1, _DEEP) from None
    except yaml.MarkedYAMLError as error:
        mark = _mark(error)
        line = (mark.line if mark else 0) + first_line
        problem = error.problem or "lỗi cú pháp"
        if error.context == _OURS:
            raise YamlSyntaxError(line, problem) from None
        hint = _HINTS.get(problem)
        text = f"YAML sai cú pháp ({problem})" + (f": {hint}" if hint else "")
        raise YamlSyntaxError(line, text) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(first_line, f"YAML sai cú pháp ({error})") from None


def _mark(error: yaml.MarkedYAMLError):
    """Where staff should look. The scanner names the token it was reading (`context_mark`: the
    opening quote of an unclosed string, the key missing its colon) and where it gave up
    (`problem_mark`: often the end of the text); the parser's context is only the enclosing
    block, so there the problem is the place."""
    if isinstance(error, yaml.scanner.ScannerError) and error.context_mark is not None:
        return error.context_mark
    return error.problem_mark or error.context_mark


def _too_deep(text: str) -> int:
    """The line (from 1) where nesting passes MAX_DEPTH, found with PyYAML's event stream,
    which keeps no stack of its own; 1 when it cannot be found."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):  # a state machine: no recursion
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark.line + 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except (yaml.YAMLError, RecursionError):
        pass
    return 1


_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
"""Control characters (tab and line breaks aside) and lone UTF-16 halves, which only a YAML
escape (`"\\x01"`, `"\\ud800"`) can put in a value: they break pages, feeds and file names."""


def character_problems(data, field: str = "") -> list[tuple[int, str, str]]:
    """(line, field, Vietnamese message) for each text in `data` holding a character that no page
    may carry (`_UNPRINTABLE`); `field` names the values of a list."""
    found: list[tuple[int, str, str]] = []
    if isinstance(data, LineDict):
        for key, value in data.items():
            name = str(key)
            if isinstance(key, str) and (bad := _UNPRINTABLE.search(key)):
                found.append((data.line_of(key), _printable(name), _character(bad.group())))
            if isinstance(value, str) and (bad := _UNPRINTABLE.search(value)):
                found.append((data.line_of(key), _printable(name), _character(bad.group())))
            else:
                found += character_problems(value, _printable(name))
    elif isinstance(data, LineList):
        for value, line in zip(data, data.item_lines, strict=True):
            if isinstance(value, str) and (bad := _UNPRINTABLE.search(value)):
                found.append((line, field, _character(bad.group())))
            else:
                found += character_problems(value, field)
    return found


def _printable(text: str) -> str:
    return _UNPRINTABLE.sub("\ufffd", text)


def _character(char: str) -> str:
    code = f"U+{ord(char):04X}"
    if "\ud800" <= char <= "\udfff":
        return f"có ký tự {code} không hợp lệ (nửa cặp UTF-16); hãy gõ lại giá trị này"
    return f"có ký tự điều khiển {code} (thường do chép từ trang khác); hãy xoá ký tự đó"


def _shift_lines(data, offset: int) -> None:
    if isinstance(data, LineDict):
        data.line += offset
        data.key_lines = {key: line + offset for key, line in data.key_lines.items()}
        for value in data.values():
            _shift_lines(value, offset)
    elif isinstance(data, LineList):
        data.line += offset
        data.item_lines = [line + offset for line in data.item_lines]
        for value in data:
            _shift_lines(value, offset)


def _cleaned(data):
    """`data` with each character of `_UNPRINTABLE` replaced by U+FFFD, in place: reported
    already, it must crash nothing downstream (file names, image caches) meanwhile."""
    if isinstance(data, LineDict):
        for key, value in list(data.items()):
            data[key] = _printable(value) if isinstance(value, str) else _cleaned(value)
    elif isinstance(data, LineList):
        for index, value in enumerate(data):
            data[index] = _printable(value) if isinstance(value, str) else _cleaned(value)
    return data


class RecordReader:
    """Reads one file of records for people: an article's front matter, a registry of
    content/_data/. Every problem becomes a `ContentError` at its line, all collected, with the
    same words whichever file it is."""

    def __init__(self, shown: str):
        self.shown = shown
        self.errors: list[ContentError] = []

    def fail(self, line: int, field: str, message: str) -> None:
        self.errors.append(ContentError(self.shown, line, field, message))

    def read(self, path: Path, docs_dir: Path) -> str | None:
        """The text of a file of content/, or None: missing (the caller says whether that is an
        error), a link out of content/ or not UTF-8 (reported)."""
        if contentfiles.leaves(docs_dir, path):
            self.fail(1, contentfiles.FIELD, contentfiles.outside_message(path))
            return None
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        return self.decoded(raw)

    def decoded(self, raw: bytes) -> str | None:
        """UTF-8 text without BOM, or None with the line and byte of the first bad byte."""
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw.count(b"\n", 0, error.start) + 1
            self.fail(
                line,
                "mã hoá",
                f"tệp không phải UTF-8 (byte 0x{raw[error.start]:02X}); "
                "hãy mở tệp và lưu lại với mã hoá UTF-8",
            )
            return None

    def parse(self, text: str, field: str, first_line: int = 1):
        """The records of `text`, or `BROKEN` when it is not YAML (reported under `field`);
        texts holding characters no page may carry are reported, then made harmless."""
        try:
            data = load(text, first_line)
        except YamlSyntaxError as error:
            self.fail(error.line, field, str(error))
            return BROKEN
        for line, key, message in character_problems(data):
            self.fail(line, key or field, message)
        return _cleaned(data)

    def records(self, path: Path, docs_dir: Path, missing: str | None) -> LineList | None:
        """The list of records of a registry file; None when it cannot be read (reported, and a
        missing file too when `missing` says why it is needed)."""
        if not path.is_file():
            if missing:
                self.fail(1, "tệp", missing)
            return None
        text = self.read(path, docs_dir)
        data = BROKEN if text is None else self.parse(text.replace("\r\n", "\n"), "YAML")
        if data is BROKEN:
            return None
        if data is None:
            return LineList()
        if not isinstance(data, LineList):
            self.fail(1, "tệp", "cần một danh sách, mỗi mục bắt đầu bằng '- name: ...'")
            return None
        return data

    def entry(self, item, line: int, known, synonyms: dict[str, str] | None = None):
        """One record of a list, as a mapping (its unknown keys reported), or None."""
        if not isinstance(item, LineDict):
            self.fail(line, "mục", "mỗi mục cần dạng 'name: ...'")
            return None
        self.unknown_keys(item, known, synonyms)
        return item

    def unknown_keys(self, item: LineDict, known, synonyms: dict[str, str] | None = None) -> None:
        """Each key of `item` not in `known`, reported with the nearest known one."""
        for key in item:
            if key not in known:
                near = nearest_key(str(key), known, synonyms or {})
                hint = (
                    f"; có phải '{near}'?" if near else f"; các trường hợp lệ: {', '.join(known)}"
                )
                self.fail(item.line_of(key), str(key), f"trường không được hỗ trợ{hint}")

    def text(self, item: LineDict, key: str) -> str | None:
        """A short text (names, addresses): numbers are taken as written, lists are not."""
        value = item.get(key)
        if value is None:
            return None
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            self.fail(item.line_of(key), key, "cần một chuỗi văn bản")
            return None
        return clean(str(value))

    def day(self, item: LineDict, key: str) -> date | None:
        value = self.text(item, key)
        if value is None:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.fail(item.line_of(key), key, f"cần dạng YYYY-MM-DD, nhận được '{value}'")
            return None


BROKEN = object()
"""What `RecordReader.parse` returns for text that is not YAML."""
