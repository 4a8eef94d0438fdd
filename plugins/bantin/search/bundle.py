"""The search bundle of a build: Pagefind's scripts once, and one index per publication year,
each taken from the cache when its pages did not change."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from .cache import BundleCache, link_tree
from .indexer import index_scripts, index_shard
from .shards import Shard


@dataclass(frozen=True)
class Built:
    placeholder: str
    """The page id of the scripts' bundle, never a result."""
    indexed: list[int]
    """The years Pagefind indexed again; the others came from the cache."""


def build_bundle(
    site_dir: Path, output: Path, shards: list[Shard], cache: BundleCache, lede: int
) -> Built:
    """`output` made afresh: Pagefind's scripts at its top, each year's index in a folder."""
    shutil.rmtree(output, ignore_errors=True)
    scripts, _ = cache.entry(cache.key("scripts", site_dir, ()), index_scripts)
    link_tree(scripts, output)
    (fragment,) = (scripts / "fragment").iterdir()
    indexed = []
    for shard in shards:
        folder, reused = cache.entry(
            cache.key("year", site_dir, shard.pages),
            lambda into, shard=shard: index_shard(site_dir, shard.pages, into, lede),
        )
        link_tree(folder, output / shard.name)
        if not reused:
            indexed.append(shard.year)
    return Built(fragment.name.removesuffix(".pf_fragment"), indexed)
