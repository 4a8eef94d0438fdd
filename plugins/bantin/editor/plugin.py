"""The `bantin-editor` plugin: writes the Git-based editor (Sveltia CMS) at `/admin/`.

Hooks only dispatch: the CMS configuration is made by `schema.editor_config` from the registries
the catalog plugin read, the page by `page.admin_files`. Everything the editor runs is served by
the site itself from files vendored in this package (`assets/vendor/`, pinned by package.json).
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from ..articles.plugin import catalog_of
from ..documents import register_of
from ..documents.editor import document_collection
from ..engine.host import (
    BasePlugin,
    File,
    Files,
    MkDocsConfig,
    PluginError,
    event_priority,
    plugin_logger,
)
from ..engine.siteconfig import shared_registry
from ..model.dates import today
from .config import EditorConfig
from .page import AdminFile, admin_files, github_repo, preview_styles
from .schema import EditorOptions, editor_config

log = plugin_logger(__name__)


class EditorPlugin(BasePlugin[EditorConfig]):
    supports_multiple_instances = False

    # After the catalog plugin (priority 0 in on_files places the articles) so its registries
    # are read; nothing else depends on these files.
    @event_priority(-50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if not self.config.enabled:
            return files
        repo = site_repo(self.config.repo, config.repo_url, os.environ)
        if repo is None:
            log.info(
                "Chưa có trang soạn bài /%s/: hãy đặt 'repo: TÊN/KHO' cho bantin-editor (hoặc "
                "repo_url) trong mkdocs.yml; khi dựng trên GitHub Actions, kho được tự nhận ra.",
                self.config.path.strip("/"),
            )
            return files
        styles = preview_styles([file.src_uri for file in files], list(config.extra_css))
        for admin in build_admin(config, self.config, repo, today(), styles):
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


def site_repo(option: str | None, repo_url: str | None, environ) -> str | None:
    """The repository the editor commits to: the plugin's `repo`, else mkdocs.yml's `repo_url`
    on github.com, else the one the build runs for: `GITHUB_REPOSITORY` on GitHub Actions,
    `REPOSITORY_URL` on Netlify."""
    return (
        option
        or github_repo(repo_url)
        or environ.get("GITHUB_REPOSITORY")
        or github_repo(environ.get("REPOSITORY_URL"))
        or None
    )


def build_admin(
    config: MkDocsConfig, options: EditorConfig, repo: str, day: date, styles: list[str]
) -> list[AdminFile]:
    """Every file of the editor, from this build's registries and the site's config."""
    catalog = catalog_of(config)
    root = Path(config.config_file_path).parent
    docs_dir = Path(config.docs_dir).resolve()
    # docs_dir as the repository holds it; outside mkdocs.yml's folder only its name is known.
    if docs_dir.is_relative_to(root.resolve()):
        content_dir = docs_dir.relative_to(root.resolve()).as_posix()
    else:
        content_dir = docs_dir.name
    folder = options.repo_folder.strip("/")
    content = f"{folder}/{content_dir}" if folder else content_dir
    cms = editor_config(
        list(catalog.units),
        list(catalog.categories),
        EditorOptions(
            repo=repo,
            branch=options.branch,
            content_dir=content,
            site_url=config.site_url or None,
            site_name=config.site_name,
            workflow=options.workflow,
            auth_url=options.auth_url,
            api_root=options.api_root,
            own_registries=shared_registry(config) is None,
        ),
        day,
    )
    register = register_of(config)
    if register is not None:
        # The register's own form, after the articles (bantin-documents owns its contract).
        cms["collections"].insert(
            1,
            document_collection(
                list(catalog.units),
                list(register.kinds),
                cms["media_folder"][: -len("/images")],
                day,
            ),
        )
    return admin_files(cms, options.path, config.site_name, styles)


def _generated(config: MkDocsConfig, admin: AdminFile) -> File:
    if admin.source is not None:
        return File.generated(config, admin.uri, abs_src_path=str(admin.source))
    return File.generated(config, admin.uri, content=admin.content)
