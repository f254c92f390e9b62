"""Where LibreOffice breaks a paragraph into lines, worked out before it prints: the grid's
advances, no breaks inside a run of digits or Latin, 避头尾 and the marks that hang in the
margin (the rules :mod:`.page_checks` holds a printed line to).  An estimate that knows when it is
one: a break that lands on a run of Latin, or on marks the rules weigh against each other, makes
the answer unsure."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..chinese import is_wide
from ..compose.geometry import TWIPS_PER_PT, Page, mm, pt
from ..profile import Profile
from ..profile_sections import Metrics
from .page_checks import NO_LINE_END, NO_LINE_START

# The marks LibreOffice hangs after a full line when hanging is on, as the first pass prints
# (measured: a colon hangs as a comma does).  Wider than page_checks.HANGING, which says where a
# 27-character line is still right in any print, hanging on or off.
HANGING = "，。、．：；！？,."
# Latin marks that may not begin or end a line either.
_LATIN_NO_START = ",.;:!?)]}%"
_LATIN_NO_END = "([{"


@dataclass(frozen=True)
class Face:
    """What the advances of a paragraph's characters depend on: its size and character spacing,
    and the measured metrics (:class:`gongwen.profile_sections.Metrics`).  Marks hang as the
    first pass prints them (with hanging marks)."""

    size_pt: float
    spacing_twips: int       # added to every character (w:spacing on the runs)
    metrics: Metrics

    @classmethod
    def body(cls, profile: Profile) -> Face:
        """The body text's face."""
        return cls(profile.text.size_pt, pt(profile.grid.char_spacing_pt), profile.metrics)

    @property
    def gap_twips(self) -> int:
        """LibreOffice's space between a Chinese character and digits or Latin."""
        return mm(self.metrics.cjk_latin_gap_break_mm)

    def advance(self, char: str) -> float:
        em = self.size_pt * TWIPS_PER_PT
        return (em if is_wide(char) else em * self.latin_em(char)) + self.spacing_twips

    def latin_em(self, char: str) -> float:
        """A Latin character's advance in em: a digit's, a listed mark's, else a letter's."""
        m = self.metrics
        return m.digit_em if char.isdigit() else next((em for chars, em in m.latin_em if char in chars), m.letter_em)

    def known(self, char: str) -> bool:
        """Whether a Latin character's advance is the face's own (a digit or a listed mark)."""
        return char.isdigit() or any(char in chars for chars, _em in self.metrics.latin_em)


def running_width(profile: Profile) -> int:
    """The width LibreOffice fills with running text, in twips: the 版心's, and the hair more that
    keeps a hanging mark (``libreoffice_hanging_right_pt``)."""
    return Page.of(profile).text_width + pt(profile.metrics.libreoffice_hanging_right_pt)


@dataclass(frozen=True)
class Breaks:
    starts: tuple[int, ...]    # index in the text of each line's first character
    doubts: int                # breaks that could fall a character either way

    @property
    def sure(self) -> bool:
        return not self.doubts


def _tokens(text: str) -> list[tuple[int, int]]:
    """(start, end) of the pieces a line may not be broken inside: a wide character each, a run
    of digits or Latin, a space."""
    found: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = start + 1
        if not (is_wide(text[start]) or text[start].isspace()):
            while end < len(text) and not (is_wide(text[end]) or text[end].isspace()):
                end += 1
        found.append((start, end))
        start = end
    return found


def _measured(text: str, tokens: list[tuple[int, int]], face: Face) -> tuple[list[float], list[float], list[float]]:
    """Each token's advance with the gaps beside it, the gap after it (not printed at a line's
    end), and how far the advance may be off."""
    wide = face.size_pt * TWIPS_PER_PT + face.spacing_twips
    widths, trailing, errors = [], [], []
    for i, (start, end) in enumerate(tokens):
        piece = text[start:end]
        if end - start == 1 and is_wide(piece):      # most tokens: one Chinese character, exact
            widths.append(wide)
            trailing.append(0)
            errors.append(0.0)
            continue
        w = sum(face.advance(ch) for ch in piece)
        before = after = 0
        if _latin(piece):
            after = face.gap_twips * (i + 1 < len(tokens) and _spaced(text[tokens[i + 1][0]]))
            before = face.gap_twips * (i > 0 and _spaced(text[tokens[i - 1][1] - 1]))
        widths.append(w + before + after)
        trailing.append(after)
        errors.append(_error(piece, face, (before > 0) + (after > 0)))
    return widths, trailing, errors


