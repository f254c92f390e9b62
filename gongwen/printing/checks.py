"""Every check of a measured document, in the order their findings are reported.

Each check is a pure function ``(pages, profile) -> findings`` over :mod:`gongwen.printing.measure`'s
pages, so it can be tested on hand-built pages and run on any PDF, ours or hand-made.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from ..findings import Finding
from ..profile import Profile
from . import face_checks, page_checks
from .measure import MeasuredPage

Check = Callable[[Sequence[MeasuredPage], Profile], list[Finding]]
CHECKS: tuple[Check, ...] = (
    page_checks.paper_and_text_area, page_checks.lines_per_page, page_checks.chars_per_line,
    page_checks.mark_position, page_checks.red_rule, page_checks.title, page_checks.page_numbers,
    page_checks.banji, page_checks.signature_with_body,
    face_checks.chinese_faces, face_checks.substituted_faces, face_checks.other_faces,
)


def run_checks(pages: Sequence[MeasuredPage], profile: Profile) -> list[Finding]:
    """Every check; a check may assume at least one page."""
    if not pages:
        return []
    return [finding for function in CHECKS for finding in function(pages, profile)]
