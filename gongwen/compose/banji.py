"""The 版记's rows and how they go onto pages (GB/T 9704-2012 §7.4).

A 版记 sits at the foot of the last page; one too tall for a page (300 主送, 170 抄送) runs
over pages of its own, each a full 版记 at the foot of its page.  Heights here are estimates in
twips from the characters' widths; the profile's ``banji.page_fill`` keeps a margin for them.
"""
from __future__ import annotations

from collections.abc import Sequence
from copy import deepcopy
from dataclasses import dataclass

from docx.oxml.ns import qn

from ..chinese import arabic_date
from ..errors import PlanWarning, warn
from ..i18n import _
from . import headers, oxml
from .geometry import eighths, pt, text_width
from .layout import Written
from .oxml import el
from .pen import Pen


@dataclass(frozen=True)
class Row:
    """A 版记 row and its estimated height in twips."""

    paragraph: oxml.Element
    height: int
    ruled: bool = True       # a rule under it (a 简报's 报：送：发： go together, ruled under the last)
    # of several lines: the room a one-line row has around its line, split above and below (a
    # 3-line 抄送 stood 0.7 mm under its rule and 0.4 mm over the next)
    room: int = 0


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

    def lines(self, start: int, end: int) -> int:
        return max(1, -(-sum(self.widths[start:end]) // self.usable))

    def height(self, start: int, end: int) -> int:
        """Its lines, and the room a one-line row has around its line."""
        return self.lines(start, end) * self.line + self.min_height - self.line

    def piece(self, start: int, end: int) -> Row:
        label = self.label if start == 0 else ""
        text = label + "，".join(self.names[start:end]) + ("。" if end == len(self.names) else "，")
        props = oxml.ppr(style="GwBanji", left=self.indent + self.hanging, hanging=self.hanging if label else None)
        room = self.min_height - self.line if self.lines(start, end) > 1 else 0
        return Row(oxml.paragraph(props, oxml.run(text)), self.height(start, end), self.ruled, room)


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


class BanjiParts(Pen):
    """The 版记's parts."""

    def banji(self, rows: list[Row | Names] | None = None, *, ruled: bool = True) -> None:
        """版记 (§7.4): a floating table bottom-anchored to the 版心, so its last rule sits on the
        版心 bottom of the last page; the paragraph after it is the anchor LibreOffice needs.
        A 版记 too tall for one page (300 主送, 170 抄送) runs over pages of its own, each a full
        版记 frame at the foot of its page; a names list goes on where the last page left it.
        A 信函's 版记 has no rules (``ruled=False``)."""
        plan, profile = self.plan, self.profile
        pages = pack(self.banji_rows() if rows is None else rows, self.page.text_height * profile.banji.page_fill, self.layout.banji_pages)
        if not pages:
            return
        own_page = self.layout.banji != "flow" and len(pages) == 1
        if own_page:
            self.banji_section(numbered=self.layout.banji == "new-page")
            # A plain paragraph opens the section: one that begins with a floating table loses its break.
            self.para(None, line_exact=self.anchor_line, snap_to_grid=False)
        ends_with_scan = bool(plan.attachments and plan.attachments[-1].pdf)
        for number, rows in enumerate(pages):
            if not own_page and (number or len(pages) > 1 or self.layout.banji != "flow" or ends_with_scan):
                # A plain paragraph opens the page: a page that begins with a floating table loses
                # its break.  A scan fills its last page: the 版记 never shares it.
                self.para(None, line_exact=self.anchor_line, snap_to_grid=False, page_break_before=True)
            self.banji_frame(rows, ruled=ruled)

    def banji_frame(self, rows: list[Row], *, ruled: bool = True) -> None:
        """One 版记 frame: a rule under each row (§7.4), or, when rows go together (a 简报's
        报：送：发：), under the last of each group only."""
        b, width = self.profile.banji, self.page.text_width
        outer = (eighths(b.outer_rule_pt), self.profile.colours.text)
        inner = (eighths(b.inner_rule_pt), self.profile.colours.text)
        grouped = not all(row.ruled for row in rows)
        borders = {"top": None if b.legacy else outer, "insideH": None if grouped else inner, "bottom": outer} \
            if ruled else {}
        built = []
        for i, row in enumerate(rows):
            under = inner if ruled and grouped and row.ruled and i < len(rows) - 1 else None
            built.append(oxml.row([oxml.cell(width, [row.paragraph], v_align="center", bottom_border=under,
                                             top_margin=row.room // 2 or None,
                                             bottom_margin=row.room - row.room // 2 or None)],
                                  height=self.page.line, exact=False))
            self.written.append(Written("banji", "".join(t.text or "" for t in row.paragraph.iter(qn("w:t")))))
        self.add(oxml.table(width, [width], built, borders=borders, float_bottom_x=self.page.left))
        self.para(None, line_exact=self.anchor_line, snap_to_grid=False)

    def banji_names(self, label: str, items: Sequence[str], *, ruled: bool = True) -> Names:
        """主送：/抄送：/报： and its names, the lines after the first aligned after the colon."""
        b, profile = self.profile.banji, self.profile
        indent = pt(b.indent_chars * b.size_pt)
        hanging = text_width(label, b.size_pt, profile)
        widths = [text_width(item + "，", b.size_pt, profile) for item in items]
        return Names(label, tuple(items), widths, indent, hanging, self.page.text_width - 2 * indent - hanging,
                     pt(b.size_pt + b.line_extra_pt), self.page.line, ruled)

    def banji_rows(self, *, printed_line: bool = True) -> list[Row | Names]:
        """The 版记's elements in order (§7.4; legacy: 主题词 first, 印数 last); a 信函's
        without the 印发 line (§10.1)."""
        plan, profile = self.plan, self.profile
        b = profile.banji
        indent = pt(b.indent_chars * b.size_pt)
        usable = self.page.text_width - 2 * indent
        rows: list[Row | Names] = []

        def fixed(paragraph: oxml.Element, text: str, size_pt: float = b.size_pt, lines: int | None = None) -> None:
            lines = lines or max(1, -(-text_width(text, size_pt, profile) // usable))
            line = pt(size_pt + b.line_extra_pt)
            room = self.page.line - line
            rows.append(Row(paragraph, lines * line + room, room=room if lines > 1 else 0))

        if b.legacy and plan.subject_words:
            fixed(oxml.paragraph(oxml.ppr(style="GwSubjectWords"), self.face_run("主题词：", b.subject_label_face),
                                 oxml.run("　".join(plan.subject_words))),
                  "主题词：" + "　".join(plan.subject_words), b.subject_size_pt)
        elif plan.subject_words:
            warn(PlanWarning(_("主题词 is not part of GB/T 9704-2012 and is left out; "
                               "use the party-legacy profile to print it")), stacklevel=3)
        if plan.to and self.layout.to_in_banji:
            rows.append(self.banji_names("主送：", plan.to))
        if plan.cc:
            rows.append(self.banji_names("抄送：", plan.cc))
        if printed_line and (plan.printed_by or plan.printed_on):
            by = plan.printed_by or ""
            when = f"{arabic_date(plan.printed_on)}印发" if plan.printed_on else ""
            # The organ left, the date right, on one line whenever both fit; an organ too long for
            # that puts the date at the right of a line of its own instead of wrapping it.
            one_line = text_width(by + when, b.size_pt, profile) <= usable
            lines = 1 if one_line else 1 + max(1, -(-text_width(by, b.size_pt, profile) // usable))
            fixed(oxml.paragraph(oxml.ppr(style="GwBanji", tabs=[("right", self.page.text_width - indent)]),
                                 oxml.run(f"{by}{'' if one_line else chr(10)}\t{when}")), f"{by}{when}", lines=lines)
        if b.legacy and plan.copies:
            fixed(oxml.paragraph(oxml.ppr(style="GwBanji", jc="right"), oxml.run(f"（共印{plan.copies}份）")),
                  f"（共印{plan.copies}份）")
        elif plan.copies:
            warn(PlanWarning(_("印数 is not part of GB/T 9704-2012 and is left out; "
                               "use the party-legacy profile to print it")), stacklevel=3)
        return rows

    def banji_section(self, *, numbered: bool) -> None:
        """End the text's section at the last paragraph written; the 版记 follows in a section
        that starts on an even page, so its page stays even however the text above re-flows
        (LibreOffice and Word insert a blank page without a footer when one is needed).  Its
        footers carry the number or not, as the measured pages decided (§7.5: after a blank page,
        no number)."""
        last = next(node for node in reversed(self.body) if node.tag == qn("w:p"))
        if not "".join(t.text or "" for t in last.iter(qn("w:t"))):
            # LibreOffice drops an empty paragraph that ends a section, and with it the page break
            # that made a scan's last page: the section ends on a paragraph of its own.
            last = self.para(None)
        props = last.find(qn("w:pPr"))
        if props is None:
            props = el("w:pPr")
            last.insert(0, props)
        props.append(deepcopy(self.sect_pr))
        # the 版记's section keeps the template's headers (inherited) but not a first page of its
        # own: a logo meant for page 1 would print again on the 版记's page
        for ref in self.sect_pr.findall(qn("w:footerReference")) + self.sect_pr.findall(qn("w:headerReference")) + \
                self.sect_pr.findall(qn("w:titlePg")):
            self.sect_pr.remove(ref)
        oxml.section_start(self.sect_pr, "evenPage")
        # LibreOffice lays out the first page of a later section with its own footer geometry:
        # a taller footer line puts that page's 版心 bottom back where the others have it.
        headers.carry_footers(self.document.sections[0], self.document.sections[-1], numbered=numbered,
                              line_pt=self.profile.page_number.line_pt + self.profile.metrics.later_section_footer_pt)
