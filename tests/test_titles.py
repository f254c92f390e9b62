"""Titles broken as a drafter would (GB/T 9704-2012 §7.3.1: 词意完整, a trapezoid or diamond):
a corpus of realistic titles of every kind, each written with "/" where a drafter accepts a
break, laid out at the title's size in the 版心 and held to those breaks and to the shape."""
from __future__ import annotations

from pathlib import Path

import pytest

from gongwen.chinese import em_width
from gongwen.compose.titles import break_title, is_hourglass
from gongwen.profile import load_profile

PROFILE = load_profile()
LINE = PROFILE.page.text_width_mm * 72 / 25.4 / PROFILE.title.size_pt      # 156 mm at 22 pt: 20.1 字
ORGAN_ENDS = ("局", "部", "厅", "府", "室", "组", "委")


def corpus() -> list[list[str]]:
    text = (Path(__file__).parent / "titles" / "corpus.txt").read_text(encoding="utf-8")
    return [line.split("/") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def test_the_corpus_is_large_and_varied():
    titles = ["".join(phrases) for phrases in corpus()]
    assert len(titles) >= 60
    assert {t[-2:] for t in titles} >= {"通知", "报告", "请示", "纪要", "通报", "意见", "决定", "批复", "答复"}
    assert min(map(len, titles)) <= 20 and max(map(len, titles)) >= 60


@pytest.mark.parametrize("phrases", corpus(), ids=lambda phrases: "".join(phrases)[:24])
def test_a_title_breaks_only_where_a_drafter_would(phrases):
    text = "".join(phrases)
    allowed, at = set(), 0
    for phrase in phrases[:-1]:
        at += len(phrase)
        allowed.add(at)
    # the issuers as a plan gives them: each organ (a joint title names them apart, by 　)
    issuers = [p.strip("\u3000") for p in phrases if p.strip("\u3000").endswith(ORGAN_ENDS)
               and text.index(p) < text.find("关于") if "关于" in text]
    lines = break_title(text, LINE, keep=issuers, rule=PROFILE.title)
    assert "".join(lines).replace("\u3000", "") == text.replace("\u3000", "")    # a space may end a line
    breaks, at = [], 0
    for line in lines[:-1]:
        at = text.index(line, at) + len(line)
        at += text[at:at + 1] == "\u3000"                 # the organs' separator stays with the line
        breaks.append(at)
    widths = [em_width(line) for line in lines]
    assert set(breaks) <= allowed, " / ".join(lines)
    assert max(widths) <= LINE
    assert not is_hourglass(widths) or len(lines) > 3, " / ".join(lines)
    # no lone short last line
    assert len(lines) == 1 or widths[-1] >= PROFILE.title.short_last_ratio * LINE, " / ".join(lines)


def test_curly_quotes_are_as_wide_as_they_print():
    # a briefing's article title with “双覆盖” was judged to fit a line (the quotes counted half:
    # 20 of 20.1); LibreOffice wrapped it and left 展 alone on the second line
    title = "全市社会组织党建“双覆盖”工作取得明显进展"
    assert em_width(title) == 21 > LINE
    lines = break_title(title, LINE, rule=PROFILE.title)
    assert len(lines) == 2 and min(em_width(line) for line in lines) >= 6
