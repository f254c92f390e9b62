"""年度工作报告 (annual report): an upward 报告 (签发人, one 主送, 附注 with the contact) whose
body reviews the year (with its figures), the ways of working, the problems and next year's
plans (spec §9; the third article of seed 001)."""
from __future__ import annotations

import re

from ...plan.body import Heading
from ...i18n import _
from ...plan.model import Plan
from . import report
from .notice import REQUIRED, write

__all__ = ["REQUIRED", "check", "write"]

SECTIONS = (
    ("工作回顾", re.compile("回顾|主要工作|工作情况|完成情况")),
    ("存在问题", re.compile("问题|不足")),
    ("下一年工作打算", re.compile("打算|计划|思路|安排")),
)


def check(plan: Plan) -> list[str]:
    """A 报告's rules, and the year's three parts among the first-level headings."""
    headings = " ".join(b.title for b in plan.blocks if isinstance(b, Heading) and b.level == 1)
    missing = [name for name, pattern in SECTIONS if not pattern.search(headings)]
    found = report.check(plan)
    if missing:
        found.append(_("an annual report reviews the year, names its problems and plans the next; "
                       "no first-level heading for: {parts}").format(parts="、".join(missing)))
    return found
