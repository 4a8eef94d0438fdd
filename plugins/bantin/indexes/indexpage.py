"""The page of a generated index: its front matter is known and its Markdown is empty.

MkDocs would parse each index page's stub with PyYAML and build a Python-Markdown converter
(every extension registered again) to convert nothing: ~0.5 ms a page, for thousands of list,
unit, tag and archive pages. A plugin that gives the page a source or Markdown still gets
MkDocs' own reading and conversion.
"""

from __future__ import annotations

import json

from ..engine.host import File, Files, MkDocsConfig, Page, get_toc, restore_render_state
from .pages import Generated


def front_matter(generated: Generated) -> dict:
    """The page's meta. Index pages stay out of the search index: they only repeat titles."""
    return {
        "template": generated.template,
        "title": generated.title,
        "hide": ["navigation", "toc"],
        "search": {"exclude": True},
    }


def stub(generated: Generated) -> str:
    """The whole source of a generated page: its front matter (JSON values are YAML too)."""
    lines = (
        f"{name}: {json.dumps(value, ensure_ascii=False)}\n"
        for name, value in front_matter(generated).items()
    )
    return "---\n" + "".join(lines) + "---\n"


class IndexPage(Page):
    def __init__(self, file: File, config: MkDocsConfig, generated: Generated):
        super().__init__(None, file, config)
        self.generated = generated

    def read_source(self, config: MkDocsConfig) -> None:
        if config.plugins.on_page_read_source(page=self, config=config) is not None:
            super().read_source(config)
            return
        self.markdown, self.meta = "", front_matter(self.generated)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown:
            super().render(config, files)
            return
        self.content, self.toc = "", get_toc([])
        restore_render_state(self, files, None, (), {})
