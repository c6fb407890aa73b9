"""The model: every kind of content, its fields, their types and Swedish help.

The field types are the one place where a type is defined: each one knows
its JSON Schema (json_schema.py), its description in the codebook
(codebook.py), its example in the template of `spets new` (scaffold.py) and
its CSV cell (export.py). check.py reads YAML against the same types, with
one method per type. A new type is added here, and in check.py.
Keys are English because they double as open-data field names; everything a
person reads (labels, help) is Swedish.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field, replace
from typing import Callable

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Ids that name pages of their own inside a kind's folder (metoder/kort/ …).
RESERVED_IDS = {"index": "listsidan", "kort": "sidan med alla utskriftskort",
                "cards": "den engelska sidan med alla utskriftskort"}


ID_MESSAGE = "Använd bara små bokstäver a–z, siffror och bindestreck, t.ex. chalmers-volvo-cars."
# Between the items of a list in a CSV cell (export.py and the codebook).
LIST_SEPARATOR = " | "


def valid_id(id_: str) -> bool:
    """fullmatch, not match: `$` would also accept a trailing newline."""
    return ID_PATTERN.fullmatch(id_) is not None


MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 32  # nesting deeper than this is never legitimate content

# ---------------------------------------------------------------- field types

# Patterns shared by check.py (Python) and the JSON Schema (also read by the
# form in JavaScript): plain ASCII classes, \S, \d and \u escapes only.
CONTROL_CHARS = r"\u0000-\u0008\u000b-\u001f\u007f"  # tab and line feed are allowed
HOST = r"[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?::\d+)?"
EMAIL = r"[^@\s/:]+@[^@\s/:]+\.[A-Za-z]{2,}"
# After the host: no space, quote or angle bracket, and no character that
# turns the direction of text (it would make the address read differently).
URL_REST = r'[^\s"<>\u200e\u200f\u202a-\u202e\u2066-\u2069]'
# Invisible characters, and those that turn the direction of text: in a
# title or a name they would make it read or sort differently than it looks.
INVISIBLE_CHARS = r"\u200b-\u200f\u202a-\u202e\u2066-\u2069"
# Text: not blank, no control characters (a line of text: nor invisible ones).
# Means the same in Python's re and JavaScript.
TEXT_PATTERN = rf"^(?=[\s\S]*\S)[^{CONTROL_CHARS}]*$"
LINE_PATTERN = rf"^(?=[\s\S]*\S)[^{CONTROL_CHARS}{INVISIBLE_CHARS}]*$"

# The ids and names of one kind's entries, for the enum of a reference.
Ids = Callable[[str], list[tuple[str, str]]]


class FieldType:
    """What every field type does; each type below says its own schema() and
    describe(), and overrides these defaults where it differs."""

    def schema(self, ids: Ids) -> dict:
        raise NotImplementedError

    def describe(self, lang: str = "sv") -> str:
        """The type in words, for the codebook in `lang` ("sv" or "en")."""
        raise NotImplementedError

    def example(self, name: str, today: dt.date) -> str:
        """The field in a new file's template, with no value yet."""
        return f"{name}:"

    def cell(self, value) -> str:
        """The value as text in a CSV cell."""
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        return value.isoformat() if isinstance(value, dt.date) else str(value)


@dataclass(frozen=True)
class Text(FieldType):
    """A string. `markdown=True` allows the safe Markdown subset (render.py)."""

    max_len: int = 200
    markdown: bool = False

    def schema(self, ids: Ids) -> dict:
        if self.markdown:
            return {"type": "string", "minLength": 1, "maxLength": self.max_len, "pattern": TEXT_PATTERN,
                    "patternErrorMessage": "Får inte vara tomt och får inte innehålla kontrolltecken."}
        return {"type": "string", "minLength": 1, "maxLength": self.max_len, "pattern": LINE_PATTERN,
                "patternErrorMessage": "Får inte vara tomt och får inte innehålla kontrolltecken "
                                       "eller osynliga tecken."}

    def describe(self, lang: str = "sv") -> str:
        kind = "Markdown" if self.markdown else "text"
        return f"{kind}, at most {self.max_len} characters" if lang == "en" else f"{kind}, högst {self.max_len} tecken"

    def example(self, name: str, today: dt.date) -> str:
        # A block scalar for Markdown: its text goes on the lines below it.
        return f"{name}: |" if self.markdown else f'{name}: ""'


