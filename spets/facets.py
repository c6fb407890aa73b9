"""What readers filter by, under the short Swedish names the URLs use.

One definition serves the search index (its filters), the listing
cards (data-* attributes for the filter bar), the filter forms and the links
from an entry's facts to the matching search (`sok/?amne=forankring`), so a
value means the same thing everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from . import model as m
from .knowledge import KnowledgeBase

SEARCH_URLS = {"sv": "sok/", "en": "en/search/"}  # the search page of each edition


@dataclass(frozen=True)
class Facet:
    key: str  # URL parameter, search filter and data-* attribute name
    label: str  # Swedish heading of the filter
    vocabulary: str  # the vocabulary kind whose ids are the values; "" = entry kind


FACETS = (
    Facet("typ", "Typ", ""),
    Facet("fas", "Fas", "phase"),
    Facet("amne", "Ämne", "topic"),
    Facet("sektor", "Partnersektor", "sector"),
    Facet("larosate", "Lärosäte", "larosate"),
)

# The entry kinds as filter values: Swedish words, since they show in URLs.
KIND_VALUES = {"method": "metod", "tool": "verktyg", "case_study": "fallstudie"}


def values(kb: KnowledgeBase, entry: m.Entry) -> dict[str, list[str]]:
    """An entry's filter values, e.g. {"typ": ["metod"], "amne": ["avtal", …]}."""
    out = {}
    for facet in FACETS:
        ids = ([KIND_VALUES[entry.kind]] if not facet.vocabulary
               else [e.id for e in kb.linked(entry, facet.vocabulary)])
        if ids:
            out[facet.key] = ids
    return out


def options(kb: KnowledgeBase, listing=lambda kind: f"{kind.url}/") -> list[tuple[Facet, list[tuple[str, str, str]]]]:
    """Every facet with its possible values as (id, label, page url), in the
    vocabulary's order (phases follow the lifecycle). `listing`: the page of
    an entry kind (the English edition's are under en/)."""
    out = []
    for facet in FACETS:
        if facet.vocabulary:
            items = [(e.id, e.heading, e.url) for e in kb.all(facet.vocabulary)]
        else:
            items = [(value, m.KINDS[kind].label.capitalize(), listing(m.KINDS[kind]))
                     for kind, value in KIND_VALUES.items()]
        out.append((facet, items))
    return out


def search_url(key: str = "", value: str = "", lang: str = "sv") -> str:
    """Site path of an edition's search, filtered to one value if given."""
    return SEARCH_URLS[lang] + (f"?{urlencode({key: value})}" if key else "")


def by_vocabulary(kind: str) -> Facet | None:
    return next((f for f in FACETS if f.vocabulary == kind), None)
