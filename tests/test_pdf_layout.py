"""The printed page, measured: every fixture and constructed case goes through the pagination
loop (LibreOffice, one run per pass for the session) and is measured on the ink with pdfium.

Positions are in mm from the paper's top-left; the arithmetic behind each expected value is in
the comment beside it.  Tolerance ±1 mm (GB/T 9704 §5.2.1) unless a clause says otherwise.
"""
from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from conftest import ALL_FIXTURES, CASES
from pypdf import PdfReader

from gongwen.plan import kinds
from gongwen.printing.measure import measure
from gongwen.printing.page_frame import Frame, banji_rules, content_lines, page_number
from gongwen.profile import load_profile

PROFILE = load_profile()
FRAME = Frame.of(PROFILE)
TOL = 1.0
NAMES = [p.stem for p in ALL_FIXTURES + CASES]


def near(measured: float, expected: float, tol: float = TOL) -> bool:
    return abs(measured - expected) <= tol


@pytest.mark.parametrize("name", NAMES)
def test_every_document_has_zero_findings(paginated, name):
    result = paginated[name]
    assert result.settled, result.layout
    assert [str(f) for f in result.findings] == []


@pytest.mark.parametrize("kind", list(kinds.KINDS))
def test_every_starter_renders_with_zero_findings(paginated, kind):
    # a drafting room begins from `gongwen new KIND`: as printed, it keeps the standard
    result = paginated[f"starter-{kind}"]
    assert result.settled and [str(f) for f in result.findings] == []


@pytest.mark.parametrize("name", NAMES)
def test_every_chinese_character_is_in_a_fandol_face(paginated, name):
    faces = {c.face for page in paginated[name].pages for line in page.lines for c in line.chars if c.is_cjk}
    assert faces and all(face.startswith("Fandol") for face in faces), faces


def test_000_mark_top_is_35_mm_below_the_text_area(paginated):
    page = paginated["000"].pages[0]
    mark = [line for line in page.lines if line.colour == "FF0000" and line.size_pt > 20]
    # 版心 top 37 mm + 35 mm = 72 mm, on the ink of the first organ's name
    assert near(min(line.top for line in mark), 37 + 35)
    # centred on the 版心: 28 + 156 / 2 = 106 mm
    assert near((min(l.x0 for l in mark) + max(l.x1 for l in mark)) / 2, 106)


@pytest.mark.parametrize("name", ["000", "notice-2012"])
def test_the_number_of_a_notice_is_centred_even_beside_the_legacy_star(paginated, name):
    # the ★'s frame once pushed the 文号 aside (text wrapped around it): 41–89 mm instead of centred
    number = next(line for line in paginated[name].pages[0].lines if "〔" in line.text)
    assert near((number.x0 + number.x1) / 2, 106)


def test_notice_2012_red_rule_is_156_mm_wide_and_4_mm_under_the_number(paginated):
    page = paginated["notice-2012"].pages[0]
    rule = next(r for r in page.rules if r.colour == "FF0000")
    number = next(line for line in page.lines if "〔" in line.text)
    assert near(rule.x0, 28) and near(rule.x1, 28 + 156)
    # rule centre 4 mm under the 文号's ink bottom (§7.2.7)
    assert near(rule.y - number.bottom, 4)


def test_request_rule_stays_full_width_beside_the_signers(paginated):
    page = paginated["request"].pages[0]
    rule = next(r for r in page.rules if r.colour == "FF0000")
    assert near(rule.x0, 28) and near(rule.x1, 184)
    signers = next(line for line in page.lines if "签发人" in line.text)
    # names end 1 字 (16 pt = 5.64 mm) from the right edge: 184 − 5.64 = 178.36 mm
    assert near(signers.x1, 184 - 16 * 25.4 / 72)


def test_title_lines_are_centred_in_22_pt(paginated):
    page = paginated["notice-2012"].pages[0]
    title = [line for line in page.lines if line.size_pt == 22]
    assert len(title) == 3
    for line in title:
        assert near((line.x0 + line.x1) / 2, 106)


