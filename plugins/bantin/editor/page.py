"""The files of the editor at `/admin/`: its page, its `config.yml` and the scripts it runs.

Pure: no MkDocs here. The scripts are vendored in `assets/vendor/` from the npm package pinned in
package.json (`scripts/vendor-editor` copies them and `tests/test_editor.py` checks they match),
because a site made by `bantin init` has no node_modules and must never load the editor from a CDN.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
import yaml

ASSETS = Path(__file__).parent / "assets"
VENDOR = ASSETS / "vendor"
# The package and version vendored in VENDOR; package.json pins the same.
CMS_PACKAGE = "@sveltia/cms"
CMS_VERSION = "0.221.1"
FONT_PACKAGE = "@fontsource-variable/material-symbols-outlined"
# Served file → (npm package, file inside it). The icon font is the one Sveltia's stylesheet names
# on cdn.jsdelivr.net; bantin-editor.js points that stylesheet here instead.
VENDORED = {
    "sveltia-cms.js": (CMS_PACKAGE, "dist/sveltia-cms.js"),
    "sveltia-cms-vi.json": (CMS_PACKAGE, "locales/vi.json"),
    "LICENSE-sveltia-cms.txt": (CMS_PACKAGE, "LICENSE.txt"),
    "material-symbols-outlined-latin-wght-normal.woff2": (
        FONT_PACKAGE,
        "files/material-symbols-outlined-latin-wght-normal.woff2",
    ),
    "LICENSE-material-symbols.txt": (FONT_PACKAGE, "LICENSE"),
    # For the article preview (a template of ours): Sveltia renders custom previews with React,
    # whose DOM half it loads from chunks/ beside its script, and hands them Immutable maps,
    # which it imports from unpkg unless the page's import map (IMPORT_MAP) says otherwise.
    "chunks/react-dom.js": (CMS_PACKAGE, "dist/chunks/react-dom.js"),
    "immutable.es.js": ("immutable", "dist/immutable.es.js"),
    "LICENSE-immutable.txt": ("immutable", "LICENSE"),
}
# Where Sveltia 0.221.1 imports Immutable from (its package.json asks for ^5.1.9); npm resolves
# that range for it in package-lock.json, and the site serves that copy instead.
IMMUTABLE_URL = "https://unpkg.com/immutable@5.1.9/dist/immutable.es.js"
# Material's compiled stylesheets, which our article styles build on.
_MATERIAL_CSS = re.compile(r"^assets/stylesheets/(main|palette)\.[0-9a-f]+\.min\.css$")


@dataclass(frozen=True)
class AdminFile:
    """One file of the editor: its address in the site, and its text or the file to copy."""

    uri: str
    content: str | None = None
    source: Path | None = None


def github_repo(repo_url: str | None) -> str | None:
    """`owner/name` from `https://github.com/owner/name(.git)`, else None."""
    if not repo_url:
        return None
    parts = urlsplit(repo_url)
    if parts.netloc.lower() not in ("github.com", "www.github.com"):
        return None
    segments = [segment for segment in parts.path.split("/") if segment]
    if len(segments) < 2:
        return None
    return f"{segments[0]}/{segments[1].removesuffix('.git')}"


def preview_styles(theme_files: list[str], extra_css: list[str]) -> list[str]:
    """The site's stylesheets, Material's first, as paths from the site root."""
    material = sorted(uri for uri in theme_files if _MATERIAL_CSS.match(uri))
    material.sort(key=lambda uri: not uri.startswith("assets/stylesheets/main."))
    return material + [css for css in extra_css if not urlsplit(css).scheme]


def admin_files(cms: dict, path: str, site_name: str, styles: list[str]) -> list[AdminFile]:
    """The page, the config and the scripts, under `path` (e.g. `admin`)."""
    base = path.strip("/")
    up = "../" * len(base.split("/"))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(ASSETS), autoescape=True, keep_trailing_newline=True
    )
    page = env.get_template("index.html").render(
        site_name=site_name,
        cms_version=CMS_VERSION,
        import_map={"imports": {IMMUTABLE_URL: "./immutable.es.js"}},
        preview_styles=[up + style for style in styles],
    )
    config = "# Made by bantin-editor at each build, from content/_data/: edit those, not this.\n"
    config += yaml.safe_dump(cms, allow_unicode=True, sort_keys=False, width=100)
    files = [
        AdminFile(f"{base}/index.html", content=page),
        AdminFile(f"{base}/config.yml", content=config),
        AdminFile(f"{base}/bantin-editor.js", source=ASSETS / "bantin-editor.js"),
    ]
    files += [AdminFile(f"{base}/{name}", source=VENDOR / name) for name in VENDORED]
    return files


def vendored_differences(node_modules: Path) -> list[str]:
    """Names of vendored files that differ from the pinned package in `node_modules`."""
    manifest = json.loads((node_modules / CMS_PACKAGE / "package.json").read_text(encoding="utf-8"))
    differ = [] if manifest["version"] == CMS_VERSION else ["version"]
    for name, (package, inside) in VENDORED.items():
        if (VENDOR / name).read_bytes() != (node_modules / package / inside).read_bytes():
            differ.append(name)
    return differ