@dataclass(frozen=True)
class Choice(FieldType):
    """One value out of a fixed set; maps each value to its Swedish label."""

    options: dict[str, str]

    def schema(self, ids: Ids) -> dict:
        return {"type": "string", "enum": list(self.options), "enumDescriptions": list(self.options.values())}

    def describe(self, lang: str = "sv") -> str:
        # The values are English words: in English they say themselves.
        if lang == "en":
            return "one of: " + ", ".join(self.options)
        return "ett av: " + ", ".join(f"{k} ({v.lower()})" for k, v in self.options.items())


@dataclass(frozen=True)
class Year(FieldType):
    min: int = 1950
    max: int = 2100

    def schema(self, ids: Ids) -> dict:
        return {"type": "integer", "minimum": self.min, "maximum": self.max}

    def describe(self, lang: str = "sv") -> str:
        return f"{'year' if lang == 'en' else 'årtal'}, {self.min}–{self.max}"


@dataclass(frozen=True)
class Date(FieldType):
    """An ISO date, YYYY-MM-DD. `past=True`: it may not lie in the future."""

    past: bool = True
    pattern = r"^\d{4}-\d{2}-\d{2}$"  # for check.py and the JSON Schema; the calendar is checked apart

    def schema(self, ids: Ids) -> dict:
        return {"type": "string", "format": "date", "pattern": self.pattern,
                "patternErrorMessage": "Skriv ett datum i formen ÅÅÅÅ-MM-DD, t.ex. 2026-05-01."}

    def describe(self, lang: str = "sv") -> str:
        return "date, YYYY-MM-DD" if lang == "en" else "datum, ÅÅÅÅ-MM-DD"

    def example(self, name: str, today: dt.date) -> str:
        return f"{name}: {today.isoformat()}"


@dataclass(frozen=True)
class Bool(FieldType):
    def schema(self, ids: Ids) -> dict:
        return {"type": "boolean"}

    def describe(self, lang: str = "sv") -> str:
        return "true or false" if lang == "en" else "true eller false"


@dataclass(frozen=True)
class Url(FieldType):
    schemes: tuple[str, ...] = ("https", "http", "mailto")
    max_len: int = 500

    def pattern(self) -> str:
        """The whole address (scheme in lower case), for check.py and the JSON Schema."""
        web = [s for s in self.schemes if s != "mailto"]
        parts = [rf"(?:{'|'.join(web)})://{HOST}(?:[/?#]{URL_REST}*)?"] if web else []
        if "mailto" in self.schemes:
            parts.append(rf"mailto:{EMAIL}")
        return "^(?:" + "|".join(parts) + ")$"

    def schema(self, ids: Ids) -> dict:
        return {"type": "string", "maxLength": self.max_len, "pattern": self.pattern(),
                "patternErrorMessage": "Skriv en fullständig adress som börjar med "
                                       + " eller ".join(f"{s}:" for s in self.schemes) + "."}

    def describe(self, lang: str = "sv") -> str:
        return ("web address (" if lang == "en" else "webbadress (") + ", ".join(self.schemes) + ")"

    def example(self, name: str, today: dt.date) -> str:
        return f'{name}: ""'


@dataclass(frozen=True)
class Ref(FieldType):
    """The id of another entry or vocabulary item of the given kind."""

    kind: str

    def schema(self, ids: Ids) -> dict:
        if self.kind == "case_study":
            # Contributors add case studies; a committed list of their ids (a
            # success factor's evidence) would go stale with every new case.
            return {"type": "string", "pattern": ID_PATTERN.pattern, "patternErrorMessage": ID_MESSAGE}
        items = ids(self.kind)
        return {"type": "string", "enum": [id_ for id_, _ in items],
                "enumDescriptions": [name for _, name in items]}

    def describe(self, lang: str = "sv") -> str:
        kind = KINDS[self.kind]
        return f"id from {kind.plural_en}" if lang == "en" else f"id från {kind.plural}"


