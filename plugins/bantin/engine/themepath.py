"""The tool's theme on a site's template search path, and the site's defaults, in MkDocs terms.

MkDocs 1.x themes cannot extend one another, so Bản Tin is not a theme of its own: a site keeps
`theme: material`, and the `bantin` plugin puts the package's templates between the site's own
`theme/` (custom_dir, optional) and Material's. A theme entry point would have to copy Material's
`mkdocs_theme.yml` (and lose Material's plugins, which check the theme's name), and an `INHERIT:`
of a file inside site-packages would tie every site's mkdocs.yml to one Python's install path.

A default replaces a value only while it is still MkDocs' or Material's own default, so whatever a
site writes in mkdocs.yml wins.
"""

from __future__ import annotations

import logging
from importlib import import_module
from pathlib import Path

from .. import __version__
from .host import MkDocsConfig

THEME_PACKAGE = "bantin.theme"

STYLESHEETS = (
    "assets/stylesheets/bantin.css",
    "assets/stylesheets/bantin-indexes.css",
    "assets/stylesheets/bantin-furniture.css",
)
SCRIPTS = ("assets/javascripts/bantin-reader.js",)
LOGO = "assets/images/logo.svg"
# Material's Vietnamese with our corrections: theme/partials/languages/custom.html.
LANGUAGE = "custom"
# robots.txt (pointing crawlers at the sitemap) is a template of theme/, rendered once per build.
STATIC_TEMPLATES = ("robots.txt",)
MARKDOWN_EXTENSIONS = ("attr_list", "md_in_html", "footnotes", "admonition")
MATERIAL_FONT = {"text": "Roboto", "code": "Roboto Mono"}
MATERIAL_FAVICON = "assets/images/favicon.png"


def theme_dir() -> Path:
    """The folder of the tool's templates and assets: site-packages/bantin/theme/ when installed
    from a wheel, the repository's theme/ in an editable install (setup.py maps the package)."""
    return Path(import_module(THEME_PACKAGE).__file__).parent


def add_theme(config: MkDocsConfig) -> None:
    """Our folder right after the site's custom_dir (or first when there is none)."""
    folder = str(theme_dir())
    dirs = config.theme.dirs
    if folder in dirs:
        return
    dirs.insert(1 if config.theme.custom_dir else 0, folder)
    config.theme.static_templates.update(STATIC_TEMPLATES)


def apply_defaults(config: MkDocsConfig, last_pages: list[str]) -> None:
    """What a news site needs and MkDocs' defaults do not give, unless the site said otherwise.
    No Material feature and no palette: our main.html runs no Material script (the section bar,
    the header's search and "Lên đầu trang" are ours) and bantin.css sets the colours, so the
    palette stylesheet would be bytes for nothing (issue 19)."""
    theme = config.theme
    if theme.get("font") == MATERIAL_FONT:
        # Material's default loads Roboto from Google; the site serves its own (system) fonts.
        theme["font"] = False
    if str(theme.get("language", "en")) == "en":
        theme["language"] = LANGUAGE
    if not theme.get("logo"):
        theme["logo"] = LOGO
    if theme.get("favicon") in (None, MATERIAL_FAVICON):
        theme["favicon"] = LOGO
    _prepend(config.extra_css, STYLESHEETS)
    _prepend(config.extra_javascript, SCRIPTS)
    for name in MARKDOWN_EXTENSIONS:
        if name not in config.markdown_extensions:
            config.markdown_extensions.append(name)
    config.mdx_configs.setdefault("toc", {}).setdefault("permalink", False)
    # Articles are never in the nav (their number would make every page grow with the archive).
    if config.validation.nav.omitted_files == logging.INFO:
        config.validation.nav.omitted_files = logging.DEBUG
    if config.nav is None:
        config.nav = default_nav(Path(config.docs_dir), last_pages)


def _prepend(listed: list, ours: tuple) -> None:
    """Our files first, so the site's own stylesheets and scripts can override them."""
    present = {str(item) for item in listed}
    listed[:0] = [item for item in ours if item not in present]


def default_nav(docs_dir: Path, last_pages: list[str]) -> list[str]:
    """The home page, the site's other top-level pages by file name, then `last_pages` (pages
    our plugins make, such as the search page, written by the site or not). Articles never
    enter the nav; the category tabs are added by bantin-indexes."""
    pages = sorted(path.name for path in docs_dir.glob("*.md") if path.name != "index.md")
    head = ["index.md"] if (docs_dir / "index.md").exists() else []
    return head + [page for page in pages if page not in last_pages] + last_pages


def generator() -> str:
    """The tool and its version, as every page's `<meta name="generator">` names it."""
    return f"bantin-{__version__}"
