"""年度工作报告 (annual report): an upward 报告 (签发人, one 主送, 附注 with the contact) whose
body reviews the year (with its figures), the ways of working, the problems and next year's
plans (spec §9; the third article of seed 001)."""
from __future__ import annotations

from ..writer import Writer


def write(w: Writer) -> None:
    w.general()
