"""Attachment pages (GB/T 9704-2012 §7.3.7): each attachment on pages of its own before the
版记, its label and title, its text and tables — a wide table turned 90° on portrait pages — or
the pages of a supplied scan."""
from __future__ import annotations

from ..i18n import _
from ..plan.body import Table
from ..plan.elements import Attachment
from ..plan.tables import Rows
from . import oxml
from .geometry import eighths, half_points, mm, pt, text_width
from .pen import Pen
from .tables import column_widths


class AttachmentParts(Pen):
    """The attachment pages' parts."""

    def attachments(self) -> None:
        """Each attachment on pages of its own, before the 版记 (§7.3.7)."""
        for number, attachment in enumerate(self.plan.attachments, 1):
            self.attachment_page(number, attachment)

    def attachment_page(self, number: int, attachment: Attachment) -> None:
        ap = self.profile.attachment_page
        label = "附件" if len(self.plan.attachments) == 1 else f"附件{number}"
        # A scan's label and title are traced on the PDF (role "scan", block = its index) to
        # find the pages it is drawn on.
        role, block = ("scan", number - 1) if attachment.pdf else ("attachment", None)
        self.para("GwAttachmentLabel", oxml.run(label), page_break_before=True, role=role, block=block)
        if not attachment.pdf_has_title:
            self.blank_lines(ap.title_line - 2)
            lines = self.title_lines(attachment.title, None, self.profile.attachment_page.title_size_pt,
                                     _("attachment title"))
            self.para("GwAttachmentTitle", oxml.run("\n".join(lines)), role=role, block=block)
        if attachment.pdf:
            for _page in range(1, attachment.pdf_pages):
                self.para("GwScanPage", page_break_before=True)
            return
        self.blank_lines(1)
        if attachment.landscape:
            # the room under the label, the blank lines, the title and a blank line
            self.turned_tables(attachment, self.page.text_height - (ap.title_line + len(lines)) * self.page.line)
            return
        self.blocks(attachment.blocks, "attachment")
        if attachment.table:
            self.table(attachment.rows, 1)

    def turned_tables(self, attachment: Attachment, room: int) -> None:
        """A 横排 attachment (GB/T 9704-2012 §9): its text as usual, each table turned 90° on the
        portrait page, head on the left (the binding edge of odd pages, the cut edge of even
        ones), so the page numbers stay where every other page has them.  The first table under
        the title starts on the title's page; its pieces keep that length."""
        found = [(b.rows, b.header_rows or 1) for b in attachment.blocks if isinstance(b, Table)]
        if attachment.table:
            found.append((attachment.rows, 1))
        text = [b for b in attachment.blocks if not isinstance(b, Table)]
        if text:
            self.blocks(text, "attachment")
        for number, (rows, header_rows) in enumerate(found):
            self.turned_table(rows, header_rows, room - self.page.line, new_page=bool(text) or number > 0)

    def table(self, rows: Rows, header_rows: int) -> None:
        """A ruled table as wide as the 版心, columns as wide as their content; header rows in
        the first-level heading face, repeated on every page the table runs over.  Other rows
        may split at a page end: a tall row never leaves a page (page 1 above all) empty."""
        t = self.profile.table
        width, margin = self.page.text_width, mm(t.cell_margin_mm)
        columns = column_widths(rows, width, t.size_pt, self.profile, t.min_column_chars, 2 * margin)
        line = (eighths(t.rule_pt), self.profile.colours.text)
        built = []
        for i, cells in enumerate(rows):
            header = i < header_rows
            built.append(oxml.row([oxml.cell(w, [oxml.paragraph(oxml.ppr(style="GwTable"), oxml.run(
                text, oxml.rpr(style="GwHeading1Char") if header else None))], v_align="center")
                for w, text in zip(columns, cells)], height=pt(t.size_pt * t.row_height_lines), exact=False,
                header=header, cant_split=header))
        border = {side: line for side in ("top", "left", "bottom", "right", "insideH", "insideV")}
        self.add(oxml.table(width, columns, built, jc="center", borders=border, cell_margin=margin))
        self.para(None)

    def turned_table(self, rows: Rows, header_rows: int, length: int, *, new_page: bool) -> None:
        """A table turned 90° counter-clockwise: its rows become columns (left to right), its
        columns rows (the first at the bottom), its cells' text runs bottom to top.  Word and
        LibreOffice cannot break a table between columns, so it is cut here into pieces as wide
        as the 版心, each with the header column first; a 1 pt paragraph separates them (an empty
        line after a piece that fills its page would make a page of its own)."""
        t = self.profile.table
        size, margin = t.turned_size_pt, mm(t.cell_margin_mm)
        widths = column_widths(rows, length, size, self.profile, t.min_column_chars, 2 * margin)
        line = pt(size * t.line_ratio)
        thickness = [max(pt(size * t.row_height_lines), 2 * margin + line * max(
            -(-text_width(cells[c], size, self.profile) // max(1, widths[c] - 2 * margin)) if c < len(cells) else 1
            for c in range(len(widths)))) for cells in rows]
        head = list(range(header_rows))
        room = self.page.text_width - sum(thickness[i] for i in head)
        pieces: list[list[int]] = [[]]
        for index in range(header_rows, len(rows)):
            if pieces[-1] and sum(thickness[i] for i in pieces[-1]) + thickness[index] > room:
                pieces.append([])
            pieces[-1].append(index)
        rule = (eighths(t.rule_pt), self.profile.colours.text)
        borders = {side: rule for side in ("top", "left", "bottom", "right", "insideH", "insideV")}
        for number, piece in enumerate(pieces):
            if new_page or number:
                self.para(None, line_exact=self.anchor_line, snap_to_grid=False, page_break_before=True)
            shown = head + piece
            built = [oxml.row([oxml.cell(thickness[r], [oxml.paragraph(oxml.ppr(style="GwTable", line_exact=line), oxml.run(
                rows[r][c] if c < len(rows[r]) else "", oxml.rpr(style="GwHeading1Char" if r in head else None,
                                                                 size_half_pt=half_points(size))))],
                v_align="center", text_direction="btLr") for r in shown], height=widths[c])
                for c in reversed(range(len(widths)))]
            self.add(oxml.table(sum(thickness[r] for r in shown), [thickness[r] for r in shown], built, jc="center",
                                borders=borders, cell_margin=margin))
            self.para(None, line_exact=self.anchor_line, snap_to_grid=False)
