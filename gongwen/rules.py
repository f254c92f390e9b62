"""Every rule gongwen holds a document to, each written once with one id and one clause.

A rule may run on a plan (refused or warned when it is loaded), on a .docx (``gongwen check``
reads its text) and on measured pages (:mod:`gongwen.printing.checks`); the text rules shared by plans
and documents are the functions here.  The clause is the profile's: each rule names the
profile section whose ``clause`` it applies, so a profile that changes a number also says
where it comes from.  ``gongwen check --rules`` lists the table.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .findings import Finding
from .i18n import N_

PLAN, DOCX, PAGE = "plan", "docx", "page"


@dataclass(frozen=True)
class Rule:
    id: str
    section: str                 # the profile section whose clause applies
    scopes: tuple[str, ...]      # where it runs: plan, docx, page
    summary: str                 # what it asks (English msgid)

    def clause(self, profile) -> str:
        return getattr(profile, self.section).clause


RULES: dict[str, Rule] = {rule.id: rule for rule in (
    Rule("page.size", "page", (DOCX, PAGE), N_("A4 paper, 210×297 mm")),
    Rule("page.margins", "page", (DOCX,), N_("margins 37 mm top, 28 mm left: a 版心 of 156×225 mm")),
    Rule("page.text-area", "page", (PAGE,), N_("text and images stay inside the 版心")),
    Rule("grid.lines", "grid", (DOCX, PAGE), N_("22 lines a page")),
    Rule("grid.chars", "grid", (DOCX, PAGE), N_("28 characters a line")),
    Rule("face.role", "faces", (DOCX,), N_("each element in its face: body 仿宋, title 小标宋, 一、黑体, （一）楷体")),
    Rule("face.theme", "faces", (DOCX,), N_("faces are named, not taken from the theme")),
    Rule("size.role", "faces", (DOCX,), N_("each element in its size: body 三号, title 二号, 版记 and page number 四号")),
    Rule("colour.black", "colours", (DOCX,), N_("text other than the mark is black")),
    Rule("colour.mark", "colours", (DOCX,), N_("the 发文机关标志 is red")),
    Rule("font.fallback", "faces", (PAGE,), N_("Chinese text is printed in the faces the profile names")),
    Rule("font.substituted", "free_faces", (PAGE,), N_("a substituted face is said")),
    Rule("font.other-fallback", "faces", (PAGE,), N_("text outside the faces' coverage is said")),
    Rule("font.missing-glyph", "free_faces", (PAGE,), N_("every character has a glyph")),
    Rule("mark.top", "mark", (PAGE,), N_("the mark's top edge 35 mm under the 版心's")),
    Rule("mark.centre", "mark", (PAGE,), N_("the mark centred")),
    Rule("mark.size", "mark", (PAGE,), N_("the mark in the profile's size (a fixed size when it gives one)")),
    Rule("number.form", "doc_number", (PLAN, DOCX), N_("发文字号: 机关代字〔年份〕序号号 — full year in 〔〕, no 第, no leading zeros")),
    Rule("rule.width", "red_rule", (PAGE,), N_("the red rule as wide as the 版心")),
    Rule("rule.below-number", "red_rule", (PAGE,), N_("the red rule 4 mm under the 发文字号")),
    Rule("title.missing", "title", (DOCX,), N_("a title, centred, under the red rule")),
    Rule("title.punctuation", "title", (PLAN, DOCX), N_("no punctuation at the end of a title or an attachment name")),
    Rule("title.size", "title", (PAGE,), N_("the title in 二号")),
    Rule("title.centre", "title", (PAGE,), N_("the title centred")),
    Rule("title.split", "title", (PAGE,), N_("the title on one page")),
    Rule("to.colon", "title", (DOCX,), N_("the 主送 ends with a full-width colon")),
    Rule("page1.body", "title", (PAGE,), N_("body text begins on page 1")),
    Rule("numbering.sequence", "headings", (PLAN, DOCX), N_("heading numbers count 1, 2, 3 … without gaps or repeats")),
    Rule("numbering.order", "headings", (PLAN, DOCX), N_("a heading level comes after the level above it")),
    Rule("date.form", "signature", (DOCX,), N_("dates with the full year and without leading zeros")),
    Rule("date.missing", "signature", (PLAN, DOCX), N_("a document under a 版头 carries its 成文日期")),
    Rule("signature.alone", "signature", (PAGE,), N_("the signature's page carries body text")),
    Rule("attachment.note", "attachment_page", (DOCX,), N_("the 附件说明 lists the attachments that follow, in order")),
    Rule("attachment.scan-pages", "attachment_page", (PAGE,), N_("a supplied attachment PDF fits its pages")),
    Rule("cc.stop", "banji", (DOCX,), N_("the 抄送 list ends with 。")),
    Rule("printed.form", "banji", (DOCX,), N_("印发 line: 印发机关 left, “2012年7月1日印发” right")),
    Rule("banji.order", "banji", (DOCX,), N_("版记 in order: 抄送 above the 印发 line")),
    Rule("banji.position", "banji", (PAGE,), N_("the 版记's last rule on the 版心 bottom of the last page")),
    Rule("banji.rule-weight", "banji", (PAGE,), N_("版记 rules 0.35 mm outside, 0.25 mm between")),
    Rule("banji.rule-width", "banji", (PAGE,), N_("版记 rules as wide as the 版心")),
    Rule("banji.even-page", "banji", (PAGE,), N_("the 版记 on an even page")),
    Rule("subject.form", "banji", (DOCX,), N_("主题词: the label, then words apart, no punctuation (legacy profile)")),
    Rule("page-number.form", "page_number", (DOCX, PAGE), N_("page numbers “— N —” with em dashes")),
    Rule("page-number.parity", "page_number", (DOCX,), N_("odd and even footers differ: odd numbers right, even left")),
    Rule("page-number.field", "page_number", (DOCX, PAGE), N_("a page-number field carries its result")),
    Rule("page-number.missing", "page_number", (PAGE,), N_("every page with text is numbered")),
    Rule("page-number.first-page", "page_number", (PAGE,), N_("page 1 of a 信函 is not numbered")),
    Rule("page-number.blank-page", "page_number", (PAGE,), N_("a blank page is not numbered")),
    Rule("page-number.sequence", "page_number", (PAGE,), N_("page numbers in sequence")),
    Rule("page-number.size", "page_number", (PAGE,), N_("page numbers in 四号")),
    Rule("page-number.face", "page_number", (PAGE,), N_("page numbers in the profile's face (宋体)")),
    Rule("page-number.height", "page_number", (PAGE,), N_("page-number dashes 7 mm under the 版心")),
    Rule("page-number.side", "page_number", (PAGE,), N_("odd page numbers right, even left, 1 字 in")),
    Rule("text.lost", "page", (PAGE,), N_("every line of the plan is printed")),
)}


def finding(id: str, profile, page: int | None, expected: str, measured: str, message: str | None = None, *,
            severity: str = "error", where: str = ""):
    """A :class:`~gongwen.findings.Finding` of rule ``id`` with the rule's clause from ``profile``."""
    rule = RULES[id]
    return Finding(id, rule.clause(profile), page, expected, measured, message or rule.summary, severity, where)


