"""通知 (notice): the general format of GB/T 9704-2012 §7 — 版头, title, 主送, body, 附件说明,
signature, 附注, attachment pages, 版记."""
from __future__ import annotations

from ..writer import Writer


def write(w: Writer) -> None:
    w.general()