@dataclass(frozen=True)
class Path(FieldType):
    """A file below docs/ that is published with the site (e.g. a template)."""

    under: str = "filer"
    max_len: int = 200

    def pattern(self) -> str:
        """A file name directly under the folder, for check.py and the JSON Schema."""
        return rf"^{self.under}/(?!.*\.\.)[A-Za-z0-9._-]+$"

    def schema(self, ids: Ids) -> dict:
        return {"type": "string", "maxLength": self.max_len, "pattern": self.pattern(),
                "patternErrorMessage": f"Skriv ett filnamn under docs/{self.under}/, t.ex. {self.under}/mall.docx."}

    def describe(self, lang: str = "sv") -> str:
        return f"{'path to a file under' if lang == 'en' else 'sökväg till en fil under'} docs/{self.under}/"

    def example(self, name: str, today: dt.date) -> str:
        return f'{name}: ""'


@dataclass(frozen=True)
class List(FieldType):
    item: object
    min_items: int = 0
    max_items: int = 50

    def schema(self, ids: Ids) -> dict:
        out = {"type": "array", "items": self.item.schema(ids), "maxItems": self.max_items}
        if self.min_items:
            out["minItems"] = self.min_items
        if isinstance(self.item, Ref):
            out["uniqueItems"] = True
        return out

    def describe(self, lang: str = "sv") -> str:
        en = lang == "en"
        if isinstance(self.item, Ref):
            kind = KINDS[self.item.kind]
            item = f"ids from {kind.plural_en}" if en else f"id:n från {kind.plural}"
        else:
            item = self.item.describe(lang)
        least = (f", at least {self.min_items}" if en else f", minst {self.min_items}") if self.min_items else ""
        return f"list ({item}{least}, at most {self.max_items})" if en else f"lista ({item}{least}, högst {self.max_items})"

    def example(self, name: str, today: dt.date) -> str:
        if isinstance(self.item, Object):
            return f"{name}:\n  - " + "\n    ".join(f'{sub.name}: ""' for sub in self.item.fields)
        if isinstance(self.item, Text):
            return f"{name}:\n" + "\n".join(['  - ""'] * max(1, self.min_items))
        return f"{name}: []"

    def cell(self, values) -> str:
        """The items in one cell, separated by ' | '; a backslash or '|' inside an
        item is written '\\\\' or '\\|', so the cell splits back unambiguously."""
        return LIST_SEPARATOR.join(self.item.cell(v).replace("\\", "\\\\").replace("|", "\\|")
                                   for v in values or [])


@dataclass(frozen=True)
class Object(FieldType):
    fields: tuple[Field, ...]

    def schema(self, ids: Ids) -> dict:
        out = {"type": "object", "properties": {f.name: f.schema(ids) for f in self.fields},
               "additionalProperties": False}
        required = [f.name for f in self.fields if f.required]
        if required:
            out["required"] = required
        return out

    def describe(self, lang: str = "sv") -> str:
        return ("object with " if lang == "en" else "objekt med ") + ", ".join(f.name for f in self.fields)

    def example(self, name: str, today: dt.date) -> str:
        return f"{name}:\n" + "\n".join(f'  {sub.name}: ""' for sub in self.fields)

    def cell(self, value) -> str:
        raise TypeError("an object is written as one column per part (export.columns)")


@dataclass(frozen=True)
class Field:
    name: str
    type: object
    label: str  # Swedish, shown on pages and in the form
    help: str  # Swedish, written into templates and the codebook
    required: bool = True
    translate: bool = False  # prose with an English twin under `en` (english() below)

    @property
    def item_type(self):
        """The type of one value: a list's item type, else the field's type."""
        return self.type.item if isinstance(self.type, List) else self.type

    def schema(self, ids: Ids) -> dict:
        """The field's JSON Schema, with its Swedish label and help."""
        out = {"title": self.label, "description": self.help, **self.type.schema(ids)}
        if self.name == "id":  # the id is also the file name
            out.update(pattern=ID_PATTERN.pattern, patternErrorMessage=ID_MESSAGE)
        if not self.required:
            # `fält:` with no value is read as left out by `spets check`.
            out["type"] = [out["type"], "null"]
            if "enum" in out:
                out["enum"] = [*out["enum"], None]
                out["enumDescriptions"] = [*out["enumDescriptions"], "(inget värde)"]
        return out


