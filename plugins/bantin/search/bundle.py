"""The search bundle of a build: Pagefind's scripts once, and one index per shard (a year or a
part of one), each taken from the cache when its pages did not change."""

from __future__ import annotations

import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .cache import BundleCache, link_tree
from .indexer import index_scripts, index_shard
from .shards import Shard


@dataclass(frozen=True)
class Built:
    placeholder: str
    """The page id of the scripts' bundle, never a result."""
    indexed: list[str]
    """The shards Pagefind indexed again; the others came from the cache."""


def build_bundle(
    site_dir: Path, output: Path, shards: list[Shard], cache: BundleCache, lede: int
) -> Built:
    """`output` made afresh: Pagefind's scripts at its top, each shard's index in a folder."""
    shutil.rmtree(output, ignore_errors=True)
    scripts, _ = cache.entry(cache.key("scripts", site_dir, ()), index_scripts)
    link_tree(scripts, output)
    (fragment,) = (scripts / "fragment").iterdir()
    keys = [cache.key("shard", site_dir, shard.pages) for shard in shards]

    def entry(shard: Shard, key: str) -> tuple[Path, bool]:
        return cache.entry(
            key, lambda into: index_shard(site_dir, shard.pages, into, lede, copies=cache)
        )

    # Pagefind runs on one core mostly: two shards at once while Python rewrites the next.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        made = list(pool.map(entry, shards, keys))
    for shard, (folder, _) in zip(shards, made, strict=True):
        link_tree(folder, output / shard.name)
    indexed = [shard.name for shard, (_, reused) in zip(shards, made, strict=True) if not reused]
    return Built(fragment.name.removesuffix(".pf_fragment"), indexed)