def test_body_lines_hold_28_characters_on_a_22_line_grid(paginated):
    # page 3 is cut mid-paragraph (page 2 gives its last line to a keep-with-next heading)
    page = paginated["000"].pages[2]
    body = [line for line in content_lines(page, FRAME) if line.size_pt == 16]
    assert len(body) == 22
    # pitch 28.95 pt = 10.21 mm; 21 pitches from the first to the last baseline = 214.5 mm
    assert near(body[-1].baseline - body[0].baseline, 21 * 28.95 * 25.4 / 72, 0.3)
    # first baseline 22.62 pt under the 版心 top (measured LibreOffice rule): 37 + 7.98 = 44.98 mm
    assert near(body[0].baseline, 44.98, 0.3)
    full = [line for line in body if near(line.x0, 28) and line.x1 > 183 and re.fullmatch(r"[\u4e00-\u9fff，、。；：“”]+", line.text)]
    assert full and all(len(line.chars) in (27, 28) for line in full)
    assert sum(len(line.chars) == 28 for line in full) >= len(full) - 2


@pytest.mark.parametrize("name", ["000", "notice-2012", "one-page", "report"])
def test_page_numbers_dash_7_mm_under_the_text_area(paginated, name):
    result = paginated[name]
    pages = result.pages
    # only a blank page before the 版记 and the 版记 page after it go unnumbered (§7.5)
    unnumbered = [page.number for page in pages if page_number(page, FRAME) is None]
    assert unnumbered == ([len(pages) - 1, len(pages)] if result.layout.banji == "blank-page" else [])
    for page in pages:
        found = page_number(page, FRAME)
        if page.number in unnumbered:
            continue
        line, number = found
        assert number == page.number
        dashes = [c for c in line.chars if c.text == "—"]
        assert len(dashes) == 2 and all(c.size_pt == 14 for c in line.chars)
        # 版心 bottom 262 mm + 7 mm = 269 mm, measured on the dashes' ink centre
        assert near(sum((c.top + c.bottom) / 2 for c in dashes) / 2, 262 + 7)
        # odd: right, 1 字 (14 pt = 4.94 mm) in → ends at 179.06; even: left, starts at 32.94
        if number % 2:
            assert near(line.x1, 184 - 14 * 25.4 / 72)
        else:
            assert near(line.x0, 28 + 14 * 25.4 / 72)


@pytest.mark.parametrize("name", NAMES)
def test_banji_last_rule_on_the_text_area_bottom_of_an_even_last_page(paginated, name):
    result = paginated[name]
    last = result.pages[-1]
    rules = banji_rules(last, FRAME, PROFILE)
    plan = result.job.plan
    if not (plan.cc or plan.printed_by or plan.printed_on or plan.subject_words or result.layout.to_in_banji):
        assert rules == [], "a 版记 without any element"   # seed 004: a plan without 版记
        return
    if plan.kind == "letter":
        assert rules == [], "a 信函's 版记 has no rules (§10.1)"
        return
    assert rules, "no 版记 on the last page"
    assert near(rules[-1].y, 37 + 225)          # 262 mm
    # even for a 公文 (§7.4); a 简报's 报尾 ends its last page, odd or even (spec §8)
    assert last.number % 2 == 0 or not result.job.resolved_profile().banji.even_page
    # outer 1 pt = 0.353 mm; inner 0.75 pt = 0.265 mm (Word's 1/8 pt step nearest 0.25 mm)
    assert abs(rules[-1].weight - 0.353) < 0.05
    assert all(abs(r.weight - 0.265) < 0.05 for r in rules[1:-1])


def test_one_page_notice_puts_its_banji_alone_on_numbered_page_2(paginated):
    result = paginated["one-page"]
    assert len(result.pages) == 2
    page2 = result.pages[1]
    assert [line.text for line in content_lines(page2, FRAME)][0].startswith("抄送")
    assert page_number(page2, FRAME)[1] == 2     # no blank page before it: numbered