def needed(line: str, following: str, face: Face, pieces: int = 1) -> tuple[float, float] | None:
    """The twips the first ``pieces`` of ``following`` (a character each, or a whole number) add
    to a line that ends with ``line``, the gap before them included, and how far that may be off;
    None when a word runs on over the cut."""
    text = line + following
    tokens = _tokens(text)
    count = next((i for i, (start, _end) in enumerate(tokens) if start >= len(line)), None)
    if not line or count is None or tokens[count][0] != len(line) or count + pieces > len(tokens):
        return None
    widths, trailing, errors = _measured(text, tokens, face)
    alone = sum(widths[:count]) - trailing[count - 1]
    last = count + pieces - 1
    together = sum(widths[:last + 1]) - trailing[last]
    gap = mm(face.metrics.cjk_latin_gap_error_mm)      # the gaps in the difference, and only those
    return together - alone, sum(errors[count:last + 1]) + gap * ((trailing[count - 1] > 0) - (trailing[last] > 0))


def line_breaks(text: str, face: Face, first_width: float, width: float) -> Breaks:
    """The lines of ``text`` on a line ``width`` twips wide (``first_width`` for the first)."""
    tokens = _tokens(text)
    widths, trailing, errors = _measured(text, tokens, face)
    starts, doubts = [0], 0
    room, x, line_first = first_width, 0.0, 0     # line_first: index of the line's first token
    error = 0.0                                   # how far the line's width may be off
    i = 0
    while i < len(tokens):
        start, end = tokens[i]
        if x + widths[i] - trailing[i] <= room or i == line_first:
            x += widths[i]
            error += errors[i]
            i += 1
            continue
        char = text[start]
        if min(room - x, x + widths[i] - trailing[i] - room) <= error + errors[i]:
            doubts += 1                # digits or Latin near the edge: the estimate decides
        if _latin(text[start:end]) and text[tokens[i - 1][1] - 1] in NO_LINE_START:
            doubts += 1                # 〔2017〕138: LibreOffice keeps a number after a bracket
        if char in HANGING and end - start == 1 and is_wide(text[tokens[i - 1][0]]):
            i += 1                     # hangs in the margin; the line ends after it
            if i < len(tokens) and text[tokens[i][0]] in NO_LINE_START:
                doubts += 1
        elif char in NO_LINE_START + _LATIN_NO_START or text[tokens[i - 1][0]] in NO_LINE_END \
                or text[tokens[i - 1][1] - 1] in _LATIN_NO_END:
            i -= 1                     # the character before goes down with it
            before, moved = text[tokens[i - 1][0]], text[slice(*tokens[i])]
            if i == line_first or before in NO_LINE_END or any(ch.isalpha() and ch.isascii() for ch in moved) or \
                    (char in NO_LINE_START and moved[0] in NO_LINE_START):
                doubts += 1
        while i < len(tokens) and text[tokens[i][0]].isspace():
            i += 1                     # spaces at a break print nothing
        if i >= len(tokens):
            break
        starts.append(tokens[i][0])
        line_first, room, x, error = i, width, 0.0, 0.0
    return Breaks(tuple(starts), doubts)


def _error(piece: str, face: Face, gaps: int) -> float:
    """How far the estimated advance of a piece may be off: nothing for wide characters, digits
    and the Latin marks whose widths are known, a share of an em for letters, and its gaps."""
    if is_wide(piece[0]):
        return 0.0
    m = face.metrics
    letters = sum(not face.known(ch) for ch in piece)
    return gaps * mm(m.cjk_latin_gap_error_mm) + letters * m.letter_error_em * face.size_pt * TWIPS_PER_PT


def _spaced(char: str) -> bool:
    """A wide character LibreOffice sets apart from digits and Latin: not its punctuation."""
    return is_wide(char) and not unicodedata.category(char).startswith("P")


def _latin(piece: str) -> bool:
    """Digits or letters: LibreOffice sets them apart from Chinese by a gap (a lone ASCII comma
    takes its neighbours' script and no gap)."""
    return any(ch.isalnum() for ch in piece) and not is_wide(piece[0])
