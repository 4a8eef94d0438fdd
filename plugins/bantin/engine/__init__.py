"""Everything that touches MkDocs internals: caches, incremental and parallel builds, output."""
