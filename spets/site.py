"""What every output needs to know about the site, and nothing else.

A leaf module: the renderer and every producer of files import it, and it
imports nothing of the project, so the pipeline's imports run one way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

LICENSE = "CC BY 4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"


@dataclass(frozen=True)
class SiteInfo:
    name: str
    url: str = ""  # site_url from mkdocs.yml, "" if not set
    repo_url: str = ""  # "" if not set
    branch: str = "main"  # the repository's branch, from edit_uri
    commit: str = ""  # the build's git commit, "" outside a git checkout

    def permalink(self, url: str) -> str:
        """The permanent URL of a site path, or the path itself without a site_url."""
        return self.url.rstrip("/") + "/" + url if self.url and url else url

    def source_url(self, action: str, path: str) -> str:
        """A page of the repository on GitHub: source_url("edit", "methods/x.yml")."""
        return f"{self.repo_url.rstrip('/')}/{action}/{self.branch}/{path}" if self.repo_url else ""


def json_bytes(data) -> bytes:
    """JSON as the site publishes it: UTF-8, indented, sorted by the caller."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
