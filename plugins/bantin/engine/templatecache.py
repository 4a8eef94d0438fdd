"""Compiled Jinja templates kept in `.cache/bantin/jinja/` between builds.

Material's templates take about half a second to compile, on every build and every `serve`
rebuild. Jinja's own bytecode cache checks each template's source checksum and its own version;
the key here adds the environment's extensions and syntax options, which change the compiled code.
"""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

import jinja2
from jinja2.bccache import FileSystemBytecodeCache


class TemplateCache(FileSystemBytecodeCache):
    def __init__(self, folder: Path, environment: jinja2.Environment):
        folder.mkdir(parents=True, exist_ok=True)
        super().__init__(str(folder))
        options = [
            sorted(environment.extensions),
            environment.block_start_string,
            environment.variable_start_string,
            environment.comment_start_string,
            environment.line_statement_prefix,
            environment.trim_blocks,
            environment.lstrip_blocks,
            environment.newline_sequence,
            environment.keep_trailing_newline,
            environment.optimized,
            environment.autoescape if isinstance(environment.autoescape, bool) else "function",
        ]
        self.options = hashlib.sha1(repr(options).encode()).hexdigest()

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return hashlib.sha1(f"{self.options}|{name}|{filename}".encode()).hexdigest()


def use_template_cache(environment: jinja2.Environment, folder: Path) -> None:
    with contextlib.suppress(OSError):  # a read-only checkout builds without the cache
        environment.bytecode_cache = TemplateCache(folder, environment)
