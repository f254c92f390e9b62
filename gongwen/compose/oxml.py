"""The only module that writes raw WordprocessingML.

python-docx has no East Asian font attribute, document grid, floating tables or paragraph
borders; these builders fill the gaps.  Each builder emits its children in the schema's order
(ECMA-376 Part 1, §17), because Word repairs or refuses files that do not keep it.
"""
from __future__ import annotations

import html
from functools import cache
from typing import Iterable

from docx.oxml.ns import NamespacePrefixedTag, qn
from docx.oxml.parser import oxml_parser
from lxml import etree

Element = etree._Element


@cache
def _tag(tag: str) -> tuple[str, dict[str, str]]:
    prefixed = NamespacePrefixedTag(tag)
    return prefixed.clark_name, prefixed.nsmap


@cache
def _key(key: str) -> str:
    return qn(key) if ":" in key else qn(f"w:{key}")


def el(tag: str, attrs: dict[str, object] | None = None, *children: Element | None) -> Element:
    """``w:tag`` with ``w:``-qualified attributes and the given children (None skipped); an
    element of python-docx's classes, made as its ``OxmlElement`` makes it."""
    clark, nsmap = _tag(tag)
    node = oxml_parser.makeelement(clark, nsmap=nsmap)
    for key, value in (attrs or {}).items():
        node.set(_key(key), _attr(value))
    for child in children:
        if child is not None:
            node.append(child)
    return node


