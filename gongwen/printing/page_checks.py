"""The geometric checks of GB/T 9704 on measured pages: paper, grid, head, title, page numbers,
版记 and signature.

Each check is a pure function ``(pages, profile) -> findings`` over :mod:`gongwen.printing.measure`'s
pages, so it can be tested on hand-built pages and run on any PDF, ours or hand-made.  Elements
are recognised by what the page shows (red text above a red rule is the mark, "— N —" under
the 版心 is a page number, full-width black rules at the foot of the last page are the 版记),
not by knowledge of how the document was made.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from ..chinese import is_wide
from ..findings import Finding
from ..i18n import N_, _
from ..profile import Profile
from .face_checks import face_in
from .measure import MM_PER_PT, Line, MeasuredPage, Rule
from .page_frame import (Frame, as_mm, banji_rules, content_lines, is_blank, is_body, is_full, page_number,
                         signature_date, within)


def paper_and_text_area(pages: Sequence[MeasuredPage], profile: Profile) -> list[Finding]:
    frame, p = Frame.of(profile), profile.page
    mark_top = frame.top + min(0.0, profile.mark.top_mm)    # a 信函's mark stands above the 版心 (§10.1)
    artwork = profile.header_footer.artwork
    found = []
    for page in pages:
        def declared(x0: float, top: float, x1: float, bottom: float) -> bool:
            """On an area the unit's profile declares as its artwork's (an emblem, a banner)."""
            return any(area.holds(page.number, x0, top, x1, bottom, frame.tol) for area in artwork)

        if not (frame.near(page.width, p.width_mm) and frame.near(page.height, p.height_mm)):
            found.append(Finding("page.size", p.clause, page.number, f"{p.width_mm:g}×{p.height_mm:g} mm",
                                 f"{page.width:.1f}×{page.height:.1f} mm", N_("paper is not A4")))
            continue
        for line in content_lines(page, frame):
            # Word and LibreOffice both let closing punctuation hang past the line end (Word's
            # 允许标点溢出边界); the standard does not forbid it, so one hanging mark is allowed.
            chars = line.chars[:-1] if len(line.chars) > 1 and unicodedata.category(line.chars[-1].text)[0] == "P" \
                else line.chars
            right = max(c.x1 for c in chars)
            top = mark_top if page.number == 1 and line.colour == profile.colours.mark_colour else frame.top
            if (line.x0 < frame.left - frame.tol or right > frame.right + frame.tol or line.top < top - frame.tol) \
                    and not declared(line.x0, line.top, line.x1, line.bottom):
                found.append(Finding("page.text-area", p.clause, page.number,
                                     f"x {frame.left:g}–{frame.right:g}, y ≥ {frame.top:g} mm",
                                     f"x {line.x0:.1f}–{line.x1:.1f}, y {line.top:.1f} mm “{line.text[:12]}”",
                                     N_("text outside the 版心")))
        for box in page.images:
            if (box.x0 < frame.left - frame.tol or box.x1 > frame.right + frame.tol or box.top < frame.top - frame.tol
                    or box.bottom > frame.bottom + frame.tol) and not declared(box.x0, box.top, box.x1, box.bottom):
                found.append(Finding("page.text-area", p.clause, page.number,
                                     f"x {frame.left:g}–{frame.right:g}, y {frame.top:g}–{frame.bottom:g} mm",
                                     f"x {box.x0:.1f}–{box.x1:.1f}, y {box.top:.1f}–{box.bottom:.1f} mm",
                                     N_("an image outside the 版心")))
    return found


def lines_per_page(pages: Sequence[MeasuredPage], profile: Profile) -> list[Finding]:
    """A page whose last line is full and whose next page goes on flush left was cut by the page
    end: it has 22 lines.  Exempt: the page before the signature page (lines were moved from it
    to keep the signature with body text) and a page that opens a document with its title (an
    issued plan, an attachment), whose title lines are not body lines."""
    frame, grid = Frame.of(profile), profile.grid
    signed = signature_date(pages, frame)
    found = []
    for page, following in zip(pages, pages[1:]):
        titled = any(line.size_pt > frame.body_size + profile.checks.size_tolerance_pt for line in page.lines)
        if page.number == 1 or (signed and signed[0].number == following.number) or page.rules or titled:
            continue
        body = [line for line in content_lines(page, frame) if is_body(line, frame)]
        nxt = content_lines(following, frame)
        if not (body and nxt and is_full(body[-1], frame) and is_body(nxt[0], frame)
                and frame.near(nxt[0].x0, frame.left)):
            continue
        if len(body) != grid.lines:
            found.append(Finding("grid.lines", grid.clause, page.number, str(grid.lines), str(len(body)),
                                 N_("a full page does not have 22 lines")))
    return found


def _wide(line: Line, profile: Profile) -> bool:
    faces = profile.checks.cjk_faces
    return all((c.is_cjk or c.text in "“”‘’") and c.face.startswith(faces) for c in line.chars)


# Marks that may not begin a line: a line before one of them gives a character away (避头尾).
NO_LINE_START = "，。、；：？！）》〉」』】〕”’…—·%"
# Marks that may not end a line: the character before one of them goes down with it.
NO_LINE_END = "（《〈「『【〔“‘"
# Marks that hang in the margin after a full line.  LibreOffice hangs only these (Word also
# hangs ：；？！); before another mark that may not begin a line, 27 characters are right.
HANGING = "，。、．"


def chars_per_line(pages: Sequence[MeasuredPage], profile: Profile) -> list[Finding]:
    """A full line of wide characters that starts flush left holds 28 of them; a comma or stop
    after the 28th hangs in the margin.  Fewer are right only where 避头尾 asks for them
    (:func:`_kept_short`): the 28th would have been an opening mark (it may not end a line) or
    is followed by a mark that may not begin a line and does not hang (：, quotes, brackets), and
    so on back; a line that gave its 28th character to a mark that could have hung is a finding,
    unless the print hangs no marks (``MeasuredPage.hanging``).  A page's last line is read with
    the next page's first: the text runs on over the page break."""
    frame, grid = Frame.of(profile), profile.grid
    found = []
    lines = [(page, line) for page in pages for line in content_lines(page, frame)]
    for (page, line), (_page, nxt) in zip(lines, [*lines[1:], (None, None)]):
        if not (is_body(line, frame) and _wide(line, profile) and frame.near(line.x0, frame.left)
                and is_full(line, frame)):
            continue
        hung = line.chars[-1].text in NO_LINE_START and line.chars[-1].x0 > frame.right - frame.char / 2
        count = len(line.chars) - hung
        if nxt is not None and count < grid.chars and _kept_short(nxt.text, grid.chars - count, page.hanging):
            continue
        if nxt is not None and count < grid.chars <= count + _unbroken_em(nxt.text, profile.metrics.digit_em):
            continue   # the next line opens with digits or Latin too wide for the room left
        if count != grid.chars:
            found.append(Finding("grid.chars", grid.clause, page.number, str(grid.chars), str(count),
                                 N_("a full line does not have 28 characters")))
    return found


