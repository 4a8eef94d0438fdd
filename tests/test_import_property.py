"""Property: `bantin import` never loses content. Every line of any input is in the article (front
matter or body, read back as a reader sees it) or listed as dropped junk."""

from __future__ import annotations

from pathlib import Path

import markdown
from bantin.model.addresses import Addresses
from bantin.model.catalog import read_registries
from bantin.model.text import clean
from bantin.tools.importer import Importer
from bantin.tools.importer.convert import NothingToImport
from bantin.tools.importer.lines import junk_reason
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[1]
REGISTRIES, _ = read_registries(REPO / "content" / "_data", REPO, Addresses())
IMPORTER = Importer(REGISTRIES)
EXTENSIONS = ["attr_list", "md_in_html", "tables", "footnotes", "admonition"]

LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạếềểễệốồổỗộớờởỡợứừửữựĐÂƯ"
MARKUP = "*_`#>-+!|[]()<>&;{}:.\\\"'0123456789/, "
words = st.text(alphabet=LETTERS + LETTERS.upper(), min_size=1, max_size=9)
tokens = st.one_of(words, words, words, st.text(alphabet=MARKUP, min_size=1, max_size=3))
line = st.lists(tokens, min_size=1, max_size=25).map(" ".join)
junk = st.sampled_from(
    [
        "PublishingPortal - Block_BanTin_Toolbar",
        "Tăng cỡ chữ Giảm cỡ chữ",
        "Liên kết website",
        "1991",
    ]
)
article = st.tuples(
    st.lists(
        st.one_of(line, line, line, junk, st.just(""), st.just("\u00a0")), min_size=1, max_size=14
    ),
    st.sampled_from(["", "Thứ Bảy, 04/06/2022", "20:34 02/12/2023 \u00a0 1991"]),
    st.sampled_from(["\n", "\r\n"]),
)


def seen_by_reader(imported) -> str:
    """The article as text: front-matter values and the body rendered by Python-Markdown."""
    html = markdown.markdown(imported.body, extensions=EXTENSIONS)
    body = BeautifulSoup(html, "html.parser").get_text(" ")
    values = [str(value) for value in imported.fields.values() if isinstance(value, str)]
    return clean(" ".join([*values, body]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article)
def test_import_never_loses_a_line(parts):
    lines, date, newline = parts
    text = newline.join([*lines[:1], date, *lines[1:]])
    try:
        imported = IMPORTER.convert(text.encode("utf-8"))
    except NothingToImport:
        # Refused as a whole (nothing written) only when no line but the date line holds text.
        rest = [clean(raw) for raw in text.splitlines() if clean(raw) and clean(raw) != clean(date)]
        assert all(junk_reason(line) for line in rest)
        return
    numbered = enumerate(text.replace("\r\n", "\n").split("\n"), start=1)
    assert set(imported.roles) == {number for number, raw in numbered if clean(raw)}
    reader = seen_by_reader(imported).casefold()
    dropped = {clean(d.text) for d in imported.dropped}
    for raw in text.replace("\r\n", "\n").split("\n"):
        content = clean(raw)
        if not content or content in dropped or content == clean(date):
            continue
        assert content.casefold() in reader, content
