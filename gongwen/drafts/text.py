"""Plain text and Markdown drafts → :class:`~gongwen.drafts.lines.Draft`.

Text as drafters paste it: one paragraph a line, a line pushed right with spaces (a signature),
cells parted by tabs (copied from Excel) a table, a form feed a new page.  Markdown is read by
markdown-it (CommonMark with its tables): headings keep their depth, each typed line is a
paragraph of its own (a drafter writes one a line, as in Word), an ordered list's items are
numbered 1．2．, a table stays a table and a thematic break (---) starts a page.
"""
from __future__ import annotations

import codecs
import re

from ..errors import Location
from ..i18n import _
from .lines import Draft, DraftError, Item, Line, Table

_RIGHT = re.compile(r"^(?: {8,}|\u3000{4,}|\t{2,})")
# a tabbed line that is one of a 版记's (its 印发 line) or a head's, not a row of data
_NOT_A_ROW = re.compile(r"印发$|签发人|〕\s*\d+\s*号")


def decode(data: bytes, where: Location) -> str:
    """Text in UTF-8 (with or without a BOM), UTF-16 with a BOM, or GBK/GB 18030 as Chinese
    Windows saves it."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    else:
        for encoding in ("utf-8", "gb18030"):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
    raise DraftError(_("the text is neither UTF-8 nor GBK: save it as UTF-8 and import it again"), where)


def read_text(text: str) -> Draft:
    items: list[Item] = []
    rows: list[tuple[str, ...]] = []
    new_page = False

    def flush() -> None:
        nonlocal new_page
        if len(rows) > 1:
            width = max(len(r) for r in rows)
            items.append(Table(tuple(r + ("",) * (width - len(r)) for r in rows), 1, new_page))
            new_page = False
        elif rows:
            items.append(Line("\t".join(rows[0]), new_page=new_page))
            new_page = False
        rows.clear()

    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if "\f" in raw:
            flush()
            new_page = True
            raw = raw.replace("\f", "")
        stripped = raw.strip(" \u3000\t")
        if "\t" in stripped and not _NOT_A_ROW.search(stripped) and not _RIGHT.match(raw):
            rows.append(tuple(cell.strip(" \u3000") for cell in stripped.split("\t")))
            continue
        flush()
        if stripped:
            items.append(Line(stripped, right=bool(_RIGHT.match(raw)), new_page=new_page))
            new_page = False
    flush()
    return Draft(items, typed=True)


def read_markdown(text: str) -> Draft:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    items: list[Item] = []
    new_page = False
    level: int | None = None
    numbers: list[int | None] = []      # the open lists: the next number of an ordered one
    table: list[list[str]] | None = None
    header_rows = 0
    pending = ""                        # the number of the list item whose text comes next
    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            level = int(token.tag[1])
        elif kind == "heading_close":
            level = None
        elif kind in ("ordered_list_open", "bullet_list_open"):
            numbers.append(int(token.attrGet("start") or 1) if kind == "ordered_list_open" else None)
        elif kind in ("ordered_list_close", "bullet_list_close"):
            numbers.pop()
        elif kind == "list_item_open" and numbers[-1] is not None:
            pending = f"{numbers[-1]}．"
            numbers[-1] += 1
        elif kind == "hr":
            new_page = True
        elif kind == "table_open":
            table, header_rows = [], 0
        elif kind == "tr_open" and table is not None:
            table.append([])
        elif kind == "thead_close" and table is not None:
            header_rows = len(table)
        elif kind == "table_close" and table is not None:
            items.append(Table(tuple(tuple(row) for row in table), header_rows, new_page))
            table, new_page = None, False
        elif kind == "inline" and table is not None:
            table[-1].append(_plain(token))
        elif kind == "inline":
            prefix, pending = pending, ""
            for n, part in enumerate(_plain(token).split("\n")):
                if part.strip(" \u3000"):
                    items.append(Line((prefix if n == 0 else "") + part.strip(" \u3000"), level=level,
                                      new_page=new_page))
                    new_page = False
        elif kind in ("fence", "code_block", "html_block"):
            for part in token.content.splitlines():
                if part.strip():
                    items.append(Line(part.strip(" \u3000"), new_page=new_page))
                    new_page = False
    return Draft(items, typed=True)


def _plain(token) -> str:
    """An inline token's text without its marks; a soft or hard break a new line."""
    out = []
    for child in token.children or ():
        if child.type in ("text", "code_inline", "html_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif child.type == "image":
            out.append(child.content)
    return "".join(out)
