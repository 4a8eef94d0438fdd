"""A published file that is a cache entry as it is: linked into the site, not copied.

Encoded images and logos live in `.cache/` under names that change with their content, in
sealed entries (`store`) that nothing writes into once stored and that are checked on every
hit. A CI build with the caches restored but a new `site/` would otherwise copy them all
(1.1 GB, 19,000 files at 10,000 articles, most of its writing time); a hard link costs one
directory entry. Where linking fails (another file system, Windows without rights), the file is
copied as MkDocs would. When the entry is gone (`.cache/` deleted during the build), `remake`
makes it again first: the build is slower, not broken.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable

from .host import File, has_generated_content


class CachedFile(File):
    remake: Callable[[], None] | None = None
    """Makes the cache entries of this build again, once they have been deleted."""

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        if self.abs_src_path is None or has_generated_content(self):
            super().copy_file(dirty)
            return
        if self.remake is not None and not os.path.exists(self.abs_src_path):
            self.remake()
        output = self.abs_dest_path
        os.makedirs(os.path.dirname(output), exist_ok=True)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(output)
        try:
            os.link(self.abs_src_path, output)
        except OSError:
            super().copy_file(dirty=False)
