"""Attachments supplied as PDF files (a scanned form): how many pages each has, read when the
plan is loaded so that a bad file is reported at the plan's line (the pages are drawn into the
printed document by :mod:`gongwen.printing.overlay`)."""
from __future__ import annotations

from pathlib import Path

from ..i18n import _
from ..pdfium import LOCK


def page_count(path: Path) -> int:
    """The pages of a supplied PDF; ValueError with a reason a drafter can act on."""
    import pypdfium2 as pdfium

    with LOCK:
        try:
            document = pdfium.PdfDocument(path)
        except pdfium.PdfiumError as exc:
            if "password" in str(exc).lower():
                raise ValueError(_("the PDF is protected by a password: {path}").format(path=path)) from None
            raise ValueError(_("not a readable PDF: {path}").format(path=path)) from None
        try:
            count = len(document)
        finally:
            document.close()
    if count == 0:
        raise ValueError(_("the PDF has no pages: {path}").format(path=path))
    return count
