"""The content model: articles, registries, the catalog, dates, text, addresses. No MkDocs import."""
