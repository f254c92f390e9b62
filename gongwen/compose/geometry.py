"""Profile numbers (mm, pt, 字, 行) → twips, and the arithmetic that places the 版头.

Everything on page 1 above the 主送 uses exact line heights with the grid switched off, so
vertical positions are sums of twips; the sums are made to end on a grid line, so the body
that follows lands back on the 22-line grid.  Ink positions use the renderer's measured
metrics from the profile (``metrics``): LibreOffice puts the baseline of an exact line of
height L at ``top + 0.8 L + 0.5 pt``.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..chinese import is_wide

if TYPE_CHECKING:
    from ..profile import Profile

TWIPS_PER_PT = 20
EMU_PER_TWIP = 635
TWIPS_PER_MM = 1440 / 25.4
MM_PER_PT = 25.4 / 72


def mm(value: float) -> int:
    return round(value * TWIPS_PER_MM)


def pt(value: float) -> int:
    return round(value * TWIPS_PER_PT)


def half_points(size_pt: float) -> int:
    return round(size_pt * 2)


def eighths(width_pt: float) -> int:
    """Border width in the 1/8 pt steps of ``w:sz``."""
    return max(2, round(width_pt * 8))


@dataclass(frozen=True)
class Page:
    """The page and the grid in twips."""

    width: int
    height: int
    top: int
    bottom: int
    left: int
    right: int
    text_width: int
    text_height: int
    line: int          # grid pitch
    char: int          # advance of one body character (size + character spacing)

    @classmethod
    def of(cls, profile: Profile) -> Page:
        p, g = profile.page, profile.grid
        top, left = mm(p.top_mm), mm(p.left_mm)
        return cls(
            width=mm(p.width_mm), height=mm(p.height_mm), top=top,
            bottom=mm(p.height_mm - p.top_mm - p.text_height_mm), left=left,
            right=mm(p.width_mm - p.left_mm - p.text_width_mm), text_width=mm(p.text_width_mm),
            text_height=mm(p.text_height_mm), line=pt(g.line_pitch_pt), char=pt(profile.text.size_pt + g.char_spacing_pt),
        )


def text_width(text: str, size_pt: float, profile: Profile, spacing_pt: float = 0.0) -> int:
    """Estimated advance of ``text`` in twips: wide characters one em, others ``digit_em``,
    plus the gap LibreOffice always puts between CJK and Latin/digits."""
    m = profile.metrics
    total = 0.0
    previous_wide: bool | None = None
    for ch in text:
        wide = is_wide(ch)
        total += (size_pt if wide else size_pt * m.digit_em) + spacing_pt
        if previous_wide is not None and wide != previous_wide:
            total += m.cjk_latin_gap_mm * 72 / 25.4
        previous_wide = wide
    return round(total * TWIPS_PER_PT)


def _baseline(line: int, profile: Profile) -> float:
    """Distance from the top of an exact line of height ``line`` to its baseline."""
    return profile.metrics.baseline_ratio * line + pt(profile.metrics.baseline_offset_pt)


@dataclass(frozen=True)
class Mark:
    """Sizes and widths of the 发文机关标志."""

    size_pt: float
    line: int                   # exact height of one name line
    names: list[str]
    suffix: str
    suffix_size_pt: float
    suffix_line: int            # exact height of the suffix paragraph (centred on the stack)
    names_width: int            # width of the names column (slack included)
    suffix_width: int

    @property
    def joint(self) -> bool:
        return len(self.names) > 1

    @property
    def height(self) -> int:
        return self.line * len(self.names)


def mark(profile: Profile, issuers: list[str], suffix: str) -> Mark:
    m = profile.mark
    width_pt = profile.page.text_width_mm * 72 / 25.4 - m.slack_mm * 72 / 25.4
    if len(issuers) == 1:
        text = issuers[0] + suffix
        size = min(m.size_pt or m.max_size_pt, math.floor(width_pt / len(text) * 10) / 10)
        line = pt(size * m.line_em)
        return Mark(size, line, [text], "", 0, 0, mm(profile.page.text_width_mm), 0)
    longest = max(len(name) for name in issuers)
    most = m.size_pt or m.joint_max_size_pt          # an office's fixed size, else as large as fits
    size = most
    suffix_size = 0.0
    for _round in range(2):   # the suffix grows with the stack, the stack shrinks to leave it room
        suffix_size = min(m.suffix_max_size_pt, m.suffix_height_ratio * len(issuers) * size * m.line_em) if suffix else 0
        room = width_pt - (suffix_size * len(suffix) + m.column_gap_mm * 72 / 25.4 if suffix else 0)
        size = min(most, math.floor(room / longest * 10) / 10)
    line = pt(size * m.line_em)
    # vAlign=center puts the suffix's ink centre on the stack's centre when its line is L + ss − s.
    suffix_line = line + pt(suffix_size) - pt(size) if suffix else 0
    names_width = pt(size * longest) + mm(m.slack_mm) + (mm(m.column_gap_mm) if suffix else 0)
    suffix_width = pt(suffix_size * len(suffix)) + mm(m.slack_mm) if suffix else 0
    return Mark(size, line, list(issuers), suffix, suffix_size, suffix_line, names_width, suffix_width)


@dataclass(frozen=True)
class Head:
    """Vertical layout of page 1 down to the title, in twips from the top of the 版心."""

    pre_lines: int              # 份号, 密级, 紧急程度 lines (one grid line each)
    spacer: int                 # before the mark
    mark: Mark | None           # None: a 简报's 报头 is a picture (:func:`banner`)
    number_filler: int          # between the mark and the first 文号/签发人 line
    number_top: int
    number_lines: int
    rule_space_pt: int          # w:space of the 文号 paragraph's bottom border
    rule_size: int              # w:sz of that border (eighths of a point)
    rule_centre: int
    title_filler: int           # between the rule and the title
    title_top: int


def head(profile: Profile, issuers: list[str], suffix: str, pre_lines: int, number_lines: int) -> Head:
    page = Page.of(profile)
    m = profile.metrics
    the_mark = mark(profile, issuers, suffix)
    pre = pre_lines * page.line
    first_baseline = _baseline(the_mark.line, profile)
    spacer = round(mm(profile.mark.top_mm) - pre - first_baseline + pt(m.ink_top_em * the_mark.size_pt))
    spacer = max(0, spacer)
    mark_top = pre + spacer
    ink_bottom = mark_top + (len(the_mark.names) - 1) * the_mark.line + first_baseline + pt(m.ink_bottom_em * the_mark.size_pt)
    return _under(profile, pre_lines, spacer, the_mark, the_mark.height, ink_bottom, number_lines)


def banner(profile: Profile, height: int, pre_lines: int, number_lines: int) -> Head:
    """Page 1 of a 简报 whose 报头 is a picture ``height`` twips tall: the picture at the
    profile's place, the 期号 and the rule under it as under a name."""
    pre = pre_lines * Page.of(profile).line
    spacer = max(0, mm(profile.brief.masthead_top_mm) - pre)
    return _under(profile, pre_lines, spacer, None, height, pre + spacer + height, number_lines)


