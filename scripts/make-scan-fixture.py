"""Write fixtures/form-scan.pdf: a two-page "scanned form" for the PDF-attachment fixture.

Page 1 is an A4 portrait form, page 2 an A4 landscape table; both are grey raster images, as
a scanner makes them (ruled cells, bars where handwriting and print would be).  The file is
small and committed; run this again only to change it:  .venv/bin/python scripts/make-scan-fixture.py
"""
from __future__ import annotations

import sys
import zlib
from pathlib import Path

from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject, NumberObject, StreamObject

PX_PER_MM = 2
PAPER, INK, FAINT = 244, 40, 150


class Raster:
    def __init__(self, width_mm: int, height_mm: int):
        self.width, self.height = width_mm * PX_PER_MM, height_mm * PX_PER_MM
        self.rows = [bytearray([PAPER]) * self.width for _ in range(self.height)]

    def box(self, x0: float, y0: float, x1: float, y1: float, shade: int = INK) -> None:
        """Fill the rectangle given in mm from the top-left."""
        for y in range(round(y0 * PX_PER_MM), round(y1 * PX_PER_MM)):
            row = self.rows[y]
            row[round(x0 * PX_PER_MM):round(x1 * PX_PER_MM)] = bytes([shade]) * (round(x1 * PX_PER_MM)
                                                                                  - round(x0 * PX_PER_MM))

    def grid(self, x0: float, y0: float, columns: list[float], rows: list[float]) -> None:
        """A ruled table: column widths and row heights in mm."""
        xs = [x0 + sum(columns[:i]) for i in range(len(columns) + 1)]
        ys = [y0 + sum(rows[:i]) for i in range(len(rows) + 1)]
        for x in xs:
            self.box(x, ys[0], x + 0.5, ys[-1] + 0.5)
        for y in ys:
            self.box(xs[0], y, xs[-1] + 0.5, y + 0.5)

    def words(self, x: float, y: float, length: float, shade: int = INK) -> None:
        """A bar one character high where a line of text would be."""
        self.box(x, y, x + length, y + 3.5, shade)

    def stream(self) -> StreamObject:
        image = StreamObject()
        image._data = zlib.compress(b"".join(bytes(row) for row in self.rows), 9)
        image.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Image"),
                      NameObject("/Width"): NumberObject(self.width), NameObject("/Height"): NumberObject(self.height),
                      NameObject("/ColorSpace"): NameObject("/DeviceGray"),
                      NameObject("/BitsPerComponent"): NumberObject(8),
                      NameObject("/Filter"): NameObject("/FlateDecode")})
        return image


def portrait_form() -> Raster:
    page = Raster(210, 297)
    page.words(70, 25, 70)                                  # the form's title
    page.words(20, 42, 40, FAINT)                           # 填报单位 … 填报日期
    page.words(140, 42, 50, FAINT)
    columns, rows = [40, 55, 35, 40], [12] * 15
    page.grid(20, 50, columns, rows)
    for r in range(15):
        page.words(24, 54 + 12 * r, 30 if r % 3 else 20, INK if r == 0 else FAINT)
        if r:
            page.words(64, 54 + 12 * r, 15 + (r * 7) % 30, FAINT)
    page.words(120, 250, 60, FAINT)                         # signature and stamp line
    page.box(150, 238, 178, 266, 200)
    return page


def landscape_table() -> Raster:
    page = Raster(297, 210)
    page.words(100, 18, 95)
    columns, rows = [20] + [31] * 8, [11] * 14
    page.grid(8, 32, columns, rows)
    for r in range(14):
        for c in range(1, 9):
            page.words(12 + 20 + 31 * (c - 1), 35.5 + 11 * r, 8 + (r + c) % 14, INK if r == 0 else FAINT)
    return page


def write(path: Path) -> None:
    writer = PdfWriter()
    for raster in (portrait_form(), landscape_table()):
        width, height = raster.width / PX_PER_MM * 72 / 25.4, raster.height / PX_PER_MM * 72 / 25.4
        page = writer.add_blank_page(width, height)
        image = writer._add_object(raster.stream())
        page[NameObject("/Resources")] = DictionaryObject({
            NameObject("/XObject"): DictionaryObject({NameObject("/Scan"): image}),
            NameObject("/ProcSet"): ArrayObject([NameObject("/PDF"), NameObject("/ImageB")])})
        content = DecodedStreamObject()
        content.set_data(f"q {width:.2f} 0 0 {height:.2f} 0 0 cm /Scan Do Q".encode())
        page[NameObject("/Contents")] = writer._add_object(content)
    writer.add_metadata({"/Title": "form scan (gongwen fixture)", "/Producer": "gongwen"})
    with path.open("wb") as out:
        writer.write(out)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "fixtures" / "form-scan.pdf"
    write(target)
    print(target, target.stat().st_size, "bytes")
