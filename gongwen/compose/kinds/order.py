"""命令（令）(order, GB/T 9704-2012 §10.2): the mark "××令" 20 mm below the 版心 top, the 令号
(第N号) two lines below it, the body two lines below that, no title on the page; the signer's
title and name and the date at the right (§7.3.5.3)."""
from __future__ import annotations

from ...profile import Profile
from ..writer import Writer

REQUIRED = ("issuers", "body", "order_number", "signers", "signature")
OWN = ("order_number",)


def profile(base: Profile) -> Profile:
    """The general layout with the mark moved up to the order's position."""
    return base.model_copy(update={"mark": base.mark.model_copy(update={"top_mm": base.order.mark_top_mm})})


def write(writer: Writer) -> None:
    writer.order_head()
    writer.blocks(writer.plan.blocks, "body")
    writer.order_signature()
    writer.attachments()
    writer.banji()
