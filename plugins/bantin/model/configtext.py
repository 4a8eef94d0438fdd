"""Config values as pages print them: escaped once, when the config is loaded.

MkDocs renders templates with Jinja's autoescape off, and Material prints `site_name`,
`site_description`, `site_author`, `copyright`, nav titles and `extra.*` as they are, in templates
we do not override. So every text of the config that can reach a page is turned into `Markup`
(escaped text) once, before any template runs: every `{{ … }}` then prints it safely, `| e` does
not escape it twice, and a template of ours needs no care. Python code that wants the words
themselves (a share card, a feed title, JSON-LD) reads them through `plain`.

Addresses (`site_url`, which the `SITE_URL` variable may set, and `repo_url`) are not escaped but
checked: only characters that need no escaping in HTML may appear, so they cannot leave the
attribute they are printed in.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

TEXT_KEYS = ("site_name", "site_description", "site_author", "copyright", "repo_name")
"""Top-level config texts that Material prints."""

ADDRESS_KEYS = ("site_url", "repo_url")

_SAFE_ADDRESS = re.compile(r"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&()*+,;=%]+")
"""An absolute http(s) address of RFC 3986 characters; no quote, angle bracket, space or `\\`."""


def escaped(value):
    """`value` with every text in it escaped once (dict keys are names, left as they are)."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, dict):
        return {key: escaped(item) for key, item in value.items()}
    if isinstance(value, list):
        return [escaped(item) for item in value]
    return value


def escaped_nav(nav):
    """Nav titles escaped; the file paths and addresses they point at left as written."""
    if isinstance(nav, list):
        return [escaped_nav(item) for item in nav]
    if isinstance(nav, dict):
        return {escaped(title): escaped_nav(target) for title, target in nav.items()}
    return nav


def plain(value):
    """The words of a config text, whether or not it has been escaped yet."""
    if isinstance(value, Markup):
        return value.unescape()
    return value


def address_problem(value: str | None) -> str | None:
    """Why an address cannot be printed in a page as it is, in Vietnamese; None when it can."""
    if not value or _SAFE_ADDRESS.fullmatch(value):
        return None
    return (
        f"địa chỉ '{value}' cần bắt đầu bằng https:// (hoặc http://) và không có dấu cách, "
        "dấu nháy hay dấu < >; hãy mã hoá các ký tự đó dạng %XX"
    )
