"""Files published beside the pages: open data, the feed, the JSON Schemas.

Each producer is a module with `files(kb, site) -> {site path: bytes}`. The
MkDocs side adds them to the build, so they come from the same records as
the pages and are written only if the build is. To add an output, write a
module with such a function and list it below.
"""

from __future__ import annotations

from . import export, feed, json_schema
from .knowledge import KnowledgeBase
from .site import SiteInfo

PRODUCERS = (
    export,  # data/: JSON and CSV
    feed,  # feed.xml
    json_schema,  # schema/<kind>.schema.json
)


def files(kb: KnowledgeBase, site: SiteInfo) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for producer in PRODUCERS:
        for path, content in producer.files(kb, site).items():
            if path in out:
                raise ValueError(f"två utdata vill skriva {path}")
            out[path] = content
    return dict(sorted(out.items()))