def _attr(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def _flag(tag: str, on: bool | None) -> Element | None:
    if on is None:
        return None
    return el(tag) if on else el(tag, {"val": 0})


# -- run properties ---------------------------------------------------------------------------


def rpr(*, style: str | None = None, east_asia: str | None = None, latin: str | None = None,
        bold: bool | None = None, color: str | None = None, spacing: int | None = None,
        size_half_pt: int | None = None, lang: bool = False) -> Element:
    """``w:rPr``; fonts are written without theme attributes, so the named faces win."""
    fonts = None
    if east_asia or latin:
        attrs: dict[str, object] = {}
        if latin:
            attrs.update(ascii=latin, hAnsi=latin, cs=latin)
        if east_asia:
            attrs["eastAsia"] = east_asia
        attrs["hint"] = "eastAsia"
        fonts = el("w:rFonts", attrs)
    return el(
        "w:rPr", None,
        el("w:rStyle", {"val": style}) if style else None,
        fonts,
        _flag("w:b", bold),
        _flag("w:bCs", bold),
        el("w:color", {"val": color}) if color else None,
        el("w:spacing", {"val": spacing}) if spacing is not None else None,
        el("w:sz", {"val": size_half_pt}) if size_half_pt else None,
        el("w:szCs", {"val": size_half_pt}) if size_half_pt else None,
        el("w:lang", {"val": "en-US", "eastAsia": "zh-CN"}) if lang else None,
    )


def run(text: str, props: Element | None = None) -> Element:
    """A ``w:r``; tabs and line breaks in ``text`` become ``w:tab`` and ``w:br``."""
    r = el("w:r", None, props)
    for i, line in enumerate(text.split("\n")):
        if i:
            r.append(el("w:br"))
        for j, piece in enumerate(line.split("\t")):
            if j:
                r.append(el("w:tab"))
            if piece:
                t = el("w:t")
                t.text = piece
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                r.append(t)
    return r


def field_run(instruction: str, props: Element | None = None) -> list[Element]:
    """A complex field (``PAGE``) as the three runs Word and LibreOffice both update."""
    instr = el("w:instrText")
    instr.text = f" {instruction} "
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    copy = (lambda: etree.fromstring(etree.tostring(props))) if props is not None else (lambda: None)
    return [
        el("w:r", None, copy(), el("w:fldChar", {"fldCharType": "begin"})),
        el("w:r", None, copy(), instr),
        el("w:r", None, copy(), el("w:fldChar", {"fldCharType": "separate"})),
        el("w:r", None, copy(), _text("1")),
        el("w:r", None, copy(), el("w:fldChar", {"fldCharType": "end"})),
    ]


def _text(value: str) -> Element:
    t = el("w:t")
    t.text = value
    return t


# -- paragraph properties ---------------------------------------------------------------------


def border(side: str, size_eighths: int, color: str, space_pt: int = 0, style: str = "single") -> Element:
    """A paragraph border (``style``: single, or a double rule such as thickThinSmallGap)."""
    return el(f"w:{side}", {"val": style, "sz": size_eighths, "space": space_pt, "color": color})


def ppr(*, style: str | None = None, keep_next: bool | None = None, keep_lines: bool | None = None,
        page_break_before: bool | None = None, frame: dict[str, object] | None = None,
        widow_control: bool | None = None, border: Element | None = None, shading: str | None = None,
        tabs: Iterable[tuple[str, int]] = (), overflow_punct: bool | None = None, snap_to_grid: bool | None = None,
        line_exact: int | None = None, line_auto: bool = False, before: int | None = None,
        after: int | None = None,
        left: int | None = None, right: int | None = None, first_line: int | None = None,
        hanging: int | None = None, jc: str | None = None, outline_level: int | None = None,
        run_props: Element | None = None) -> Element:
    """``w:pPr`` with children in schema order (§17.3.1.26)."""
    spacing = None
    if line_exact is not None or line_auto or before is not None or after is not None:
        attrs: dict[str, object] = {}
        if before is not None:
            attrs["before"] = before
        if after is not None:
            attrs["after"] = after
        if line_exact is not None:
            attrs.update(line=line_exact, lineRule="exact")
        elif line_auto:      # as tall as what it holds (a picture)
            attrs.update(line=240, lineRule="auto")
        spacing = el("w:spacing", attrs)
    ind = None
    if any(v is not None for v in (left, right, first_line, hanging)):
        attrs = {}
        if left is not None:
            attrs["left"] = left
        if right is not None:
            attrs["right"] = right
        if hanging is not None:
            attrs["hanging"] = hanging
        elif first_line is not None:
            attrs["firstLine"] = first_line
        ind = el("w:ind", attrs)
    tab_list = list(tabs)
    return el(
        "w:pPr", None,
        el("w:pStyle", {"val": style}) if style else None,
        _flag("w:keepNext", keep_next),
        _flag("w:keepLines", keep_lines),
        _flag("w:pageBreakBefore", page_break_before),
        el("w:framePr", frame) if frame else None,
        _flag("w:widowControl", widow_control),
        el("w:pBdr", None, border) if border is not None else None,
        el("w:shd", {"val": "clear", "color": "auto", "fill": shading}) if shading else None,
        el("w:tabs", None, *(el("w:tab", {"val": kind, "pos": pos}) for kind, pos in tab_list)) if tab_list else None,
        _flag("w:overflowPunct", overflow_punct),
        _flag("w:snapToGrid", snap_to_grid),
        spacing,
        ind,
        el("w:jc", {"val": jc}) if jc else None,
        el("w:outlineLvl", {"val": outline_level}) if outline_level is not None else None,
        run_props,
    )


def paragraph(props: Element | None = None, *runs: Element) -> Element:
    return el("w:p", None, props, *runs)


# -- drawings --------------------------------------------------------------------------------

_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def anchored_picture(r_id: str, cx: int, cy: int, x: int, y: int, name: str, shape_id: int = 1) -> Element:
    """A floating picture (the seal) in front of the text: x from the margin, y from the
    paragraph, sizes and offsets in EMU."""
    name = html.escape(name, quote=True)
    xml = (
        f'<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        f'xmlns:wp="{_WP}" xmlns:a="{_A}" xmlns:pic="{_PIC}" xmlns:r="{_R}">'
        f'<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="251659264" '
        f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        f'<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="margin"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="{shape_id}" name="seal"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{_PIC}"><pic:pic>'
        f'<pic:nvPicPr><pic:cNvPr id="0" name="{name}"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="{r_id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
        f'</pic:pic></a:graphicData></a:graphic></wp:anchor></w:drawing>'
    )
    return etree.fromstring(xml)


# -- tables -----------------------------------------------------------------------------------


def table(width: int, columns: list[int], rows: list[Element], *, jc: str | None = None,
          borders: dict[str, tuple[int, str] | None] | None = None, float_bottom_x: int | None = None,
          cell_margin: int = 0) -> Element:
    """A fixed-layout ``w:tbl``.  ``float_bottom_x`` makes it a frame anchored to the bottom
    of the text area at that x from the page edge (the 版记)."""
    float_pr = None
    overlap = None
    if float_bottom_x is not None:
        # horzAnchor=page: LibreOffice turns a full-width floating table into a frame only then.
        float_pr = el("w:tblpPr", {"leftFromText": 0, "rightFromText": 0, "topFromText": 0, "bottomFromText": 0,
                                   "vertAnchor": "margin", "horzAnchor": "page", "tblpX": float_bottom_x,
                                   "tblpYSpec": "bottom"})
        overlap = el("w:tblOverlap", {"val": "never"})
    border_el = None
    if borders is not None:
        sides = []
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            spec = borders.get(side)
            sides.append(el(f"w:{side}", {"val": "single", "sz": spec[0], "space": 0, "color": spec[1]})
                         if spec else el(f"w:{side}", {"val": "nil"}))
        border_el = el("w:tblBorders", None, *sides)
    margins = el("w:tblCellMar", None, *(el(f"w:{s}", {"w": cell_margin if s in ("left", "right") else 0,
                                                       "type": "dxa"}) for s in ("top", "left", "bottom", "right")))
    props = el(
        "w:tblPr", None,
        float_pr, overlap,
        el("w:tblW", {"w": width, "type": "dxa"}),
        el("w:jc", {"val": jc}) if jc else None,
        border_el,
        el("w:tblLayout", {"type": "fixed"}),
        margins,
        el("w:tblLook", {"val": "0000", "firstRow": 0, "lastRow": 0, "firstColumn": 0, "lastColumn": 0,
                         "noHBand": 1, "noVBand": 1}),
    )
    grid = el("w:tblGrid", None, *(el("w:gridCol", {"w": w}) for w in columns))
    return el("w:tbl", None, props, grid, *rows)


def row(cells: list[Element], *, height: int | None = None, exact: bool = True, cant_split: bool = True,
        header: bool = False) -> Element:
    """A table row; ``header`` rows repeat at the top of every page the table runs over."""
    props = el(
        "w:trPr", None,
        el("w:cantSplit") if cant_split else None,
        el("w:trHeight", {"val": height, "hRule": "exact" if exact else "atLeast"}) if height else None,
        el("w:tblHeader") if header else None,
    )
    return el("w:tr", None, props, *cells)


def cell(width: int, paragraphs: list[Element], *, v_align: str | None = None,
         right_margin: int | None = None, top_margin: int | None = None, bottom_margin: int | None = None,
         bottom_border: tuple[int, str] | None = None, borders_nil: bool = False,
         text_direction: str | None = None) -> Element:
    tc_borders = None
    if bottom_border is not None or borders_nil:
        sides = []
        for side in ("top", "left", "bottom", "right"):
            if side == "bottom" and bottom_border is not None:
                sides.append(el("w:bottom", {"val": "single", "sz": bottom_border[0], "space": 0,
                                             "color": bottom_border[1]}))
            elif borders_nil:
                sides.append(el(f"w:{side}", {"val": "nil"}))
        tc_borders = el("w:tcBorders", None, *sides)
    props = el(
        "w:tcPr", None,
        el("w:tcW", {"w": width, "type": "dxa"}),
        tc_borders,
        el("w:tcMar", None, *(el(f"w:{side}", {"w": value, "type": "dxa"}) for side, value in
                              (("top", top_margin), ("bottom", bottom_margin), ("right", right_margin)) if value))
        if right_margin or top_margin or bottom_margin else None,
        el("w:textDirection", {"val": text_direction}) if text_direction else None,
        el("w:vAlign", {"val": v_align}) if v_align else None,
    )
    return el("w:tc", None, props, *(paragraphs or [paragraph()]))


# -- section ----------------------------------------------------------------------------------

_SECT_ORDER = [qn(f"w:{t}") for t in (
    "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType "
    "pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings "
    "sectPrChange").split()]


def section_start(sect_pr: Element, start: str) -> None:
    """Where the section begins: nextPage, evenPage, oddPage (§17.18.77)."""
    for old in sect_pr.findall(qn("w:type")):
        sect_pr.remove(old)
    sect_pr.append(el("w:type", {"val": start}))
    sect_pr[:] = sorted(sect_pr, key=lambda child: _SECT_ORDER.index(child.tag))


def section_geometry(sect_pr: Element, *, page: tuple[int, int], margins: dict[str, int],
                     line_pitch: int) -> None:
    """Replace page size, margins and grid of ``sect_pr`` in place, keeping its references."""
    for tag in ("w:pgSz", "w:pgMar", "w:cols", "w:docGrid"):
        for old in sect_pr.findall(qn(tag)):
            sect_pr.remove(old)
    sect_pr.append(el("w:pgSz", {"w": page[0], "h": page[1]}))
    sect_pr.append(el("w:pgMar", {**margins, "gutter": 0}))
    sect_pr.append(el("w:cols", {"space": 425}))
    sect_pr.append(el("w:docGrid", {"type": "lines", "linePitch": line_pitch}))
    sect_pr[:] = sorted(sect_pr, key=lambda child: _SECT_ORDER.index(child.tag))
