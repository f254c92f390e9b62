"""报告 (report): an upward document in the general format, like the 请示, that reports and never
asks: 情况 → 问题 → 下步打算 → 特此报告 (spec §9)."""
from __future__ import annotations

from ..writer import Writer


def write(w: Writer) -> None:
    w.general()
