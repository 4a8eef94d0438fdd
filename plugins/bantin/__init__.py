"""Bản Tin: MkDocs plugins that turn Markdown news articles into a Youth Union news site."""

__version__ = "0.2.0"

SITE_VERSION = 1
"""The version of a site's own files (mkdocs.yml, content/_data) this Bản Tin expects. It rises
only when a site must edit something; `bantin check` then says what (`tools/upgrade.py`)."""
