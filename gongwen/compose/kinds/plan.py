"""实施方案 (plan), standalone (seed 004): no 版头; its title at the top of page 1, an optional
（date） line, the body with its levels and the dated phases (时间安排/实施步骤) where the body
has a line <时间安排>, then the signature, attachments and 版记 if the plan has them (spec §9).
Issued by a notice, a plan is a forward's issued document instead."""
from __future__ import annotations

from ...i18n import _
from ..writer import Writer


def write(w: Writer) -> None:
    w.titled_opening(w.plan, _("title"))
    w.main()
    w.attachments()
    w.banji()
