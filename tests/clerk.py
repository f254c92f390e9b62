"""A notice typed the way a clerk types one in Word: plain python-docx, direct formatting, no
gongwen styles — page setup as the dialog writes it, blank lines for the standard's gaps,
paragraph borders for the red rule and the 版记 rules, odd and even footers with a PAGE field.

``clerk_document(path, **changes)`` writes the clean notice, or one with a fault: each key
replaces one part of :data:`CLEAN` (or switches off what a clerk may forget).
"""
from __future__ import annotations

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

CLEAN = {
    "mark": "三门峡市民政局文件",
    "number": "三民〔2026〕3号",
    "title": "关于做好社会组织年报工作的通知",
    "to": "各县（市、区）民政局：",
    "body": ["为做好2026年度社会组织年报工作，现就有关事项通知如下。", "一、工作要求", "（一）按时报送。",
             "二、工作时间", "2027年1月1日至3月31日。"],
    "date": "2026年11月24日",
    "cc": "抄送：市委组织部。",
    "printed": "三门峡市民政局办公室　　　　　　　　2026年11月24日印发",
    "footer": ("— ", " —"),
}
LINES = 22


def clerk_document(path, **changes) -> None:
    parts = CLEAN | changes
    document = Document()
    used = 0

    def line(text, size=16, align=None, red=False, face=None, indent=True, colour=None):
        nonlocal used
        paragraph = document.add_paragraph()
        fmt = paragraph.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        run = paragraph.add_run(text)
        run.font.size = Pt(size)
        face = face or ("黑体" if text.startswith(tuple("一二三四五六七八九十")) and "、" in text[:3] else
                        "楷体_GB2312" if text.startswith("（") else "方正小标宋简体" if size >= 22 else "仿宋_GB2312")
        if face != "(theme)":                                   # a clerk picks the face by name
            run.font.name = "Times New Roman"
            run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), face)
        if red or colour:
            run.font.color.rgb = RGBColor.from_string(colour or "FF0000")
        if align is not None:
            paragraph.alignment = align
        elif indent and text:
            fmt.first_line_indent = Pt(2 * size)
        used += 1
        return paragraph

    def blank(n=1):
        for _ in range(n):
            line("")

    mark = line(parts["mark"], 36, WD_ALIGN_PARAGRAPH.CENTER, red=parts.get("mark_red", True))
    mark.paragraph_format.space_before = Mm(parts.get("mark_top", 28.3))
    blank()
    number = line(parts["number"], 16, WD_ALIGN_PARAGRAPH.CENTER)
    border(number, "bottom", 12, "FF0000", space=parts.get("rule_space", 6))
    blank()
    line(parts["title"], parts.get("title_size", 22), WD_ALIGN_PARAGRAPH.CENTER, face="方正小标宋简体")
    blank()
    line(parts["to"], indent=False)
    for text in parts["body"]:
        line(text, face=parts.get("body_face"), colour=parts.get("body_colour"))
    blank()
    signature = line("三门峡市民政局", align=WD_ALIGN_PARAGRAPH.RIGHT)
    signature.paragraph_format.right_indent = Pt(2 * 16)
    date = line(parts["date"], align=WD_ALIGN_PARAGRAPH.RIGHT)
    date.paragraph_format.right_indent = Pt(4 * 16)
    for label, name in parts.get("attachments", ()):
        line(label, face="黑体", indent=False).paragraph_format.page_break_before = True
        blank()
        line(name, 22, WD_ALIGN_PARAGRAPH.CENTER)
    # the 版记 at the foot of an even page: blank lines down to it from the top of a new page
    tail = [parts["subject"]] if parts.get("subject") else []
    tail += [parts["cc"], parts["printed"]]
    if not parts.get("banji_floats"):
        blank(LINES - len(tail) - 2)
        document.paragraphs[-(LINES - len(tail) - 2)].paragraph_format.page_break_before = True
    rows = [line("　" + text, 14, indent=False) for text in (tail[::-1] if parts.get("tail_reversed") else tail)]
    for row in rows:        # 版记 rows off the grid ("对齐到网格" unticked), so they sit on the bottom edge
        snap = OxmlElement("w:snapToGrid")
        snap.set(qn("w:val"), "0")
        row._p.get_or_add_pPr().insert_element_before(snap, *_AFTER_SNAP)
        row.paragraph_format.line_spacing = Pt(28)
    if not parts.get("banji_floats"):
        rows[0].paragraph_format.space_before = Pt(19.8)
    border(rows[0], "top", 8, "000000")
    for row in rows[:-1]:
        border(row, "bottom", 6, "000000")
    border(rows[-1], "bottom", 8, "000000")
    page_setup(document, **parts.get("page", {}))
    section = document.sections[0]
    footers = [(section.footer, WD_ALIGN_PARAGRAPH.RIGHT)]
    if parts.get("odd_and_even", True):
        document.settings.odd_and_even_pages_header_footer = True
        footers.append((section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT))
    for footer, align in footers:
        page_number(footer.paragraphs[0], parts["footer"], parts.get("footer_align", align),
                    parts.get("field_result", True))
    # python-docx's template carries Word 2010's stylesWithEffects, which no longer matches the
    # styles once footers are added; Word 2013 and later write none
    for r_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            document.part.drop_rel(r_id)
    document.save(path)