def _kept_short(text: str, missing: int, hanging: bool) -> bool:
    """Whether 避头尾 sent a full line's last ``missing`` characters down to the next line, which
    begins with ``text``: the line could have ended after none of them (the character after may
    not begin a line, or the one before may not end one).  Only a mark past the 28th may hang,
    and only in a print that hangs marks."""
    if len(text) <= missing:
        return False
    for k in range(1, missing + 1):
        mark = text[k]
        hangs = hanging and k == missing and mark in HANGING
        if not (text[k - 1] in NO_LINE_END or (mark in NO_LINE_START and not hangs)):
            return False
    return True


def _unbroken_em(text: str, digit_em: float) -> float:
    """Width in em of the digits or Latin a line begins with, with the brackets around them
    (〔2017〕138): no line breaks inside such a run, so the line before may end short of 28."""
    lead = text.lstrip(NO_LINE_END)
    if not lead or is_wide(lead[0]):
        return 0.0
    width = float(len(text) - len(lead))    # the opening marks, an em each
    for char in lead:
        if is_wide(char) and char not in NO_LINE_START:
            break
        width += 1 if is_wide(char) else digit_em
    return width


def _mark(page: MeasuredPage, profile: Profile) -> list[Line]:
    rules = [r for r in page.rules if r.colour == profile.colours.rule_colour]
    below = rules[0].y if rules else page.height
    return [line for line in page.lines if line.colour == profile.colours.mark_colour and line.baseline < below
            and line.size_pt > 20]


