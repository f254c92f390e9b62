"""The parts every official document is made of (GB/T 9704-2012 §7): 版头, title, 主送, body
levels and tables, 附件说明, signature and seal, 附注, attachment pages and 版记.

A kind (:mod:`gongwen.plan.kinds`) writes a document by calling these parts in its own order; each
part reads its numbers from the profile and records the paragraphs it wrote, so that the
pagination can trace them on the rendered pages.
"""
from __future__ import annotations

import io
import warnings
from collections.abc import Sequence
from copy import deepcopy
from dataclasses import dataclass, field

from pathlib import Path

from docx.document import Document
from docx.image.image import Image
from docx.oxml.ns import qn

from . import banji, frame, geometry, oxml
from ..plan import kinds, tables
from ..plan.body import Block, Heading, PageBreak, Paragraph, Table
from ..chinese import arabic_date
from ..errors import Location, PlanWarning, RenderError
from .geometry import Page, eighths, half_points, mm, pt, text_width
from ..i18n import _
from .layout import Layout, Written
from ..plan.model import Attachment, Chart, Plan, _Dated, _Titled
from .oxml import el
from ..profile import Profile
from .titles import TitleTooLong, title_lines

EMU_PER_TWIP = 635


@dataclass
class Writer:
    """Writes the parts of a document in the order its kind calls them, from the top of page 1
    down; every number comes from the profile."""

    document: Document
    plan: Plan
    profile: Profile
    layout: Layout
    written: list[Written] = field(default_factory=list)
    keep_with_date: bool = False     # body lines carried to the signature: chain them to the date

    def __post_init__(self) -> None:
        self.body = self.document.element.body
        self.sect_pr = self.body.find(qn("w:sectPr"))
        self.page = Page.of(self.profile)
        self.kind = kinds.get(self.plan.kind)
        self.anchor_line = pt(self.profile.banji.anchor_line_pt)   # the empty paragraphs around a 版记 frame

    # -- plumbing ------------------------------------------------------------------------------

    def add(self, node: oxml.Element) -> oxml.Element:
        self.sect_pr.addprevious(node)
        return node

    def para(self, style: str | None, *runs: oxml.Element, role: str | None = None, block: int | None = None,
             **ppr: object) -> oxml.Element:
        if self.keep_with_date:
            self.keep_with_date = role != "date"
            ppr.setdefault("keep_next", self.keep_with_date or None)
        node = self.add(oxml.paragraph(oxml.ppr(style=style, **ppr), *runs))
        if role:
            self.written.append(Written(role, "".join(t.text or "" for t in node.iter(qn("w:t"))), block))
        return node

    def spacer(self, height: int) -> None:
        """An empty exact-height paragraph off the grid: how page 1 places its elements."""
        if height > 0:
            self.para(None, line_exact=height, snap_to_grid=False)

    def blank_lines(self, count: int, *, keep_next: bool = False) -> None:
        for _line in range(count):
            self.para(None, **({"keep_next": True} if keep_next else {}))

    def face_run(self, text: str, face: str, size_pt: float | None = None, **more: object) -> oxml.Element:
        return oxml.run(text, oxml.rpr(east_asia=self.profile.face(face),  # type: ignore[arg-type]
                                       size_half_pt=half_points(size_pt) if size_pt else None, **more))

    # -- the parts, in the order a document has them ------------------------------------------

    def issued_document(self) -> None:
        """The plan or opinion a 印发通知 issues: on a new page, its title centred, its （date）
        line under it, then its body with its own heading levels (spec §9)."""
        self.titled_opening(self.plan.issued, _("title of the issued document"), page_break=True)
        self.blocks(self.plan.issued.blocks, "issued")

    def titled_opening(self, document: _Dated, field_name: str, *, page_break: bool = False) -> None:
        """A title centred in the title's face, its （date） line under it, a blank line: how a
        plan or opinion opens, at the top of its page (spec §9)."""
        role = "title" if document is self.plan else "issued"
        self.title(document, role, field_name, page_break=page_break)
        if document.date_line:
            self.para("GwTitleDate", oxml.run(f"（{document.date_line}）"), role=role)
        self.blank_lines(self.profile.issued.blank_lines_after)

    def title(self, document: _Titled, role: str, field_name: str, *, page_break: bool = False) -> None:
        """A document's title in 二号小标宋, centred, broken into lines (§7.3.1)."""
        lines = self.title_lines(document.title_text, document.title_lines, self.profile.title.size_pt, field_name)
        self.para("GwTitle", oxml.run("\n".join(lines)), role=role, page_break_before=page_break or None)

    def attachments(self) -> None:
        """Each attachment on pages of its own, before the 版记 (§8)."""
        for number, attachment in enumerate(self.plan.attachments, 1):
            self.attachment_page(number, attachment)

    def head(self) -> None:
        plan, profile = self.plan, self.profile
        pre = self.head_lines()
        signer_lines = self._signer_lines()
        layout = geometry.head(profile, list(plan.issuers), plan.mark_suffix, len(pre), max(1, len(signer_lines)))
        self.mark_block(layout, pre)
        self.number_block(layout, signer_lines)
        self.spacer(layout.title_filler)
        self.title(plan, "title", _("title"))
        self.blank_lines(profile.title.blank_lines_after)
        if profile.red_rule.star:
            self.star(layout)

    def head_lines(self) -> list[oxml.Element]:
        """份号, 密级 and 紧急程度, as runs of the lines above the mark (§7.2.1–7.2.3)."""
        plan, head = self.plan, self.profile.head
        pre = []
        if plan.copy_number:
            pre.append(oxml.run(plan.copy_number))
        if plan.secrecy:
            text = plan.secrecy + (f"★{plan.secrecy_period}" if plan.secrecy_period else "")
            pre.append(self.face_run(text, head.secrecy_face))
        if plan.urgency:
            pre.append(self.face_run(plan.urgency, head.urgency_face))
        return pre

    def brief_head(self) -> None:
        """A 简报's 报头 (spec §8): the red name on one line, the 期号 centred under it, the
        编印单位 left and the date right on the next line with the red rule under them; 份号
        and 密级 above, as on a document's 版头."""
        plan, profile = self.plan, self.profile
        pre = self.head_lines()
        layout = geometry.head(profile, [plan.title_text], "", len(pre), 2)
        if layout.mark.size_pt < profile.brief.name_min_size_pt:
            raise RenderError(_("the 报头 name is too long for one line (it would print at {size:g} pt, less than "
                                "{least:g} pt)").format(size=layout.mark.size_pt, least=profile.brief.name_min_size_pt),
                              field=_("title"))
        self.mark_block(layout, pre)
        self.para("GwIssue", oxml.run(plan.issue_text), role="issue")
        rule = oxml.border("bottom", layout.rule_size, profile.colours.red, layout.rule_space_pt)
        date = arabic_date(plan.printed_on)
        self.para("GwIssueLine", oxml.run(f"{plan.issuers[0]}\t{date}"), tabs=[("right", self.page.text_width)],
                  border=rule, role="issue")
        self.spacer(layout.title_filler)

    def letter_head(self) -> None:
        """信函格式 (§10.1): the mark 30 mm from the paper top with the thick-over-thin red rule
        under it, and the thin-over-thick rule 20 mm above the paper bottom, both 170 mm long
        (frames placed on the page, beyond the 版心); 份号/密级 left and 发文字号 right 7/8 of a
        三号 character under the first rule; the title two lines lower; page 1 unnumbered.  A
        joint letter carries the lead organ's mark."""
        plan, profile, page = self.plan, self.profile, self.page
        lt, red = profile.letter, profile.colours.red
        left = self.head_lines()
        number = str(plan.doc_number or "")
        lines = max(len(left), 1 if number else 0)
        head = geometry.letter(profile, plan.issuers[0], plan.mark_suffix, lines)
        width = mm(lt.rule_length_mm)
        placed = {"w": width, "hSpace": 0, "vSpace": 0, "wrap": "none", "vAnchor": "page", "hAnchor": "page",
                  "x": (page.width - width) // 2}
        self.para("GwMark", oxml.run(head.mark.names[0], oxml.rpr(size_half_pt=half_points(head.mark.size_pt))),
                  line_exact=head.mark.line, frame=placed | {"y": head.mark_y},
                  border=oxml.border("bottom", lt.rule_sz, red, head.rule_space_pt, lt.rule_style_top))
        self.para(None, line_exact=self.anchor_line, snap_to_grid=False, frame=placed | {"y": head.bottom_y},
                  border=oxml.border("top", lt.rule_sz, red, 0, lt.rule_style_bottom))
        self.spacer(head.number_filler)
        for i in range(lines):
            runs = [left[i]] if i < len(left) else []
            if i == 0 and number:
                runs.append(oxml.run("\t" + number))
            self.para("GwDocNumber", *runs, jc="left", tabs=[("right", page.text_width)])
        self.spacer(head.title_filler)
        self.title(plan, "title", _("title"))
        self.blank_lines(profile.title.blank_lines_after)
        frame.first_page_footer(self.document.sections[-1])

    def contents(self) -> None:
        """本期要目: the articles' titles under a label, when there are two or more (spec §8)."""
        plan, b = self.plan, self.profile.brief
        if not (plan.contents and len(plan.articles) > 1):
            return
        self.para("GwContentsLabel", oxml.run("本期要目"), role="contents")
        # ● is in GB 2312: drawn from the Chinese face, not left to a Latin one.
        bullet = self.face_run("●", b.contents_face, latin=self.profile.face(b.contents_face))
        for article in plan.articles:
            self.para("GwContents", deepcopy(bullet), oxml.run(article.title_text), role="contents")

    def articles(self) -> None:
        """Each article of a 简报: its title centred in 小标宋, a blank line, its body with the
        body's levels, and an excerpt's source （摘自…） at the right (spec §8)."""
        plan, b = self.plan, self.profile.brief
        for number, article in enumerate(plan.articles):
            if (number or self.written[-1].role == "contents") and not article.new_page:
                self.blank_lines(b.article_gap_lines)
            lines = self.title_lines(article.title_text, article.title_lines, b.article_title_size_pt,
                                     _("article title"))
            self.para("GwArticleTitle", oxml.run("\n".join(lines)), role="title",
                      page_break_before=article.new_page or None)
            self.blank_lines(self.profile.title.blank_lines_after, keep_next=True)   # never a title alone
            self.blocks(article.blocks, "body")
            for chart in article.charts:
                self.chart(chart)
            if article.source_line:
                self.para("GwSource", oxml.run(article.source_line), role="source")

    def chart(self, chart: Chart) -> None:
        """A bar chart as wide as the profile says, centred, its caption under it; the picture's
        paragraph as tall as the picture, off the grid (the text after it is back on it)."""
        from docx.shared import Mm
        from docx.text.paragraph import Paragraph

        from .charts import png

        c = self.profile.chart
        self.blank_lines(c.gap_lines)
        holder = self.para(None, jc="center", line_auto=True, snap_to_grid=False, keep_next=True)
        Paragraph(holder, self.document.part).add_run().add_picture(io.BytesIO(png(chart, self.profile)),
                                                                     width=Mm(c.width_mm))
        self.para("GwCaption", oxml.run(chart.title), role="caption")

    def title_lines(self, text: str, given: list[str] | None, size_pt: float, field_name: str) -> list[str]:
        """A title broken into lines that fit the 版心 at ``size_pt`` (§7.3.1)."""
        max_width = self.profile.page.text_width_mm * 72 / 25.4 / size_pt
        try:
            return title_lines(text, given, max_width, keep=list(self.plan.issuers), rule=self.profile.title)
        except TitleTooLong as exc:
            raise RenderError(self.profile.title.too_long(exc.args[0]), field=field_name) from None

    def mark_block(self, layout: geometry.Head, pre: Sequence[oxml.Element] = ()) -> None:
        """The lines above the mark, the 发文机关标志 where the head's geometry puts it, and the
        space down to the number line."""
        for run in pre:
            self.para("GwHeadLine", run)
        self.spacer(layout.spacer)
        self.mark(layout.mark)
        self.spacer(layout.number_filler)

    def mark(self, mark: geometry.Mark) -> None:
        size = half_points(mark.size_pt)
        if not mark.joint:
            self.para("GwMark", oxml.run(mark.names[0], oxml.rpr(size_half_pt=size)), line_exact=mark.line)
            return
        names = [oxml.paragraph(oxml.ppr(style="GwMark", line_exact=mark.line, jc="distribute"),
                                oxml.run(name, oxml.rpr(size_half_pt=size))) for name in mark.names]
        cells = [oxml.cell(mark.names_width, names,
                           right_margin=mm(self.profile.mark.column_gap_mm) if mark.suffix else None)]
        columns = [mark.names_width]
        if mark.suffix:
            suffix = oxml.paragraph(oxml.ppr(style="GwMark", line_exact=mark.suffix_line, jc="left"),
                                    oxml.run(mark.suffix, oxml.rpr(size_half_pt=half_points(mark.suffix_size_pt))))
            cells.append(oxml.cell(mark.suffix_width, [suffix], v_align="center"))
            columns.append(mark.suffix_width)
        self.add(oxml.table(sum(columns), columns, [oxml.row(cells, height=mark.height)], jc="center", borders={}))

    def _signer_lines(self) -> list[list[str]]:
        if not (self.kind.upward and self.plan.signers):
            return []
        per = self.profile.doc_number.signers_per_line
        names = list(self.plan.signers)
        return [names[i:i + per] for i in range(0, len(names), per)]

    def number_block(self, layout: geometry.Head, signer_lines: list[list[str]]) -> None:
        """发文字号 (centred, or left with 签发人 right) with the red rule as its bottom border."""
        rule = oxml.border("bottom", layout.rule_size, self.profile.colours.red, layout.rule_space_pt)
        number = str(self.plan.doc_number or "")
        if not signer_lines:
            self.para("GwDocNumber", oxml.run(number), border=rule)
            return
        page, dn = self.page, self.profile.doc_number
        label = "签发人："
        size = self.profile.text.size_pt
        line_width = max(text_width("　".join(line), size, self.profile) for line in signer_lines)
        label_width = text_width(label, size, self.profile)
        indent = pt(dn.upward_indent_chars * size)
        names_at = page.text_width - indent - line_width
        label_at = names_at - label_width
        # Indent by a tab, not w:ind: a paragraph border spans the indents, and the rule must
        # stay as wide as the 版心.
        for i, names in enumerate(signer_lines):
            last = i == len(signer_lines) - 1
            runs = [oxml.run("\t" + number)] if last else [oxml.run("\t")]
            runs.append(oxml.run("\t" + (label if i == 0 else "\t")))
            runs.append(oxml.run("　".join(names), oxml.rpr(style="GwSignerName")))
            self.para("GwDocNumber", *runs, jc="left",
                      tabs=[("left", indent), ("left", label_at), ("left", names_at)],
                      border=rule if last else None)

    def star(self, layout: geometry.Head) -> None:
        """The legacy ★ in the middle of the red rule: a framed paragraph over the rule, white
        behind the star so the rule stops short of it."""
        rr = self.profile.red_rule
        size = rr.star_size_pt
        box = pt(size * rr.star_box_em)
        centre_from_top = self.page.top + layout.rule_centre
        line = pt(size * rr.star_line_em)
        top = round(centre_from_top - self.profile.metrics.baseline_ratio * line
                    - pt(self.profile.metrics.baseline_offset_pt) + pt(size * rr.star_centre_em))
        frame_pr = {"w": box, "h": line, "hRule": "exact", "hSpace": 0, "wrap": "none",
                    "vAnchor": "page", "hAnchor": "margin", "xAlign": "center", "y": top}
        # ★ is no East Asian character to LibreOffice: it takes the Latin face, so both are the star's.
        face = self.profile.red_rule.star_face
        star = self.face_run("★", face, size, latin=self.profile.face(face), color=self.profile.colours.red, spacing=0)
        self.para(None, star, frame=frame_pr, shading="FFFFFF", snap_to_grid=False, line_exact=line, jc="center")

    def main(self) -> None:
        plan = self.plan
        if plan.to and not self.layout.to_in_banji:
            self.para("GwTo", oxml.run("，".join(plan.to) + "："), role="to")
        self.blocks(plan.blocks, "body")
        if plan.attachments:
            self.blank_lines(1)
            self.attachment_note()
        if plan.attendance:
            self.attendance()
        if plan.signature:
            self.signature()
        if plan.note:
            self.para("GwNote", oxml.run(plan.note), role="note")

    def order_head(self) -> None:
        """命令（令）(§10.2): the mark, the 令号 two lines below it, the body two lines below that;
        no red rule, no title (the profile, as the kind adapts it, puts the mark 20 mm down)."""
        layout = geometry.head(self.profile, list(self.plan.issuers), self.plan.mark_suffix, 0, 1)
        self.mark_block(layout)
        self.para("GwDocNumber", oxml.run(f"第{self.plan.order_number}号"), role="order-number")
        self.blank_lines(self.profile.order.body_gap_lines)

    def order_signature(self) -> None:
        """The signer's title and name two lines below the body and the date a line below them,
        each 4 字 from the right (§7.3.5.3).  With a 签名章 (the signature's seal image) the
        stamp stands 4 字 from the right and the title 2 字 left of it, centred on its height."""
        o = self.profile.order
        right = round(o.signer_right_chars * self.page.char)
        self.blank_lines(o.signer_blank_lines)
        if self.plan.signature.seal:
            self.signature_stamp(right)
        else:
            for signer in self.plan.signers:
                self.para("GwSignature", oxml.run(signer), jc="right", right=right, role="signature")
        self.blank_lines(o.date_blank_lines)
        self.para("GwDate", oxml.run(self.plan.signature.date_text), jc="right", right=right, role="date")

    def signature_stamp(self, right: int) -> None:
        """签名章: the stamp a floating picture, the line holding the signer's title (what comes
        before the 　 in 签发人) as tall as whole grid lines that hold the stamp."""
        o, page = self.profile.order, self.page
        r_id, image = self.picture(self.plan.signature.seal)
        width = mm(o.stamp_width_mm)
        height = round(width * image.px_height / image.px_width) if image.px_width else width
        line = -(-height // page.line) * page.line
        title = self.plan.signers[0].split("　")[0] if "　" in self.plan.signers[0] else ""
        paragraph = self.para("GwSignature", oxml.run(title), jc="right", line_exact=line, snap_to_grid=False,
                              right=right + width + round(o.stamp_gap_chars * page.char), role="signature")
        # The title's ink centre (halfway between its ink top and bottom) and the stamp's centre
        # on one line.
        size, m = self.profile.text.size_pt, self.profile.metrics
        centre = round(m.baseline_ratio * line + pt(m.baseline_offset_pt)
                       - pt((m.ink_top_em - m.ink_bottom_em) / 2 * size))
        x, y = page.text_width - right - width, centre - height // 2
        paragraph.append(el("w:r", None, oxml.anchored_picture(r_id, width * EMU_PER_TWIP, height * EMU_PER_TWIP,
                                                              x * EMU_PER_TWIP, y * EMU_PER_TWIP,
                                                              self.plan.signature.seal.name)))

    def attendance(self) -> None:
        """出席：/请假：/列席： (§10.3): one blank line below, 2 字 in, the label in 黑体, the names
        in 仿宋, continuation lines aligned with the first name."""
        m = self.profile.minutes
        self.blank_lines(m.blank_lines_before)
        indent = round(m.indent_chars * self.page.char)
        for label, names in self.plan.attendance:
            label = label + "："
            hanging = text_width(label, self.profile.text.size_pt, self.profile, self.profile.grid.char_spacing_pt)
            self.para("GwAttendance", oxml.run(label, oxml.rpr(style="GwAttendanceLabel")),
                      oxml.run("、".join(names)), left=indent + hanging, hanging=hanging, role="attendance")

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

    def table(self, rows: tables.Rows, header_rows: int) -> None:
        """A ruled table as wide as the 版心, columns as wide as their content; header rows in
        the first-level heading face, repeated on every page the table runs over.  Other rows
        may split at a page end: a tall row never leaves a page (page 1 above all) empty."""
        t = self.profile.table
        width, margin = self.page.text_width, mm(t.cell_margin_mm)
        columns = tables.column_widths(rows, width, t.size_pt, self.profile, t.min_column_chars, 2 * margin)
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

    def turned_table(self, rows: tables.Rows, header_rows: int, length: int, *, new_page: bool) -> None:
        """A table turned 90° counter-clockwise: its rows become columns (left to right), its
        columns rows (the first at the bottom), its cells' text runs bottom to top.  Word and
        LibreOffice cannot break a table between columns, so it is cut here into pieces as wide
        as the 版心, each with the header column first; a 1 pt paragraph separates them (an empty
        line after a piece that fills its page would make a page of its own)."""
        t = self.profile.table
        size, margin = t.turned_size_pt, mm(t.cell_margin_mm)
        widths = tables.column_widths(rows, length, size, self.profile, t.min_column_chars, 2 * margin)
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

    def picture(self, path: Path) -> tuple[str, Image]:
        """A seal or stamp image added to the document: its relationship id and its pixels."""
        try:
            return self.document.part.get_or_add_image(str(path))
        except Exception as exc:  # python-docx raises its own types for unknown formats
            raise RenderError(_("cannot use the seal image: {reason}").format(reason=exc), Location(path)) from None

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
    def banji(self, rows: list[banji.Row | banji.Names] | None = None, *, ruled: bool = True) -> None:
        """版记 (§7.4): a floating table bottom-anchored to the 版心, so its last rule sits on the
        版心 bottom of the last page; the paragraph after it is the anchor LibreOffice needs.
        A 版记 too tall for one page (300 主送, 170 抄送) runs over pages of its own, each a full
        版记 frame at the foot of its page; a names list goes on where the last page left it.
        A 信函's 版记 has no rules (``ruled=False``)."""
        plan, profile = self.plan, self.profile
        pages = banji.pack(self.banji_rows() if rows is None else rows, self.page.text_height * profile.banji.page_fill, self.layout.banji_pages)
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

    def banji_frame(self, rows: list[banji.Row], *, ruled: bool = True) -> None:
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
            built.append(oxml.row([oxml.cell(width, [row.paragraph], v_align="center", bottom_border=under)],
                                  height=self.page.line, exact=False))
            self.written.append(Written("banji", "".join(t.text or "" for t in row.paragraph.iter(qn("w:t")))))
        self.add(oxml.table(width, [width], built, borders=borders, float_bottom_x=self.page.left))
        self.para(None, line_exact=self.anchor_line, snap_to_grid=False)

    def banji_names(self, label: str, items: Sequence[str], *, ruled: bool = True) -> banji.Names:
        """主送：/抄送：/报： and its names, the lines after the first aligned after the colon."""
        b, profile = self.profile.banji, self.profile
        indent = pt(b.indent_chars * b.size_pt)
        hanging = text_width(label, b.size_pt, profile)
        widths = [text_width(item + "，", b.size_pt, profile) for item in items]
        return banji.Names(label, tuple(items), widths, indent, hanging, self.page.text_width - 2 * indent - hanging,
                           pt(b.size_pt + b.line_extra_pt), self.page.line, ruled)

    def brief_tail(self) -> list[banji.Row | banji.Names]:
        """A 简报's 报尾 (spec §8): 报：送：发： together between rules, then 编辑、审核、审签
        left and （共印N份） right, in the 版记's frame at the foot of the last page."""
        plan, b = self.plan, self.profile.banji
        lists = [(label, names) for label, names in (("报：", plan.report_to), ("送：", plan.send_to),
                                                    ("发：", plan.distribute_to)) if names]
        rows: list[banji.Row | banji.Names] = [self.banji_names(label, names, ruled=i == len(lists) - 1)
                                               for i, (label, names) in enumerate(lists)]
        staff = "　".join(f"{label}：{name}" for label, name in (("编辑", plan.editor), ("审核", plan.reviewer),
                                                                ("审签", plan.approver)) if name)
        copies = f"（共印{plan.copies}份）" if plan.copies else ""
        if staff or copies:
            indent = pt(b.indent_chars * b.size_pt)
            paragraph = oxml.paragraph(oxml.ppr(style="GwBanji", tabs=[("right", self.page.text_width - indent)]),
                                       oxml.run(f"{staff}\t{copies}"))
            rows.append(banji.Row(paragraph, self.page.line))
        return rows

    def banji_rows(self, *, printed_line: bool = True) -> list[banji.Row | banji.Names]:
        """The 版记's elements in order (§7.4; legacy: 主题词 first, 印数 last); a 信函's
        without the 印发 line (§10.1)."""
        plan, profile = self.plan, self.profile
        b = profile.banji
        indent = pt(b.indent_chars * b.size_pt)
        usable = self.page.text_width - 2 * indent
        rows: list[banji.Row | banji.Names] = []

        def fixed(paragraph: oxml.Element, text: str, size_pt: float = b.size_pt) -> None:
            lines = max(1, -(-text_width(text, size_pt, profile) // usable))
            rows.append(banji.Row(paragraph, max(self.page.line, lines * pt(size_pt + b.line_extra_pt))))

        if b.legacy and plan.subject_words:
            fixed(oxml.paragraph(oxml.ppr(style="GwSubjectWords"), self.face_run("主题词：", b.subject_label_face),
                                 oxml.run("　".join(plan.subject_words))),
                  "主题词：" + "　".join(plan.subject_words), b.subject_size_pt)
        elif plan.subject_words:
            warnings.warn(PlanWarning(_("主题词 is not part of GB/T 9704-2012 and is left out; "
                                        "use the party-legacy profile to print it")), stacklevel=3)
        if plan.to and self.layout.to_in_banji:
            rows.append(self.banji_names("主送：", plan.to))
        if plan.cc:
            rows.append(self.banji_names("抄送：", plan.cc))
        if printed_line and (plan.printed_by or plan.printed_on):
            by = plan.printed_by or ""
            when = f"{arabic_date(plan.printed_on)}印发" if plan.printed_on else ""
            # The organ left, the date right; an organ too long to leave a 字 between them puts
            # the date at the right of a second line instead of wrapping it.
            parted = "\n" if text_width(by + "　" + when, b.size_pt, profile) > usable else ""
            fixed(oxml.paragraph(oxml.ppr(style="GwBanji", tabs=[("right", self.page.text_width - indent)]),
                                 oxml.run(f"{by}{parted}\t{when}")), f"{by}　{when}")
        if b.legacy and plan.copies:
            fixed(oxml.paragraph(oxml.ppr(style="GwBanji", jc="right"), oxml.run(f"（共印{plan.copies}份）")),
                  f"（共印{plan.copies}份）")
        elif plan.copies:
            warnings.warn(PlanWarning(_("印数 is not part of GB/T 9704-2012 and is left out; "
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
        for ref in self.sect_pr.findall(qn("w:footerReference")) + self.sect_pr.findall(qn("w:headerReference")):
            self.sect_pr.remove(ref)
        oxml.section_start(self.sect_pr, "evenPage")
        # LibreOffice lays out the first page of a later section with its own footer geometry:
        # a taller footer line puts that page's 版心 bottom back where the others have it.
        frame.footers(self.document.sections[-1], numbered=numbered,
                      line_pt=self.profile.page_number.line_pt + self.profile.metrics.later_section_footer_pt)


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
