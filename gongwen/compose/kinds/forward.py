"""印发通知 (forward): a short notice that issues a plan, an opinion or rules (关于印发《…》的通知),
followed on a new page by the issued document with its own title, （date） line and heading
levels, then the 版记 (spec §9; seeds 002 and 003)."""
from __future__ import annotations

from ...i18n import _
from ...plan.model import Plan
from ..writer import Writer

REQUIRED = ("issuers", "body", "issued")
OWN = ("issued",)          # fields only this kind prints


def write(writer: Writer) -> None:
    writer.head()
    writer.main()
    writer.issued_document()
    writer.attachments()
    writer.banji()


def check(plan: Plan) -> list[str]:
    """The notice's title names what it issues: 关于印发《title》的通知."""
    if plan.issued and plan.issued.title_text not in plan.title_text:
        return [_("the title of a 印发通知 names what it issues: 关于印发《{title}》的通知").format(
            title=plan.issued.title_text)]
    return []
