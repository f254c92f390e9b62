"""The 版记's rows and how they go onto pages (GB/T 9704-2012 §7.4).

A 版记 sits at the foot of the last page; one too tall for a page (300 主送, 170 抄送) runs
over pages of its own, each a full 版记 at the foot of its page.  Heights here are estimates in
twips from the characters' widths; the profile's ``banji.page_fill`` keeps a margin for them.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import oxml


@dataclass(frozen=True)
class Row:
    """A 版记 row and its estimated height in twips."""

    paragraph: oxml.Element
    height: int
    ruled: bool = True       # a rule under it (a 简报's 报：送：发： go together, ruled under the last)


@dataclass(frozen=True)
class Names:
    """主送：/抄送： and its names, which may be cut between names to run over pages; every piece
    keeps the continuation lines aligned after the colon."""

    label: str
    names: tuple[str, ...]
    widths: list[int]        # each name with its separator, twips
    indent: int
    hanging: int
    usable: int              # line width after the label, twips
    line: int                # line height, twips
    min_height: int          # a row is never lower than one grid line
    ruled: bool = True

    def height(self, start: int, end: int) -> int:
        lines = -(-sum(self.widths[start:end]) // self.usable)
        return max(self.min_height, lines * self.line)

    def piece(self, start: int, end: int) -> Row:
        label = self.label if start == 0 else ""
        text = label + "，".join(self.names[start:end]) + ("。" if end == len(self.names) else "，")
        props = oxml.ppr(style="GwBanji", left=self.indent + self.hanging, hanging=self.hanging if label else None)
        return Row(oxml.paragraph(props, oxml.run(text)), self.height(start, end), self.ruled)


def pack(rows: list[Row | Names], room: float, at_least: int = 0) -> list[list[Row]]:
    """The 版记's rows by page: as many as fit ``room`` twips on each; a names list that does not
    fit is cut after the last name that does, and goes on at the top of the next page's 版记.
    With ``at_least``, the pages are filled less until there are that many."""
    pages = _fill(rows, room)
    while len(pages) < at_least and room > 1:
        room *= 0.95
        pages = _fill(rows, room)
    if len(pages) < 2:
        return pages
    # Balanced: the least room that needs no more pages, so the last page is not left with one
    # name (300 names: 75 a page, not 97, 97, 97 and 9).
    low, high = 0.0, room
    for _step in range(16):
        middle = (low + high) / 2
        if len(_fill(rows, middle)) <= len(pages):
            high = middle
        else:
            low = middle
    return _fill(rows, high)


def _fill(rows: list[Row | Names], room: float) -> list[list[Row]]:
    pages: list[list[Row]] = [[]]
    used = 0

    def place(row: Row) -> None:
        nonlocal used
        if pages[-1] and used + row.height > room:
            pages.append([])
            used = 0
        pages[-1].append(row)
        used += row.height

    for row in rows:
        if isinstance(row, Row):
            place(row)
            continue
        start = 0
        while start < len(row.names):
            end = start + 1
            while end < len(row.names) and used + row.height(start, end + 1) <= room:
                end += 1
            if pages[-1] and used + row.height(start, end) > room:
                pages.append([])
                used = 0
                continue
            place(row.piece(start, end))
            start = end
    return [page for page in pages if page]
