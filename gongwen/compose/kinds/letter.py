"""函 in the 信函格式 (GB/T 9704-2012 §10.1): the mark near the paper top between red double
rules 170 mm long, the 发文字号 at the right under the first rule, no page number on page 1,
then the general parts (title, 主送, body, signature, 附注, attachments) and a 版记 without
印发 line and rules at the foot of the last page."""
from __future__ import annotations

from ...i18n import _
from ...profile import Profile
from .. import frame, geometry, oxml
from ..geometry import half_points, mm
from ..writer import Writer


def profile(base: Profile) -> Profile:
    """The letter's numbers where the checks read a document's: the mark's top (from the 版心
    top) and its centre (the paper's: the mark and its 170 mm rules are placed on the page,
    §10.1), the rule's length, page 1 unnumbered, a 版记 on the last page, odd or even."""
    lt = base.letter
    return base.model_copy(update={
        "mark": base.mark.model_copy(update={"top_mm": lt.mark_top_mm - base.page.top_mm,
                                             "max_size_pt": lt.mark_max_size_pt,
                                             "centred_on": lt.mark_centred_on}),
        "red_rule": base.red_rule.model_copy(update={"length_mm": lt.rule_length_mm}),
        "page_number": base.page_number.model_copy(update={"first_page": False}),
        "banji": base.banji.model_copy(update={"even_page": False}),
    })


def write(w: Writer) -> None:
    head(w)
    w.main()
    w.attachments()
    w.banji(w.banji_rows(printed_line=False), ruled=False)


def head(w: Writer) -> None:
    """信函格式 (§10.1): the mark 30 mm from the paper top with the thick-over-thin red rule
    under it, and the thin-over-thick rule 20 mm above the paper bottom, both 170 mm long
    (frames placed on the page, beyond the 版心); 份号/密级 left and 发文字号 right 7/8 of a
    三号 character under the first rule; the title two lines lower; page 1 unnumbered.  A
    joint letter carries the lead organ's mark."""
    plan, profile, page = w.plan, w.profile, w.page
    lt, red = profile.letter, profile.colours.rule_colour
    left = w.head_lines()
    number = str(plan.doc_number or "")
    lines = max(len(left), 1 if number else 0)
    head = geometry.letter(profile, plan.issuers[0], plan.mark_suffix, lines)
    width = mm(lt.rule_length_mm)
    placed = {"w": width, "hSpace": 0, "vSpace": 0, "wrap": "none", "vAnchor": "page", "hAnchor": "page",
              "x": (page.width - width) // 2}
    w.para("GwMark", oxml.run(head.mark.names[0], oxml.rpr(size_half_pt=half_points(head.mark.size_pt))),
           line_exact=head.mark.line, frame=placed | {"y": head.mark_y},
           border=oxml.border("bottom", lt.rule_sz, red, head.rule_space_pt, lt.rule_style_top))
    w.para(None, line_exact=w.anchor_line, snap_to_grid=False, frame=placed | {"y": head.bottom_y},
           border=oxml.border("top", lt.rule_sz, red, 0, lt.rule_style_bottom))
    w.spacer(head.number_filler)
    for i in range(lines):
        runs = [left[i]] if i < len(left) else []
        if i == 0 and number:
            runs.append(oxml.run("\t" + number))
        w.para("GwDocNumber", *runs, jc="left", tabs=[("right", page.text_width)])
    w.spacer(head.title_filler)
    w.title(plan, "title", _("title"))
    w.blank_lines(profile.title.blank_lines_after)
    frame.first_page_footer(w.document.sections[-1])
