"""Step 5: files published beside the pages (exports, feed, schemas).

Each producer takes the knowledge base and a SiteInfo and returns
{site path: bytes}. The MkDocs adapter adds them to the build, so they come
from the same records as the pages and are written only if the build is.
To add an output, write a producer in its own module and list it below.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from . import export, feed, schema
from .index import KnowledgeBase


@dataclass(frozen=True)
class SiteInfo:
    name: str
    url: str  # site_url from mkdocs.yml, "" if not set
    repo_url: str  # "" if not set
    commit: str  # the build's git commit, "" outside a git checkout


Producer = Callable[[KnowledgeBase, SiteInfo], dict[str, bytes]]

PRODUCERS: list[Producer] = [
    export.files,
    feed.files,
    schema.produce,  # /schema/<kind>.schema.json
]


def files(kb: KnowledgeBase, site: SiteInfo) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for producer in PRODUCERS:
        for path, content in producer(kb, site).items():
            if path in out:
                raise ValueError(f"två utdata vill skriva {path}")
            out[path] = content
    return dict(sorted(out.items()))
