"""The build engine: caches, the incremental build, parallel helpers, carry-over, atomic output.

The only package that touches MkDocs internals."""
