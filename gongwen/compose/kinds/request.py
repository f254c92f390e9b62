"""请示 (request): an upward document in the general format — 签发人 beside the 文号 (§7.2.5),
one 主送, 附注 with the contact person and telephone (§7.3.6)."""
from __future__ import annotations

from ...i18n import _
from ...plan.model import Plan
from .notice import REQUIRED, write

__all__ = ["REQUIRED", "check", "write"]


def check(plan: Plan) -> list[str]:
    """A 请示 goes up to one organ, with a contact person in the 附注."""
    found = []
    if len(plan.to) > 1:
        found.append(_("a 请示 has one 主送 organ (§7.3.2 practice); this one has {n}").format(n=len(plan.to)))
    if not plan.note:
        found.append(_("a 请示 names a contact person and telephone in the 附注"))
    return found
