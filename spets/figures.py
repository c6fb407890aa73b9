"""Pictures made from the data at build time, as SVG: each with a title and a
description for a screen reader, and real links that a keyboard reaches.

Pure functions of plain values (names, links), so they are tested without a
site; render.py hands them the knowledge base's entries.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from .english import swedish

# The lifecycle as a column of boxes, top to bottom: it reads the same on a
# phone as on a desktop, where a row would shrink its text to nothing.
WIDTH, BOX_W, BOX_H, STEP, TOP = 320, 210, 46, 76, 16
LEFT = 40


def lifecycle(phases: list[tuple[str, str]], back_to: int | None = 1, t=swedish) -> Markup:
    """The phases [(name, href), …] as linked boxes in their order, with an
    arrow from each to the next; `back_to`: the phase that the last but one
    leads back to (after a new start, a partnership is run again), dashed.
    `t`: the words in the page's language (english.gettext or swedish)."""
    n = len(phases)
    height = TOP * 2 + BOX_H + STEP * (n - 1)
    names = ", ".join(f"{i + 1} {name}" for i, (name, _) in enumerate(phases))
    back = (t(" Efter fas {last} kan partnerskapet gå tillbaka till fas {first}.", last=n - 1, first=back_to + 1)
            if back_to is not None and 0 <= back_to < n - 2 else "")
    out = [f'<svg class="spets-lifecycle" viewBox="0 0 {WIDTH} {height}" role="group" '
           'aria-labelledby="spets-lifecycle-title spets-lifecycle-desc" xmlns="http://www.w3.org/2000/svg">',
           f'<title id="spets-lifecycle-title">{escape(t("Partnerskapets livscykel"))}</title>',
           f'<desc id="spets-lifecycle-desc">{escape(t("{n} faser i ordning: {names}.", n=n, names=names) + back)} '
           f'{escape(t("Varje fas är en länk till dess sida."))}</desc>',
           '<defs><marker id="spets-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
           'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="spets-lifecycle__head"/></marker></defs>']
    centre = LEFT + BOX_W / 2
    for i in range(n - 1):
        y1, y2 = TOP + i * STEP + BOX_H + 2, TOP + (i + 1) * STEP - 3
        out.append(f'<line class="spets-lifecycle__arrow" x1="{centre}" y1="{y1}" x2="{centre}" y2="{y2}" '
                   'marker-end="url(#spets-arrow)"/>')
    if back:
        right = LEFT + BOX_W
        y1, y2 = TOP + (n - 2) * STEP + BOX_H / 2, TOP + back_to * STEP + BOX_H / 2
        out.append(f'<path class="spets-lifecycle__arrow spets-lifecycle__arrow--back" fill="none" '
                   f'd="M{right + 2},{y1} C{right + 60},{y1} {right + 60},{y2} {right + 6},{y2}" '
                   'marker-end="url(#spets-arrow)"/>')
    for i, (name, href) in enumerate(phases):
        y = TOP + i * STEP
        out.append(f'<a href="{escape(href)}" class="spets-lifecycle__phase">'
                   f'<rect x="{LEFT}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="10"/>'
                   f'<text x="{centre}" y="{y + BOX_H / 2 + 6}" text-anchor="middle">{i + 1}. {escape(name)}</text></a>')
    out.append("</svg>")
    return Markup("".join(out))


# The partnerships as a matrix: a row per lärosäte, a column per partner
# sector, the number of cases in each cell. Sized for a phone: 360 units wide,
# the text column at 390 px, so the text is drawn at its own size there
# and the cells are 24 px high or more.
M_WIDTH, M_LABEL, M_HEAD, M_ROW, M_PAD = 360, 74, 52, 34, 5


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _both(short: str, full: str) -> str:
    """A link's name that starts with its visible text (WCAG 2.5.3), then the full name."""
    return short if short == full else f"{short}, {full}"


def _header_lines(name: str) -> list[str]:
    """A column's name in at most two lines: "Offentlig sektor" as two words,
    a long single word split where Swedish may break it, with a hyphen."""
    words = name.split()
    if len(words) > 1:
        return [words[0], " ".join(words[1:])]
    if len(name) > 10:
        # A Swedish compound often joins its parts with an s
        # ("Forsknings|institut"): break after the s nearest the middle.
        middle = len(name) // 2
        joints = [i + 1 for i, ch in enumerate(name) if ch == "s" and 3 <= i < len(name) - 4]
        cut = min(joints, key=lambda i: abs(i - middle)) if joints else middle
        return [name[:cut] + "-", name[cut:]]
    return [name]


