"""The English edition: the knowledge base read in English, and the English
of every string our templates write (the Swedish string is the key).

An entry's English view takes each translated field from `en` where it is
there and keeps the Swedish text where it is not; `swedish_only` names those
fields, so that the page can say so and mark them as Swedish (lang="sv").
"""

from __future__ import annotations

from dataclasses import replace

from . import model as m
from .knowledge import KnowledgeBase


def view(kb: KnowledgeBase) -> KnowledgeBase:
    """The same knowledge base, every entry and item in its English view.
    Made once per knowledge base: the pages, the feed and the exports all ask."""
    if _last[0] is not kb:
        _last[:] = [kb, KnowledgeBase.of([entry(e) for kind in m.KINDS for e in kb.all(kind)])]
    return _last[1]


_last: list = [None, None]  # the last knowledge base asked for and its English view


def entry(e: m.Entry) -> m.Entry:
    english = e.data.get("en") or {}
    data, swedish_only = dict(e.data), []
    for f in e.kind_def.fields:
        if f.name == "en" or not m.has_prose(f) or data.get(f.name) in (None, []):
            continue
        value, complete = _merge(data[f.name], english.get(f.name), f.type)
        data[f.name] = value
        if not complete:
            swedish_only.append(f.name)
    data["swedish_only"] = tuple(swedish_only)
    return replace(e, data=data, lang="en")


def _merge(swedish, english, t):
    """(the value in English where there is English, whether all of it was)."""
    if english in (None, [], {}):
        return swedish, False
    if isinstance(t, m.Text) or (isinstance(t, m.List) and isinstance(t.item, m.Text)):
        return english, True
    if isinstance(t, m.List):  # of objects: item by item (check.py: as many in both)
        merged = [_merge(s, e, t.item) for s, e in zip(swedish, english)]
        return [v for v, _ in merged], all(c for _, c in merged)
    parts = t.shape.fields if isinstance(t, m.Assessment) else t.fields
    out, complete = dict(swedish), True
    for p in parts:
        if m.has_prose(p) and swedish.get(p.name) not in (None, []):
            out[p.name], done = _merge(swedish[p.name], english.get(p.name), p.type)
            complete = complete and done
    return out, complete


# Kind name -> its English singular and plural (Swedish "verktyg" is both).
KIND_NAMES = {"method": ("method", "methods"), "tool": ("tool", "tools"), "case_study": ("case study", "case studies"),
              "topic": ("topic", "topics"), "phase": ("phase", "phases"), "sector": ("sector", "sectors"),
              "role": ("role", "roles"), "success_factor": ("success factor", "success factors"),
              "larosate": ("higher education institution", "higher education institutions"), "term": ("term", "terms")}


def is_english(url: str) -> bool:
    """Whether a page URL is one of the English edition's (under en/)."""
    return url == "en/" or url.startswith("en/")


class Untranslated(KeyError):
    pass


def gettext(text: str, **values) -> str:
    """The English of one of our Swedish strings, with its {placeholders}
    filled in. A string without English stops the build: the English pages
    must not fall back to Swedish words unnoticed."""
    try:
        english = STRINGS[text]
    except KeyError:
        raise Untranslated(f"ingen engelsk text för {text!r}: lägg till den i spets/english.py") from None
    return english.format(**values) if values else english


def swedish(text: str, **values) -> str:
    return text.format(**values) if values else text


