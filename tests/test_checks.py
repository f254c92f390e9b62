"""Each geometric check on hand-built pages: quiet on a compliant page, a finding with its id,
page, expected and measured values on the page that breaks it."""
from __future__ import annotations

import dataclasses
from pathlib import Path
from types import SimpleNamespace

import pytest

from gongwen.compose.render import Layout, Written
from gongwen.errors import ConvertError
from gongwen.printing.face_checks import chinese_faces, other_faces
from gongwen.printing.measure import Box, Char, Line, MeasuredPage, Rule
from gongwen.printing.overlay import Scan
from gongwen.printing.page_checks import (banji, chars_per_line, lines_per_page, mark_position, page_numbers,
                                          paper_and_text_area, red_rule, signature_with_body, title)
from gongwen.printing.page_frame import Frame
from gongwen.printing.paginate import Placed, _own_findings, _require_chinese_faces, decide
from gongwen.profile import load_profile

PROFILE = load_profile()
PT = 25.4 / 72
PITCH = 28.95 * PT
ADVANCE = 15.75 * PT          # 16 pt − 0.25 pt spacing


def line(text: str, x0: float, baseline: float, size: float = 16, face: str = "FandolFang-Regular",
         colour: str = "000000", advance: float | None = None) -> Line:
    step = advance or (size - 0.25 if size == 16 else size) * PT
    chars = []
    for i, ch in enumerate(text):
        wide = ord(ch) > 0x2000
        left = x0 + i * step
        chars.append(Char(ch, left, baseline - 0.8 * size * PT, left + (0.9 if wide else 0.5) * size * PT,
                          baseline + 0.1 * size * PT, baseline, size, face if wide else "LiberationSerif", colour))
    return Line.of(chars)


def number_line(n: int) -> Line:
    text = f"—{n}—"
    width = 14 * PT * (2 + 0.5 * len(str(n)))
    x0 = 184 - 14 * PT - width if n % 2 else 28 + 14 * PT
    dash_centre = 269.0
    chars, x = [], x0
    for ch in text:
        w = 14 * PT * (1 if ch == "—" else 0.5)
        chars.append(Char(ch, x, dash_centre - 0.1, x + w, dash_centre + 0.1 if ch == "—" else dash_centre + 1.5,
                          270.4, 14, "FandolSong-Regular", "000000"))
        x += w
    return Line.of(chars)


def page(number: int, lines: list[Line], rules: tuple[Rule, ...] = (), numbered: bool = True) -> MeasuredPage:
    return MeasuredPage(number, 210, 297, tuple(lines) + ((number_line(number),) if numbered else ()), rules)


def body_page(number: int, count: int = 22, flush_first: bool = False) -> MeasuredPage:
    lines = []
    for i in range(count):
        x0 = 28 if (i or flush_first) else 28 + 2 * ADVANCE
        n = 28 if x0 == 28 else 26
        lines.append(line("党" * n, x0, 44.98 + i * PITCH))
    return page(number, lines)


def ids(findings) -> list[str]:
    return [f.id for f in findings]


def test_text_area_allows_one_hanging_mark_but_not_a_wide_line():
    ok = page(1, [line("党" * 27 + "，", 28, 60)])
    assert ids(paper_and_text_area([ok], PROFILE)) == []
    wide = page(1, [line("党" * 30, 28, 60)])
    (finding,) = paper_and_text_area([wide], PROFILE)
    assert (finding.id, finding.page) == ("page.text-area", 1)


def test_paper_size():
    small = dataclasses.replace(page(1, []), width=215.9, height=279.4)
    assert ids(paper_and_text_area([small], PROFILE)) == ["page.size"]


def test_full_page_needs_22_lines():
    full = [page(1, []), body_page(2), body_page(3, 5, flush_first=True)]
    assert lines_per_page(full, PROFILE) == []
    short = [page(1, []), body_page(2, 21), body_page(3, 5, flush_first=True)]
    (finding,) = lines_per_page(short, PROFILE)
    assert (finding.id, finding.page, finding.expected, finding.measured) == ("grid.lines", 2, "22", "21")


