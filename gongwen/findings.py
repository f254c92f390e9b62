"""A finding: one departure from GB/T 9704 that a rule found, with what was expected and what
the document shows.  Shared by the plan's warnings, the page checks and the review of any .docx."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .i18n import N_, _

SEVERITIES = {"fatal": N_("fatal"), "error": N_("error"), "warning": N_("warning")}


@dataclass(frozen=True)
class Finding:
    """One departure from the standard: what was expected and what the page shows."""

    id: str
    clause: str
    page: int | None
    expected: str
    measured: str
    message: str
    # "fatal": the PDF does not print what the plan says; "error": departs from the standard;
    # "warning": worth a look
    severity: str = "error"
    where: str = ""       # an excerpt of the paragraph or line concerned

    def __str__(self) -> str:
        where = _("page {n}").format(n=self.page) if self.page else _("document")
        line = _("{where}: {severity} [{id}] {message} (expected {expected}, measured {measured}; {clause})").format(
            where=where, severity=_(SEVERITIES[self.severity]), id=self.id, message=_(self.message),
            expected=self.expected, measured=self.measured, clause=self.clause_ids)
        return line + (_(" at “{excerpt}”").format(excerpt=self.where) if self.where else "")

    @property
    def clause_ids(self) -> str:
        return clause_ids(self.clause)

    def as_dict(self) -> dict[str, object]:
        return {"id": self.id, "severity": self.severity, "clause": clause_headings(self.clause), "page": self.page,
                "expected": self.expected, "measured": self.measured, "message": _(self.message), "where": self.where}


# The headings of the clauses rules cite, as GB/T 9704-2012 names them, and of the sections of
# gongwen's own spec (spec/gbt9704.md) for what the standard leaves to practice.
STANDARD_HEADINGS = {
    "4": "公文用纸主要技术指标", "5": "公文用纸幅面尺寸及版面要求", "5.1": "幅面尺寸", "5.2": "版面",
    "5.2.1": "页边与版心尺寸", "5.2.2": "字体和字号", "5.2.3": "行数和字数", "5.2.4": "文字的颜色",
    "6": "印制装订要求", "7": "公文格式各要素编排规则", "7.1": "公文格式各要素的划分",
    "7.2": "版头", "7.2.1": "份号", "7.2.2": "密级和保密期限", "7.2.3": "紧急程度", "7.2.4": "发文机关标志",
    "7.2.5": "发文字号", "7.2.6": "签发人", "7.2.7": "版头中的分隔线", "7.3": "主体", "7.3.1": "标题",
    "7.3.2": "主送机关", "7.3.3": "正文", "7.3.4": "附件说明", "7.3.5": "发文机关署名、成文日期和印章",
    "7.3.5.1": "加盖印章的公文", "7.3.5.2": "不加盖印章的公文", "7.3.5.3": "加盖签发人签名章的公文",
    "7.3.5.4": "成文日期中的数字", "7.3.5.5": "特殊情况说明", "7.3.6": "附注", "7.3.7": "附件",
    "7.4": "版记", "7.4.1": "版记中的分隔线", "7.4.2": "抄送机关", "7.4.3": "印发机关和印发日期", "7.5": "页码",
    "8": "公文中的横排表格", "9": "公文中计量单位、标点符号和数字的使用", "10": "公文的特定格式",
    "10.1": "信函格式", "10.2": "命令（令）格式", "10.3": "纪要格式",
}
SPEC_HEADINGS = {"1": "页面与版心", "2": "字号、字体与颜色", "3": "版头", "4": "主体", "5": "版记", "6": "页码",
                 "7": "特定格式", "8": "简报", "9": "实施方案、工作报告"}


def clause_ids(clause: str) -> str:
    """The clause numbers alone (GB/T 9704-2012 §7.4, the project's spec §2, or the 1999 standard a
    legacy profile cites), for a line of text: a profile's clause text is a note in English."""
    return "、".join(_cited(clause, headings=False)) or clause


def clause_headings(clause: str) -> str:
    """Each clause cited with its heading (GB/T 9704-2012 §7.3.1 标题): what ``--json`` and the
    report give, where a profile's clause text is a note in English."""
    return "、".join(_cited(clause, headings=True)) or clause


def _cited(clause: str, *, headings: bool) -> list[str]:
    cited = []
    for source, number in re.findall(r"(spec |GB/T 9704-1999 )?§(\d+(?:\.\d+)*)", clause):
        if source == "spec ":
            name, heading = _("gongwen spec {clause}").format(clause="§" + number), SPEC_HEADINGS.get(number)
        elif source:        # the 1999 standard a legacy profile follows: numbered otherwise
            name, heading = source + "§" + number, None
        else:
            name, heading = "GB/T 9704-2012 §" + number, STANDARD_HEADINGS.get(number)
        heading = heading if headings else None
        cited.append(f"{name} {heading}" if heading else name)
    return list(dict.fromkeys(cited))
