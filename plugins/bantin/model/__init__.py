"""The content model: plain Python, no MkDocs import."""
