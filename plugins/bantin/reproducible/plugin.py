"""The `bantin-publish` plugin: pages dated by their content, and conforming markup.

MkDocs stamps each page with the build date (`Page.update_date`); that date becomes the
sitemap's `lastmod` and the mtime in the gzip header of `sitemap.xml.gz`, so two builds of the
same content on different days differ. Here an article is dated by its publication date and
every other page (home, indexes, static pages) by the newest article, whose arrival is what
changes them.

Two repairs of Material's markup, each on one exact tag so nothing else is touched:
`autocomplete="off"` on its checkbox toggles (drawer, search), which the HTML standard allows
only on text-like inputs (the Nu HTML Checker rejects every page for it), is dropped; its search
dialog gets the accessible name that axe-core requires of a `role="dialog"`.
"""

from __future__ import annotations

from ..articles import catalog_of
from ..engine.host import BasePlugin, Config, File, Files, MkDocsConfig
from ..engine.host import config_options as c
from ..model.catalog import Catalog


class PublishConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn off to get MkDocs' own build-date stamps back."""


class PublishPlugin(BasePlugin[PublishConfig]):
    supports_multiple_instances = False

    # After every page is read and before the sitemap (a static template) is rendered.
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        if not self.config.enabled:
            return env
        catalog = catalog_of(config)
        for file in files.documentation_pages():
            date = content_date(file, catalog)
            if file.page is not None and date is not None:
                file.page.update_date = date
        return env

    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str:
        return repair_material_markup(output) if self.config.enabled else output

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig):
        """404.html is a theme template, not a page: it needs the same repair."""
        if not self.config.enabled or not template_name.endswith(".html"):
            return output_content
        return repair_material_markup(output_content)


_TOGGLE = '<input class="md-toggle" data-md-toggle="{0}" type="checkbox" id="__{0}"'
_SEARCH = '<div class="md-search" data-md-component="search" role="dialog"'
MATERIAL_REPAIRS = (
    (_TOGGLE.format("drawer") + ' autocomplete="off">', _TOGGLE.format("drawer") + ">"),
    (_TOGGLE.format("search") + ' autocomplete="off">', _TOGGLE.format("search") + ">"),
    (_SEARCH + ">", _SEARCH + ' aria-label="Tìm kiếm">'),
)


def repair_material_markup(html: str) -> str:
    """Material's page frame made conforming and accessible (see the module's docstring)."""
    for before, after in MATERIAL_REPAIRS:
        html = html.replace(before, after, 1)
    return html


def content_date(file: File, catalog: Catalog) -> str | None:
    """`YYYY-MM-DD` of what a page shows: its article, else the newest article; None if none."""
    article = catalog.by_src.get(file.src_uri) if file.generated_by is None else None
    if article is None and catalog.articles:
        article = catalog.articles[0]
    return article.published.moment.date().isoformat() if article is not None else None
