"""函 in the 信函格式 (GB/T 9704-2012 §10.1): the mark near the paper top between red double
rules 170 mm long, the 发文字号 at the right under the first rule, no page number on page 1,
then the general parts (title, 主送, body, signature, 附注, attachments) and a 版记 without
印发 line and rules at the foot of the last page."""
from __future__ import annotations

from ...i18n import _
from ...plan.model import Plan
from ..writer import Writer
from ...profile import Profile

REQUIRED = ("issuers", "body", "to")


def profile(base: Profile) -> Profile:
    """The letter's numbers where the checks read a document's: the mark's top (from the 版心
    top), the rule's length, page 1 unnumbered, a 版记 on the last page, odd or even."""
    lt = base.letter
    return base.model_copy(update={
        "mark": base.mark.model_copy(update={"top_mm": lt.mark_top_mm - base.page.top_mm,
                                             "max_size_pt": lt.mark_max_size_pt}),
        "red_rule": base.red_rule.model_copy(update={"length_mm": lt.rule_length_mm}),
        "page_number": base.page_number.model_copy(update={"first_page": False}),
        "banji": base.banji.model_copy(update={"even_page": False}),
    })


def write(writer: Writer) -> None:
    writer.letter_head()
    writer.main()
    writer.attachments()
    writer.banji(writer.banji_rows(printed_line=False), ruled=False)


def check(plan: Plan) -> list[str]:
    found = []
    if not plan.title_text.endswith("函"):
        found.append(_("the title of a 函 ends in 函 (关于……的函)"))
    if plan.printed_by or plan.printed_on:
        found.append(_("a 信函's 版记 has no 印发 line (§10.1): 印发机关 and 印发日期 are not printed"))
    if len(plan.issuers) > 1:
        found.append(_("a joint 函 carries the lead organ's mark only (§10.1); the others sign"))
    return found
