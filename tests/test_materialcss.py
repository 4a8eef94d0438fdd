"""Material's stylesheet as a Bản Tin site publishes it: without the components no page shows."""

from __future__ import annotations

import gzip

from bantin.defaults.materialcss import trim


def test_selectors_of_unused_components_go_and_shared_rules_keep_the_rest():
    css = (
        '@charset "UTF-8";.md-typeset h1,.md-search__input{color:red}'
        ".md-header{height:3rem}"
        "@media screen and (max-width:76em){.md-tabs{display:none}.md-grid{margin:0}}"
        "@media print{.md-header{display:none}}"
        "@keyframes md-spin{0%{opacity:0}}"
        '.md-typeset :is(.admonition,details){content:"{not a brace}"}'
        "/*# sourceMappingURL=main.min.css.map*/"
    )
    assert trim(css) == (
        '@charset "UTF-8";.md-typeset h1{color:red}'
        "@media screen and (max-width:76em){.md-grid{margin:0}}"
        '.md-typeset :is(.admonition,details){content:"{not a brace}"}'
    )


def test_the_published_stylesheet_is_trimmed_once_and_keeps_the_content_styles(tiny_site):
    tiny_site.fixture("good.md", "2022/good.md")
    tiny_site.build()
    [stylesheet] = (tiny_site.site / "assets" / "stylesheets").glob("main.*.min.css")
    css = stylesheet.read_text(encoding="utf-8")
    assert ".md-search" not in css and ".md-tabs" not in css and ".highlight" not in css
    for kept in (".md-typeset h1", ".md-typeset table:not([class])", ".md-typeset .admonition"):
        assert kept in css, kept
    assert ".md-grid" in css and ".md-button" in css
    assert trim(css) == css
    assert len(gzip.compress(css.encode())) < 12_000
