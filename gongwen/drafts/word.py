"""A .docx draft → :class:`~gongwen.drafts.lines.Draft`: made in Word, WPS or LibreOffice, or
by gongwen.  Paragraphs are read as the review reads them (:func:`gongwen.review.reading.describe`:
the look Word shows, list numbers included); text boxes (a WPS mark is often one) and content
controls are read where they stand; a table that lays out a head or a 版记 becomes its lines,
one that holds data stays a table; pictures are kept with whether they float (a seal).
"""
from __future__ import annotations

import re
from pathlib import Path

from ..review.list_numbers import ListNumbers
from ..review.reading import SCAN_PAGE_STYLE, Styles, describe, open_package
from ..review.roles import DOC_NUMBER
from .lines import Draft, Item, Line, Picture, Table

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"

# gongwen's paragraph styles and the element each prints (templates/document.docx)
ROLES = {
    "GwMark": "mark", "GwDocNumber": "number", "GwTitle": "title", "GwTitleDate": "title-date", "GwTo": "to",
    "GwBody": "body", "GwHeading1": "body", "GwHeading2": "body", "GwHeading3": "body", "GwHeading4": "body",
    "GwAttachmentNote": "note-list", "GwSignature": "signature", "GwSignerName": "signature", "GwDate": "date",
    "GwNote": "note", "GwAttachmentLabel": "label", "GwAttachmentTitle": "attachment-title", "GwBanji": "banji",
    "GwSubjectWords": "banji", "GwIssue": "issue", "GwIssueLine": "issue-line", "GwContentsLabel": "contents",
    "GwContents": "contents", "GwArticleTitle": "article-title", "GwSource": "source", "GwAttendance": "attendance",
    "GwHeadLine": "head", "GwCaption": "caption", "GwTable": "table",
}
# what a table that lays out a head or a 版记 (not data) says
_LAYOUT = re.compile(r"^(抄\s*送|主题词|报[：:]|送[：:]|发[：:]|编辑[：:]|签发人)|印发$|（共印\d+份）")
_HEADING_STYLE = re.compile(r"^(heading|标题)\s*([1-4])$", re.IGNORECASE)


def read_docx(path: Path) -> Draft:
    """The draft at ``path`` (after the review's refusals of what is not a sane .docx)."""
    document = open_package(path)
    reader = _Reader(document)
    reader.walk(document.element.body)
    return Draft(reader.items, (document.core_properties.title or "").strip())


