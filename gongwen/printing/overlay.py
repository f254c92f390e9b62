"""Attachments supplied as PDF files (a scanned form), drawn into the converted document.

The .docx keeps one page for every page of the scan — the first under the 附件 label (and
title), the others empty — so the page numbers run on through them as through any attachment.
After conversion each scan page is drawn into the 版心 of its page with pypdf: scaled down to
fit, never enlarged, one scale per attachment so that a form keeps its proportions from page to
page, and a landscape page turned with its head to the left (§10.2).
"""
from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..atomic import write_atomic
from ..compose.geometry import MM_PER_PT
from ..errors import Location, RenderError
from ..i18n import _
from ..profile import Profile


@dataclass(frozen=True)
class Scan:
    """Where one supplied PDF goes: the document's pages that receive its pages, in order, and
    how far down the first of them (mm from the paper's top) the scan may begin."""

    source: Path
    pages: tuple[int, ...]
    top_mm: float


def overlay(pdf: Path, scans: Sequence[Scan], profile: Profile) -> None:
    """Draw every scan onto its pages of ``pdf``; the file is replaced only when all is drawn."""
    if not scans:
        return
    # pypdf takes 0.13 s to import: only documents with scanned attachments pay for it.
    from pypdf import PdfReader, PdfWriter, Transformation
    from pypdf.errors import PyPdfError

    writer = PdfWriter(clone_from=str(pdf))
    page = profile.page
    left, width = page.left_mm / MM_PER_PT, page.text_width_mm / MM_PER_PT
    bottom = (page.top_mm + page.text_height_mm) / MM_PER_PT
    for scan in scans:
        try:
            reader = PdfReader(scan.source)
            if reader.is_encrypted:
                reader.decrypt("")
            # Pages are turned upright in a writer of their own: pypdf edits no reader's pages.
            sources = PdfWriter(clone_from=reader).pages[:len(scan.pages)]
            for source in sources:
                source.transfer_rotation_to_content()
        except (PyPdfError, OSError, ValueError, KeyError, IndexError) as exc:
            raise RenderError(_("cannot use the PDF attachment: {reason}").format(reason=exc),
                              Location(scan.source)) from None
        tops = [scan.top_mm / MM_PER_PT] + [page.top_mm / MM_PER_PT] * (len(sources) - 1)
        upright = [_upright(source) for source in sources]
        scale = min(profile.attachment_page.scan_max_scale,
                    *(min(width / w, (bottom - top) / h) for (w, h, _turn), top in zip(upright, tops)))
        for number, source, (w, h, turn), top in zip(scan.pages, sources, upright, tops):
            if number > len(writer.pages):
                break   # the attachment.scan-pages finding says so
            target = writer.pages[number - 1]
            box = source.cropbox
            ctm = Transformation().translate(-float(box.left), -float(box.bottom))
            if turn:
                ctm = ctm.rotate(90).translate(float(box.height), 0)
            x = left + (width - scale * w) / 2
            y = float(target.mediabox.top) - top - scale * h
            target.merge_transformed_page(source, ctm.scale(scale, scale).translate(x, y))
    buffer = io.BytesIO()
    writer.write(buffer)
    write_atomic(pdf, buffer.getvalue())


def _upright(source) -> tuple[float, float, bool]:
    """Width and height in pt as printed, and whether the page is turned (landscape)."""
    w, h = float(source.cropbox.width), float(source.cropbox.height)
    return (h, w, True) if w > h else (w, h, False)