def mark_position(pages: Sequence[MeasuredPage], profile: Profile) -> list[Finding]:
    frame, m = Frame.of(profile), profile.mark
    mark = _mark(pages[0], profile)
    if not mark:
        return []
    top = min(line.top for line in mark)
    centre = (min(line.x0 for line in mark) + max(line.x1 for line in mark)) / 2
    return (_mark_size(mark, profile)
            + within("mark.top", m.clause, 1, frame.top + m.top_mm, top, frame.tol,
                     N_("the 发文机关标志 is not 35 mm below the 版心 top"))
            + within("mark.centre", m.clause, 1, pages[0].width / 2 if m.centred_on == "paper" else frame.centre,
                     centre, frame.tol, N_("the 发文机关标志 is not centred")))


_SUFFIXES = ("文件", "纪要", "会议纪要")


def _mark_size(mark: list[Line], profile: Profile) -> list[Finding]:
    """A profile's fixed mark size is kept by every line of the mark; without one no line is
    larger than the profile allows."""
    m, tolerance = profile.mark, profile.checks.size_tolerance_pt
    # a joint mark's 文件 beside the names has a size of its own (§7.2.4)
    sizes = sorted({round(line.size_pt, 1) for line in mark if line.text.replace(" ", "") not in _SUFFIXES})
    if m.size_pt is not None:
        wrong = [s for s in sizes if abs(s - m.size_pt) > tolerance]
        expected = f"{m.size_pt:g} pt"
    else:
        limit = max(m.max_size_pt, m.joint_max_size_pt, m.suffix_max_size_pt)    # a 纪要's mark is one line
        wrong = [s for s in sizes if s > limit + tolerance]
        expected = f"≤ {limit:g} pt"
    if not wrong:
        return []
    return [Finding("mark.size", m.clause, 1, expected, ", ".join(f"{s:g} pt" for s in wrong),
                    N_("the 发文机关标志 is not in the size the profile gives"), where=mark[0].text[:16])]


def _red_rule(page: MeasuredPage, profile: Profile) -> Rule | None:
    rules = [r for r in page.rules if r.colour == profile.colours.rule_colour and r.length > 100]
    return rules[0] if rules else None


def red_rule(pages: Sequence[MeasuredPage], profile: Profile) -> list[Finding]:
    frame, rr = Frame.of(profile), profile.red_rule
    rule = _red_rule(pages[0], profile)
    if rule is None:
        return []
    found = []
    width = rr.length_mm or frame.right - frame.left       # a 信函's rules are 170 mm (§10.1)
    left = frame.centre - width / 2
    if not (frame.near(rule.length, width) and frame.near(rule.x0, left)):
        found.append(Finding("rule.width", rr.clause, 1, f"{left:g}–{left + width:g} mm",
                             f"{rule.x0:.2f}–{rule.x1:.2f} mm", N_("the red rule is not as wide as the 版心")))
    above = [line for line in pages[0].lines if line.baseline < rule.y and line.colour != profile.colours.mark_colour]
    if above:
        found += within("rule.below-number", rr.clause, 1, rr.below_doc_number_mm, rule.y - above[-1].bottom,
                        profile.checks.rule_below_doc_number_tolerance_mm,
                        N_("the red rule is not 4 mm under the 发文字号"))
    return found