class _Reader:
    def __init__(self, document):
        self.document = document
        self.styles = Styles(document)
        self.lists = ListNumbers(document, self.styles.chain)
        section = document.sections[0] if document.sections else None
        self.half_width = (section.page_width or 0) / 2 if section is not None else 0
        self.items: list[Item] = []
        self.index = 0
        self.new_page = False      # the next item starts a page

    def walk(self, container) -> None:
        for child in container:
            if child.tag == f"{_W}p":
                self.paragraph(child)
            elif child.tag == f"{_W}tbl":
                self.table(child)
            elif child.tag == f"{_W}sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    self.walk(content)

    def paragraph(self, p) -> None:
        from docx.text.paragraph import Paragraph

        for box in _text_boxes(p):
            for inner in box.iter(f"{_W}p"):
                self.paragraph(inner)
        ppr = p.pPr
        if ppr is not None and _on(ppr.find(f"{_W}pageBreakBefore")):
            self.new_page = True
        paragraph = Paragraph(p, self.document._body)
        para = describe(paragraph, self.index, self.styles, self.lists, self.half_width)
        self.index += 1
        role = ROLES.get(p.style or "")
        level = self._heading_level(p.style)
        if para is not None:
            leading = len(paragraph.text) - len(paragraph.text.lstrip(" \u3000"))
            # gongwen sets flush left only the last lines of a paragraph it keeps with the signature
            flush = role == "body" and paragraph.paragraph_format.first_line_indent == 0 and bool(self.items)
            self.items.append(Line(para.text, role, para.centred, para.right or leading >= 8, para.size_pt, para.red,
                                   self.new_page, level, flush))
            self.new_page = False
        elif p.style == SCAN_PAGE_STYLE and not (self.items and getattr(self.items[-1], "role", None) == "scan"):
            self.items.append(Line("", "scan"))          # pages gongwen left for a scanned attachment
        self._pictures(p)
        if any(br.get(f"{_W}type") == "page" for br in p.iter(f"{_W}br")) or (
                ppr is not None and ppr.find(f"{_W}sectPr") is not None):
            self.new_page = True

    def _heading_level(self, style_id: str | None) -> int | None:
        """A heading level Word's own heading styles give (a hand-made draft's 标题 1 …)."""
        if not style_id or style_id.startswith("Gw"):
            return None
        chain = self.styles.chain(style_id)
        match = _HEADING_STYLE.match(chain[0].name or "") if chain else None
        return int(match.group(2)) if match else None

    def _pictures(self, p) -> None:
        for blip in p.iter(f"{_A}blip"):
            if any(a.tag == f"{_MC}Fallback" for a in blip.iterancestors()):
                continue
            r_id = blip.get(f"{_R}embed")
            part = self.document.part.related_parts.get(r_id) if r_id else None
            if part is None:
                continue
            drawing = next(blip.iterancestors(f"{_WP}anchor", f"{_WP}inline"), None)
            properties = drawing.find(f"{_WP}docPr") if drawing is not None else None
            extension = Path(part.partname).suffix.lstrip(".").lower() or "png"
            self.items.append(Picture(part.blob, "jpeg" if extension == "jpg" else extension,
                                      properties.get("name", "") if properties is not None else "",
                                      drawing is not None and drawing.tag == f"{_WP}anchor"))

    def table(self, tbl) -> None:
        from docx.table import Table as DocxTable

        table = DocxTable(tbl, self.document._body)
        rows, seen = [], set()
        for row in table.rows:
            cells = []
            for cell in row.cells:
                if id(cell._tc) in seen:      # a merged cell comes once
                    continue
                seen.add(id(cell._tc))
                cells.append(cell)
            rows.append(cells)
        texts = [[cell.text.strip() for cell in cells] for cells in rows]
        styled = {p.style for cells in rows for cell in cells for p in cell._tc.iter(f"{_W}p")}
        width = max((len(r) for r in texts), default=0)
        layout = (any(ROLES.get(s or "") not in (None, "table", "body") for s in styled)
                  or any(_LAYOUT.search(cell) or DOC_NUMBER.search(cell) for r in texts for cell in r)
                  or width < 2 or len(texts) < 2)
        if layout:
            for cells in rows:
                self.layout_row(cells)
            return
        header = 0
        for row in table.rows:
            trpr = row._tr.trPr
            if trpr is None or trpr.find(f"{_W}tblHeader") is None:
                break
            header += 1
        header = header or 1            # a table typed without a marked header row has its header on top
        padded = tuple(tuple(r) + ("",) * (width - len(r)) for r in texts)
        self.items.append(Table(padded, header, self.new_page))
        self.new_page = False

    def layout_row(self, cells: list) -> None:
        """A row of a table that lays text out: its cells' lines; a row of single-line cells
        without a style of gongwen's is one line, the cells a tab apart (a 印发 line typed as
        organ | date, a mark typed as name | 文件)."""
        start = len(self.items)
        counts = []
        for cell in cells:
            before = len(self.items)
            self.walk_cell(cell)
            counts.append(len(self.items) - before)
        made = self.items[start:]
        if len([n for n in counts if n]) > 1 and all(n <= 1 for n in counts) and all(
                isinstance(item, Line) and not item.role for item in made):
            first = made[0]
            self.items[start:] = [Line("\t".join(item.text for item in made), None, first.centred, made[-1].right,
                                       max((item.size_pt or 0 for item in made), default=None) or None,
                                       any(item.red for item in made), first.new_page)]

    def walk_cell(self, cell) -> None:
        for child in cell._tc:
            if child.tag == f"{_W}p":
                self.paragraph(child)
            elif child.tag == f"{_W}tbl":
                self.table(child)


def _text_boxes(p) -> list:
    """The text boxes anchored in paragraph ``p`` (the DrawingML ones; the VML copy Word keeps
    for old readers is skipped)."""
    return [box for box in p.iter(f"{_W}txbxContent")
            if not any(a.tag == f"{_MC}Fallback" for a in box.iterancestors())
            and next(box.iterancestors(f"{_W}txbxContent"), None) is None]


def _on(flag) -> bool:
    return flag is not None and flag.get(f"{_W}val", "true") not in ("0", "false", "off")