def test_page_before_the_signature_page_is_exempt():
    signed = body_page(3, 2, flush_first=True)
    signed = dataclasses.replace(signed, lines=signed.lines[:-1] + (line("三门峡市民政局", 118, 80),
                                                                    line("2026年11月24日", 128, 90), signed.lines[-1]))
    assert lines_per_page([page(1, []), body_page(2, 19), signed], PROFILE) == []


def test_28_characters_per_full_line_with_a_mark_hanging_after_them():
    # 28 characters, then a comma hanging in the margin (x0 = 28 + 28 × 5.556 = 183.6 mm)
    hung = line("党" * 28 + "，", 28, 70)
    ok = page(2, [line("党" * 28, 28, 60), hung, line("党党", 28, 80)])
    assert chars_per_line([ok], PROFILE) == []
    # the 28th character went down with a comma that could have hung: a finding
    gave_away = page(2, [line("党" * 27, 28, 60, advance=156 / 27), line("党，党", 28, 70)])
    assert ids(chars_per_line([gave_away], PROFILE)) == ["grid.chars"]
    # 避头尾 asks for 27: an opening bracket may not end a line, a closing quote does not hang
    bracket = page(2, [line("党" * 27, 28, 60, advance=156 / 27), line("（一般）", 28, 70)])
    quote = page(2, [line("党" * 27, 28, 60, advance=156 / 27), line("性”为", 28, 70)])
    assert chars_per_line([bracket], PROFILE) == [] and chars_per_line([quote], PROFILE) == []
    # printed without hanging marks (a mark LibreOffice dropped): the 28th goes down with the mark
    unhung = dataclasses.replace(gave_away, hanging=False)
    assert chars_per_line([unhung], PROFILE) == []
    # 避头尾 over two marks: 试 goes down with 行, which may not be parted from ）》 (26 to the line)
    chained = page(2, [line("党" * 26, 28, 60, advance=156 / 26), line("行）》已经", 28, 70)])
    assert chars_per_line([chained], PROFILE) == []
    for short in ("行）已经", "行已）经"):      # the line could have ended after 行 or after 已
        assert ids(chars_per_line([page(2, [line("党" * 26, 28, 60, advance=156 / 26), line(short, 28, 70)])],
                                  PROFILE)) == ["grid.chars"], short
    # the text runs on over the page break: a page's last line is read with the next page's first
    # (generated plans: 20 findings of this kind on 228 documents, every one of them wrong)
    last = page(2, [line("党" * 28, 28, 60), line("党" * 27, 28, 70, advance=156 / 27)])
    assert chars_per_line([last, page(3, [line("“百日集中组建”", 28, 60)])], PROFILE) == []
    assert ids(chars_per_line([last, page(3, [line("党，党", 28, 60)])], PROFILE)) == ["grid.chars"]


def test_mark_35_mm_below_the_text_area_and_centred():
    def mark_page(top: float, x0: float) -> MeasuredPage:
        mark = line("三门峡市民政局文件", x0, top + 0.8 * 36 * PT, size=36, face="FandolSong-Bold", colour="FF0000")
        return page(1, [mark], (Rule(28, 184, 114, 0.53, "FF0000"),))

    good_x0 = 106 - 9 * 36 * PT / 2
    assert mark_position([mark_page(72, good_x0)], PROFILE) == []
    assert ids(mark_position([mark_page(74, good_x0)], PROFILE)) == ["mark.top"]
    assert ids(mark_position([mark_page(72, good_x0 + 5)], PROFILE)) == ["mark.centre"]


def test_red_rule_width_and_distance_under_the_number():
    number = line("三民〔2026〕3号", 83, 108.7)
    good = page(1, [number], (Rule(28, 184, number.bottom + 4, 0.53, "FF0000"),))
    assert red_rule([good], PROFILE) == []
    short = page(1, [number], (Rule(33.7, 184, number.bottom + 4, 0.53, "FF0000"),))
    assert ids(red_rule([short], PROFILE)) == ["rule.width"]
    low = page(1, [number], (Rule(28, 184, number.bottom + 6, 0.53, "FF0000"),))
    assert ids(red_rule([low], PROFILE)) == ["rule.below-number"]