def test_even_page_full_gets_a_blank_page_then_the_banji_both_unnumbered(paginated):
    result = paginated["even-page-full"]
    assert result.layout.banji == "blank-page"
    pages = result.pages
    assert len(pages) == 4
    # the signature ends page 2 (even); page 3 is blank, page 4 carries only the 版记
    assert "2026年11月24日" in pages[1].text
    assert pages[2].lines == () and pages[2].rules == ()
    assert page_number(pages[3], FRAME) is None
    assert content_lines(pages[3], FRAME)[0].text.startswith("抄送")
    assert page_number(pages[1], FRAME)[1] == 2


def test_signature_alone_keeps_body_lines_with_the_signature(paginated):
    result = paginated["signature-alone"]
    assert result.layout.break_at is not None
    date_page = next(p for p in result.pages if "2026年11月24日" in p.text.split("印发")[0] and
                     any(line.text == "2026年11月24日" for line in p.lines))
    body = [line for line in content_lines(date_page, FRAME) if line.size_pt == 16 and line.x0 < 60]
    assert len(body) >= 2, "the signature page carries body text"
    assert "此页无正文" not in date_page.text
    # the moved lines continue the paragraph flush left (no new indent)
    assert near(body[0].x0, 28)


def test_long_to_list_moves_to_the_banji_and_page_1_carries_body(paginated):
    result = paginated["long-to"]
    assert result.layout.to_in_banji
    first = result.pages[0]
    assert any(line.size_pt == 16 and near(line.x0, 28 + 2 * 15.75 * 25.4 / 72) for line in first.lines)
    assert "主送：甲县党委组织部" in result.pages[-1].text.replace("\n", "")


def test_attachments_start_new_pages_and_numbers_continue(paginated):
    pages = paginated["notice-2012"].pages
    labels = [p for p in pages if content_lines(p, FRAME) and re.fullmatch(r"附件\d", content_lines(p, FRAME)[0].text)]
    assert [content_lines(p, FRAME)[0].text for p in labels] == ["附件1", "附件2"]
    numbers = [page_number(p, FRAME) for p in pages]
    assert [n[1] for n in numbers if n] == [p.number for p, n in zip(pages, numbers) if n]


def test_pdf_metadata_and_outline_come_from_the_docx(paginated):
    reader = PdfReader(paginated["000"].pdf)
    meta = reader.metadata
    assert meta.title.startswith("中共三门峡市委组织部")
    assert meta.author == "中共三门峡市委组织部、三门峡市民政局"
    assert meta.subject == "三组通〔2011〕6号"
    assert "社会组织" in (meta.get("/Keywords") or "")
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert "一、充分认识开展“百日集中组建”活动的重要意义" in titles


def test_scanned_attachment_fills_numbered_pages_before_the_banji(paginated):
    result = paginated["report"]
    pages = measure(result.pdf)             # the PDF as delivered: the scan drawn in
    assert [p.number for p in pages if p.images] == [4, 5]
    first, second = pages[3].images[0], pages[4].images[0]
    # page 4: 附件2 on line 1, its title on line 3, one blank line: the scan begins at the top of
    # line 5, 37 + 4 × 28.95 pt (10.21 mm) = 77.85 mm, and is scaled to end on the 版心 bottom, 262 mm
    top = 37 + 4 * 28.95 * 25.4 / 72
    assert near(first.top, top) and near(first.bottom, 262)
    scale = (262 - top) / 297          # 184.15 mm for an A4 height: 0.620
    # the A4 form is 210 × 0.620 = 130.2 mm wide, centred on the 版心: 106 mm
    assert near(first.x1 - first.x0, 210 * scale) and near((first.x0 + first.x1) / 2, 106)
    # page 5 (landscape, turned upright): same scale, from the 版心 top, 130.2 × 184.1 mm
    assert near(second.top, 37) and near(second.x1 - second.x0, 210 * scale)
    assert near(second.bottom - second.top, 297 * scale)
    # numbers run on through the scans: — 4 — left on the even page, — 5 — right on the odd
    numbers = [page_number(p, FRAME) for p in pages]
    assert [n[1] for n in numbers[:6]] == [1, 2, 3, 4, 5, 6]
    assert near(numbers[3][0].x0, 28 + 14 * 25.4 / 72) and near(numbers[4][0].x1, 184 - 14 * 25.4 / 72)
    # the 版记 never shares the scan's last page: page 6, even, carries only the 版记
    assert banji_rules(pages[5], FRAME, PROFILE) and not pages[5].images
    assert content_lines(pages[5], FRAME)[0].text.startswith("抄送")


