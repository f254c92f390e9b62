"""简报 (briefing, spec §8; seed 001): not a 公文 of GB/T 9704 but printed on its page and grid —
the 报头 (red name, 期号, 编印单位 and date over a red rule), an optional 本期要目, articles under
their own titles (an excerpt with its source), and the 报尾 (报：送：发：, 编辑、审核、审签,
印数) at the foot of the last page."""
from __future__ import annotations

from ...i18n import _
from ...plan.model import Plan
from ..writer import Writer
from ...profile import Profile

REQUIRED = ("issuers", "issue_number", "printed_on", "articles")
OWN = ("issue_number", "total_issue", "supplement", "articles", "report_to", "send_to", "distribute_to",
       "editor", "reviewer", "approver")
REFUSED = ("body", "to", "signature", "attachments", "cc", "doc_number")


def profile(base: Profile) -> Profile:
    """The 报头's name where a document's mark would be, at the brief's size; the 期号 closer
    under it; a 报尾 on the last page, odd or even."""
    b = base.brief
    return base.model_copy(update={
        "mark": base.mark.model_copy(update={"top_mm": b.name_top_mm, "max_size_pt": b.name_max_size_pt}),
        "doc_number": base.doc_number.model_copy(update={"gap_lines": b.issue_gap_lines}),
        "banji": base.banji.model_copy(update={"even_page": b.tail_even_page}),
    })


def write(writer: Writer) -> None:
    writer.brief_head()
    writer.contents()
    writer.articles()
    writer.banji(writer.brief_tail())


def check(plan: Plan) -> list[str]:
    found = []
    if not plan.title_text.endswith(("简报", "动态", "通讯", "快报", "专报", "情况")):
        found.append(_("the 报头 of a 简报 names it: ……简报 (or 动态, 快报 …)"))
    if not (plan.report_to or plan.send_to or plan.distribute_to):
        found.append(_("the 报尾 says who receives the 简报: 报 (superiors), 送 (peers), 发 (subordinates)"))
    return found
