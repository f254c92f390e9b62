"""What the pages of one pass ask of the next: the 主送 moved to the 版记 when it leaves page 1
without body text, the last body lines kept with the signature, and where the 版记 goes.

:func:`decide` reads the pages of any pass.  :func:`unmeasured_decision` tells, from the pages of a
layout foreseen before the first pass (:mod:`.foresight`), what :func:`decide` would have made of
the pages of the unmeasured layout, so that a foreseen first pass leads to the very layouts the
unmeasured one would have; when these pages cannot tell, it says so and the unmeasured layout is
printed after all."""
from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..chinese import is_wide
from ..compose.geometry import TWIPS_PER_MM, mm
from ..compose.layout import Layout, Written
from ..plan.model import Plan
from ..profile import Profile
from .linebreaks import HANGING, Face, needed, running_width
from .measure import MM_PER_PT, MeasuredPage
from .page_checks import NO_LINE_END, NO_LINE_START
from .page_frame import Frame, banji_rules, content_lines
from .tracing import Placed


def decide(layout: Layout, placed: Sequence[Placed], pages: Sequence[MeasuredPage], plan: Plan,
           profile: Profile) -> Layout:
    """The layout the next pass should render, from what this pass's pages show."""
    body = [p for p in placed if p.written.role == "body"]
    to = next((p for p in placed if p.written.role == "to"), None)
    if to and not layout.to_in_banji and body and body[0].first_page > 1 and _fills_page_one(to, profile):
        return Layout(to_in_banji=True)
    if layout.break_at is None:
        needed = _keep_with_signature(placed, profile.signature.keep_body_lines)
        if needed:
            # The lines kept with the signature go to its page, already the text's last: the
            # 版记 can be placed from these pages too (the next pass confirms both).
            layout = dataclasses.replace(layout, break_at=needed, banji="flow")
    return _banji_placement(layout, placed, pages, profile)


def _fills_page_one(to: Placed, profile: Profile) -> bool:
    """Whether the 主送 leaves no grid line for body text on page 1 (§7.3.2: only then is it
    moved to the 版记; a body pushed off page 1 by anything else keeps its 主送)."""
    if to.last_page > 1:
        return True
    pitch = profile.grid.line_pitch_pt * MM_PER_PT
    return to.lines[-1][1].bottom > Frame.of(profile).bottom - pitch


def _keep_with_signature(placed: Sequence[Placed], keep: int) -> tuple[int, int] | None:
    """Where the last body paragraph's last ``keep`` lines begin: from there on, the text keeps
    with the signature (a keep-with-next chain that re-flows when the text is edited), so the
    signature never stands alone and only those lines travel with it."""
    if not any(p.written.role in ("signature", "date") for p in placed):
        return None
    body = [p for p in placed if p.written.role == "body"]
    if not body or len(body[-1].lines) <= keep:
        return None
    owner = body[-1]
    _page, _line, offset = owner.lines[-keep]
    return owner.written.block, _index_of(owner.written.text, offset)


def _index_of(text: str, visible: int) -> int:
    """Index in ``text`` of its ``visible``-th non-whitespace character."""
    seen = 0
    for index, char in enumerate(text):
        if not char.isspace():
            if seen == visible:
                return index
            seen += 1
    return len(text)


def _text_end(pages: Sequence[MeasuredPage], banji: Placed, profile: Profile) -> int:
    """The last page with anything above the 版记: traced paragraphs, and tables, which are not
    traced (their rows read in no single order when a cell wraps)."""
    frame = Frame.of(profile)
    at, first = banji.first_page, banji.lines[0][1]
    for page in reversed(pages[:at]):
        lines = content_lines(page, frame)
        if page.number == at:
            lines = [line for line in lines if line.bottom < first.top]
        if lines:
            return page.number
    return 1


def _banji_placement(layout: Layout, placed: Sequence[Placed], pages: Sequence[MeasuredPage],
                     profile: Profile) -> Layout:
    banji = [p for p in placed if p.written.role == "banji"]
    text = [p for p in placed if p.written.role != "banji"]
    if not banji or not text:
        return layout
    end = max(max(p.last_page for p in text), _text_end(pages, banji[0], profile))
    if layout.banji == "blank-page" and banji[0].first_page == end + 1:
        # The flowing 版记 had left a page empty; in its even-page section it follows the text
        # directly: no blank page came, so its page is numbered.
        return dataclasses.replace(layout, banji="new-page")
    if layout.banji != "flow":
        return layout
    at, last = banji[0].first_page, banji[-1].last_page
    if not profile.banji.even_page:
        return layout
    if at == end:
        return dataclasses.replace(layout, banji="new-page" if end % 2 else "flow")
    if last % 2 == 0:
        # Alone on an even page: in a section of its own that starts on an even page, so that it
        # stays there when the text is edited.
        return dataclasses.replace(layout, banji="new-page") if last == at else layout
    # On odd pages of its own: one page is preceded by an unnumbered blank page; a 版记 that
    # runs over pages is spread over one page more, so every page of it stays numbered.
    if last > at:
        return dataclasses.replace(layout, banji_pages=last - at + 2)
    return dataclasses.replace(layout, banji="blank-page")