# Word writes a paragraph's properties in the schema's order (CT_PPr): what follows w:snapToGrid
# and w:pBdr, so that each goes in its place.
_AFTER_SNAP = ("w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
               "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
               "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_AFTER_BORDERS = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
                  "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
                  "w:snapToGrid", *_AFTER_SNAP)


def border(paragraph, side, eighths, colour, space=1) -> None:
    """A paragraph border as Word's Borders dialog writes it (width in eighths of a point)."""
    borders = paragraph._p.get_or_add_pPr().find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        paragraph._p.get_or_add_pPr().insert_element_before(borders, *_AFTER_BORDERS)
    edge = OxmlElement(f"w:{side}")
    for key, value in (("val", "single"), ("sz", str(eighths)), ("space", str(space)), ("color", colour)):
        edge.set(qn(f"w:{key}"), value)
    borders.append(edge)


def page_setup(document, top=37, left=28, lines=LINES, footer=25.5, paper=(210, 297)) -> None:
    """A4, the standard's margins and the 22-line grid, as the Page Setup dialog writes them."""
    section = document.sections[0]
    section.page_width, section.page_height = Mm(paper[0]), Mm(paper[1])
    section.top_margin, section.left_margin = Mm(top), Mm(left)
    section.bottom_margin, section.right_margin = Mm(297 - 225 - 37), Mm(210 - 156 - 28)
    section.footer_distance = Mm(footer)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    height_pt = (297 - top - (297 - 225 - 37)) / 25.4 * 72
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(int(height_pt / lines * 20)))


def page_number(paragraph, dashes, align, with_result=True) -> None:
    """— PAGE — in 四号 宋体 1 字 in, the field as Word writes it (begin, instruction,
    separate, result, end) — or, as some tools write it, without the result."""
    paragraph.alignment = align
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        paragraph.paragraph_format.right_indent = Pt(14)
    elif align == WD_ALIGN_PARAGRAPH.LEFT:
        paragraph.paragraph_format.left_indent = Pt(14)
    parts = [("text", dashes[0]), ("begin", None), ("instr", " PAGE "), ("separate", None),
             ("result", "1"), ("end", None), ("text", dashes[1])]
    for kind, text in parts:
        if not with_result and kind in ("separate", "result"):
            continue
        run = paragraph.add_run(text if kind in ("text", "result") else None)
        run.font.size = Pt(14)
        run.font.name = "宋体"
        if kind == "instr":
            instruction = OxmlElement("w:instrText")
            instruction.text = text
            run._r.append(instruction)
        elif kind not in ("text", "result"):
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
