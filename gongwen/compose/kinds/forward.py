"""印发通知 (forward): a short notice that issues a plan, an opinion or rules (关于印发《…》的通知),
followed on a new page by the issued document with its own title, （date） line and heading
levels, then the 版记 (spec §9; seeds 002 and 003)."""
from __future__ import annotations

from ...i18n import _
from ..writer import Writer


def write(w: Writer) -> None:
    w.head()
    w.main()
    issued_document(w)
    w.attachments()
    w.banji()


def issued_document(w: Writer) -> None:
    """The plan or opinion a 印发通知 issues: on a new page, its title centred, its （date）
    line under it, then its body with its own heading levels (spec §9)."""
    w.titled_opening(w.plan.issued, _("title of the issued document"), page_break=True)
    w.blocks(w.plan.issued.blocks, "issued")
