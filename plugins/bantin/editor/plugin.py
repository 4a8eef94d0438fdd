"""The `bantin-editor` plugin: writes the Git-based editor (Sveltia CMS) at `/admin/`.

Hooks only dispatch: the CMS configuration is made by `schema.editor_config` from the registries
the catalog plugin read, the page by `page.admin_files`. Everything the editor runs is served by
the site itself from files vendored in this package (`assets/vendor/`, pinned by package.json).
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from ..articles.plugin import catalog_of
from ..dates import today
from .config import EditorConfig
from .page import AdminFile, admin_files, github_repo, preview_styles
from .schema import EditorOptions, editor_config

log = logging.getLogger("mkdocs.plugins.bantin.editor")


class EditorPlugin(BasePlugin[EditorConfig]):
    supports_multiple_instances = False

    # After the catalog plugin (priority 0 in on_files places the articles) so its registries
    # are read; nothing else depends on these files.
    @event_priority(-50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if not self.config.enabled:
            return files
        styles = preview_styles([file.src_uri for file in files], list(config.extra_css))
        for admin in build_admin(config, self.config, today(), styles):
            taken = files.get_file_from_path(admin.uri)
            if taken is not None and not taken.generated_by:
                raise PluginError(
                    f"content/{admin.uri}: trang soạn bài của bantin-editor cần địa chỉ này; "
                    "hãy đổi tên tệp, hoặc đặt 'path:' khác cho bantin-editor trong mkdocs.yml"
                )
            if taken is not None:
                files.remove(taken)
            files.append(_generated(config, admin))
        return files


def build_admin(
    config: MkDocsConfig, options: EditorConfig, day: date, styles: list[str]
) -> list[AdminFile]:
    """Every file of the editor, from this build's registries and the site's config."""
    repo = options.repo or github_repo(config.repo_url)
    if not repo:
        raise PluginError(
            "bantin-editor: cần biết kho GitHub để trang soạn bài lưu bài vào; hãy đặt "
            "'repo_url: https://github.com/TÊN/KHO' trong mkdocs.yml, hoặc 'repo: TÊN/KHO' cho "
            "bantin-editor (hoặc 'enabled: false' để tắt trang soạn bài)"
        )
    catalog = catalog_of(config)
    root = Path(config.config_file_path).parent
    content_dir = Path(config.docs_dir).resolve().relative_to(root.resolve()).as_posix()
    folder = options.repo_folder.strip("/")
    cms = editor_config(
        list(catalog.units),
        list(catalog.categories),
        EditorOptions(
            repo=repo,
            branch=options.branch,
            content_dir=f"{folder}/{content_dir}" if folder else content_dir,
            site_url=config.site_url or None,
            site_name=config.site_name,
            workflow=options.workflow,
            auth_url=options.auth_url,
            api_root=options.api_root,
        ),
        day,
    )
    return admin_files(cms, options.path, config.site_name, styles)


def _generated(config: MkDocsConfig, admin: AdminFile) -> File:
    if admin.source is not None:
        return File.generated(config, admin.uri, abs_src_path=str(admin.source))
    return File.generated(config, admin.uri, content=admin.content)
