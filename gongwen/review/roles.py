"""The elements of any .docx found by what they say and how they are set — a line of
〔year〕…号 is the 发文字号, the large centred block after it the title, the line after the title
that ends in a colon the 主送 … — not by gongwen's styles; and the kind whose layout its head
follows."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..plan.body import typed_level
from .reading import Docx, Footer, Para

# a 发文字号 anywhere in its line (份号 and 密级 may stand left of it, 签发人 right of it)
DOC_NUMBER = re.compile(r"[^\s　★]{1,20}?[〔\[【(（]\s*\d{2,4}\s*[〕\]】)）]\s*第?\s*\d+\s*号")
DATE = re.compile(r"(\d{2,4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# a date typed as software writes it: 2024.3.5, 2024/3/5, 2024-03-05
TYPED_DATE = re.compile(r"(?<![\d.])(\d{4})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?![\d.])")
LABEL = re.compile(r"附件\s*(\d*)")
_NOTE_ITEM = re.compile(r"^(\d+)[．.、]\s*(.+)$")
_EXCERPT = 16


@dataclass(frozen=True)
class Roles:
    """The elements found; None or empty where the document has none (or the review cannot tell)."""

    mark: list[Para]
    number: Para | None
    title: list[Para]
    to: Para | None
    body: list[Para]
    dates: list[Para]
    cc: Para | None
    cc_end: Para | None                 # the 抄送 list's last paragraph (a long one runs over pages)
    printed: Para | None
    subject: Para | None                # 主题词 (the pre-2012 Party format)
    note: list[tuple[Para, str]]        # the 附件说明's names, each with its paragraph
    attachments: list[tuple[Para, str]]  # each attachment's label (附件2) with its title


def excerpt(paragraph: Para | Footer | None) -> str:
    if paragraph is None:
        return ""
    return paragraph.text if len(paragraph.text) <= _EXCERPT else paragraph.text[:_EXCERPT] + "…"


def level_of(text: str) -> tuple[int, int] | None:
    """(level 0–3, number) of a heading number typed at the start of ``text`` (the plan's
    reading of it, :func:`gongwen.plan.body.typed_level`)."""
    typed = typed_level(text)
    return (typed[0] - 1, typed[1]) if typed else None


def is_title_like(paragraph: Para) -> bool:
    return paragraph.centred and (paragraph.size_pt or 0) >= 18 and not paragraph.red


def roles(doc: Docx) -> Roles:
    """Each element where a reader would look for it."""
    paragraphs = doc.paragraphs
    number = next((p for p in paragraphs[:8] if DOC_NUMBER.search(p.text)), None)
    start = paragraphs.index(number) + 1 if number else 0
    # the mark: red, or (before a 文号) set large and centred as a mark is
    mark = [p for p in paragraphs[:start or 4] if p is not number and
            (p.red or (number is not None and p.centred and (p.size_pt or 0) >= 26))]
    title: list[Para] = []
    for paragraph in paragraphs[start:]:
        if is_title_like(paragraph):
            title.append(paragraph)
        elif title:
            break
    heads = [p for p in [*mark, number, *title] if p is not None]
    after = max(paragraphs.index(p) for p in heads) + 1 if heads else 0
    # what stands under the title: text, not a framed ★, a 令号 or a （date）
    following = next((p for p in paragraphs[after:] if re.search(r"[\w\u4e00-\u9fff]", p.text)
                      and not re.fullmatch(r"第\d+号|[（(].*[）)]", p.text)), None)
    # The 主送: the line under the title that ends in a colon, or a short list of organs there
    # that lost its colon (no full stop, not a heading).
    # (a 令 has no 主送 under its 令号: the body starts there)
    to = following if following is not None and not following.right and not following.red and not (
        mark and mark[-1].text.endswith("令")) and (
        following.text[-1] in "：:" or (len(following.text) <= 100 and following.text[-1] not in "。；"
                                       and level_of(following.text) is None)) else None
    cc = next((p for p in paragraphs if re.match(r"^抄\s*送", p.text)), None)
    printed = next((p for p in reversed(paragraphs[-8:]) if "印发" in p.text
                    and (DATE.search(p.text) or TYPED_DATE.search(p.text))), None)
    subject = next((p for p in paragraphs if p.text.startswith("主题词")), None)
    cc_end = cc
    if cc is not None and printed is not None and printed.index > cc.index:
        cc_end = paragraphs[paragraphs.index(printed) - 1]
    tail = {id(p) for p in (cc, printed, subject) if p}
    body_start = paragraphs.index(to) + 1 if to else after
    body = [p for p in paragraphs[body_start:] if id(p) not in tail and not p.right]
    return Roles(mark, number, title, to, body, [p for p in paragraphs if DATE.search(p.text)], cc, cc_end, printed,
                 subject, *_attachments(body))


def _attachments(body: list[Para]) -> tuple[list[tuple[Para, str]], list[tuple[Para, str]]]:
    """The 附件说明 (附件：1．名称 and the numbered lines under it) and the attachments that
    follow (a label 附件 / 附件N on a line of its own, the title the next large centred line)."""
    note: list[tuple[Para, str]] = []
    attachments: list[tuple[Para, str]] = []
    for i, paragraph in enumerate(body):
        if paragraph.text.startswith("附件：") and not note:
            first = paragraph.text[3:].strip()
            item = _NOTE_ITEM.match(first)
            note.append((paragraph, item.group(2) if item else first))
            for following in body[i + 1:] if item else ():
                item = _NOTE_ITEM.match(following.text)
                if not item:
                    break
                note.append((following, item.group(2)))
        elif LABEL.fullmatch(paragraph.text):
            title = next((p for p in body[i + 1:i + 4] if is_title_like(p)), None)
            attachments.append((paragraph, title.text if title else ""))
    return note, attachments


def kind_of(found: Roles) -> str:
    """The kind whose layout the document follows, as far as its head shows it: a 简报's 报头,
    a 令's mark, a 函's 文号 at the right under the rules; else the general layout."""
    mark = "".join(p.text for p in found.mark)
    if mark.endswith(("简报", "动态", "通讯", "快报", "专报", "情况")):
        return "brief"
    if mark.endswith("令"):
        return "order"
    number = found.number
    if number is None or "签发人" in number.text:
        return "notice"
    left = number.text[:DOC_NUMBER.search(number.text).start()]
    if number.right or "\t" in left and left.strip() or number.tabbed and number.tab_to in (None, "right"):
        return "letter"      # the 信函格式's 文号 stands at the right (份号/密级 left of it, a tab apart)
    return "notice"
