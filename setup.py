"""Package layout that pyproject.toml cannot say on its own.

The Python package lives in `plugins/bantin/`, but its templates and assets live in the
repository's top-level `theme/` (where a theme belongs in a MkDocs project). They ship inside the
package as `bantin.theme`: a package-dir mapping, which setuptools' `packages.find` cannot combine
with a folder outside `plugins/`. An editable install maps `bantin.theme` to `theme/` itself, so
template edits are seen at the next build. The theme's sub-folders are listed as (namespace)
packages so setuptools ships their files without warning. Everything else is in pyproject.toml.
"""

from setuptools import find_namespace_packages, find_packages, setup

THEME = "bantin.theme"
theme_folders = find_namespace_packages("theme", exclude=["*__pycache__*"])

setup(
    packages=[*find_packages("plugins"), THEME, *(f"{THEME}.{name}" for name in theme_folders)],
    package_dir={"": "plugins", THEME: "theme"},
)
