"""The paragraphs gongwen wrote, found on the pages LibreOffice printed: each one's lines and
pages, and the text that never printed."""
from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ..compose.layout import Written
from .measure import Line, MeasuredPage
from .page_frame import Frame, content_lines

_UNSEEN = {"Mn", "Me", "Cf"}      # combining marks and format characters (U+200B, U+2060, U+FEFF …)


@dataclass(frozen=True)
class Placed:
    """A written paragraph found on the rendered pages: the lines its characters fell on."""

    written: Written
    lines: tuple[tuple[int, Line, int], ...]   # (page number, line, offset of the line's first char)

    @property
    def first_page(self) -> int:
        return self.lines[0][0]

    @property
    def last_page(self) -> int:
        return self.lines[-1][0]


def place(written: Sequence[Written], pages: Sequence[MeasuredPage], frame: Frame) -> tuple[list[Placed], list[Written]]:
    """Find each written paragraph's characters, in order, in the text of the pages.

    Whitespace is ignored on both sides (tabs, LibreOffice's CJK/Latin spacing).  Paragraphs
    not found are returned apart: text the renderer lost.
    """
    stream: list[tuple[int, Line, int]] = []   # per character: page, line, index in line
    text = []
    for page in pages:
        for line in content_lines(page, frame):
            for index, char in enumerate(line.chars):
                for letter in _printed_char(char.text):
                    stream.append((page.number, line, index))
                    text.append(letter)
    joined = "".join(text)
    placed, lost = [], []
    position = 0
    for item in written:
        wanted = printed(item.text)
        if not wanted:
            continue
        found = joined.find(wanted, position)
        if found < 0:
            lost.append(item)
            continue
        lines: list[tuple[int, Line, int]] = []
        for offset in range(len(wanted)):
            page_number, line, index = stream[found + offset]
            if not lines or lines[-1][1] is not line:
                lines.append((page_number, line, offset))
        placed.append(Placed(item, tuple(lines)))
        position = found + len(wanted)
    return placed, lost


@cache
def _printed_char(char: str) -> str:
    """:func:`printed` of one character, worked out once each (a page prints the same few hundred)."""
    return printed(char)


def printed(text: str) -> str:
    """What of ``text`` a reader finds on the page: its letters, decomposed, without the marks
    that combine with them (José may print as one glyph or two), the zero-width and other
    format characters (which print nothing) and white space."""
    return "".join(ch for ch in unicodedata.normalize("NFD", text)
                   if unicodedata.category(ch) not in _UNSEEN and not ch.isspace())