def title(pages: Sequence[MeasuredPage], profile: Profile) -> list[Finding]:
    """Title lines: black, title size, between the red rule and the body, each centred."""
    frame, t = Frame.of(profile), profile.title
    rule = _red_rule(pages[0], profile)
    start = rule.y if rule else frame.top
    lines = [line for line in content_lines(pages[0], frame)
             if line.baseline > start and line.colour == "000000" and line.size_pt > frame.body_size + 1]
    found = []
    for line in lines:
        if abs(line.size_pt - t.size_pt) > profile.checks.size_tolerance_pt:
            found.append(Finding("title.size", t.clause, 1, f"{t.size_pt:g} pt", f"{line.size_pt:g} pt",
                                 N_("the title is not 二号")))
        found += within("title.centre", t.clause, 1, frame.centre, (line.x0 + line.x1) / 2, frame.tol,
                        N_("a title line is not centred"), f" “{line.text[:10]}”")
    return found


def page_numbers(pages: Sequence[MeasuredPage], profile: Profile) -> list[Finding]:
    frame, pn = Frame.of(profile), profile.page_number
    indent = pn.indent_chars * pn.size_pt * MM_PER_PT
    dash_y = frame.bottom + pn.dash_below_text_mm
    found = []
    previous_blank = False
    for page in pages:
        numbered = page_number(page, frame)
        blank = is_blank(page, frame)
        if page.number == 1 and not pn.first_page:
            if numbered:
                found.append(Finding("page-number.first-page", pn.clause, 1, _("none"), numbered[0].text,
                                     N_("page 1 of a 信函 carries no page number")))
            continue
        if numbered is None:
            last_after_blank = page is pages[-1] and previous_blank
            if not (blank or last_after_blank):
                found.append(Finding("page-number.missing", pn.clause, page.number, f"— {page.number} —",
                                     _("none"), N_("a page with text has no page number")))
            previous_blank = blank
            continue
        if blank:
            found.append(Finding("page-number.blank-page", pn.clause, page.number, _("none"), numbered[0].text,
                                 N_("a blank page carries a page number")))
        previous_blank = blank
        line, number = numbered
        found += _page_number_form(page, line, number, frame, profile, indent, dash_y)
    return found


def _page_number_form(page: MeasuredPage, line: Line, number: int, frame: Frame, profile: Profile,
                      indent: float, dash_y: float) -> list[Finding]:
    pn = profile.page_number
    found = []
    if number != page.number:
        found.append(Finding("page-number.sequence", pn.clause, page.number, str(page.number), str(number),
                             N_("page numbers are out of sequence")))
    dashes = [c for c in line.chars if not c.text.isdigit()]
    if [c.text for c in dashes] != ["—", "—"]:
        found.append(Finding("page-number.form", pn.clause, page.number, "— N —", line.text,
                             N_("the page number is not “— N —” with em dashes")))
        return found
    faces = sorted({c.face for c in line.chars if not face_in(c.face, profile.free_faces.chain(pn.face))})
    if faces:
        found.append(Finding("page-number.face", pn.clause, page.number, profile.free_faces.chain(pn.face)[0],
                             ", ".join(faces), N_("the page number is not in the profile's face")))
    sizes = {c.size_pt for c in line.chars}
    if any(abs(s - pn.size_pt) > profile.checks.size_tolerance_pt for s in sizes):
        found.append(Finding("page-number.size", pn.clause, page.number, f"{pn.size_pt:g} pt",
                             ", ".join(f"{s:g} pt" for s in sorted(sizes)), N_("the page number is not 四号")))
    dash_centre = sum((c.top + c.bottom) / 2 for c in dashes) / 2
    found += within("page-number.height", pn.clause, page.number, dash_y, dash_centre, frame.tol,
                    N_("the page-number dashes are not 7 mm under the 版心"))
    if page.number % 2:
        expected, measured = frame.right - indent, line.x1
    else:
        expected, measured = frame.left + indent, line.x0
    return found + within("page-number.side", pn.clause, page.number, expected, measured, frame.tol,
                          N_("odd page numbers go right, even ones left, 1 字 in"))