# -- the text rules shared by plans and documents -------------------------------------------------

END_MARKS = "。；，、：.;,:"


def ends_in_punctuation(text: str) -> bool:
    """title.punctuation: a title or an attachment name ends without a mark."""
    return bool(text.strip()) and text.rstrip()[-1] in END_MARKS


@dataclass(frozen=True)
class Misnumbered:
    position: int       # index into the headings given
    id: str             # numbering.sequence or numbering.order
    expected: int       # the number (sequence) or the level (order) expected


def numbering(headings: Iterable[tuple[int, int] | None]) -> Iterator[Misnumbered]:
    """numbering.sequence / numbering.order over headings as (level 0–3, number); None starts a
    new part (an attachment, an issued document).  Each level counts 1, 2, 3 … under the heading
    above it; a level may be left out (1． straight under 一、 is common), but a deeper level
    does not come before every shallower one."""
    counters = [0, 0, 0, 0]
    for position, heading in enumerate(headings):
        if heading is None:
            counters = [0, 0, 0, 0]
            continue
        level, number = heading
        if level and not any(counters[:level]):
            yield Misnumbered(position, "numbering.order", level)
        elif number != counters[level] + 1:
            yield Misnumbered(position, "numbering.sequence", counters[level] + 1)
        counters[level] = number
        for deeper in range(level + 1, 4):
            counters[deeper] = 0
