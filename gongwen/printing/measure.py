"""A PDF as the printed page: positioned text and rules in millimetres from the paper's top-left.

Edges are measured on the ink.  LibreOffice embeds the CJK faces with ascent and descent 0, so
the character boxes most PDF libraries report sit about 0.2 em above the glyphs; pdfium's tight
character boxes follow the glyph outlines and match a raster of the page.
"""
from __future__ import annotations

import ctypes
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..compose.geometry import MM_PER_PT
from ..pdfium import LOCK

_BASELINE_TOLERANCE_PT = 1.5
_BY_BASELINE = itemgetter(5, 1)      # a character's baseline, then its left edge


class Char(NamedTuple):
    """One printed character (a tuple: a page holds thousands, made in the measuring loop)."""

    text: str
    x0: float      # ink box, mm from the paper's left and top
    top: float
    x1: float
    bottom: float
    baseline: float
    size_pt: float
    face: str
    colour: str    # RRGGBB
    pen: float = 0.0   # where the pen stood when it printed the character (its advance starts), mm

    @property
    def is_cjk(self) -> bool:
        return is_cjk(self.text)


def is_cjk(text: str) -> bool:
    """Ideographs and CJK punctuation: glyphs only a CJK face can carry."""
    code = ord(text)
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x3000 <= code <= 0x303F
            or 0xFF01 <= code <= 0xFF5E or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF)


@dataclass(frozen=True)
class Line:
    """Characters sharing a baseline, left to right, with the ink box around them."""

    chars: tuple[Char, ...]
    x0: float
    x1: float
    top: float
    bottom: float

    @classmethod
    def of(cls, chars: Sequence[Char]) -> Line:
        ordered = tuple(sorted(chars, key=lambda c: c.x0))
        return cls(ordered, min(c.x0 for c in ordered), max(c.x1 for c in ordered),
                   min(c.top for c in ordered), max(c.bottom for c in ordered))

    @property
    def text(self) -> str:
        return "".join(c.text for c in self.chars)

    @property
    def baseline(self) -> float:
        return self.chars[0].baseline

    @property
    def size_pt(self) -> float:
        return max(c.size_pt for c in self.chars)

    @property
    def face(self) -> str:
        """The face of most of the line's characters."""
        faces = [c.face for c in self.chars]
        return max(set(faces), key=faces.count)

    @property
    def colour(self) -> str:
        colours = [c.colour for c in self.chars]
        return max(set(colours), key=colours.count)


@dataclass(frozen=True)
class Rule:
    """A horizontal stroke (paragraph or table border): its centre line and thickness."""

    x0: float
    x1: float
    y: float
    weight: float
    colour: str

    @property
    def length(self) -> float:
        return self.x1 - self.x0


@dataclass(frozen=True)
class Box:
    """An image on the page (a seal, a scanned attachment page): its bounds in mm."""

    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class MeasuredPage:
    number: int                      # physical page, from 1
    width: float
    height: float
    lines: tuple[Line, ...]
    rules: tuple[Rule, ...] = field(default=())
    images: tuple[Box, ...] = field(default=())
    scan: bool = False               # its 版心 receives a supplied PDF page after conversion
    hanging: bool = True             # printed with marks hanging after a full line (as Word shows them)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def measure(pdf: str | Path | bytes) -> list[MeasuredPage]:
    """Every page of ``pdf`` as lines of ink-measured characters and horizontal rules."""
    with LOCK:
        document = pdfium.PdfDocument(pdf)
        faces: dict[int, str] = {}     # a font's name, by its handle in this document
        try:
            return [_page(document[i], i + 1, faces) for i in range(len(document))]
        finally:
            document.close()


def _page(page: pdfium.PdfPage, number: int, faces: dict[int, str]) -> MeasuredPage:
    width, height = page.get_size()
    paths, images = _objects(page.raw)
    return MeasuredPage(number, round(width * MM_PER_PT, 2), round(height * MM_PER_PT, 2), _lines(_chars(page, height, faces)),
                        _rules(paths, height), _images(images, height))


