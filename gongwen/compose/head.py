"""版头 (GB/T 9704-2012 §7.2): 份号, 密级, 紧急程度, the 发文机关标志, the 发文字号 (with
签发人 on an upward document) and the red rule under it — the ★ in it for the legacy profile —
then the title.  A 简报's 报头, a 信函's and a 令's heads are their kinds' own
(:mod:`gongwen.compose.kinds`), built of the same mark and lines."""
from __future__ import annotations

from collections.abc import Sequence

from ..i18n import _
from . import geometry, oxml
from .geometry import half_points, mm, pt, text_width
from .pen import Pen


class HeadParts(Pen):
    """The 版头's parts."""

    def head(self, number: str | None = None) -> None:
        """The general 版头 (§7.2); ``number`` in place of the 发文字号 (a 纪要's 期号)."""
        plan, profile = self.plan, self.profile
        pre = self.head_lines()
        signer_lines = self._signer_lines()
        layout = geometry.head(profile, list(plan.issuers), plan.mark_suffix, len(pre), max(1, len(signer_lines)))
        self.mark_block(layout, pre)
        self.number_block(layout, signer_lines, number)
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

    def number_block(self, layout: geometry.Head, signer_lines: list[list[str]], number: str | None = None) -> None:
        """发文字号 (centred, or left with 签发人 right) with the red rule as its bottom border."""
        rule = oxml.border("bottom", layout.rule_size, self.profile.colours.rule_colour, layout.rule_space_pt)
        number = number or str(self.plan.doc_number or "")
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
        star = self.face_run("★", face, size, latin=self.profile.face(face), color=self.profile.colours.rule_colour, spacing=0)
        self.para(None, star, frame=frame_pr, shading="FFFFFF", snap_to_grid=False, line_exact=line, jc="center")
