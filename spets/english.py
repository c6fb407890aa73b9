"""The English edition: the knowledge base read in English, and the English
of every string our templates write (the Swedish string is the key).

An entry's English view takes each translated field from `en` where it is
there and keeps the Swedish text where it is not; `swedish_only` names those
fields, so that the page can say so and mark them as Swedish (lang="sv").
"""

from __future__ import annotations

import re
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


# A word; and an italic span of Markdown (*…* or _…_, not the ** of bold).
_WORD = re.compile(r"[^\W_]+")
_ITALIC = re.compile(r"(?<![\w*])\*(?![\s*])(?:(?!\n\s*\n)[^*])+?(?<!\s)\*(?![\w*])"
                     r"|(?<!\w)_(?![\s_])(?:(?!\n\s*\n)[^_])+?(?<!\s)_(?!\w)")


def swedish_words(kb: KnowledgeBase) -> frozenset[str]:
    """The words of the translated entries' Swedish texts that none of their
    English texts uses, italics apart on both sides (the Swedish texts quote
    English terms in italics, *embryonic*). Translators keep a Swedish term
    or title in italics (*partneransvarig*); an italic phrase of mostly such
    words in an English text is therefore Swedish, and the page marks it
    lang="sv" (WCAG 3.1.2). Entries without English have nothing to mark."""
    swedish, english = set(), set()
    for kind in m.KINDS:
        for e in kb.all(kind):
            translated = e.data.get("en")
            for f in e.kind_def.fields if translated else ():
                if f.name != "en" and m.has_prose(f):
                    swedish.update(_words(e.data.get(f.name), drop=_ITALIC))
                    english.update(_words(translated.get(f.name), drop=_ITALIC))
    return frozenset(swedish - english)


def _words(value, drop=None) -> set[str]:
    """The lower-case words of every text in a value (a text, a list, an object)."""
    if isinstance(value, str):
        if drop and ("*" in value or "_" in value):
            value = drop.sub(" ", value)
        return set(_WORD.findall(value.lower()))
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return set().union(*(_words(v, drop) for v in items))


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


def strings(lang: str):
    """Our strings in one edition's language: gettext for "en", else as written."""
    return gettext if lang == "en" else swedish


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
    # the site's name (mkdocs.yml: site_name), and the menu's groups
    "SPETS kunskapsbank": "SPETS knowledge base",
    "Kunskap": "Knowledge", "Bläddra": "Browse", "Om": "About",
    # the open data page and its codebook (codebook.md.j2)
    "Öppna data": "Open data",
    "Hela kunskapsbanken som öppna data i JSON och CSV, med en kodbok över alla fält.":
        "The whole knowledge base as open data in JSON and CSV, with a codebook of every field.",
    "Filer": "Files", "filerna": "the files", "Fil": "File", "Innehåll": "What it holds",
    "Så är filerna uppbyggda": "How the files are built", "Så läser du CSV-filerna": "How to read the CSV files",
    "Fälten i {kinds}": "The fields of {kinds}", "fälten i {kinds}": "the fields of {kinds}",
    "Fält": "Field", "Namn på sidan": "Name on the page", "Krävs": "Required", "ja": "yes", "nej": "no",
    "Vokabulärerna": "The vocabularies", "Licenser": "Licences",
    # Swedish only
    "Bara på svenska": "Only available in Swedish",
    "Den här posten finns ännu bara på svenska.": "This entry is only available in Swedish so far.",
    "Det här avsnittet finns ännu bara på svenska.": "This section is only available in Swedish so far.",
}

