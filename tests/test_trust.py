"""Plans as users write them, through the whole pagination loop: nothing refused that a drafting
room would print, nothing dropped from the page."""
from __future__ import annotations

import re

from conftest import TRUST

from gongwen.fonts import Coverage
from gongwen.printing.face_checks import missing_glyphs, substituted_faces
from gongwen.printing.measure import Char, Line, MeasuredPage
from gongwen.printing.page_frame import Frame
from gongwen.printing.paginate import place
from gongwen.profile import load_profile

PROFILE = load_profile()


def test_trust_cases_exist():
    assert {p.stem for p in TRUST} >= {"rare-names"}


def printed(result) -> str:
    return "".join(line.text for page in result.pages for line in page.lines)


def test_rare_names_print_in_every_role(paginated):
    result = paginated["rare-names"]
    assert result.fatal == [] and result.error is None
    text = printed(result)
    for role_text in ("李镕等同志", "李镕、张喆、王堃、赵珺", "钱䶮同志、𠀀字号", "三门峡市镕城街道办事处", "联系人：李镕",
                      "市委组织部王堃"):
        assert role_text in text, role_text


def test_rare_names_are_named_in_a_warning_with_a_face_of_the_chain(paginated):
    result = paginated["rare-names"]
    warnings = [f for f in result.findings if f.id == "font.substituted"]
    assert warnings and all(f.severity == "warning" for f in warnings)
    named = " ".join(f.measured for f in warnings)
    for char in "镕喆堃䶮𠀀":
        assert re.search(f"{char} U\\+{ord(char):04X} (Noto Serif CJK SC|HanaMin[AB]|AR PL UMing CN)", named), \
            (char, named)
    # The official faces' free twins print everything they have.
    faces = {c.face for page in result.pages for line in page.lines for c in line.chars if c.text in "通知表彰"}
    assert all(face.startswith("Fandol") for face in faces), faces


def char(text: str, face: str) -> Char:
    return Char(text, 30, 50, 35.6, 55, 54, 16, face, "000000")


def test_substituted_faces_names_char_and_face_and_ignores_the_primaries():
    page = MeasuredPage(1, 210, 297, (Line.of([char("李", "FandolFang-Regular"), char("镕", "NotoSerifCJKjp-Regular")]),),
                        (), ())
    (finding,) = substituted_faces([page], PROFILE)
    # named as fontconfig and `gongwen doctor` name it, not by the Japanese face name Noto's
    # collection gives the PDF
    assert finding.severity == "warning" and "镕 U+9555 Noto Serif CJK SC" in finding.measured
    assert "李" not in finding.measured


def test_a_character_no_face_has_is_fatal():
    page = MeasuredPage(1, 210, 297, (Line.of([char("李", "FandolFang-Regular"), char("镕", "FandolFang-Regular")]),),
                        (), ())
    fandol_without_rong = {"FandolFang-Regular": "4e00-9554 9556-9fff"}   # fontconfig's charset
    import gongwen.fonts as fonts

    original = fonts._coverage
    fonts._coverage = lambda config: fandol_without_rong   # a machine whose faces all lack 镕
    try:
        (finding,) = missing_glyphs([page], PROFILE, config=fonts.base_config())
    finally:
        fonts._coverage = original
    assert finding.severity == "fatal" and "镕 U+9555" in finding.measured


def test_coverage_parses_fontconfig_ranges():
    cover = Coverage.parse("20-7e a0-17f 9555")
    assert "A" in cover and "镕" in cover and "李" not in cover


def test_placing_text_with_a_character_beyond_the_bmp():
    from gongwen.compose.render import Written

    line = Line.of([Char(ch, 30 + i * 5.6, 50, 35 + i * 5.6, 55, 54, 16, "FandolFang-Regular", "000000")
                    for i, ch in enumerate("𠀀字号")])
    placed, lost = place([Written("body", "𠀀字号")], [MeasuredPage(1, 210, 297, (line,), (), ())], Frame.of(PROFILE))
    assert lost == [] and len(placed) == 1


def test_huge_banji_loses_nothing_and_ends_on_an_even_page(paginated):
    frame = Frame.of(PROFILE)
    for name, first, last in (("cc-170", "第1县（市、区）社会组织管理局", "第170县（市、区）社会组织管理局。"),
                              ("to-300", "主送：第1街道办事处", "第300街道办事处。")):
        result = paginated[name]
        assert result.fatal == [] and result.settled, (name, result.findings)
        assert [f.id for f in result.findings] == [], [str(f) for f in result.findings]
        text = printed(result).replace(" ", "")
        assert first in text and last in text and "三门峡市民政局办公室2026年11月24日印发" in text
        banji_pages = [page for page in result.pages if any("街道办事处" in l.text or "管理局" in l.text
                                                            for l in page.lines if l.size_pt < 15)]
        assert len(banji_pages) >= 3, name
        assert result.pages[-1].number % 2 == 0
        for page in banji_pages:
            # every page of the 版记 is a full 版记 frame at the foot of its page: last rule on the
            # 版心 bottom, 37 + 225 = 262 mm (±1 mm, §5.2.1)
            bottom = max(rule.y for rule in page.rules if rule.colour == "000000")
            assert abs(bottom - frame.bottom) <= 1, (name, page.number, bottom)


def test_a_tall_table_row_never_leaves_page_one_empty(paginated):
    result = paginated["joint-table"]
    assert not result.layout.to_in_banji and result.fatal == []
    page_one = "".join(line.text for line in result.pages[0].lines)
    assert "各县（市、区）委组织部：" in page_one and "某某协会" in page_one
    assert "page1.body" not in [f.id for f in result.findings]


def test_a_document_whose_hanging_mark_libreoffice_drops_is_printed_without_hanging(tmp_path):
    # With the lines widened only 0.5 pt, LibreOffice drops the comma hanging after
    # "…已建立党组织的41家" in the request (measured); the loop must notice the lost text and
    # print that document without hanging punctuation instead of losing the mark.
    from conftest import FIXTURES

    import gongwen
    from gongwen.printing.paginate import Job, paginate

    base = gongwen.load_profile()
    narrow = base.model_copy(update={"metrics": base.metrics.model_copy(update={"libreoffice_hanging_right_pt": 0.5})})
    plan = gongwen.load_plan(FIXTURES / "request.yaml")
    (result,) = paginate([Job(plan, "request", narrow, base_dir=FIXTURES)], tmp_path)
    assert result.layout.hanging is False and result.settled
    assert result.fatal == []
    assert "41家，覆盖率" in "".join(line.text for page in result.pages for line in page.lines).replace(" ", "")
