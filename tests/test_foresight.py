"""The layout foreseen before the first pass: line breaks worked out as LibreOffice breaks them,
measured against the printed pages, and first passes that settle without a second."""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

from gongwen.compose.geometry import Page
from gongwen.printing.decisions import _index_of
from gongwen.printing.linebreaks import Face, line_breaks, needed, running_width
from gongwen.printing.page_frame import Frame
from gongwen.printing.paginate import paginate
from gongwen.printing.tracing import place
from gongwen.profile import load_profile

ROOT = Path(__file__).resolve().parent.parent
PROFILE = load_profile("gb9704-2012")
PAGE = Page.of(PROFILE)
FACE = Face.body(PROFILE)
WIDTH = running_width(PROFILE)
INDENT = round(PROFILE.text.indent_chars * PAGE.char)


def breaks(text: str):
    return line_breaks(text, FACE, WIDTH - INDENT, WIDTH)


@pytest.mark.parametrize("text, starts", [
    ("字" * 60, (0, 26, 54)),                   # 26 after the 2-字 indent, then 28
    ("字" * 26 + "，" + "字" * 10, (0, 27)),     # a comma after a full line hangs in the margin
    ("字" * 26 + "”" + "字" * 10, (0, 25)),      # ” may not begin a line and does not hang: the 26th goes down with it
    ("字" * 25 + "《" + "字" * 10, (0, 25)),     # an opening mark never ends a line
    ("字" * 24 + "20261" + "字" * 10, (0, 24)),  # 2 characters of room; 5 digits and a gap go down whole
])
def test_line_breaks_follow_the_grid_and_the_marks(text, starts):
    found = breaks(text)
    assert found.starts == starts and found.sure


def test_what_the_next_piece_adds_to_a_line():
    # a Chinese character its advance; a number its digits and the gap before it (the gap after
    # it is not printed at a line's end), with the gap's own uncertainty
    wide = FACE.advance("字")
    assert needed("字字", "字字", FACE) == (wide, 0)
    width, error = needed("字字", "2011年", FACE)
    assert width == pytest.approx(4 * FACE.advance("1") + FACE.gap_twips) and error > 0
    assert needed("字字", "字", FACE, 2) is None and needed("20", "11年", FACE) is None   # a number cut in two


def test_latin_on_the_edge_makes_the_answer_unsure():
    # a Latin letter's advance is a guess: a word that ends near the line's end could go either way
    found = breaks("字" * 24 + "ABCD" + "字" * 10)
    assert not found.sure and found.starts[1] in (24, 28)


def test_line_breaks_match_the_printed_pages(paginated):
    # Every body paragraph of every fixture and case printed whole: the breaks worked out before
    # printing are LibreOffice's wherever they are called sure (measured: 179 of 225 paragraphs
    # sure, none of them wrong; the unsure ones fall on digits or Latin near a line's end).
    seen = Counter()
    for name, result in paginated.items():
        if result.document is None or result.layout.break_at is not None or not result.layout.hanging:
            continue
        profile = result.job.resolved_profile()
        if profile.text.size_pt != 16 or profile.grid.chars != 28:
            continue
        from gongwen.compose.render import compose
        composed = compose(result.job.plan, profile=profile, base_dir=result.job.base_dir, layout=result.layout)
        placed, _lost = place(composed.paragraphs, result.pages, Frame.of(profile))
        for p in placed:
            if p.written.role != "body" or "\n" in p.written.text:
                continue
            printed = tuple(_index_of(p.written.text, offset) for _page, _line, offset in p.lines)
            found = breaks(p.written.text)
            seen["sure" if found.sure else "unsure", found.starts == printed] += 1
            assert not found.sure or found.starts == printed, (name, p.written.text[:30], printed, found.starts)
    assert seen["sure", True] >= 0.7 * sum(seen.values()), seen


@pytest.mark.parametrize("name", ["notice-2012", "000", "signature-alone", "rare-names", "bulletin"])
def test_foreseen_layouts_settle_in_one_pass(paginated, name):
    # body lines kept with the signature and the 版记 on an even page, placed before the first
    # pass and confirmed by its pages (test_pagination_decides_as_recorded: the same layouts)
    assert paginated[name].passes == 1 and paginated[name].settled


def test_foreseen_passes_reach_the_layouts_of_the_unmeasured_loop(tmp_path):
    # generated plans (benchmarks/varied.py: 1–40 paragraphs of the fixtures' sentences, 抄送 and
    # attachments or not): the same layouts as the loop that starts unmeasured, in fewer passes
    # (200 such plans: all 200 alike, 185 in one pass against 11, 223 conversions against 390).
    # 44, 45 and 66 are foreseen wrongly or cannot be confirmed: a pass that took its foresight
    # on trust would print them otherwise.  72 and 174 are confirmed by where the pen stood at
    # the end of the cut line (digits on that line; a cut before a number, on a first line).
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import varied

    jobs = varied.jobs(0, only=[*range(10), 44, 45, 66, 72, 174])
    foreseen = paginate(jobs, tmp_path / "foreseen")
    unmeasured = paginate(jobs, tmp_path / "unmeasured", foresee=False)
    assert [r.layout for r in foreseen] == [r.layout for r in unmeasured]
    assert [r.pages for r in foreseen] == [r.pages for r in unmeasured]
    assert sum(r.passes for r in foreseen) < sum(r.passes for r in unmeasured)
    assert [r.passes for r in foreseen[-2:]] == [1, 1]


def test_a_body_of_one_paragraph_repeated_is_foreseen_too(tmp_path):
    # the last body paragraph is found among others of the same text (benchmarks' growth plans)
    import gongwen

    sentence = "为推进社会组织规范化建设，各单位要对照评估标准逐项自评，如实填写申报表，按时报送材料，" * 2
    plan = gongwen.plan_from_data({"发文机关": ["三门峡市民政局"], "文号": "三民〔2026〕3号",
                                   "标题": "三门峡市民政局关于做好年报工作的通知", "主送": ["各县（市、区）民政局"],
                                   "正文": "\n".join([sentence] * 66), "落款": {"日期": "2026-11-24"}})
    jobs = [gongwen.Job(plan, "repeated")]
    (foreseen,) = paginate(jobs, tmp_path / "foreseen")
    (unmeasured,) = paginate(jobs, tmp_path / "unmeasured", foresee=False)
    assert foreseen.layout == unmeasured.layout and foreseen.layout.break_at is not None
    assert foreseen.passes == 1 < unmeasured.passes