def _under(profile: Profile, pre_lines: int, spacer: int, the_mark: Mark | None, mark_height: int, ink_bottom: int,
           number_lines: int) -> Head:
    """The 文号 (or 期号) lines under the mark's ink, the rule under them and the title's grid
    line under the rule."""
    page, m = Page.of(profile), profile.metrics
    mark_top = pre_lines * page.line + spacer
    text_size = profile.text.size_pt
    number_top = round(ink_bottom + profile.doc_number.gap_lines * page.line - _baseline(page.line, profile)
                       + pt(m.ink_top_em * text_size))
    number_filler = max(0, number_top - (mark_top + mark_height))
    number_top = mark_top + mark_height + number_filler
    last_bottom = number_top + number_lines * page.line
    last_ink_bottom = last_bottom - page.line + _baseline(page.line, profile) + pt(m.ink_bottom_em * text_size)
    rule_size = eighths(profile.red_rule.width_pt)
    half_rule = rule_size * TWIPS_PER_PT / 16
    wanted_centre = last_ink_bottom + mm(profile.red_rule.below_doc_number_mm)
    space_pt = max(0, round((wanted_centre - last_bottom - half_rule - mm(m.border_offset_mm)) / TWIPS_PER_PT))
    rule_centre = round(last_bottom + space_pt * TWIPS_PER_PT + half_rule + mm(m.border_offset_mm))
    after_rule = last_bottom + space_pt * TWIPS_PER_PT + round(rule_size * TWIPS_PER_PT / 8)
    title_index = rule_centre // page.line + profile.title.lines_below_rule
    title_top = title_index * page.line
    while title_top < after_rule:
        title_top += page.line
    return Head(pre_lines, spacer, the_mark, number_filler, number_top, number_lines, space_pt, rule_size,
                rule_centre, title_top - after_rule, title_top)


@dataclass(frozen=True)
class LetterHead:
    """Page 1 of a 信函 (§10.1), in twips: two frames placed from the paper's edges (the mark
    over the first double rule, the second rule near the paper bottom) and the lines of the
    版心 down to the title."""

    mark: Mark
    mark_y: int                 # top of the mark's frame, from the paper top
    rule_space_pt: int          # w:space of the mark's bottom border (the first rule)
    bottom_y: int               # top of the second rule's frame, from the paper top
    number_filler: int          # from the 版心 top to the first line under the rule
    title_filler: int           # from the end of those lines to the title, on a grid line


def letter(profile: Profile, issuer: str, suffix: str, lines: int) -> LetterHead:
    lt, m, page = profile.letter, profile.metrics, Page.of(profile)
    the_mark = mark(profile, [issuer], suffix)
    size = the_mark.size_pt
    mark_y = round(mm(lt.mark_top_mm) - _baseline(the_mark.line, profile) + pt(m.ink_top_em * size))
    ink_bottom = mark_y + _baseline(the_mark.line, profile) + pt(m.ink_bottom_em * size)
    # A framed paragraph's border lies twice its w:space below the text (measured).
    step = TWIPS_PER_PT * m.frame_border_space_scale
    space = max(0, round((ink_bottom + mm(lt.rule_below_mark_mm) - (mark_y + the_mark.line)) / step))
    rule_bottom = mark_y + the_mark.line + round(space * step) + mm(lt.rule_drawn_mm)
    text_size = profile.text.size_pt
    first_top = round(rule_bottom + pt(lt.below_rule_em * text_size) - _baseline(page.line, profile)
                      + pt(m.ink_top_em * text_size))
    number_filler = max(0, first_top - page.top)
    end = number_filler + lines * page.line
    title_top = -(-end // page.line) * page.line + lt.title_blank_lines * page.line
    bottom_y = mm(profile.page.height_mm - lt.rule_above_paper_bottom_mm - lt.rule_drawn_mm)
    return LetterHead(the_mark, mark_y, space, bottom_y, number_filler, title_top - end)


def footer_distance(profile: Profile) -> int:
    """``w:footer`` that puts the page number's dash centre ``dash_below_text_mm`` under the 版心."""
    p, n, m = profile.page, profile.page_number, profile.metrics
    target = mm(p.top_mm + p.text_height_mm + n.dash_below_text_mm)
    line = pt(n.line_pt)
    top = target + pt(m.dash_centre_em * n.size_pt) - _baseline(line, profile)
    return round(mm(p.height_mm) - top - line)
