"""The registry of document kinds: the names a plan's ``kind`` may give, and what each kind asks
of a plan — the fields it needs, the fields only it prints, the fields it refuses, and the
warnings of its own (a 请示 has one 主送 …).

How a kind is laid out is :mod:`gongwen.compose.kinds`, one module per kind under the same
name.  The rules live here, with the plan, so that loading a plan never imports the composer.
Adding a kind: an entry in ``KINDS`` (with a check below it when the kind has rules of its
own), its module in :mod:`gongwen.compose.kinds`, a profile section, a starter and a fixture.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..i18n import _
from .body import Heading

if TYPE_CHECKING:
    from .model import Plan

Check = Callable[["Plan"], list[str]]

# The line of a 实施方案's body where its 时间安排 goes.
PHASES_MARKERS = ("<时间安排>", "<实施步骤>", "＜时间安排＞", "＜实施步骤＞")


def _forward(plan: Plan) -> list[str]:
    """The notice's title names what it issues: 关于印发《title》的通知."""
    if plan.issued and plan.issued.title_text not in plan.title_text:
        return [_("the title of a 印发通知 names what it issues: 关于印发《{title}》的通知").format(
            title=plan.issued.title_text)]
    return []


def _bulletin(plan: Plan) -> list[str]:
    """A 通报's title names it: 关于……的通报."""
    if not plan.title_text.endswith("通报"):
        return [_("the title of a 通报 ends in 通报 (关于……的通报)")]
    return []


def _plan(plan: Plan) -> list[str]:
    """Phases go where the body says; without the line they are put at the end.  A plan on its
    own has no 版头: its issuers print only as the 署名 of its 落款."""
    found = []
    if plan.phases and not any(line.strip(" \u3000\t") in PHASES_MARKERS for line in plan.body.splitlines()):
        found.append(_("the phases are printed at the end of the body: put a line <时间安排> where they belong"))
    if plan.issuers and not (plan.signature and not plan.signature.names):
        found.append(_("a 实施方案 has no 版头: its 发文机关 is printed only as the 署名 of a 落款 without names"))
    return found


def _brief(plan: Plan) -> list[str]:
    found = []
    if not plan.masthead_image and not plan.title_text.endswith(("简报", "动态", "通讯", "快报", "专报", "情况")):
        found.append(_("the 报头 of a 简报 names it: ……简报 (or 动态, 快报 …)"))
    if not (plan.report_to or plan.send_to or plan.distribute_to):
        found.append(_("the 报尾 says who receives the 简报: 报 (superiors), 送 (peers), 发 (subordinates)"))
    return found


def _letter(plan: Plan) -> list[str]:
    found = []
    if not plan.title_text.endswith("函"):
        found.append(_("the title of a 函 ends in 函 (关于……的函)"))
    if plan.printed_by or plan.printed_on:
        found.append(_("a 信函's 版记 has no 印发 line (§10.1): 印发机关 and 印发日期 are not printed"))
    if len(plan.issuers) > 1:
        found.append(_("a joint 函 carries the lead organ's mark only (§10.1); the others sign"))
    return found


def _minutes(plan: Plan) -> list[str]:
    found = []
    if not plan.mark_suffix.endswith("纪要"):
        found.append(_("the mark of a 纪要 ends in 纪要 (标志后缀: 会议纪要)"))
    if not plan.present:
        found.append(_("a 纪要 lists who attended (出席)"))
    if plan.signature and plan.signature.seal:
        found.append(_("a 纪要 carries no seal (§10.3)"))
    return found


def _request(plan: Plan) -> list[str]:
    """A 请示 goes up to one organ, with a contact person in the 附注."""
    found = []
    if len(plan.to) > 1:
        found.append(_("a 请示 has one 主送 organ (§7.3.2 practice); this one has {n}").format(n=len(plan.to)))
    if not plan.note:
        found.append(_("a 请示 names a contact person and telephone in the 附注"))
    return found


_REQUEST_WORDING = re.compile("请批示|请批复|请审批|妥否")


def _report(plan: Plan) -> list[str]:
    """A 报告 carries no request (《党政机关公文处理工作条例》: 报告不得夹带请示事项)."""
    found = _REQUEST_WORDING.search(plan.body)
    if found:
        return [_("a 报告 must not ask for approval ({words}): write a 请示").format(words=found.group())]
    return []