@dataclass(frozen=True)
class Assessment(FieldType):
    """A self-assessment as data: the levels of its scale and, for each area,
    one text per level and the methods that help there. The tool's page draws
    its tables and the fillable form from it (templates/_tool.j2). One value
    of its own, not an Object: it is one cell (JSON) in the CSV, and the
    methods it names are advice, not methods that use the tool, so they are
    no references between entries (knowledge.refs does not look inside).
    check.py also checks that every area has one text per level."""

    shape: Object

    def schema(self, ids: Ids) -> dict:
        return self.shape.schema(ids)

    def describe(self, lang: str = "sv") -> str:
        if lang == "en":
            return ("object with levels (the levels: name and description), half_steps (true if steps "
                    "between them, such as 1.5, are allowed) and areas (the areas: name, levels with one "
                    "text per level, methods with ids from methods); in the CSV file one cell with the "
                    "whole object as JSON")
        return ("objekt med levels (nivåerna: name och description), half_steps (true om mellanlägen "
                "som 1,5 är tillåtna) och areas (områdena: name, levels med en text per nivå, methods "
                "med id:n från metoder); i CSV-filen en cell med hela objektet som JSON")

    def example(self, name: str, today: dt.date) -> str:
        return (f"{name}:\n  levels:\n    - name: \"\"\n      description: \"\"\n"
                "  areas:\n    - name: \"\"\n      levels: []\n      methods: []")

    def cell(self, value) -> str:
        """The whole assessment as JSON text (UTF-8, no spaces)."""
        return "" if value is None else json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# ------------------------------------------------------------------ the kinds


@dataclass(frozen=True)
class Requires:
    """A field that must be given when another has a certain value:
    Requires("status", "concluded", "ended"). check.py and the JSON Schema
    (if/then, which the form reads) both apply it."""

    field: str
    value: str
    required: str
    why: str  # Swedish, the end of the message: "… behöver ett slutår"


def requires_message(rule: Requires) -> str:
    """What check.py (and the form, from the JSON Schema) says when the rule is broken."""
    return f"fältet {rule.required!r} saknas: {rule.why} ({rule.field}: {rule.value})"


