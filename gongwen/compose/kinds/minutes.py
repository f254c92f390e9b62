"""纪要 (minutes, GB/T 9704-2012 §10.3): the mark "××纪要" (the issuer and the suffix 会议纪要)
35 mm below the 版心 top like any mark, the number and red rule, the title, the body, then the
出席/请假/列席 lines; no seal."""
from __future__ import annotations

from ...i18n import _
from ...plan.model import Plan
from .notice import REQUIRED, write

__all__ = ["REQUIRED", "check", "write"]


def check(plan: Plan) -> list[str]:
    found = []
    if not plan.mark_suffix.endswith("纪要"):
        found.append(_("the mark of a 纪要 ends in 纪要 (标志后缀: 会议纪要)"))
    if not plan.present:
        found.append(_("a 纪要 lists who attended (出席)"))
    if plan.signature and plan.signature.seal:
        found.append(_("a 纪要 carries no seal (§10.3)"))
    return found