_YEAR_PARTS = (
    ("工作回顾", re.compile("回顾|主要工作|工作情况|完成情况")),
    ("存在问题", re.compile("问题|不足")),
    ("下一年工作打算", re.compile("打算|计划|思路|安排")),
)


def _annual(plan: Plan) -> list[str]:
    """A 报告's rules, and the year's three parts among the first-level headings."""
    headings = " ".join(b.title for b in plan.blocks if isinstance(b, Heading) and b.level == 1)
    missing = [name for name, pattern in _YEAR_PARTS if not pattern.search(headings)]
    found = _report(plan)
    if missing:
        found.append(_("an annual report reviews the year, names its problems and plans the next; "
                       "no first-level heading for: {parts}").format(parts="、".join(missing)))
    return found


@dataclass(frozen=True)
class Kind:
    name: str
    zh: str
    upward: bool                        # 上行文: 文号 left, 签发人 right (GB/T 9704-2012 §7.2.5)
    required: tuple[str, ...]           # fields a plan of this kind must give
    own: tuple[str, ...] = ()           # fields only kinds that own them print: refused in any other
    refused: tuple[str, ...] = ()       # fields (or field.subfield) this kind never prints
    single: tuple[str, ...] = ()        # list fields of which this kind prints one item
    exclusive: tuple[tuple[str, str], ...] = ()   # fields that stand in one place: one or the other
    check: Check | None = None          # warnings of the kind's own
    template: str = "document.docx"     # file in templates/


# A document in the general format needs its 成文日期 (§7.3.5); only upward documents and orders
# print a 签发人 (§7.2.5, §10.2); a 实施方案 on its own has no 版头 (its 印发通知 carries one).
_DOCUMENT = ("issuers", "body", "signature")
_NO_SIGNER = ("signers",)
_NO_HEAD = ("copy_number", "secrecy", "secrecy_period", "urgency", "mark_suffix", "doc_number", "signers")

KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("notice", "通知", False, _DOCUMENT, refused=_NO_SIGNER),
        Kind("bulletin", "通报", False, _DOCUMENT, refused=_NO_SIGNER, check=_bulletin),
        Kind("forward", "印发通知", False, (*_DOCUMENT, "issued"), own=("issued",), refused=_NO_SIGNER,
             check=_forward),
        Kind("plan", "实施方案", False, ("body",), own=("date_line",), refused=_NO_HEAD, check=_plan),
        Kind("brief", "简报", False, ("issuers", "issue_number", "printed_on", "articles"),
             own=("issue_number", "total_issue", "supplement", "contents", "articles", "report_to", "send_to",
                  "distribute_to", "editor", "reviewer", "approver", "masthead_image"),
             refused=("body", "to", "signature", "attachments", "cc", "doc_number", "signers", "note", "phases",
                      "printed_by", "subject_words", "mark_suffix"),
             single=("issuers",), check=_brief),
        Kind("letter", "函", False, ("issuers", "body", "to", "signature"), refused=_NO_SIGNER, check=_letter),
        Kind("minutes", "纪要", False, ("issuers", "body"), own=("present", "absent", "attending", "issue_number"),
             refused=_NO_SIGNER, exclusive=(("issue_number", "doc_number"),), check=_minutes),
        Kind("order", "命令", False, ("issuers", "body", "order_number", "signers", "signature"),
             own=("order_number",), refused=("copy_number", "secrecy", "secrecy_period", "urgency", "doc_number",
                                             "to", "note", "signature.names")),
        Kind("request", "请示", True, _DOCUMENT, check=_request),
        Kind("report", "报告", True, _DOCUMENT, check=_report),
        Kind("annual", "年度工作报告", True, _DOCUMENT, check=_annual),
    )
}


def names() -> list[str]:
    """Every accepted name: English and Chinese."""
    return [n for kind in KINDS.values() for n in (kind.name, kind.zh)]


def get(name: str) -> Kind:
    for kind in KINDS.values():
        if name in (kind.name, kind.zh):
            return kind
    raise KeyError(name)