def unmeasured_decision(layout: Layout, placed: Sequence[Placed], pages: Sequence[MeasuredPage],
                        profile: Profile, lost: Sequence[Written] = ()) -> Layout | None:
    """What :func:`decide` would make of the pages of ``Layout()``, told from the pages of the
    foreseen ``layout``; None when these pages cannot tell.

    The two prints differ only after the text: the 版记 on a page of its own instead of after the
    text, and the last body paragraph cut where its last lines begin instead of kept whole with
    the signature (which moves the whole paragraph to the signature's page when the signature
    would stand alone; the text still ends on the same page).  A hanging mark the renderer
    dropped at the end of a justified line is dropped from both alike (both are then printed
    without hanging marks), unless it was in the cut paragraph or ended the line now cut."""
    if lost and layout.break_at is not None:
        cut = [p.written for p in placed if p.written.role == "body" and p.written.block == layout.break_at[0]]
        if any(w.role == "body" and w.block == layout.break_at[0] for w in lost) or \
                not cut or cut[0].text[-1:] in HANGING:
            return None
    first = _unmeasured_decision(layout, placed, pages, profile)
    return dataclasses.replace(first, hanging=False) if first and lost else first


def _unmeasured_decision(layout: Layout, placed: Sequence[Placed], pages: Sequence[MeasuredPage],
                         profile: Profile) -> Layout | None:
    body = [p for p in placed if p.written.role == "body"]
    to = next((p for p in placed if p.written.role == "to"), None)
    if to and body and body[0].first_page > 1 and _fills_page_one(to, profile):
        return Layout(to_in_banji=True)
    if layout.break_at is None:
        kept, whole_on_one_page = _keep_with_signature(placed, profile.signature.keep_body_lines), True
    else:
        parts = [p for p in body if p.written.block == layout.break_at[0]]
        if len(parts) != 2 or not _cut_at_a_line_end(parts[0], parts[1], profile):
            return None
        kept, whole_on_one_page = layout.break_at, parts[0].first_page == parts[1].last_page
    unmeasured = Layout(break_at=kept)
    banji = [p for p in placed if p.written.role == "banji"]
    text = [p for p in placed if p.written.role != "banji"]
    if not banji or not text or not profile.banji.even_page:
        return unmeasured if layout.banji == "flow" else None     # nothing else reads the pages
    end = max(max(p.last_page for p in text), _text_end(pages, banji[0], profile))
    at, last = banji[0].first_page, banji[-1].last_page
    # Pages after the signature's (attachments begin on a page of their own) print alike.
    cut_apart = layout.break_at is not None and not whole_on_one_page and parts[1].last_page == end
    if layout.banji == "flow" and not cut_apart:
        return _banji_placement(unmeasured, placed, pages, profile)
    if end % 2 and (at == end or at == last):
        return dataclasses.replace(unmeasured, banji="new-page")
    if at != last or end % 2:
        return None
    # The text ends on an even page.  Unmeasured, the body's last paragraph had moved whole to
    # it: the head's lines on the pages before stand on it too.
    moved = sum(1 for number, _line, _offset in parts[0].lines if number < end) if cut_apart else 0
    if moved and parts[0].first_page < end - 1:
        return None      # a paragraph longer than a page is never moved whole
    if layout.banji == "flow":
        fits = False if at == end + 1 else _would_fit(pages, end, at, profile, moved)
    else:
        fits = _would_fit(pages, end, at, profile, moved)
    if fits is False:
        return dataclasses.replace(unmeasured, banji="blank-page")
    return unmeasured if fits else None


def _cut_at_a_line_end(head: Placed, tail: Placed, profile: Profile) -> bool:
    """Whether the paragraph cut in two breaks where it did whole: the tail holds the lines kept
    with the signature, the head's last line had no room for the tail's first character or
    number (or for two, where 避头尾 would have sent the first down with the second), and no
    other rule weighed on the cut.

    That line now ends a paragraph and is no longer justified: its characters stand at their own
    advances, so the line would have gone on where the pen stood after its last character.  What
    the tail's first piece takes there is added up (:func:`.linebreaks.needed`)."""
    cut_before, cut_after, then = head.written.text[-1:], tail.written.text[:1], tail.written.text[1:2]
    if not (cut_before and cut_after) or len(tail.lines) != profile.signature.keep_body_lines \
            or cut_after in NO_LINE_START + HANGING or cut_before in NO_LINE_END:
        return False
    kinsoku = cut_after in NO_LINE_END or (then in NO_LINE_START and then not in HANGING)
    face = Face.body(profile)
    line = head.written.text[_index_of(head.written.text, head.lines[-1][2]):]
    wanted = needed(line, tail.written.text, face, 2 if kinsoku else 1)
    last = head.lines[-1][1].chars[-1]
    if wanted is None or last.text != cut_before or not (is_wide(cut_before) or face.known(cut_before)):
        return False      # a letter's advance is a guess
    used = (last.pen - Frame.of(profile).left) * TWIPS_PER_MM + face.advance(cut_before)   # the line as printed
    width, error = wanted
    return used + width - error > running_width(profile) + mm(profile.metrics.pen_tolerance_mm)


def _would_fit(pages: Sequence[MeasuredPage], end: int, at: int, profile: Profile, more: int = 0) -> bool | None:
    """Whether the 版记 printed on page ``at`` would fit under the text on page ``end`` with
    ``more`` lines of text on it; None when the two are too close to tell."""
    frame = Frame.of(profile)
    rules = banji_rules(pages[at - 1], frame, profile)
    if not rules:
        return None
    lines = [line for line in content_lines(pages[end - 1], frame) if line.bottom < rules[0].y or at != end]
    if not lines:
        return None
    pitch = profile.grid.line_pitch_pt * MM_PER_PT
    needed = frame.bottom - rules[0].y
    room = frame.bottom - max(line.bottom for line in lines) - more * pitch
    # the text's last line reaches about 2 mm under its ink, the frame's anchor 1 pt more
    if room - needed > profile.metrics.banji_fits_lines * pitch:
        return True
    if room - needed < profile.metrics.banji_misses_lines * pitch:
        return False
    return None