# pdfium's calls the loop makes per character, bound once with plain types: a handle comes back
# as an int (no pointer object to cast), a box into four doubles made once
_DOUBLE_P = ctypes.POINTER(ctypes.c_double)
_TEXT_OBJECT = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(
    ctypes.cast(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p).value)
_CHAR_BOX = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, _DOUBLE_P, _DOUBLE_P, _DOUBLE_P, _DOUBLE_P)(
    ctypes.cast(pdfium_c.FPDFText_GetCharBox, ctypes.c_void_p).value)
_CHAR_ORIGIN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, _DOUBLE_P, _DOUBLE_P)(
    ctypes.cast(pdfium_c.FPDFText_GetCharOrigin, ctypes.c_void_p).value)
# one string per character for every page measured: a Chinese character's own is 76 bytes, a
# fifth of what its Char takes
_TEXTS: dict[int, str] = {}
# spaces and control characters print nothing (none lies above U+3000, the ideographic space)
_SKIPPED = frozenset(i for i in range(0x3001) if chr(i).isspace() or unicodedata.category(chr(i)) == "Cc")


def _chars(page: pdfium.PdfPage, height: float, faces: dict[int, str]) -> list[Char]:
    """Each character's ink box and pen position (its baseline) through pdfium's C calls, the
    page's text in one call; face, size and colour once per text object, which all its
    characters share (LibreOffice writes a run of a line as one object)."""
    textpage = page.get_textpage()
    raw = textpage.raw
    handle = ctypes.cast(raw, ctypes.c_void_p).value
    count = pdfium_c.FPDFText_CountChars(raw)
    buffer = ctypes.create_string_buffer(2 * (count + 1))
    pdfium_c.FPDFText_GetText(raw, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    units = memoryview(buffer.raw).cast("H")[:count]
    box = (ctypes.c_double * 6)()
    left, right, bottom, top, pen_x, pen_y = (ctypes.cast(ctypes.byref(box, 8 * k), _DOUBLE_P) for k in range(6))
    shared: dict[int, tuple[float, str, str]] = {}
    chars = []
    append, char_box, char_origin, text_object, scale = chars.append, _CHAR_BOX, _CHAR_ORIGIN, _TEXT_OBJECT, MM_PER_PT
    texts = _TEXTS
    for i, code in enumerate(units):
        if code in _SKIPPED or 0xDC00 <= code <= 0xDFFF:
            continue   # spaces, controls, and the second half of a character beyond the BMP
        if 0xD800 <= code <= 0xDBFF and i + 1 < count:
            code = 0x10000 + ((code - 0xD800) << 10) + (units[i + 1] - 0xDC00)
        char_box(handle, i, left, right, bottom, top)
        char_origin(handle, i, pen_x, pen_y)
        owner = text_object(handle, i) or -i
        known = shared.get(owner)
        if known is None:
            known = shared[owner] = _shared(raw, handle, owner, i, faces)
        append(Char(texts.get(code) or texts.setdefault(code, chr(code)), box[0] * scale, (height - box[3]) * scale,
                    box[1] * scale, (height - box[2]) * scale, (height - box[5]) * scale, *known, box[4] * scale))
    textpage.close()
    return chars


_NAME = ctypes.create_string_buffer(256)
_FLAGS = ctypes.c_int()
_RGBA = (ctypes.c_uint * 4)()
_RGBA_REFS = [ctypes.cast(ctypes.byref(_RGBA, 4 * k), ctypes.POINTER(ctypes.c_uint)) for k in range(4)]
_FONT = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p)(ctypes.cast(pdfium_c.FPDFTextObj_GetFont,
                                                                       ctypes.c_void_p).value)
_FILL = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, *[ctypes.POINTER(ctypes.c_uint)] * 4)(
    ctypes.cast(pdfium_c.FPDFText_GetFillColor, ctypes.c_void_p).value)
_SIZE = ctypes.CFUNCTYPE(ctypes.c_double, ctypes.c_void_p, ctypes.c_int)(
    ctypes.cast(pdfium_c.FPDFText_GetFontSize, ctypes.c_void_p).value)


