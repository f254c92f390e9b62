"""A 简报 under its 报头 (spec §8): the 本期要目 (printed from the articles, so read past), the
articles — each a centred title, a body, a （摘自……） or （……供稿） line — and the 报尾."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..plan.body import typed_level
from . import patterns as p
from .lines import Line, Table
from .zones import banji, banji_start

if TYPE_CHECKING:
    from .structure import _Structure

_SOURCE = re.compile(r"^[（(](?P<said>(摘自|转自|来源).+|.+供稿)[）)]$")
_BULLETS = ("●", "·", "•", "○", "★", "◆", "■")


def articles(s: _Structure, start: int) -> None:
    lines, f = s.lines, s.f
    end = banji_start(s, start)
    banji(s, lines[end:])
    k = start
    listed = False
    if k < end and isinstance(lines[k], Line) and (lines[k].role == "contents" or lines[k].text.startswith(_BULLETS)
                                                   or lines[k].text.replace(" ", "").replace("\u3000", "") == "本期要目"):
        listed = True
        k += 1
        while k < end and isinstance(lines[k], Line) and (lines[k].role == "contents" or not s.own and (
                lines[k].text.startswith(_BULLETS) or lines[k].text.strip(p.SPACES) in tuple("本期要目"))):
            k += 1      # (a PDF's text has the label set upright as characters between the lines)
    titles = [j for j in range(k, end) if _is_article_title(s, lines[j])]
    for j in range(k, titles[0] if titles else end):
        s.leftover(lines[j], "articles")
    found = []
    for n, at in enumerate(titles):
        stop = titles[n + 1] if n + 1 < len(titles) else end
        body = [line for line in lines[at + 1:stop] if not (isinstance(line, Line) and line.role == "caption")]
        for line in lines[at + 1:stop]:
            if isinstance(line, Line) and line.role == "caption":
                s.leftover(line, "articles")
        article: dict = {"title": lines[at].text.replace("\n", "")}
        last = body[-1] if body else None
        if isinstance(last, Line) and (last.role == "source" or (not s.own and _SOURCE.match(last.text))):
            article["source"] = last.text.strip("（）() ")
            body = body[:-1]
        article["body"] = s.text_of(body)
        if lines[at].new_page:
            article["new_page"] = True
        found.append(article)
    if found:
        f["articles"] = found
    if len(found) > 1 and not listed:
        f["contents"] = False


def _is_article_title(s: _Structure, line: Line | Table) -> bool:
    if not isinstance(line, Line) or not line.text.strip(p.SPACES):
        return False
    if s.own:
        return line.role == "article-title"
    text = line.text
    short = 4 <= len(text) <= 40 and text[-1] not in p.ENDING and typed_level(text) is None and not _SOURCE.match(text)
    if s.formatted:
        return line.centred and not line.red and ((line.size_pt or 0) >= 18 or short)
    return line.level is not None or short
