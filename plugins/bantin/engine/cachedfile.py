"""A published file that is a cache entry as it is: linked into the site, not copied.

Encoded images and logos live in `.cache/bantin/` under names that change with their content,
and nothing writes an entry once it is stored. A CI build with the caches restored but a new
`site/` would otherwise copy them all (1.1 GB, 19,000 files at 10,000 articles, most of its
writing time); a hard link costs one directory entry. Where linking fails (another file system,
Windows without rights), the file is copied as MkDocs would.
"""

from __future__ import annotations

import contextlib
import os

from .host import File, has_generated_content


class CachedFile(File):
    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        if self.abs_src_path is None or has_generated_content(self):
            super().copy_file(dirty)
            return
        output = self.abs_dest_path
        os.makedirs(os.path.dirname(output), exist_ok=True)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(output)
        try:
            os.link(self.abs_src_path, output)
        except OSError:
            super().copy_file(dirty=False)
