"""Configuration of the `bantin-editor` plugin (mkdocs.yml → plugins → bantin-editor)."""

from __future__ import annotations

from ..engine.host import Config
from ..engine.host import config_options as c


class EditorConfig(Config):
    enabled = c.Type(bool, default=True)
    """Write the editor at `path`; `false` leaves the site without it."""
    path = c.Type(str, default="admin")
    """Where the editor is served, relative to the site root."""
    repo = c.Optional(c.Type(str))
    """`owner/name` of the GitHub repository the editor commits to; else taken from `repo_url`."""
    branch = c.Type(str, default="main")
    """The branch the site is built from."""
    repo_folder = c.Type(str, default="")
    """Folder of mkdocs.yml inside the repository, when the site is not at its root."""
    workflow = c.Type(bool, default=True)
    """Draft → waiting for approval → published, as pull requests (Sveltia's editorial workflow).
    `false`: every save is a commit on `branch`, published by the next build."""
    auth_url = c.Optional(c.Type(str))
    """Address of an OAuth client the unit runs (e.g. sveltia-cms-auth on Cloudflare Workers),
    for a "Đăng nhập bằng GitHub" button; without it staff sign in with a personal token."""
    api_root = c.Optional(c.Type(str))
    """GitHub Enterprise's API root (`https://git.example.vn/api/v3`); tests point it at a mock."""
