"""Writing articles: front matter in one YAML style, and text made safe to put in Markdown.

Every tool that writes an article (`bantin import`, `bantin new`) goes through `article_text`, so
all written files quote YAML the same way: plain when YAML would read the value back unchanged,
else in double quotes.
"""

from __future__ import annotations

import json
import re

_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\n]*$")
_RISKY = re.compile(r": |\s#|:$|^\s|\s$")
_SPECIAL = re.compile(
    r"^(?:true|false|yes|no|on|off|null|~|[-+]?(?:\d[\d_]*)?(?:\.\d*)?(?:e[-+]?\d+)?|0x[0-9a-f]+|"
    r"0o[0-7]+|[-+]?\.(?:inf|nan)|\d{4}-\d{1,2}-\d{1,2}.*|\d+:\d+.*|[\d_:]+)$",
    re.IGNORECASE,
)


def yaml_scalar(value: str) -> str:
    """A YAML scalar that reads back as exactly `value` (a string)."""
    if value and _PLAIN.match(value) and not _RISKY.search(value) and not _SPECIAL.match(value):
        return value
    return json.dumps(value, ensure_ascii=False)


class Plain(str):
    """A value we formatted ourselves in a YAML-safe form (dates), written without quotes."""


def yaml_value(value) -> str:
    if isinstance(value, Plain):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_flow_item(item) for item in value) + "]"
    return yaml_scalar(str(value))


def _flow_item(value: str) -> str:
    """Items of a flow list also must not hold `,` `[` `]` `{` `}` unquoted."""
    plain = yaml_scalar(value)
    return json.dumps(value, ensure_ascii=False) if re.search(r"[,\[\]{}]", plain) else plain


def front_matter(fields: dict) -> str:
    """`---` block of the given fields in the given order; None and empty values are left out."""
    lines = ["---"]
    for key, value in fields.items():
        if value is None or value == "" or value == [] or value == ():
            continue
        lines.append(f"{key}: {yaml_value(value)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


# Characters Python-Markdown (with our extensions) would read as markup anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_TAG = re.compile(r"<(?=[A-Za-z/!?])")
_LINE_START = re.compile(r"^(?:[#>+\-|]|!!!|\d+(?=[.)]\s|[.)]$)|\s)")
_ATTR = re.compile(r"\{(?=:)|\{(?=[#.][\w-])")


def markdown_text(text: str) -> str:
    """One paragraph of plain text as Markdown that renders back to the same words."""
    text = _INLINE.sub(r"\\\1", text)
    text = _ENTITY.sub("&amp;", text)
    text = _TAG.sub("&lt;", text)
    text = _ATTR.sub(r"\\{", text)
    match = _LINE_START.match(text)
    if match:
        head = match.group(0)
        if head[0].isdigit():
            return head + "\\" + text[len(head) :]
        return "\\" + text
    return text


def caption_markdown(text: str) -> str:
    """A photo caption as the theme styles it (Markdown attr_list)."""
    return f"{markdown_text(text)}\n{{: .bt-caption }}"


def article_text(fields: dict, body: str) -> str:
    """The whole file: front matter, a blank line, the body, a final newline."""
    return front_matter(fields) + "\n" + body.strip("\n") + "\n"
