"""Compiled Jinja templates kept in `.cache/bantin/jinja/` between builds.

Material's templates take about half a second to compile, on every build and every `serve`
rebuild. Jinja's own bytecode format checks each template's source checksum and its own version;
the key here adds the environment's extensions and syntax options, which change the compiled code.
Entries live in the sealed store (`store`): a damaged one is compiled again, and a cache folder
deleted during a build is written again rather than failing it.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket, BytecodeCache

from .store import Store


class TemplateCache(BytecodeCache):
    def __init__(self, folder: Path, environment: jinja2.Environment):
        self.store = Store(folder, ".jinja")
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

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self.store.get(bucket.key)
        if data is not None:
            bucket.load_bytecode(io.BytesIO(data))

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store.put(bucket.key, bucket.bytecode_to_string())


def use_template_cache(environment: jinja2.Environment, folder: Path) -> None:
    environment.bytecode_cache = TemplateCache(folder, environment)
