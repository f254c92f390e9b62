"""主体 (GB/T 9704-2012 §7.3): the title of a plan or opinion with its （date） line, 主送, the
body's levels and tables, 附件说明, 署名 and 成文日期 (with the seal), 附注."""
from __future__ import annotations

from collections.abc import Callable

from ..plan.body import Block, Heading, PageBreak, Paragraph, Table
from ..plan.model import _Dated
from . import oxml
from .geometry import EMU_PER_TWIP, mm, text_width
from .oxml import el
from .pen import Pen


class MainParts(Pen):
    """The 主体's parts."""

    def titled_opening(self, document: _Dated, field_name: str, *, page_break: bool = False) -> None:
        """A title centred in the title's face, its （date） line under it, a blank line: how a
        plan or opinion opens, at the top of its page (spec §9)."""
        role = "title" if document is self.plan else "issued"
        self.title(document, role, field_name, page_break=page_break)
        if document.date_line:
            self.para("GwTitleDate", oxml.run(f"（{document.date_line}）"), role=role)
        self.blank_lines(self.profile.issued.blank_lines_after)

    def main(self, closing: Callable[[], None] | None = None) -> None:
        """主送, the body, 附件说明, then what a kind adds before the signature (``closing``: a
        纪要's attendance), the signature and 附注 (§7.3)."""
        plan = self.plan
        if plan.to and not self.layout.to_in_banji:
            self.para("GwTo", oxml.run("，".join(plan.to) + "："), role="to")
        self.blocks(plan.blocks, "body")
        if plan.attachments:
            self.blank_lines(1)
            self.attachment_note()
        if closing:
            closing()
        if plan.signature:
            self.signature()
        if plan.note:
            self.para("GwNote", oxml.run(plan.note), role="note")

    def blocks(self, blocks: list[Block], role: str) -> None:
        pending_break = False
        texts = [i for i, b in enumerate(blocks) if isinstance(b, Paragraph | Heading)]
        chained = texts[-1] if texts and self.plan.signature and self.layout.break_at is None else None
        for index, block in enumerate(blocks):
            if isinstance(block, PageBreak):
                pending_break = True
                continue
            brk = True if pending_break else None
            pending_break = False
            if isinstance(block, Table):
                if brk:
                    self.para(None, page_break_before=True)
                self.table(block.rows, block.header_rows)
                continue
            style = "GwBody"
            if isinstance(block, Paragraph):
                pieces = [(block.text, None)]
            elif block.run_in:
                pieces = [(block.number + block.title, f"GwHeading{block.level}Char"), (block.rest, None)]
            else:
                style, pieces = f"GwHeading{block.level}", [(block.number + block.title, None)]
            at = self.layout.break_at[1] if role == "body" and self.layout.break_at and \
                self.layout.break_at[0] == index else None
            if at is None or at <= 0:
                # The last paragraph before the signature keeps with it (whole, until the pages
                # show where its last lines begin).
                self.keep_with_date |= at == 0 or (role == "body" and index == chained)
                self.para(style, *_runs(pieces), role=role, block=index, page_break_before=brk)
                continue
            # Kept with the signature: the paragraph's last lines go on flush left, and they and
            # everything up to the date keep with the next paragraph.  No hard break: a chain of
            # keep-with-next re-flows when a clerk edits the text (a break would leave a short page).
            head, tail = _split(pieces, at)
            self.para(style, *_runs(head), role=role, block=index, page_break_before=brk)
            self.keep_with_date = True
            self.para(style, *_runs(tail), role=role, block=index, first_line=0)

    def attachment_note(self) -> None:
        """附件：1．name … aligned under the first number; wrapped names under the name."""
        char = self.page.char
        indent = round(self.profile.text.indent_chars * char)
        label = text_width("附件：", self.profile.text.size_pt, self.profile, self.profile.grid.char_spacing_pt)
        items = self.plan.attachments
        if len(items) == 1:
            self.para("GwAttachmentNote", oxml.run("附件：" + items[0].title), left=indent + label, hanging=label,
                      role="attachment-note")
            return
        number_width = max(text_width(f"{n}．", self.profile.text.size_pt, self.profile,
                                      self.profile.grid.char_spacing_pt) for n in range(1, len(items) + 1))
        name_at = indent + label + number_width
        for n, item in enumerate(items, 1):
            prefix = ("附件：" if n == 1 else "") + f"{n}．"
            hanging = name_at - indent if n == 1 else number_width
            self.para("GwAttachmentNote", oxml.run(prefix + item.title), left=name_at, hanging=hanging,
                      role="attachment-note")

    def signature(self) -> None:
        """署名 and 成文日期 (§7.3.5): without a seal 2 字 from the right; with a seal the date
        4 字 from the right, the 署名 centred over it and the seal pressing both."""
        plan, profile, page = self.plan, self.profile, self.page
        sig = profile.signature
        size, spacing = profile.text.size_pt, profile.grid.char_spacing_pt
        names = plan.signature_names
        date = plan.signature.date_text
        date_width = text_width(date, size, profile, spacing)
        names_width = max(text_width(n, size, profile, spacing) for n in names)
        right_edge = page.text_width
        if plan.signature.seal:
            self.blank_lines(sig.blank_lines_before + 1)
            date_left = right_edge - round(sig.seal_date_right_chars * page.char) - date_width
            centre = date_left + date_width // 2
            first = self.para("GwSignature", oxml.run(names[0]), left=centre - names_width // 2, role="signature")
            self.seal(first, centre)
            self.para("GwDate", oxml.run(date), left=date_left, role="date")
            return
        self.blank_lines(sig.blank_lines_before)
        limit = right_edge - round(sig.right_chars * page.char)
        names_left = limit - names_width
        date_left = names_left + round(sig.date_offset_chars * page.char)
        if date_left + date_width > limit:
            date_left = limit - date_width
            names_left = date_left - round(sig.date_offset_chars * page.char)
        for name in names:
            self.para("GwSignature", oxml.run(name), left=names_left, role="signature")
        self.para("GwDate", oxml.run(date), left=date_left, role="date")

    def seal(self, paragraph: oxml.Element, centre_x: int) -> None:
        path = self.plan.signature.seal
        r_id, image = self.picture(path)
        diameter = mm(self.profile.signature.seal_diameter_mm)
        height = round(diameter * image.px_height / image.px_width) if image.px_width else diameter
        # The 署名 and date sit a little below the seal's centre: centre one line below the 署名 top.
        x = centre_x - diameter // 2
        y = self.page.line - height // 2 - mm(self.profile.signature.seal_raise_mm)
        paragraph.append(el("w:r", None, oxml.anchored_picture(r_id, diameter * EMU_PER_TWIP, height * EMU_PER_TWIP,
                                                               x * EMU_PER_TWIP, y * EMU_PER_TWIP, path.name)))


def _runs(pieces: list[tuple[str, str | None]]) -> list[oxml.Element]:
    return [oxml.run(text, oxml.rpr(style=style) if style else None) for text, style in pieces if text]


def _split(pieces: list[tuple[str, str | None]], at: int) -> tuple[list, list]:
    """Cut styled text pieces at character ``at`` of their concatenation."""
    head, tail = [], []
    for text, style in pieces:
        cut = max(0, min(len(text), at))
        head.append((text[:cut], style))
        tail.append((text[cut:], style))
        at -= len(text)
    return head, tail