def test_title_size_and_centring():
    rule = (Rule(28, 184, 114, 0.53, "FF0000"),)
    text = "关于做好年报工作的通知"
    x0 = 106 - len(text) * 22 * PT / 2
    good = page(1, [line(text, x0, 137, size=22, face="FandolSong-Bold")], rule)
    assert title([good], PROFILE) == []
    off = page(1, [line(text, x0 + 4, 137, size=22, face="FandolSong-Bold")], rule)
    assert ids(title([off], PROFILE)) == ["title.centre"]
    small = page(1, [line(text, 106 - len(text) * 20 * PT / 2, 137, size=20, face="FandolSong-Bold")], rule)
    assert ids(title([small], PROFILE)) == ["title.size"]


def test_page_numbers_form_side_height_and_sequence():
    pages = [page(1, [line("党", 28, 50)]), page(2, [line("党", 28, 50)])]
    assert page_numbers(pages, PROFILE) == []
    swapped = [pages[0], dataclasses.replace(pages[1], lines=(pages[1].lines[0], number_line(3)))]
    assert set(ids(page_numbers(swapped, PROFILE))) == {"page-number.sequence", "page-number.side"}
    missing = [pages[0], page(2, [line("党", 28, 50)], numbered=False)]
    assert ids(page_numbers(missing, PROFILE)) == ["page-number.missing"]
    hyphens = dataclasses.replace(pages[0], lines=(pages[0].lines[0], line("-1-", 160, 270.4, size=14)))
    assert ids(page_numbers([hyphens], PROFILE)) == ["page-number.form"]


def test_blank_page_and_the_banji_page_after_it_carry_no_number():
    rules = (Rule(28, 184, 241.4, 0.353, "000000"), Rule(28, 184, 251.6, 0.265, "000000"),
             Rule(28, 184, 261.8, 0.353, "000000"))
    banji_lines = [line("抄送：市委组织部。", 33, 248.2, size=14), line("办公室　2026年印发", 33, 258.4, size=14)]
    pages = [page(1, [line("党", 28, 50)]), page(2, [line("党", 28, 50)]), page(3, [], numbered=False),
             page(4, banji_lines, rules, numbered=False)]
    assert page_numbers(pages, PROFILE) == []
    assert banji(pages, PROFILE) == []


def test_a_numbered_page_kept_for_a_scan_is_not_blank():
    kept = page(2, [], numbered=True)
    assert ids(page_numbers([page(1, [line("党", 28, 50)]), kept], PROFILE)) == ["page-number.blank-page"]
    scanned = dataclasses.replace(kept, scan=True)
    assert page_numbers([page(1, [line("党", 28, 50)]), scanned], PROFILE) == []


def test_an_image_outside_the_text_area():
    inside = dataclasses.replace(page(1, []), images=(Box(40.9, 77.9, 171.1, 262.0),))
    assert paper_and_text_area([inside], PROFILE) == []
    # a page-size scan pasted at the paper's corner: 0–210 × 0–297 mm
    outside = dataclasses.replace(page(1, []), images=(Box(0, 0, 210, 297),))
    (finding,) = paper_and_text_area([outside], PROFILE)
    assert finding.id == "page.text-area" and "0.0–210.0" in finding.measured


def test_banji_position_weight_and_parity():
    def banji_page(number: int, bottom: float, inner: float) -> MeasuredPage:
        rules = (Rule(28, 184, bottom - 20.4, 0.353, "000000"), Rule(28, 184, bottom - 10.2, inner, "000000"),
                 Rule(28, 184, bottom, 0.353, "000000"))
        text = [line("抄送：市委组织部。", 33, bottom - 13.6, size=14), line("办公室", 33, bottom - 3.4, size=14)]
        return page(number, text, rules)

    assert banji([page(1, []), banji_page(2, 261.8, 0.265)], PROFILE) == []
    assert ids(banji([page(1, []), banji_page(2, 259.5, 0.265)], PROFILE)) == ["banji.position"]
    assert ids(banji([page(1, []), banji_page(2, 261.8, 0.353)], PROFILE)) == ["banji.rule-weight"]
    assert ids(banji([page(1, []), page(2, []), banji_page(3, 261.8, 0.265)], PROFILE)) == ["banji.even-page"]


