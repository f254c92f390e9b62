"""报告 (report): an upward document in the general format, like the 请示, that reports and never
asks: 情况 → 问题 → 下步打算 → 特此报告 (spec §9)."""
from __future__ import annotations

import re

from ...i18n import _
from ...plan.model import Plan
from .notice import REQUIRED, write

__all__ = ["REQUIRED", "check", "write"]

_REQUEST_WORDING = re.compile("请批示|请批复|请审批|妥否")


def check(plan: Plan) -> list[str]:
    """A 报告 carries no request (《党政机关公文处理工作条例》: 报告不得夹带请示事项)."""
    found = _REQUEST_WORDING.search(plan.body)
    if found:
        return [_("a 报告 must not ask for approval ({words}): write a 请示").format(words=found.group())]
    return []
