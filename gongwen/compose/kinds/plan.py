"""实施方案 (plan), standalone (seed 004): no 版头; its title at the top of page 1, an optional
（date） line, the body with its levels and the dated phases (时间安排/实施步骤) where the body
has a line <时间安排>, then the signature, attachments and 版记 if the plan has them (spec §9).
Issued by a notice, a plan is a forward's issued document instead."""
from __future__ import annotations

from ...i18n import _
from ...plan.model import PHASES_MARKERS, Plan
from ..writer import Writer

REQUIRED = ("body",)
OWN = ("date_line",)       # fields only this kind prints


def write(writer: Writer) -> None:
    writer.titled_opening(writer.plan, _("title"))
    writer.main()
    writer.attachments()
    writer.banji()


def check(plan: Plan) -> list[str]:
    """Phases go where the body says; without the line they are put at the end."""
    if plan.phases and not any(line.strip(" \u3000\t") in PHASES_MARKERS for line in plan.body.splitlines()):
        return [_("the phases are printed at the end of the body: put a line <时间安排> where they belong")]
    return []