def test_signature_alone_on_its_page():
    alone = page(3, [line("附件：调查表", 39, 45), line("三门峡市民政局", 118, 65), line("2026年11月24日", 128, 75)])
    (finding,) = signature_with_body([body_page(1), body_page(2), alone], PROFILE)
    assert (finding.id, finding.page) == ("signature.alone", 3)
    kept = page(3, [line("党党党。", 28, 45), line("三门峡市民政局", 118, 65), line("2026年11月24日", 128, 75)])
    assert signature_with_body([body_page(1), body_page(2), kept], PROFILE) == []


def test_chinese_in_a_latin_face_is_an_error():
    fell = page(1, [line("党建", 28, 50, face="DejaVuSans")])
    (finding,) = chinese_faces([fell], PROFILE)
    assert finding.id == "font.fallback" and "DejaVuSans" in finding.measured
    assert chinese_faces([page(1, [line("党建", 28, 50)])], PROFILE) == []
    # the pagination loop stops there: every measure of a page in the wrong faces is wrong
    with pytest.raises(ConvertError, match="DejaVuSans"):
        _require_chinese_faces([fell], PROFILE, "plan")


def test_symbols_and_latin_in_other_faces_are_a_warning():
    star = page(1, [line("★", 100, 50, face="DejaVuSans"), line("2026年", 28, 60)])
    (finding,) = other_faces([star], PROFILE)
    assert (finding.id, finding.severity) == ("font.other-fallback", "warning")
    assert "★ DejaVuSans" in finding.measured
    # digits and Latin in the metric twin of Times New Roman are the document's own
    assert other_faces([page(1, [line("2026年", 28, 60)])], PROFILE) == []


# -- pagination decisions on hand-built traces -----------------------------------------------------


def placed(role: str, page_number: int, text: str = "党党", block: int | None = None, offset: int = 0) -> Placed:
    return Placed(Written(role, text, block), ((page_number, line(text, 28, 50), offset),))


@pytest.mark.parametrize(("trace", "expected"), [
    # the 主送 fills page 1 to its last grid line and the body starts on page 2: 主送 to the 版记
    ([Placed(Written("to", "党党"), ((1, line("党党", 28, 258), 0),)), placed("body", 2, block=0)],
     Layout(to_in_banji=True)),
    # a one-line 主送 with room below it: the body went to page 2 for another reason (a table
    # row that cannot split); moving the 主送 would leave page 1 empty, so it stays
    ([placed("to", 1), placed("body", 2, block=0)], Layout()),
    # the last body paragraph has 3 lines: its last 2 keep with the signature (a keep-with-next
    # chain from character 28 to the date), wherever the page ends now or after an edit
    ([placed("body", 2, "甲" * 10, 0), Placed(Written("body", "乙" * 84, 1), ((2, line("乙" * 28, 28, 50), 0),
                                                                            (2, line("乙" * 28, 28, 60), 28),
                                                                            (2, line("乙" * 28, 28, 70), 56))),
      placed("signature", 3), placed("date", 3)], Layout(break_at=(1, 28))),
    # a last paragraph of 2 lines is chained whole at render time: nothing to measure
    ([placed("body", 2, "甲" * 10, 0), Placed(Written("body", "乙" * 56, 1), ((2, line("乙" * 28, 28, 50), 0),
                                                                            (2, line("乙" * 28, 28, 60), 28))),
      placed("signature", 3), placed("date", 3)], Layout()),
    # text ends on odd page 1 with the 版记 beside it: the 版记 gets its own page
    ([placed("body", 1, block=0), placed("signature", 1), placed("banji", 1)], Layout(banji="new-page")),
    # text ends on even page 2, the 版记 did not fit and fell to page 3: blank page first
    ([placed("body", 2, block=0), placed("signature", 2), placed("banji", 3)], Layout(banji="blank-page")),
    # text ends on page 1, the 版记 fell to even page 2: it gets a section of its own that starts
    # on an even page, so that shortening the text never brings it back to page 1
    ([placed("body", 1, block=0), placed("signature", 1), placed("banji", 2)], Layout(banji="new-page")),
])
def test_decide(trace, expected):
    # only the first trace has its body off page 1 because of the 主送; the others start on page 1
    plan = SimpleNamespace(to=("各县民政局",) if trace[0].written.role == "to" else ())
    assert decide(Layout(), trace, [], plan, PROFILE) == expected