# The model's labels and help texts, for the English codebook (en/data/):
# a Swedish help text changed in model.py stops the build until this follows.
FIELD_TEXTS = {
    "Id": "Id",
    "Samma som filnamnet utan .yml: små bokstäver a–z, siffror och bindestreck.":
        "The same as the file name without .yml: lower-case letters a–z, digits and hyphens.",
    "Titel": "Title",
    "Kort och beskrivande titel, högst 120 tecken.": "A short, descriptive title, at most 120 characters.",
    "Sammanfattning": "Summary",
    "En eller två meningar som visas i listor och sökresultat. Ren text.":
        "One or two sentences shown in lists and search results. Plain text.",
    "Vad": "What",
    "Vad metoden går ut på. Markdown.": "What the method involves. Markdown.",
    "Varför metoden hjälper ett partnerskap. Markdown.": "Why the method helps a partnership. Markdown.",
    "Konkreta steg i ordning, minst tre, ett listelement per steg. Markdown.":
        "Concrete steps in order, at least three, one list item per step. Markdown.",
    "Hur mycket arbete metoden kräver.": "How much work the method requires.",
    "Hur stor insats metoden kräver: low, medium eller high.":
        "How much effort the method requires: low, medium or high.",
    "Tidsåtgång": "Time required",
    "Ungefärlig tidsåtgång i ord, t.ex. ”en halvdag per år”.":
        "Approximate time required, in words, e.g. ‘half a day a year’.",
    "I vilka faser av partnerskapets livscykel detta hör hemma (id:n från taxonomy/phases.yml).":
        "Which phases of the partnership lifecycle this belongs to (ids from taxonomy/phases.yml).",
    "Ämnen som detta handlar om (id:n från taxonomy/topics.yml).":
        "Topics this is about (ids from taxonomy/topics.yml).",
    "Roller som genomför metoden, minst en (id:n från taxonomy/roles.yml).":
        "Roles that carry out the method, at least one (ids from taxonomy/roles.yml).",
    "Verktyg som metoden använder (id:n från tools/).": "Tools the method uses (ids from tools/).",
    "Framgångsfaktorer som detta belyser (id:n från taxonomy/success_factors.yml).":
        "Success factors this illustrates (ids from taxonomy/success_factors.yml).",
    "Fallgropar och sådant som är lätt att missa. Markdown.": "Pitfalls and things that are easy to miss. Markdown.",
    "Andra metoder som hör ihop med denna (id:n från methods/).":
        "Other methods related to this one (ids from methods/).",
    "Var fakta kommer ifrån: en lista med title och url.": "Where the facts come from: a list with title and url.",
    "Källans titel eller en kort beskrivning av den.": "The source’s title or a short description of it.",
    "Webbadress": "Web address",
    "Fullständig adress som börjar med https://.": "The full address, starting with https://.",
    "Publicerad": "Published",
    "Datum då entryn publicerades, ÅÅÅÅ-MM-DD.": "Date the entry was published, YYYY-MM-DD.",
    "Engelska": "English",
    "Texterna på engelska, för den engelska utgåvan: samma fält som ovan, vart och ett valfritt utom titeln. Ett "
    "fält utan engelsk text visas på svenska. I öppna data finns de i JSON-filen och i de engelska CSV-filerna "
    "(data/en/).":
        "The texts in English, for the English edition: the same fields as above, each optional except the title. "
        "A field without English text is shown in Swedish. In the open data they are in the JSON file and in the "
        "English CSV files (data/en/).",
    "Titel på engelska.": "Title in English.",
    "Sammanfattning på engelska.": "Summary in English.",
    "Vad på engelska.": "‘What’ in English.",
    "Varför på engelska.": "‘Why’ in English.",
    "Så gör du på engelska.": "‘How to do it’ in English.",
    "Insats på engelska.": "Effort in English.",
    "Att tänka på på engelska.": "‘Things to consider’ in English.",
    "Vilken sorts verktyg: template, checklist, canvas, question-set, self-assessment, map.":
        "What kind of tool: template, checklist, canvas, question-set, self-assessment, map.",
    "Vad verktyget är och vad det ger. Markdown.": "What the tool is and what it offers. Markdown.",
    "Hur och när verktyget används. Markdown.": "How and when the tool is used. Markdown.",
    "Själva verktyget: frågorna, punkterna eller mallen, färdigt att använda. Markdown.":
        "The tool itself: the questions, items or template, ready to use. Markdown.",
    "För en självskattning: skalans nivåer och områdena, så att verktygets sida kan visa tabellerna och ett "
    "formulär som parterna fyller i och jämför.":
        "For a self-assessment: the levels of the scale and the areas, so that the tool’s page can show the tables "
        "and a form that the parties fill in and compare.",
    "Valfri fil under docs/filer/, t.ex. filer/mall.docx.":
        "An optional file under docs/filer/, e.g. filer/mall.docx.",
    "Metoder som använder verktyget (id:n från methods/).": "Methods that use the tool (ids from methods/).",
    "Så använder du verktyget på engelska.": "‘How to use the tool’ in English.",
    "Verktyget på engelska.": "The tool in English.",
    "Självskattning på engelska.": "Self-assessment in English.",
    "Lärosätet eller lärosätena i partnerskapet (id:n från taxonomy/larosaten.yml).":
        "The institution or institutions in the partnership (ids from taxonomy/larosaten.yml).",
    "Partnerna utanför akademin: en lista med name och sector.":
        "The partners outside academia: a list with name and sector.",
    "Namn": "Name",
    "Partnerns namn, t.ex. ”Volvo Cars”.": "The partner’s name, e.g. ‘Volvo Cars’.",
    "Sektor": "Sector",
    "Partnerns sektor (id från taxonomy/sectors.yml).": "The partner’s sector (id from taxonomy/sectors.yml).",
    "Startår": "Start year",
    "Året då partnerskapet började, t.ex. 2013.": "The year the partnership began, e.g. 2013.",
    "Slutår": "End year",
    "Året då partnerskapet avslutades; för ett pågående partnerskap det år då avtalet löper ut, om det är bestämt.":
        "The year the partnership ended; for an ongoing partnership, the year the agreement expires, if this has "
        "been set.",
    "ongoing (pågående) eller concluded (avslutat).": "ongoing or concluded.",
    "Datum då det senast bekräftades, i en källa eller av lärosätet, att partnerskapet pågår, ÅÅÅÅ-MM-DD. Krävs "
    "för ett pågående partnerskap.":
        "Date on which it was last confirmed, in a source or by the institution, that the partnership is ongoing, "
        "YYYY-MM-DD. Required for an ongoing partnership.",
    "Hur och varför partnerskapet kom till. Markdown.": "How and why the partnership came about. Markdown.",
    "Hur partnerskapet är organiserat och vad parterna gör tillsammans. Markdown.":
        "How the partnership is organised and what the parties do together. Markdown.",
    "Vad partnerskapet har lett till. Markdown.": "What the partnership has led to. Markdown.",
    "Vad andra kan lära av fallet. Markdown.": "What others can learn from the case. Markdown.",
    "Svårigheter på vägen. Markdown.": "Difficulties along the way. Markdown.",
    "Metoder som fallet använde (id:n från methods/).": "Methods the case used (ids from methods/).",
    "Verktyg som fallet använde (id:n från tools/).": "Tools the case used (ids from tools/).",
    "Roller som är inblandade (id:n från taxonomy/roles.yml).": "Roles involved (ids from taxonomy/roles.yml).",
    "Minst en källa: en lista med title och url.": "At least one source: a list with title and url.",
    "Ursprung": "Origin",
    "compiled (sammanställd från offentliga källor) eller submitted (inskickad av lärosätet).":
        "compiled (compiled from public sources) or submitted (submitted by the institution).",
    "Granskad av lärosätet": "Reviewed by the institution",
    "Datum då lärosätet senast granskade texten, ÅÅÅÅ-MM-DD. Krävs när lärosätet har skickat in fallstudien "
    "(submitted); utelämna annars, om ingen granskning gjorts.":
        "Date the institution last reviewed the text, YYYY-MM-DD. Required when the institution has submitted the "
        "case study (submitted); otherwise omit it if no review has been done.",
    "Bakgrund på engelska.": "Background in English.",
    "Vad som gjordes på engelska.": "‘What was done’ in English.",
    "Resultat på engelska.": "Results in English.",
    "Lärdomar på engelska.": "Lessons in English.",
    "Utmaningar på engelska.": "Challenges in English.",
    "Namnet på svenska.": "The name in Swedish.",
    "Beskrivning": "Description",
    "En kort beskrivning. Markdown.": "A short description. Markdown.",
    "Texterna på engelska, för den engelska utgåvan: samma fält som ovan, vart och ett valfritt utom namnet. Ett "
    "fält utan engelsk text visas på svenska. I öppna data finns de i JSON-filen och i de engelska CSV-filerna "
    "(data/en/).":
        "The texts in English, for the English edition: the same fields as above, each optional except the name. A "
        "field without English text is shown in Swedish. In the open data they are in the JSON file and in the "
        "English CSV files (data/en/).",
    "Namn på engelska.": "Name in English.",
    "Beskrivning på engelska.": "Description in English.",
    "Kortnamn": "Short name",
    "Vedertagen förkortning, t.ex. KTH.": "The established abbreviation, e.g. KTH.",
    "Lärosätets webbplats.": "The institution’s website.",
    "true om lärosätet var ett av de 16 i SPETS, annars false.":
        "true if the institution was one of the 16 in SPETS, otherwise false.",
    "Valfri kort beskrivning. Markdown.": "An optional short description. Markdown.",
    "Belägg": "Evidence",
    "Fallstudier som visar faktorn, var och en med en mening om hur: en lista med case och how.":
        "Case studies that show the factor, each with one sentence on how: a list with case and how.",
    "Fallstudien som visar faktorn (id från case_studies/).":
        "The case study that shows the factor (id from case_studies/).",
    "Hur": "How",
    "En mening om hur fallet visar faktorn.": "One sentence on how the case shows the factor.",
    "Belägg på engelska.": "Evidence in English.",
    "Begrepp": "Term",
    "Begreppet som det skrivs.": "The term as it is written.",
    "Definition": "Definition",
    "Vad begreppet betyder. Markdown.": "What the term means. Markdown.",
    "Begrepp på engelska.": "Term in English.",
    "Definition på engelska.": "Definition in English.",
}
STRINGS.update(FIELD_TEXTS)
