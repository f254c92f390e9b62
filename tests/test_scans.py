"""Scanned attachments drawn into a PDF, without LibreOffice: blank A4 pages stand for the
converted document, and the result is measured with pdfium like any rendered page."""
from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from conftest import FIXTURES
from pypdf import PdfReader, PdfWriter

from gongwen.errors import RenderError
from gongwen.plan.scans import page_count
from gongwen.printing.measure import measure
from gongwen.printing.overlay import Scan, overlay
from gongwen.profile import load_profile

PROFILE = load_profile()
FORM = FIXTURES / "form-scan.pdf"
A4 = (595.28, 841.89)


def near(measured: float, expected: float, tol: float = 0.5) -> bool:
    return abs(measured - expected) <= tol


def blank_document(path: Path, pages: int = 2) -> Path:
    writer = PdfWriter()
    for _page in range(pages):
        writer.add_blank_page(*A4)
    with path.open("wb") as out:
        writer.write(out)
    return path


def scan_source(path: Path, *, rotate: int = 0, size: tuple[float, float] | None = None) -> Path:
    """The fixture's first page, turned by /Rotate or cropped to a smaller paper."""
    writer = PdfWriter(clone_from=str(FORM))
    page = writer.pages[0]
    if rotate:
        page.rotate(rotate)
    if size:
        page.cropbox.upper_right = (float(page.cropbox.left) + size[0], float(page.cropbox.bottom) + size[1])
    writer.remove_page(1)
    with path.open("wb") as out:
        writer.write(out)
    return path


def image_matrix(pdf: Path, number: int) -> tuple[float, ...]:
    document = pdfium.PdfDocument(pdf)
    try:
        image = next(iter(document[number - 1].get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE], max_depth=4)))
        return image.get_matrix().get()
    finally:
        document.close()


def test_page_count():
    assert page_count(FORM) == 2


def test_one_scale_for_the_whole_scan_and_the_first_page_below_the_title(tmp_path):
    target = blank_document(tmp_path / "doc.pdf")
    overlay(target, [Scan(FORM, (1, 2), top_mm=100)], PROFILE)
    first, second = (page.images[0] for page in measure(target))
    # page 1 has 262 − 100 = 162 mm of height for 297 mm: scale 0.545, 114.5 × 162 mm, centred on 106
    scale = 162 / 297
    assert near(first.top, 100) and near(first.bottom, 262)
    assert near(first.x1 - first.x0, 210 * scale) and near((first.x0 + first.x1) / 2, 106)
    # page 2 (landscape, turned) keeps that scale rather than filling its 156 × 225 mm
    assert near(second.top, 37) and near(second.bottom - second.top, 297 * scale)


def test_a_small_paper_is_not_enlarged(tmp_path):
    target = blank_document(tmp_path / "doc.pdf", 1)
    a6 = (105 / 25.4 * 72, 148 / 25.4 * 72)
    overlay(target, [Scan(scan_source(tmp_path / "a6.pdf", size=a6), (1,), top_mm=37)], PROFILE)
    (page,) = measure(target)
    # scale 1, not 156/105: the crop box (the A6 part of the raster, its lower left) ends
    # 37 + 148 = 185 mm down and starts 106 − 105/2 = 53.5 mm in; the raster around it is clipped
    box = page.images[0]
    assert near(box.bottom, 37 + 148) and near(box.x0, 106 - 105 / 2) and near(box.x1 - box.x0, 210)
    # the clip: the crop box, 105 × 148 mm = 297.6 × 419.5 pt
    content = PdfReader(target).pages[0].get_contents().get_data()
    assert re.search(rb"0\.0 0\.0 297\.6\d* 419\.5\d* re\s+W\s+n", content), content[:120]


def test_a_page_shown_sideways_by_rotate_is_set_head_left(tmp_path):
    target = blank_document(tmp_path / "doc.pdf", 1)
    source = scan_source(tmp_path / "rotated.pdf", rotate=90)
    overlay(target, [Scan(source, (1,), top_mm=37)], PROFILE)
    # /Rotate 90 shows the portrait form lying on its side (landscape); turned head-left again,
    # the raster stands upright: no rotation left in its matrix
    a, b, c, d, _e, _f = image_matrix(target, 1)
    assert a > 0 and d > 0 and abs(b) < 1e-6 and abs(c) < 1e-6


def test_an_unusable_scan_is_a_render_error_naming_the_file(tmp_path):
    target = blank_document(tmp_path / "doc.pdf", 1)
    before = target.read_bytes()
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n%garbage")
    with pytest.raises(RenderError) as caught:
        overlay(target, [Scan(broken, (1,), top_mm=37)], PROFILE)
    assert caught.value.location.file == broken
    assert target.read_bytes() == before     # the document is left as it was