def test_scan_pages_must_be_free_and_present():
    scan = Scan(Path("form.pdf"), (2, 3), top_mm=77.9)
    free = [body_page(1), page(2, [line("附件", 28, 45)], numbered=True), page(3, [])]
    assert _own_findings([placed("body", 1, block=0)], [], PROFILE, free, [scan]) == []
    taken = [*free[:2], page(3, [line("党党", 28, 45)])]
    (finding,) = _own_findings([placed("body", 1, block=0)], [], PROFILE, taken, [scan])
    assert (finding.id, finding.page, finding.measured) == ("attachment.scan-pages", 2, "3")
    (finding,) = _own_findings([placed("body", 1, block=0)], [], PROFILE, free[:2], [scan])
    assert finding.measured == "3"


def test_split_title_and_lost_text_are_findings():
    title_lines = Placed(Written("title", "关于……的通知"), ((1, line("关于", 50, 137), 0), (2, line("通知", 50, 45), 2)))
    found = _own_findings([title_lines, placed("body", 1, block=0)], [Written("body", "丢失的段落")], PROFILE)
    assert sorted(ids(found)) == ["text.lost", "title.split"]


def test_what_prints_nothing_or_prints_combined_is_not_lost():
    # zero-width and format characters print nothing; a combining mark may print as one glyph
    # with its letter (é) or as two: neither is text lost (they made --pdf refuse such plans)
    from gongwen.printing.paginate import place

    printed = page(1, [line("请张三同志、José和Amélie以及李四、王五联系。", 28, 50)])
    written = [Written("body", "请张\u200b三同志、Jose\u0301和Ame\u0301lie以及\u2060李四、\ufeff王五联系。")]
    placed, lost = place(written, [printed], Frame.of(PROFILE))
    assert lost == [] and len(placed) == 1
    # a character that is not on the page is still lost, and named
    placed, lost = place([Written("body", "请张三同志、Jos和Amélie")], [printed], Frame.of(PROFILE))
    assert [item.text for item in lost] == ["请张三同志、Jos和Amélie"]


def test_a_letters_mark_is_held_to_the_paper_centre_where_it_is_placed():
    # the 函's mark and rules are placed on the page (105 mm) and its check expected the 版心's
    # centre (106 ± 1): every letter passed by 0.05 mm or warned
    from gongwen.compose.kinds import adapted

    letter = adapted("letter", PROFILE)
    width = 9 * 30 * PT

    def mark_page(centre: float) -> MeasuredPage:
        top = PROFILE.page.top_mm + letter.mark.top_mm
        mark = line("三门峡市民政局办公室"[:9], centre - width / 2, top + 0.8 * 30 * PT, size=30,
                    face="FandolSong-Bold", colour="FF0000", advance=30 * PT)
        return page(1, [mark], (Rule(20, 190, 45, 0.79, "FF0000"),))

    assert [f.id for f in mark_position([mark_page(105)], letter) if f.id == "mark.centre"] == []
    assert [f.id for f in mark_position([mark_page(107.5)], letter) if f.id == "mark.centre"] == ["mark.centre"]
    assert [f.id for f in mark_position([mark_page(106.8)], PROFILE) if f.id == "mark.centre"] == []
