"""Body parsing, title breaking and numbering: pure functions."""
from __future__ import annotations

import math

import pytest

from gongwen.chinese import chinese_date
from gongwen.chinese import em_width as width
from gongwen.chinese import numeral
from gongwen.compose.titles import TitleTooLong, break_title, is_hourglass
from gongwen.plan.body import BodyError, PageBreak, Paragraph, Table, parse
from gongwen.plan.elements import DocNumber


def test_recognised_levels_keep_the_drafters_numbers():
    blocks = parse("一、总体要求\n（一）指导思想\n1、坚持原则\n（1）细则\n普通段落")
    assert [(b.level, b.number) for b in blocks[:4]] == [(1, "一、"), (2, "（一）"), (3, "1、"), (4, "（1）")]
    assert blocks[4] == Paragraph("普通段落")


def test_markdown_headings_are_numbered_and_renumbered():
    blocks = parse("# 甲\n## 子一\n## 子二\n# 乙\n## 子一\n### 细目\n#### 小项")
    assert [b.number for b in blocks] == ["一、", "（一）", "（二）", "二、", "（一）", "1．", "（1）"]


def test_run_in_heading_splits_at_the_first_full_stop():
    (heading,) = parse("（一）要强化组织领导。成立领导小组。")
    assert (heading.title, heading.rest) == ("要强化组织领导。", "成立领导小组。")
    (own,) = parse("一、重要意义")
    assert not own.run_in


def test_decimal_numbers_are_not_headings():
    assert parse("2.5亿元用于建设") == [Paragraph("2.5亿元用于建设")]


def test_table_and_page_break():
    blocks = parse("|地区|数量|\n|---|---|\n|湖滨区|12|\n---\n下一页")
    assert blocks[0] == Table((("地区", "数量"), ("湖滨区", "12")), header_rows=1)
    assert isinstance(blocks[1], PageBreak) and blocks[2] == Paragraph("下一页")


def test_ragged_table_names_its_line():
    with pytest.raises(BodyError) as info:
        parse("段落\n|a|b|\n|1|")
    assert info.value.line == 2


def test_five_levels_are_refused():
    with pytest.raises(BodyError):
        parse("##### 太深")


def test_title_breaks_into_a_trapezoid_at_word_boundaries():
    lines = break_title("中共三门峡市委组织部　三门峡市民政局关于在全市社会组织中开展党组织“百日集中组建”活动的通知", 20,
                        keep=["中共三门峡市委组织部", "三门峡市民政局"])
    lengths = [width(line) for line in lines]
    assert max(lengths) <= 20 and not is_hourglass(lengths)
    assert lines[0] == "中共三门峡市委组织部　三门峡市民政局"
    assert all("“百日集中组建”" in line or "百日" not in line for line in lines)   # the quoted name stays whole


def test_short_title_is_one_line():
    assert break_title("关于开展年报工作的通知", 20) == ["关于开展年报工作的通知"]


def test_hourglass_detection():
    assert is_hourglass([18, 10, 15]) and not is_hourglass([18, 15, 12]) and not is_hourglass([12, 18, 12])


def test_doc_number_parts_and_text():
    number = DocNumber.parse("三组通〔2011〕6号")
    assert (number.code, number.year, number.seq, str(number)) == ("三组通", 2011, 6, "三组通〔2011〕6号")


def test_numerals_and_legacy_date():
    import datetime as dt

    assert [numeral(n) for n in (1, 10, 12, 20, 35)] == ["一", "十", "十二", "二十", "三十五"]
    assert chinese_date(dt.date(2012, 2, 21)) == "二○一二年二月二十一日"
    assert chinese_date(dt.date(2012, 2, 21), "〇") == "二〇一二年二月二十一日"


LONG_TITLE = ("关于在全市社会组织中开展党组织百日集中组建活动并加强党建工作指导员队伍建设的通知" * 4)[:140]


def test_long_titles_break_without_search_blowup():
    # 140 characters at 20 per line: the old combinatorial search never finished; the dynamic
    # programme visits each (token, line width, shape) state once.
    lines = break_title(LONG_TITLE, 20)
    assert "".join(lines) == LONG_TITLE
    assert all(width(line) <= 20 for line in lines) and not is_hourglass([width(x) for x in lines])
    assert len(lines) <= math.ceil(140 / 20) + 2


def test_title_beyond_the_profiles_lines_is_refused():
    with pytest.raises(TitleTooLong):
        break_title(LONG_TITLE * 2, 20)      # the profile's title.max_lines: 8


def test_no_title_line_starts_or_ends_with_a_space():
    organs = ["中共三门峡市委组织部", "三门峡市民政局", "三门峡市财政局"]
    lines = break_title("　".join(organs) + "关于在全市社会组织中开展党组织“百日集中组建”活动的通知", 20, keep=organs)
    assert all(line == line.strip(" \u3000") for line in lines)
    assert lines[0] == "中共三门峡市委组织部　三门峡市民政局"


def test_attachment_title_keeps_words_whole():
    lines = break_title("全市社会组织党组织百日集中组建活动集中行动情况统计表及工作进度安排", 15)
    assert all(not line.startswith("行动") for line in lines), lines


def test_markdown_heading_with_a_typed_number_is_numbered_once():
    blocks = parse("# 一、总体要求\n## （一）摸清底数\n# 三、工作步骤")
    assert [(b.number, b.title) for b in blocks] == [("一、", "总体要求"), ("（一）", "摸清底数"), ("二、", "工作步骤")]