@dataclass(frozen=True)
class Kind:
    """An entry kind (one file per entry) or a vocabulary (one file in all)."""

    name: str  # internal and open-data name: "method", "topic" …
    label: str  # Swedish singular, "metod"
    plural: str  # Swedish plural, "metoder"
    url: str  # URL folder of its pages, "metoder"; "" = no own pages
    url_en: str  # the same in the English edition, under en/: "methods"
    label_en: str  # English singular, "method"
    plural_en: str  # English plural, "methods"
    fields: tuple[Field, ...]
    folder: str = ""  # entries: folder of YAML files
    file: str = ""  # vocabularies: the YAML file under taxonomy/
    neuter: bool = False  # "ett verktyg", not "en verktyg"
    requires: tuple[Requires, ...] = ()

    def label_in(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label

    def plural_in(self, lang: str) -> str:
        return self.plural_en if lang == "en" else self.plural

    @property
    def is_vocabulary(self) -> bool:
        return bool(self.file)

    @property
    def a(self) -> str:
        """The label with its indefinite article: 'en metod', 'ett verktyg'."""
        return ("ett " if self.neuter else "en ") + self.label

    @property
    def no(self) -> str:
        """'ingen metod', 'inget verktyg'."""
        return ("inget " if self.neuter else "ingen ") + self.label


def _f(name, type_, label, help_, required=True):
    return Field(name, type_, label, help_, required)


def _t(name, type_, label, help_, required=True):
    """A field of prose, translated under `en`."""
    return Field(name, type_, label, help_, required, translate=True)


ID = _f("id", Text(80), "Id", "Samma som filnamnet utan .yml: små bokstäver a–z, siffror och bindestreck.")
TITLE = _t("title", Text(120), "Titel", "Kort och beskrivande titel, högst 120 tecken.")
SUMMARY = _t("summary", Text(400), "Sammanfattning", "En eller två meningar som visas i listor och sökresultat. Ren text.")
SOURCE = Object((
    _f("title", Text(300), "Titel", "Källans titel eller en kort beskrivning av den."),
    _f("url", Url(), "Webbadress", "Fullständig adress som börjar med https://."),
))
SOURCES = _f("sources", List(SOURCE, max_items=30), "Källor",
             "Var fakta kommer ifrån: en lista med title och url.", required=False)
PHASES = _f("phases", List(Ref("phase"), min_items=1), "Faser",
            "I vilka faser av partnerskapets livscykel detta hör hemma (id:n från taxonomy/phases.yml).")
TOPICS = _f("topics", List(Ref("topic"), min_items=1), "Ämnen",
            "Ämnen som detta handlar om (id:n från taxonomy/topics.yml).")
ROLES = _f("roles", List(Ref("role")), "Roller",
           "Roller som är inblandade (id:n från taxonomy/roles.yml).", required=False)
# A method always says who does it.
REQUIRED_ROLES = _f("roles", List(Ref("role"), min_items=1), "Roller",
                    "Roller som genomför metoden, minst en (id:n från taxonomy/roles.yml).")
SUCCESS_FACTORS = _f("success_factors", List(Ref("success_factor")), "Framgångsfaktorer",
                     "Framgångsfaktorer som detta belyser (id:n från taxonomy/success_factors.yml).",
                     required=False)
PUBLISHED = _f("published", Date(), "Publicerad", "Datum då entryn publicerades, ÅÅÅÅ-MM-DD.")

EFFORT_LEVELS = {"low": "Liten", "medium": "Medel", "high": "Stor"}
TOOL_KINDS = {
    "template": "Mall",
    "checklist": "Checklista",
    "canvas": "Canvas",
    "question-set": "Frågeunderlag",
    "self-assessment": "Självskattning",
    "map": "Kartläggning",
}
STATUSES = {"ongoing": "Pågående", "concluded": "Avslutat"}
PROVENANCES = {
    "compiled": "Sammanställd från offentliga källor",
    "submitted": "Inskickad av lärosätet",
}

METHOD = Kind(
    name="method", label="metod", plural="metoder",
    url="metoder", url_en="methods", label_en="method", plural_en="methods", folder="methods",
    fields=(
        ID, TITLE, SUMMARY,
        _t("description", Text(4000, markdown=True), "Vad", "Vad metoden går ut på. Markdown."),
        _t("why", Text(3000, markdown=True), "Varför", "Varför metoden hjälper ett partnerskap. Markdown."),
        _t("steps", List(Text(1500, markdown=True), min_items=3, max_items=20), "Så gör du",
           "Konkreta steg i ordning, minst tre, ett listelement per steg. Markdown."),
        _f("effort", Object((
            _f("level", Choice(EFFORT_LEVELS), "Insats", "Hur stor insats metoden kräver: low, medium eller high."),
            _t("time", Text(160), "Tidsåtgång", "Ungefärlig tidsåtgång i ord, t.ex. ”en halvdag per år”."),
        )), "Insats", "Hur mycket arbete metoden kräver."),
        PHASES, TOPICS, REQUIRED_ROLES,
        _f("tools", List(Ref("tool")), "Verktyg", "Verktyg som metoden använder (id:n från tools/).", False),
        SUCCESS_FACTORS,
        _t("considerations", Text(3000, markdown=True), "Att tänka på",
           "Fallgropar och sådant som är lätt att missa. Markdown."),
        _f("related", List(Ref("method")), "Relaterade metoder",
           "Andra metoder som hör ihop med denna (id:n från methods/).", False),
        SOURCES, PUBLISHED,
    ),
)

# A self-assessment's scale and areas (Assessment above); the levels are
# numbered 1, 2, 3 … in their order.
ASSESSMENT_LEVELS = (2, 5)
ASSESSMENT = Assessment(Object((
    _f("levels", List(Object((
        _t("name", Text(40), "Nivå", "Nivåns namn, t.ex. Samarbete."),
        _t("description", Text(400), "Beskrivning", "Vad nivån betyder, i en eller två meningar."),
    )), min_items=ASSESSMENT_LEVELS[0], max_items=ASSESSMENT_LEVELS[1]), "Nivåer",
       f"Skalans nivåer i ordning, från den lägsta: {ASSESSMENT_LEVELS[0]}–{ASSESSMENT_LEVELS[1]} "
       "stycken, var och en med name och description."),
    _f("half_steps", Bool(), "Mellanlägen",
       "true om man får ange ett mellanläge mellan två nivåer, t.ex. 1,5.", False),
    _f("areas", List(Object((
        _t("name", Text(80), "Område", "Områdets namn, t.ex. Förtroende."),
        _t("levels", List(Text(400), min_items=ASSESSMENT_LEVELS[0], max_items=ASSESSMENT_LEVELS[1]),
           "Beskrivning per nivå", "En text per nivå, i samma ordning som nivåerna: hur området ser ut "
           "på den nivån."),
        _f("methods", List(Ref("method"), min_items=1, max_items=3), "Metoder som hjälper",
           "En till tre metoder som hjälper den som vill utveckla området (id:n från methods/)."),
    )), min_items=1, max_items=20), "Områden",
       "Områdena som skattas, vart och ett med name, levels och methods."),
)))

TOOL = Kind(
    name="tool", label="verktyg", plural="verktyg", neuter=True,
    url="verktyg", url_en="tools", label_en="tool", plural_en="tools", folder="tools",
    fields=(
        ID, TITLE, SUMMARY,
        _f("type", Choice(TOOL_KINDS), "Typ", "Vilken sorts verktyg: " + ", ".join(TOOL_KINDS) + "."),
        _t("description", Text(3000, markdown=True), "Vad", "Vad verktyget är och vad det ger. Markdown."),
        _t("how_to_use", Text(3000, markdown=True), "Så använder du verktyget",
           "Hur och när verktyget används. Markdown."),
        _t("content", Text(30000, markdown=True), "Verktyget",
           "Själva verktyget: frågorna, punkterna eller mallen, färdigt att använda. Markdown."),
        _f("assessment", ASSESSMENT, "Självskattning",
           "För en självskattning: skalans nivåer och områdena, så att verktygets sida kan visa "
           "tabellerna och ett formulär som parterna fyller i och jämför.", False),
        _f("file", Path(), "Fil att ladda ner",
           "Valfri fil under docs/filer/, t.ex. filer/mall.docx.", False),
        _f("methods", List(Ref("method")), "Metoder", "Metoder som använder verktyget (id:n från methods/).", False),
        PHASES, TOPICS, SOURCES, PUBLISHED,
    ),
)

PARTNER = Object((
    _f("name", Text(160), "Namn", "Partnerns namn, t.ex. ”Volvo Cars”."),
    _f("sector", Ref("sector"), "Sektor", "Partnerns sektor (id från taxonomy/sectors.yml)."),
))

CASE_STUDY = Kind(
    name="case_study", label="fallstudie", plural="fallstudier",
    url="fallstudier", url_en="case-studies", label_en="case study", plural_en="case studies", folder="case_studies",
    fields=(
        ID, TITLE, SUMMARY,
        _f("institutions", List(Ref("larosate"), min_items=1), "Lärosäten",
           "Lärosätet eller lärosätena i partnerskapet (id:n från taxonomy/larosaten.yml)."),
        _f("partners", List(PARTNER, min_items=1), "Partner",
           "Partnerna utanför akademin: en lista med name och sector."),
        _f("started", Year(), "Startår", "Året då partnerskapet började, t.ex. 2013."),
        _f("ended", Year(), "Slutår", "Året då partnerskapet avslutades; för ett pågående partnerskap "
           "det år då avtalet löper ut, om det är bestämt.", False),
        _f("status", Choice(STATUSES), "Status", "ongoing (pågående) eller concluded (avslutat)."),
        _f("status_checked", Date(), "Status kontrollerad",
           "Datum då det senast bekräftades, i en källa eller av lärosätet, att partnerskapet pågår, "
           "ÅÅÅÅ-MM-DD. Krävs för ett pågående partnerskap.", False),
        _t("background", Text(4000, markdown=True), "Bakgrund", "Hur och varför partnerskapet kom till. Markdown."),
        _t("activities", Text(6000, markdown=True), "Vad som gjordes",
           "Hur partnerskapet är organiserat och vad parterna gör tillsammans. Markdown."),
        _t("results", Text(4000, markdown=True), "Resultat", "Vad partnerskapet har lett till. Markdown.", False),
        _t("lessons", Text(4000, markdown=True), "Lärdomar", "Vad andra kan lära av fallet. Markdown.", False),
        _t("challenges", Text(4000, markdown=True), "Utmaningar", "Svårigheter på vägen. Markdown.", False),
        SUCCESS_FACTORS,
        _f("methods", List(Ref("method")), "Metoder", "Metoder som fallet använde (id:n från methods/).", False),
        _f("tools", List(Ref("tool")), "Verktyg", "Verktyg som fallet använde (id:n från tools/).", False),
        PHASES, TOPICS, ROLES,
        _f("sources", List(SOURCE, min_items=1, max_items=30), "Källor",
           "Minst en källa: en lista med title och url."),
        _f("provenance", Choice(PROVENANCES), "Ursprung",
           "compiled (sammanställd från offentliga källor) eller submitted (inskickad av lärosätet)."),
        _f("last_reviewed", Date(), "Granskad av lärosätet",
           "Datum då lärosätet senast granskade texten, ÅÅÅÅ-MM-DD. Krävs när lärosätet har skickat in "
           "fallstudien (submitted); utelämna annars, om ingen granskning gjorts.", False),
        PUBLISHED,
    ),
    requires=(
        Requires("status", "concluded", "ended", "ett avslutat partnerskap behöver ett slutår"),
        Requires("status", "ongoing", "status_checked",
                 "ett pågående partnerskap visar när det senast bekräftades att det pågår"),
        Requires("provenance", "submitted", "last_reviewed",
                 "lärosätet har skickat in fallstudien och har alltså granskat den: ange datumet"),
    ),
)

NAME = _t("name", Text(120), "Namn", "Namnet på svenska.")
DESCRIPTION = _t("description", Text(2000, markdown=True), "Beskrivning", "En kort beskrivning. Markdown.")


def _vocab(name, label, plural, url, label_en, file, neuter=False):
    """A vocabulary of names and descriptions; its English URL folder is its English plural."""
    return Kind(name=name, label=label, plural=plural, url=url, url_en=f"{label_en}s", label_en=label_en,
                plural_en=f"{label_en}s", file=file, fields=(NAME, DESCRIPTION), neuter=neuter)


TOPIC = _vocab("topic", "ämne", "ämnen", "amnen", "topic", "topics.yml", neuter=True)
PHASE = _vocab("phase", "fas", "faser", "faser", "phase", "phases.yml")
SECTOR = _vocab("sector", "sektor", "sektorer", "sektorer", "sector", "sectors.yml")
ROLE = _vocab("role", "roll", "roller", "roller", "role", "roles.yml")
# The evidence for a success factor: a case that shows it, and how, in one sentence.
EVIDENCE = Object((
    _f("case", Ref("case_study"), "Fallstudie", "Fallstudien som visar faktorn (id från case_studies/)."),
    _t("how", Text(300), "Hur", "En mening om hur fallet visar faktorn."),
))
SUCCESS_FACTOR = Kind(
    name="success_factor", label="framgångsfaktor", plural="framgångsfaktorer", url="framgangsfaktorer",
    url_en="success-factors", label_en="success factor", plural_en="success factors", file="success_factors.yml",
    fields=(NAME, DESCRIPTION,
            _f("evidence", List(EVIDENCE, max_items=30), "Belägg",
               "Fallstudier som visar faktorn, var och en med en mening om hur: en lista med case och how.",
               False)),
)
LAROSATE = Kind(
    name="larosate", label="lärosäte", plural="lärosäten", url="larosaten", url_en="institutions",
    label_en="higher education institution", plural_en="higher education institutions", file="larosaten.yml",
    neuter=True,
    fields=(
        NAME,
        _f("short_name", Text(30), "Kortnamn", "Vedertagen förkortning, t.ex. KTH.", False),
        _f("website", Url(("https", "http")), "Webbplats", "Lärosätets webbplats."),
        _f("spets", Bool(), "Deltog i SPETS", "true om lärosätet var ett av de 16 i SPETS, annars false."),
        _t("description", Text(2000, markdown=True), "Beskrivning", "Valfri kort beskrivning. Markdown.", False),
    ),
)
TERM = Kind(
    name="term", label="begrepp", plural="begrepp", url="", url_en="", label_en="term", plural_en="terms", file="glossary.yml", neuter=True,
    fields=(
        _t("name", Text(120), "Begrepp", "Begreppet som det skrivs."),
        _t("description", Text(2000, markdown=True), "Definition", "Vad begreppet betyder. Markdown."),
        SOURCES,
    ),
)

# ------------------------------------------------------------------ English

# Every kind's English texts sit beside the Swedish ones, under `en`: the
# translated fields again, each optional but the heading, and for a list or
# object the same shape holding only its translated parts. check.py also
# requires each English text to have a Swedish one, and a list as many items.
HEADINGS = ("title", "name")


def has_prose(f: Field) -> bool:
    t = f.item_type
    parts = t.shape.fields if isinstance(t, Assessment) else t.fields if isinstance(t, Object) else ()
    return f.translate or any(has_prose(p) for p in parts)


def _english_type(t):
    if isinstance(t, Text):
        return t
    if isinstance(t, List):
        return List(_english_type(t.item), 0, t.max_items)  # as many as in Swedish: check.py
    parts = t.shape.fields if isinstance(t, Assessment) else t.fields
    return Object(tuple(_english_field(p, top=False) for p in parts if has_prose(p)))


def _english_field(f: Field, top: bool) -> Field:
    required = f.name in HEADINGS if top else f.required
    return Field(f.name, _english_type(f.type), f.label, f"{f.label} på engelska.", required)


def with_english(kind: Kind) -> Kind:
    """The kind with its field `en`, made from the fields marked translate."""
    parts = tuple(_english_field(f, top=True) for f in kind.fields if has_prose(f))
    help_ = ("Texterna på engelska, för den engelska utgåvan: samma fält som ovan, vart och ett valfritt "
             "utom " + ("titeln" if "title" in (p.name for p in parts) else "namnet")
             + ". Ett fält utan engelsk text visas på svenska. I öppna data finns de i JSON-filen och i de "
             "engelska CSV-filerna (data/en/).")
    return replace(kind, fields=(*kind.fields, Field("en", Object(parts), "Engelska", help_, required=False)))


METHOD, TOOL, CASE_STUDY = (with_english(k) for k in (METHOD, TOOL, CASE_STUDY))
TOPIC, PHASE, SECTOR, ROLE, SUCCESS_FACTOR, LAROSATE, TERM = (
    with_english(k) for k in (TOPIC, PHASE, SECTOR, ROLE, SUCCESS_FACTOR, LAROSATE, TERM))
ENTRY_KINDS = (METHOD, TOOL, CASE_STUDY)
VOCABULARIES = (PHASE, TOPIC, SECTOR, LAROSATE, ROLE, SUCCESS_FACTOR, TERM)
KINDS = {k.name: k for k in (*ENTRY_KINDS, *VOCABULARIES)}
# `spets new` names kinds the way a person writes them.
CLI_KIND_NAMES = {"method": "method", "tool": "tool", "case-study": "case_study"}


# ------------------------------------------------------------- checked content


@dataclass(frozen=True)
class Entry:
    """One checked entry or vocabulary item. `data` holds every field of its
    kind, with absent optional fields as None (or [] for lists)."""

    kind: str
    id: str
    path: str  # the YAML file it came from, relative to the root
    line: int  # where it starts in that file
    data: dict = field(compare=False)
    # "en": the English view of the entry (english.py): its data in English
    # where there is English, and its pages under en/.
    lang: str = "sv"

    def __getattr__(self, name):  # lets templates write entry.title
        try:
            return self.__dict__["data"][name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def heading(self) -> str:
        """What the entry is called: an entry's title or a vocabulary item's name."""
        return self.data.get("title") or self.data["name"]

    @property
    def kind_def(self) -> Kind:
        return KINDS[self.kind]

    @property
    def url(self) -> str:
        """Site-relative URL of its page ('' when the kind has no pages)."""
        kind = KINDS[self.kind]
        if not kind.url:
            return ""
        return f"en/{kind.url_en}/{self.id}/" if self.lang == "en" else f"{kind.url}/{self.id}/"
