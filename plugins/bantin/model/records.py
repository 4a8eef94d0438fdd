"""YAML that remembers where each key is, so errors can name a line.

PyYAML's marks are thrown away by `safe_load`; this loader keeps them on the mappings and lists it
builds. Timestamps are left as text so that our own date parser reports bad dates in Vietnamese
instead of PyYAML raising on `2025-02-31`.
"""

from __future__ import annotations

import yaml

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


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool) and key is not None:
            raise yaml.constructor.ConstructorError(
                None, None, "khoá không hợp lệ", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList()
    result.line = node.start_mark.line + 1
    for item in node.value:
        result.append(loader.construct_object(item, deep=True))
        result.item_lines.append(item.start_mark.line + 1)
    return result


for _loader in (_Loader, _FastLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)

_HINTS = {
    "mapping values are not allowed here": (
        "giá trị có dấu hai chấm ':' thì phải đặt trong dấu nháy kép"
    ),
    "found character '\\t' that cannot start any token": "YAML không cho dùng phím Tab, hãy dùng dấu cách",
    "could not find expected ':'": "thiếu dấu hai chấm ':' sau tên trường",
}


def load(text: str, first_line: int = 1):
    """Parse YAML; lines in the result and in errors are counted from `first_line`."""
    try:
        data = yaml.load(text, Loader=_FastLoader)
    except yaml.YAMLError:
        data = _load_slowly(text, first_line)
    if first_line != 1:
        _shift_lines(data, first_line - 1)
    return data


def _load_slowly(text: str, first_line: int):
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line if mark else 0) + first_line
        problem = error.problem or "lỗi cú pháp"
        hint = _HINTS.get(problem)
        text = f"YAML sai cú pháp ({problem})" + (f": {hint}" if hint else "")
        raise YamlSyntaxError(line, text) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(first_line, f"YAML sai cú pháp ({error})") from None


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