STRINGS = {
    # kinds, their plurals and the vocabularies
    "metod": "method", "metoder": "methods", "verktyg": "tool", "fallstudie": "case study",
    "fallstudier": "case studies", "ämne": "topic", "ämnen": "topics", "fas": "phase", "faser": "phases",
    "sektor": "sector", "sektorer": "sectors", "roll": "role", "roller": "roles",
    "framgångsfaktor": "success factor", "framgångsfaktorer": "success factors",
    "lärosäte": "higher education institution", "lärosäten": "higher education institutions",
    "begrepp": "term",
    "Metod": "Method", "Verktyg": "Tool", "Fallstudie": "Case study",
    # choices
    "Liten": "Small", "Medel": "Medium", "Stor": "Large",
    "Mall": "Template", "Checklista": "Checklist", "Canvas": "Canvas", "Frågeunderlag": "Question set",
    "Självskattning": "Self-assessment", "Kartläggning": "Mapping",
    "Pågående": "Ongoing", "Avslutat": "Concluded",
    # facts and headings
    "Faser": "Phases", "Ämnen": "Topics", "Insats": "Effort", "Roller": "Roles",
    "Framgångsfaktorer": "Success factors", "Lärosäten": "Institutions", "Partner": "Partners",
    "Period": "Period", "Status": "Status", "Status kontrollerad": "Status checked",
    "Vad metoden går ut på": "What the method is", "Varför": "Why", "Så gör du": "How to do it",
    "Att tänka på": "Things to consider", "Bakgrund": "Background", "Vad som gjordes": "What was done",
    "Resultat": "Results", "Lärdomar": "Lessons", "Utmaningar": "Challenges", "Källor": "Sources",
    "Fallstudier som använder metoden": "Case studies that use the method",
    "Relaterade metoder": "Related methods",
    "Metoder som fallet visar": "Methods the case shows",
    "Verktyg som fallet använde": "Tools the case used",
    "Metoder som använder verktyget": "Methods that use the tool",
    "Fallstudier som använt verktyget": "Case studies that used the tool",
    "Sök bland alla {kinds}": "Search all {kinds}",
    "Insats: {level}": "Effort: {level}",
    # provenance
    "Sammanställd från offentliga källor": "Compiled from public sources",
    "Texten bygger på de offentliga källor som anges längst ned.":
        "The text is based on the public sources listed at the end.",
    "Lärosätet granskade den senast {date}.": "The institution last reviewed it on {date}.",
    "Den har ännu inte granskats av lärosätet.": "It has not yet been reviewed by the institution.",
    "Inskickad av lärosätet": "Submitted by the institution",
    "Lärosätet har själv skrivit fallstudien": "The institution wrote the case study itself",
    " och granskade den senast {date}": " and last reviewed it on {date}",
    # citing
    "Citera": "Cite", "Som referens (APA):": "As a reference (APA):", "Som BibTeX:": "As BibTeX:",
    "Permanent adress:": "Permanent address:",
    # tools
    "Typ": "Type", "Metoder": "Methods", "Fil att ladda ner": "File to download",
    "Vad verktyget är": "What the tool is", "Så använder du verktyget": "How to use the tool",
    "Verktyget": "The tool", " eller ": " or ", "Nivåerna": "The levels",
    "Skatta partnerskapet": "Assess the partnership", "Skriv {numbers} i kolumnen": "Write {numbers} in the column",
    "I dag": "Today", ", eller ett mellanläge, till exempel 1,5": ", or a value in between, such as 1.5",
    "Område": "Area", "Sammanställning": "Summary", "Lärosätet i dag": "The institution today",
    "Partnern i dag": "The partner today", "Skillnad": "Difference", "Vi vill vara om två år": "Where we want to be in two years",
    "Metoder som hjälper": "Methods that help",
    "Metoder som hjälper er att utveckla varje område:": "Methods that help you develop each area:",
    # vocabulary pages
    "Så syns det i fallstudierna": "How the case studies show it",
    "Vad fungerar: alla framgångsfaktorer efter hur många fallstudier som visar dem":
        "What works: all success factors by how many case studies show them",
    "Webbplats": "Website", "Deltog i SPETS": "Took part in SPETS", "Ja": "Yes", "Nej": "No",
    "Kunskapsbanken har ännu inga fallstudier från {name}.": "The knowledge base has no case studies from {name} yet.",
    "Lärosätet var ett av de sexton i SPETS.": "The institution was one of the sixteen in SPETS.",
    " Vad källorna visar står ovan.": " What the sources show is above.",
    "Har ni ett partnerskap att berätta om? Bidra gärna med en fallstudie.":
        "Do you have a partnership to tell about? You are welcome to contribute a case study.",
    "Inget i kunskapsbanken hör ännu hit.": "Nothing in the knowledge base belongs here yet.",
    # figures, what works, the partnerships
    " Efter fas {last} kan partnerskapet gå tillbaka till fas {first}.":
        " After phase {last}, the partnership can go back to phase {first}.",
    "Partnerskapets livscykel": "The lifecycle of a partnership",
    "{n} faser i ordning: {names}.": "{n} phases in order: {names}.",
    "Varje fas är en länk till dess sida.": "Each phase is a link to its page.",
    "En rad per lärosäte ({rows}) och en kolumn per partnersektor ({columns}). Varje ruta visar "
    "hur många fallstudier lärosätet har med partner i sektorn och är en länk till dem; en tom "
    "ruta betyder inga fallstudier. Samma siffror finns i tabellen under bilden.":
        "One row per institution ({rows}) and one column per partner sector ({columns}). Each cell shows "
        "how many case studies the institution has with partners in the sector and links to the "
        "institution; an empty cell means no case studies. The same numbers are in the table below the picture.",
    "Lärosätenas partnerskap efter partnerns sektor": "The institutions' partnerships by the partner's sector",
    "Framgångsfaktorerna efter hur många fallstudier som visar dem":
        "The success factors by how many case studies show them",
    "från": "from", "med partner i": "with partners in",
    "Fler fallstudier som nämner faktorn, ännu utan en mening om hur:":
        "More case studies that name the factor, so far without a sentence on how:",
    "Fallstudier som nämner faktorn, ännu utan en mening om hur:":
        "Case studies that name the factor, so far without a sentence on how:",
    "Ingen fallstudie visar ännu faktorn.": "No case study shows the factor yet.",
    "Mer om {name}": "More on {name}",
    "{rows} lärosäten och partner i {columns} sektorer, i {cases} fallstudier. En fallstudie kan ha flera "
    "lärosäten och partner i flera sektorer och räknas då i varje ruta den hör till. Välj en ruta för att "
    "se fallstudierna.":
        "{rows} institutions and partners in {columns} sectors, in {cases} case studies. A case study can have "
        "several institutions and partners in several sectors, and is then counted in every cell it belongs "
        "to. Choose a cell to see the institution's case studies.",
    "Samma siffror som tabell, med partnerna": "The same numbers as a table, with the partners",
    "antal fallstudier per lärosäte och partnerns sektor": "number of case studies by institution and partner sector",
    "Lärosäte": "Institution",
    "Källa:": "Source:", "Metoder:": "Methods:", "inga ännu": "none yet", "Allt i fasen": "Everything in the phase",
    "Deltog inte i SPETS": "Did not take part in SPETS", "Inget ännu": "Nothing yet",
    # the theme's pages (overrides/)
    "Meny": "Menu", "Redigera på GitHub": "Edit on GitHub", "Sök på webbplatsen": "Search the site",
    "Föreslå en ändring av den här sidan på GitHub": "Suggest a change to this page on GitHub",
    "Källkod och innehåll på GitHub": "Source code and content on GitHub",
    # search and filters (filter_form.html.j2)
    "Sök i kunskapsbanken": "Search the knowledge base", "Filtrera {noun}": "Filter {noun}",
    "Sökord": "Search words", "Filtrera {noun} på text": "Filter {noun} by text",
    "till exempel avtal, styrgrupp eller förankring": "for example agreement, steering group or buy-in",
    "Sök": "Search", "Hoppa förbi filtren till träffarna": "Skip the filters to the results",
    "Hoppa förbi filtren till {noun}": "Skip the filters to the {noun}", "Filter": "Filters",
    "Fas": "Phase", "Ämne": "Topic", "Partnersektor": "Partner sector",
    "Alla": "All", "Rensa sökning och filter": "Clear search and filters",
    "Visar alla {total} {noun}.": "Showing all {total} {noun}.",
    "Sökningen behöver JavaScript. Utan det kan du bläddra bland": "The search needs JavaScript. Without it you can browse the",
    "och": "and", "Visa fler träffar": "Show more results",
    "Sök och filtrera på {name}": "Search and filter by {name}",
    "Öppna sökningen filtrerad på {name}": "Open the search filtered by {name}",
    "Sida": "Page",
    # the self-assessment's form (_tool.j2)
    "Fyll i på sidan": "Fill it in on the page",
    "Välj för varje område den nivå som stämmer bäst i dag, en gång för lärosätet och en gång för partnern":
        "For each area, choose the level that fits best today, once for the institution and once for the partner",
    " (mellanlägen som 1,5 går bra)": " (values in between, such as 1.5, are fine)",
    ", och gärna var ni vill vara om två år. Det du väljer stannar i din webbläsare.":
        ", and if you like, where you want to be in two years. What you choose stays in your browser.",
    "Partnerskap (valfritt)": "Partnership (optional)", "Mål om två år": "Goal in two years",
    "Inte valt": "Not chosen", "Mellan {lower} och {upper}": "Between {lower} and {upper}",
    "Resultat per område": "Result by area", "Lärosätet": "The institution", "Partnern": "The partner",
    "Metoder för de svagaste områdena": "Methods for the weakest areas",
    "Skriv ut resultatet": "Print the result", "Spara som fil": "Save as a file",
    "Öppna en sparad fil": "Open a saved file", "Töm formuläret": "Clear the form",
    # print cards
    "Metodkort": "Method cards", "Verktygskort": "Tool cards",
    "Alla {kinds} som kort att skriva ut, ett per sida.": "All {kinds} as cards to print, one per page.",
    "Här är alla {n} {kinds} som kort, ett per sida. Skriv ut sidan med webbläsarens utskriftsfunktion "
    "(Ctrl+P eller Cmd+P), eller spara den som PDF. Menyer och knappar kommer inte med på utskriften.":
        "Here are all {n} {kinds} as cards, one per page. Print the page with the browser's print function "
        "(Ctrl+P or Cmd+P), or save it as a PDF. Menus and buttons are left off the printout.",
    "Tillbaka till alla {kinds}": "Back to all {kinds}",
    "Skriv ut": "Print", "Skriv ut kortet": "Print the card",
    # the menu's groups
    "Kunskap": "Knowledge", "Bläddra": "Browse", "Om": "About",
    # Swedish only
    "Bara på svenska": "Only available in Swedish",
    "Den här posten finns ännu bara på svenska.": "This entry is only available in Swedish so far.",
    "Det här avsnittet finns ännu bara på svenska.": "This section is only available in Swedish so far.",
}