def banji(pages: Sequence[MeasuredPage], profile: Profile) -> list[Finding]:
    frame, b = Frame.of(profile), profile.banji
    last = pages[-1]
    rules = banji_rules(last, frame, profile)
    if not rules:
        return _banji_astray(pages, frame, profile)
    found = within("banji.position", b.clause, last.number, frame.bottom, rules[-1].y, frame.tol,
                   N_("the last 版记 rule is not on the 版心 bottom"))
    outer, inner = (round(weight * 8) / 8 * MM_PER_PT for weight in (b.outer_rule_pt, b.inner_rule_pt))
    for i, rule in enumerate(rules):
        edge = i == len(rules) - 1 or (i == 0 and not b.legacy)
        found += within("banji.rule-weight", b.clause, last.number, outer if edge else inner, rule.weight,
                        profile.checks.weight_tolerance_mm, N_("a 版记 rule has the wrong weight"))
        found += within("banji.rule-width", b.clause, last.number, frame.right - frame.left, rule.length,
                        frame.tol, N_("a 版记 rule is not as wide as the 版心"))
    if b.even_page and last.number % 2:
        found.append(Finding("banji.even-page", b.clause, last.number, _("an even page"), str(last.number),
                             N_("the 版记 is not on an even page")))
    return found


_BANJI_LINE = re.compile(r"^(抄送|.*\d日印发$)")


def _banji_astray(pages: Sequence[MeasuredPage], frame: Frame, profile: Profile) -> list[Finding]:
    """A 版记 (its 抄送 or 印发 line) that is not at the foot of the last page: on an earlier
    page, or floating under the text with its rules off the 版心 bottom."""
    b = profile.banji
    for page in reversed(pages):
        lines = [line for line in content_lines(page, frame) if _BANJI_LINE.match(line.text)]
        if not lines:
            continue
        if page is not pages[-1]:
            return [Finding("banji.position", b.clause, page.number, _("the last page ({n})").format(n=pages[-1].number),
                            _("page {n}").format(n=page.number), N_("the 版记 is not at the foot of the last page"),
                            where=lines[0].text[:16])]
        below = [rule.y for rule in page.rules if rule.y > lines[-1].top and rule.colour != profile.colours.rule_colour]
        if not below and frame.near(lines[-1].bottom, frame.bottom, frame.char):
            return []       # a 版记 without rules (a 函's) whose last line ends on the 版心 bottom
        return [Finding("banji.position", b.clause, page.number, as_mm(frame.bottom),
                        as_mm(min(below) if below else lines[-1].bottom), N_("the last 版记 rule is not on the 版心 bottom"),
                        where=lines[0].text[:16])]
    return []


def signature_with_body(pages: Sequence[MeasuredPage], profile: Profile) -> list[Finding]:
    """The page of the 署名 and date also carries body text above them (no "此页无正文")."""
    frame = Frame.of(profile)
    signed = signature_date(pages, frame)
    if signed is None:
        return []
    page, date = signed
    above = [line for line in content_lines(page, frame) if line.baseline < date.baseline]
    body = []
    for line in above:
        if line.text.startswith("附件"):
            break
        if line.x0 < frame.centre - frame.char and is_body(line, frame) and "此页无正文" not in line.text:
            body.append(line)
    if body:
        return []
    return [Finding("signature.alone", profile.signature.clause, page.number, _("body text on the page"),
                    _("none"), N_("the signature stands on a page without body text"))]