def _shared(raw: object, handle: int, owner: int, index: int, faces: dict[int, str]) -> tuple[float, str, str]:
    """Size, face and fill colour of the character at ``index`` (of the text object ``owner``);
    a face's name read once per font of the document."""
    _FILL(handle, index, *_RGBA_REFS)
    font = _FONT(owner) if owner > 0 else None
    face = faces.get(font) if font else None
    if face is None:
        length = pdfium_c.FPDFText_GetFontInfo(raw, index, _NAME, len(_NAME), ctypes.byref(_FLAGS))
        face = _NAME.value[:max(0, length - 1)].decode("utf-8", "replace").split("+")[-1]
        if font:
            faces[font] = face
    return round(_SIZE(handle, index), 2), face, "%02X%02X%02X" % (_RGBA[0], _RGBA[1], _RGBA[2])


def _objects(page: object) -> tuple[list[object], list[object]]:
    """The page's path and image objects, inside forms too (four levels, as LibreOffice nests
    them), read through pdfium's C calls: text objects are most of a page and are skipped."""
    paths: list[object] = []
    images: list[object] = []

    def walk(count: int, get: object, depth: int) -> None:
        for i in range(count):
            obj = get(i)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                paths.append(obj)
            elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                images.append(obj)
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 4:
                walk(pdfium_c.FPDFFormObj_CountObjects(obj), lambda j, form=obj: pdfium_c.FPDFFormObj_GetObject(form, j),
                     depth + 1)

    walk(pdfium_c.FPDFPage_CountObjects(page), lambda j: pdfium_c.FPDFPage_GetObject(page, j), 1)
    return paths, images


def _bounds(obj: object) -> tuple[float, float, float, float]:
    edges = [ctypes.c_float() for _ in range(4)]
    pdfium_c.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in edges))
    return edges[0].value, edges[1].value, edges[2].value, edges[3].value


def _lines(chars: list[Char]) -> tuple[Line, ...]:
    """Group by baseline; pieces on one baseline but far apart (a frame beside text) stay apart
    only by x order, which is all the checks need."""
    tolerance = _BASELINE_TOLERANCE_PT * MM_PER_PT
    rows: list[list[Char]] = []
    start = -1e9
    for char in sorted(chars, key=_BY_BASELINE):
        if char.baseline - start <= tolerance:
            rows[-1].append(char)
        else:
            rows.append([char])
            start = char.baseline
    return tuple(Line.of(row) for row in rows)


def _rules(paths: list[object], height: float) -> tuple[Rule, ...]:
    """Stroked or filled paths that are horizontal lines; LibreOffice draws some borders twice."""
    found: set[Rule] = set()
    width = ctypes.c_float()
    rgba = [ctypes.c_uint() for _ in range(4)]
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    for obj in paths:
        left, bottom, right, top = _bounds(obj)
        pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill_mode), ctypes.byref(stroke))
        if stroke.value:
            pdfium_c.FPDFPageObj_GetStrokeWidth(obj, ctypes.byref(width))
            pdfium_c.FPDFPageObj_GetStrokeColor(obj, *(ctypes.byref(v) for v in rgba))
            # The bounds grow by the stroke width on every side.
            weight = width.value
            left, right = left + weight, right - weight
            thickness = weight
        elif fill_mode.value:
            pdfium_c.FPDFPageObj_GetFillColor(obj, *(ctypes.byref(v) for v in rgba))
            thickness = top - bottom
        else:
            continue
        if right - left < 5 * max(thickness, 0.1) or thickness > 6:
            continue
        found.add(Rule(x0=round(left * MM_PER_PT, 2), x1=round(right * MM_PER_PT, 2),
                       y=round((height - (top + bottom) / 2) * MM_PER_PT, 2),
                       weight=round(thickness * MM_PER_PT, 3),
                       colour="%02X%02X%02X" % (rgba[0].value, rgba[1].value, rgba[2].value)))
    return tuple(sorted(found, key=lambda r: (r.y, r.x0)))


def _images(images: list[object], height: float) -> tuple[Box, ...]:
    boxes = []
    for obj in images:
        left, bottom, right, top = _bounds(obj)
        boxes.append(Box(round(left * MM_PER_PT, 2), round((height - top) * MM_PER_PT, 2),
                         round(right * MM_PER_PT, 2), round((height - bottom) * MM_PER_PT, 2)))
    return tuple(boxes)
