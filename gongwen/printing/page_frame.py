"""A measured page as the profile describes it: the 版心 and its tolerances, and the elements
every check looks for (content and footer lines, the page number, the 版记's rules, the
成文日期), recognised by what the page shows."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..findings import Finding
from ..profile import Profile
from .measure import MM_PER_PT, Line, MeasuredPage, Rule

DATE = re.compile(r"^(\d{4}年\d{1,2}月\d{1,2}日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)$")
PAGE_NUMBER = re.compile(r"^(\D*?)(\d+)(\D*)$")


@dataclass(frozen=True)
class Frame:
    """The 版心 in mm and the tolerances, from the profile."""

    left: float
    right: float
    top: float
    bottom: float
    tol: float
    body_size: float
    char: float        # advance of one body character, mm

    @classmethod
    def of(cls, profile: Profile) -> Frame:
        p = profile.page
        return cls(p.left_mm, p.left_mm + p.text_width_mm, p.top_mm, p.top_mm + p.text_height_mm,
                   profile.checks.tolerance_mm, profile.text.size_pt,
                   (profile.text.size_pt + profile.grid.char_spacing_pt) * MM_PER_PT)

    @property
    def centre(self) -> float:
        return (self.left + self.right) / 2

    def near(self, measured: float, expected: float, tol: float | None = None) -> bool:
        return abs(measured - expected) <= (self.tol if tol is None else tol)


def as_mm(value: float) -> str:
    return f"{value:.2f} mm"


def within(id: str, clause: str, page: int, expected: float, measured: float, tol: float, message: str,
           label: str = "") -> list[Finding]:
    """A finding when a length in mm is off by more than ``tol``; none when it is within."""
    if abs(measured - expected) <= tol:
        return []
    return [Finding(id, clause, page, as_mm(expected), as_mm(measured) + label, message)]


def content_lines(page: MeasuredPage, frame: Frame) -> list[Line]:
    """Lines inside the 版心 (the footer's page number is not content)."""
    return [line for line in page.lines if line.top < frame.bottom + frame.tol]


def footer_lines(page: MeasuredPage, frame: Frame) -> list[Line]:
    return [line for line in page.lines if line.top >= frame.bottom + frame.tol]


def page_number(page: MeasuredPage, frame: Frame) -> tuple[Line, int] | None:
    for line in footer_lines(page, frame):
        match = PAGE_NUMBER.match(line.text)
        if match:
            return line, int(match.group(2))
    return None


def is_blank(page: MeasuredPage, frame: Frame) -> bool:
    return not (page.scan or content_lines(page, frame) or page.rules or page.images)


def banji_rules(page: MeasuredPage, frame: Frame, profile: Profile) -> list[Rule]:
    """The black full-width rules at the foot of a page, rows apart: the 版记's rules."""
    full = [r for r in page.rules if r.colour != profile.colours.rule_colour
            and frame.near(r.length, frame.right - frame.left) and r.y > frame.top + (frame.bottom - frame.top) / 3]
    if not full or not frame.near(full[-1].y, frame.bottom, 3 * frame.tol):
        return []
    group = [full[-1]]
    for rule in reversed(full[:-1]):
        between = [ln for ln in page.lines if rule.y < ln.baseline < group[0].y]
        # A 版记 row holds text, and only a single line of it may be body-sized (主题词).
        if not between or (len(between) > 1 and any(is_body(ln, frame) for ln in between)):
            break
        group.insert(0, rule)
    return group


def signature_date(pages: Sequence[MeasuredPage], frame: Frame) -> tuple[MeasuredPage, Line] | None:
    """The 成文日期: the first line that is only a date and stands in the right half."""
    for page in pages:
        for line in content_lines(page, frame):
            if DATE.match(line.text) and line.x0 > frame.centre - frame.char and line.size_pt <= frame.body_size + 1:
                return page, line
    return None


def is_body(line: Line, frame: Frame) -> bool:
    return abs(line.size_pt - frame.body_size) < 1 and line.colour == "000000"


def is_full(line: Line, frame: Frame) -> bool:
    return line.x1 > frame.right - frame.char / 2 - frame.tol
