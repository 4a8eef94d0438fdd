"""The `bantin-publish` plugin: every page dated by its content, never by the build.

MkDocs stamps each page with the build date (`Page.update_date`); that date becomes the
sitemap's `lastmod` and the mtime in the gzip header of `sitemap.xml.gz`, so two builds of the
same content on different days differ. Here an article is dated by its publication date and
every other page (home, indexes, static pages) by the newest article, whose arrival is what
changes them.
"""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from ..articles import catalog_of
from ..catalog import Catalog


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


def content_date(file: File, catalog: Catalog) -> str | None:
    """`YYYY-MM-DD` of what a page shows: its article, else the newest article; None if none."""
    article = catalog.by_src.get(file.src_uri) if file.generated_by is None else None
    if article is None and catalog.articles:
        article = catalog.articles[0]
    return article.published.moment.date().isoformat() if article is not None else None