def partnerships(rows: list[tuple[str, str, str]], columns: list[tuple[str, str]],
                 cells: dict[tuple[int, int], tuple[int, str]], t=swedish) -> Markup:
    """Which lärosäten have cases with partners in which sectors.

    rows: [(short name, full name, href)] of the lärosäten; columns:
    [(name, href)] of the sectors; cells: {(row, column): (number of cases,
    href of those cases)}, only for cells with at least one case. Each row
    name, column name and cell is a link; the number is text in the cell, its
    shade only repeats it."""
    n_cols = len(columns)
    col_w = (M_WIDTH - M_LABEL) / max(n_cols, 1)
    height = M_HEAD + M_ROW * len(rows) + M_PAD
    desc = t("En rad per lärosäte ({rows}) och en kolumn per partnersektor ({columns}). Varje ruta visar "
             "hur många fallstudier lärosätet har med partner i sektorn och är en länk till dem; en tom "
             "ruta betyder inga fallstudier. Samma siffror finns i tabellen under bilden.",
             rows=len(rows), columns=", ".join(name for name, _ in columns))
    out = [f'<svg class="spets-matrix" viewBox="0 0 {M_WIDTH} {height}" role="group" '
           'aria-labelledby="spets-matrix-title spets-matrix-desc" xmlns="http://www.w3.org/2000/svg">',
           f'<title id="spets-matrix-title">{escape(t("Lärosätenas partnerskap efter partnerns sektor"))}</title>',
           f'<desc id="spets-matrix-desc">{escape(desc)}</desc>']
    for c, (name, href) in enumerate(columns):
        x = M_LABEL + c * col_w + col_w / 2
        lines = _header_lines(name)
        y0 = M_HEAD - 10 - 15 * (len(lines) - 1)
        spans = "".join(f'<tspan x="{x:.1f}" y="{y0 + 15 * i}">{escape(line)}</tspan>'
                        for i, line in enumerate(lines))
        out.append(f'<a href="{escape(href)}" class="spets-matrix__col" aria-label="{escape(name)}">'
                   f'<rect x="{M_LABEL + c * col_w + 1:.1f}" y="2" width="{col_w - 2:.1f}" '
                   f'height="{M_HEAD - 4}" rx="4"/>'
                   f'<text text-anchor="middle">{spans}</text></a>')
    for r, (short, full, href) in enumerate(rows):
        y = M_HEAD + r * M_ROW
        if r % 2 == 0:  # a band under every other row guides the eye along it
            out.append(f'<rect class="spets-matrix__band" x="0" y="{y}" width="{M_WIDTH}" height="{M_ROW}"/>')
        out.append(f'<a href="{escape(href)}" class="spets-matrix__row" aria-label="{escape(_both(short, full))}">'
                   f'<rect x="1" y="{y + 2}" width="{M_LABEL - 6}" height="{M_ROW - 4}" rx="4"/>'
                   f'<text x="4" y="{y + M_ROW / 2 + 5}">{escape(short)}</text></a>')
        for c, (sector, _) in enumerate(columns):
            if (r, c) not in cells:
                continue
            n, cell_href = cells[(r, c)]
            # Three shades, for 1, 2 and 3 or more; the dark one carries white text.
            shade = min(n, 3)
            x = M_LABEL + c * col_w + M_PAD
            label = f"{_both(short, full)}, {sector.lower()}: {_plural(n, t('fallstudie'), t('fallstudier'))}"
            out.append(f'<a href="{escape(cell_href)}" class="spets-matrix__cell spets-matrix__cell--{shade}" '
                       f'aria-label="{escape(label)}">'
                       f'<rect x="{x:.1f}" y="{y + 3}" width="{col_w - 2 * M_PAD:.1f}" height="{M_ROW - 6}" rx="4"/>'
                       f'<text x="{x + (col_w - 2 * M_PAD) / 2:.1f}" y="{y + M_ROW / 2 + 5}" '
                       f'text-anchor="middle">{n}</text></a>')
    out.append("</svg>")
    return Markup("".join(out))
