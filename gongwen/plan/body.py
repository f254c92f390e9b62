"""Body text as drafters type it → a list of blocks.

One paragraph per line (blank lines ignored).  Levels are recognised from the numbering the
drafter typed (一、 （一） 1．/1./1、 （1）) or written as ``#``…``####`` headings that are
numbered here, so inserting a section renumbers the rest.  A heading followed on the same line
by 。 and more text is run-in: only the part up to 。 takes the heading face.  Lines starting
with ``|`` form a table (a ``|---|`` row marks the rows above it as header), and so do lines
pasted from Excel, their cells parted by tabs (the first row the header, short rows padded); a
line ``---`` or ``<分页>`` is a page break.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..chinese import numeral, parse_numeral
from ..i18n import _


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Heading:
    level: int          # 1..4
    number: str         # as printed: 一、 （一） 1． （1）
    title: str          # heading text (without the number)
    rest: str = ""      # run-in body text that follows the heading on the same line

    @property
    def run_in(self) -> bool:
        return bool(self.rest)

    @property
    def value(self) -> int:
        """The number as a count: 3 for 三、, （三） and 3．."""
        return typed_level(self.number)[1]


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[str, ...], ...]
    header_rows: int = 0


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Paragraph | Heading | Table | PageBreak


class BodyError(ValueError):
    """A line of the body cannot be understood; ``line`` is 0-based within the body text."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


_CN = "[一二三四五六七八九十百零]+"
_RECOGNISED = (
    (1, re.compile(rf"^({_CN})、(.*)$")),
    (2, re.compile(rf"^[（(]({_CN})[）)](.*)$")),
    (3, re.compile(r"^(\d{1,3})(?:[．.、])(?!\d)(.*)$")),
    (4, re.compile(r"^[（(](\d{1,3})[）)](.*)$")),
)
_MARKDOWN = re.compile(r"^(#{1,6})\s*(.*)$")
_PAGE_BREAK = re.compile(r"^(-{3,}|<分页>|＜分页＞)$")
_SEPARATOR = re.compile(r"^\|?(\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$")
_STRIP = " \t\u3000"


def typed_level(line: str) -> tuple[int, int] | None:
    """(level 1–4, number as a count) of a heading number typed at the start of ``line``, as a
    reader of the printed page takes it: 三、 → (1, 3), （二） → (2, 2), 4． → (3, 4)."""
    for level, pattern in _RECOGNISED:
        match = pattern.match(line)
        if match:
            digits = match.group(1)
            return level, int(digits) if digits.isdigit() else parse_numeral(digits)
    return None


def number_text(level: int, n: int) -> str:
    """The printed number of the n-th heading of ``level`` (GB/T 9704-2012 §7.3.3)."""
    return (f"{numeral(n)}、", f"（{numeral(n)}）", f"{n}．", f"（{n}）")[level - 1]


def split_run_in(text: str) -> tuple[str, str]:
    """Split "标题。正文" into heading and rest at the first 。; no rest when 。 ends the line."""
    head, sep, rest = text.partition("。")
    if sep and rest.strip(_STRIP):
        return head + sep, rest
    return text, ""


def parse(text: str) -> list[Block]:
    blocks: list[Block] = []
    counters = [0, 0, 0, 0]
    table_rows: list[tuple[int, tuple[str, ...]]] = []
    header_rows = 0

    def flush_table() -> None:
        nonlocal header_rows
        if table_rows:
            width = len(table_rows[0][1])
            for line_no, row in table_rows:
                if len(row) != width:
                    raise BodyError(line_no, _("table row has {n} cells, the first row has {width}").format(
                        n=len(row), width=width))
            blocks.append(Table(tuple(row for _, row in table_rows), header_rows))
            table_rows.clear()
            header_rows = 0

    def count(level: int, n: int) -> None:
        counters[level - 1] = n
        for deeper in range(level, 4):
            counters[deeper] = 0

    pasted: list[tuple[str, ...]] = []       # rows pasted from a spreadsheet: cells parted by tabs

    def flush_pasted() -> None:
        if pasted:
            width = max(len(row) for row in pasted)
            blocks.append(Table(tuple(row + ("",) * (width - len(row)) for row in pasted), 1 if len(pasted) > 1 else 0))
            pasted.clear()

    for line_no, raw in enumerate(text.splitlines()):
        line = raw.strip(_STRIP)
        if "\t" in line:
            flush_table()
            pasted.append(tuple(c.strip(_STRIP) for c in raw.strip(" \u3000").split("\t")))
            continue
        flush_pasted()
        if line.startswith("|"):
            if _SEPARATOR.match(line):
                if not table_rows:
                    raise BodyError(line_no, _("table separator row without a row above it"))
                header_rows = len(table_rows)
            else:
                cells = line.strip("|").split("|")
                table_rows.append((line_no, tuple(c.strip(_STRIP) for c in cells)))
            continue
        flush_table()
        if not line:
            continue
        if _PAGE_BREAK.match(line):
            blocks.append(PageBreak())
            continue
        markdown = _MARKDOWN.match(line)
        if markdown:
            level = len(markdown.group(1))
            if level > 4:
                raise BodyError(line_no, _("headings go four levels deep (一、（一）1．（1）); this one has {n} #").format(
                    n=level))
            if not markdown.group(2).strip(_STRIP):
                raise BodyError(line_no, _("heading without text"))
            count(level, counters[level - 1] + 1)
            text = markdown.group(2).strip(_STRIP)
            typed = _RECOGNISED[level - 1][1].match(text)
            if typed:   # "# 一、总体要求": the number is gongwen's to give, not printed twice
                text = typed.group(2).strip(_STRIP)
            title, rest = split_run_in(text)
            blocks.append(Heading(level, number_text(level, counters[level - 1]), title, rest))
            continue
        typed = typed_level(line)
        if typed is not None:
            level, n = typed
            count(level, n)
            match = _RECOGNISED[level - 1][1].match(line)
            title, rest = split_run_in(match.group(2))
            blocks.append(Heading(level, line[: match.start(2)], title, rest))
        else:
            blocks.append(Paragraph(line))
    flush_table()
    flush_pasted()
    return blocks
