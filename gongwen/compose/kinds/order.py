"""命令（令）(order, GB/T 9704-2012 §10.2): the mark "××令" 20 mm below the 版心 top, the 令号
(第N号) two lines below it, the body two lines below that, no title on the page; the signer's
title and name and the date at the right (§7.3.5.3)."""
from __future__ import annotations

from ...profile import Profile
from .. import geometry, oxml
from ..geometry import EMU_PER_TWIP, mm, pt
from ..oxml import el
from ..writer import Writer


def profile(base: Profile) -> Profile:
    """The general layout with the mark moved up to the order's position."""
    return base.model_copy(update={"mark": base.mark.model_copy(update={"top_mm": base.order.mark_top_mm})})


def write(w: Writer) -> None:
    head(w)
    w.blocks(w.plan.blocks, "body")
    signature(w)
    w.attachments()
    w.banji()


def head(w: Writer) -> None:
    """命令（令）(§10.2): the mark, the 令号 two lines below it, the body two lines below that;
    no red rule, no title (the profile, as the kind adapts it, puts the mark 20 mm down)."""
    layout = geometry.head(w.profile, list(w.plan.issuers), w.plan.mark_suffix, 0, 1)
    w.mark_block(layout)
    w.para("GwDocNumber", oxml.run(f"第{w.plan.order_number}号"), role="order-number")
    w.blank_lines(w.profile.order.body_gap_lines)


def signature(w: Writer) -> None:
    """The signer's title and name two lines below the body and the date a line below them,
    each 4 字 from the right (§7.3.5.3).  With a 签名章 (the signature's seal image) the
    stamp stands 4 字 from the right and the title 2 字 left of it, centred on its height."""
    o = w.profile.order
    right = round(o.signer_right_chars * w.page.char)
    w.blank_lines(o.signer_blank_lines)
    if w.plan.signature.seal:
        signature_stamp(w, right)
    else:
        for signer in w.plan.signers:
            w.para("GwSignature", oxml.run(signer), jc="right", right=right, role="signature")
    w.blank_lines(o.date_blank_lines)
    w.para("GwDate", oxml.run(w.plan.signature.date_text), jc="right", right=right, role="date")


def signature_stamp(w: Writer, right: int) -> None:
    """签名章: the stamp a floating picture, the line holding the signer's title (what comes
    before the 　 in 签发人) as tall as whole grid lines that hold the stamp."""
    o, page = w.profile.order, w.page
    r_id, image = w.picture(w.plan.signature.seal)
    width = mm(o.stamp_width_mm)
    height = round(width * image.px_height / image.px_width) if image.px_width else width
    line = -(-height // page.line) * page.line
    title = w.plan.signers[0].split("　")[0] if "　" in w.plan.signers[0] else ""
    paragraph = w.para("GwSignature", oxml.run(title), jc="right", line_exact=line, snap_to_grid=False,
                       right=right + width + round(o.stamp_gap_chars * page.char), role="signature")
    # The title's ink centre (halfway between its ink top and bottom) and the stamp's centre
    # on one line.
    size, m = w.profile.text.size_pt, w.profile.metrics
    centre = round(m.baseline_ratio * line + pt(m.baseline_offset_pt)
                   - pt((m.ink_top_em - m.ink_bottom_em) / 2 * size))
    x, y = page.text_width - right - width, centre - height // 2
    paragraph.append(el("w:r", None, oxml.anchored_picture(r_id, width * EMU_PER_TWIP, height * EMU_PER_TWIP,
                                                           x * EMU_PER_TWIP, y * EMU_PER_TWIP,
                                                           w.plan.signature.seal.name)))
