"""Pictures made from the data at build time, as SVG: each with a title and a
description for a screen reader, and real links that a keyboard reaches.

Pure functions of plain values (names, links), so they are tested without a
site; render.py hands them the knowledge base's entries.
"""

from __future__ import annotations

from markupsafe import Markup, escape

# The lifecycle as a column of boxes, top to bottom: it reads the same on a
# phone as on a desktop, where a row would shrink its text to nothing.
WIDTH, BOX_W, BOX_H, STEP, TOP = 320, 210, 46, 76, 16
LEFT = 40


def lifecycle(phases: list[tuple[str, str]], back_to: int | None = 1) -> Markup:
    """The phases [(name, href), …] as linked boxes in their order, with an
    arrow from each to the next; `back_to`: the phase that the last but one
    leads back to (after a new start, a partnership is run again), dashed."""
    n = len(phases)
    height = TOP * 2 + BOX_H + STEP * (n - 1)
    names = ", ".join(f"{i + 1} {name}" for i, (name, _) in enumerate(phases))
    back = (f" Efter fas {n - 1} kan partnerskapet gå tillbaka till fas {back_to + 1}."
            if back_to is not None and 0 <= back_to < n - 2 else "")
    out = [f'<svg class="spets-lifecycle" viewBox="0 0 {WIDTH} {height}" role="group" '
           'aria-labelledby="spets-lifecycle-title spets-lifecycle-desc" xmlns="http://www.w3.org/2000/svg">',
           '<title id="spets-lifecycle-title">Partnerskapets livscykel</title>',
           f'<desc id="spets-lifecycle-desc">{escape(f"{n} faser i ordning: {names}.{back}")} '
           'Varje fas är en länk till dess sida.</desc>',
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
