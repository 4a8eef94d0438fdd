"""Bản Tin: MkDocs plugins that turn Markdown news articles into a Youth Union news site."""

__version__ = "0.2.0"
