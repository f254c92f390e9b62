"""纪要 (minutes, GB/T 9704-2012 §10.3): the mark "××纪要" (the issuer and the suffix 会议纪要)
35 mm below the 版心 top like any mark, the number and red rule, the title, the body, then the
出席/请假/列席 lines; no seal.  A 纪要 of a series carries its 期号 (第N期) centred under the
mark in place of the 发文字号, as offices print it."""
from __future__ import annotations

from .. import oxml
from ..geometry import text_width
from ..writer import Writer


def write(w: Writer) -> None:
    # a 纪要 numbered in its series carries 第N期 where a document has its 发文字号
    w.head(number=w.plan.issue_text if w.plan.issue_number else None)
    w.main(closing=lambda: attendance(w))
    w.attachments()
    w.banji()


def attendance(w: Writer) -> None:
    """出席：/请假：/列席： (§10.3): one blank line below, 2 字 in, the label in 黑体, the names
    in 仿宋, continuation lines aligned with the first name."""
    if not w.plan.attendance:
        return
    m = w.profile.minutes
    w.blank_lines(m.blank_lines_before)
    indent = round(m.indent_chars * w.page.char)
    for label, names in w.plan.attendance:
        label = label + "："
        hanging = text_width(label, w.profile.text.size_pt, w.profile, w.profile.grid.char_spacing_pt)
        w.para("GwAttendance", oxml.run(label, oxml.rpr(style="GwAttendanceLabel")),
               oxml.run("、".join(names)), left=indent + hanging, hanging=hanging, role="attendance")