def test_landscape_scan_page_is_turned_head_to_the_left(paginated):
    """§10.2: a landscape table's head lies on the binding edge of an odd page (the left)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(paginated["report"].pdf)
    image = next(iter(document[4].get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE], max_depth=4)))
    a, b, c, d, _e, _f = image.get_matrix().get()
    # the image's x axis (its width, left to right) now points up the page and its y axis (its
    # head) points left: a rotation by +90°
    assert abs(a) < 1e-6 and abs(d) < 1e-6 and b > 0 and c < 0
    document.close()


def test_pdf_keeps_metadata_and_outline_after_the_scan_is_drawn(paginated):
    reader = PdfReader(paginated["report"].pdf)
    assert reader.metadata.subject == "三民〔2011〕25号"
    assert reader.metadata.author == "三门峡市民政局"
    assert "一、主要做法" in [item.title for item in reader.outline if not isinstance(item, list)]


def test_scan_ending_on_an_even_page_gets_a_blank_page_then_the_banji(paginated):
    result = paginated["scan-ends-even"]
    assert result.layout.banji == "blank-page"
    pages = measure(result.pdf)
    assert len(pages) == 6 and [p.number for p in pages if p.images] == [3, 4]
    # the scan's last page keeps its number; the blank page and the 版记 page carry none
    assert page_number(pages[3], FRAME)[1] == 4
    assert pages[4].lines == () and pages[4].images == () and pages[4].rules == ()
    assert page_number(pages[5], FRAME) is None and banji_rules(pages[5], FRAME, PROFILE)


def test_a_long_printing_organ_keeps_the_date_whole_at_the_right(paginated):
    # seed 002: 民政部全国社会组织创先争优活动指导小组办公室 (22 字) and its date do not fit one
    # 版记 line; the date goes to the right of a second line, never "…22日" + "印发" wrapped
    last = paginated["002"].pages[-1]
    date = next(line for line in last.lines if line.text.replace(" ", "").endswith("2012年2月22日印发"))
    organ = next(line for line in last.lines if "指导小组办公室" in line.text)
    assert date is not organ and date.top > organ.bottom
    # right-aligned 1 字 (14 pt = 4.94 mm) in from the 版心's right edge: 184 − 4.94 = 179.1 mm
    assert near(date.x1, 179.1)


DECISIONS = json.loads((Path(__file__).parent / "pagination-decisions.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(DECISIONS))
def test_pagination_decides_as_recorded(paginated, name):
    # What the pagination decided for each fixture and case, recorded when it was last reviewed
    # (tests/pagination-decisions.json): a faster loop (a warm converter, fewer passes) must
    # reach the same layouts.  Re-record only after looking at the pages.
    assert json.loads(json.dumps(dataclasses.asdict(paginated[name].layout))) == DECISIONS[name]


def test_banji_rows_of_several_lines_have_the_room_of_a_one_line_row(paginated):
    # a 3-line 抄送 stood 0.7 mm under its top rule and 0.4 mm over the next (one-line rows: 2.5–2.8 mm)
    last = paginated["banji-long-cc"].pages[-1]
    rules = banji_rules(last, FRAME, PROFILE)
    assert len(rules) == 3
    rows = [[line for line in content_lines(last, FRAME) if upper.y < line.top < lower.y]
            for upper, lower in zip(rules, rules[1:])]
    cc, printed = rows
    assert len(cc) >= 3 and cc[0].text.startswith("抄送")
    # the 印发 row on one line: organ and date fit the 146 mm between the indents
    assert len(printed) == 1 and printed[0].text.endswith("印发")
    for row, (upper, lower) in zip(rows, zip(rules, rules[1:])):
        above, below = row[0].top - upper.y, lower.y - row[-1].bottom
        assert 2.0 <= above <= 3.5 and 2.0 <= below <= 3.5, (above, below)
