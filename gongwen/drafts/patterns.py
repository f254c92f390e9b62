"""What the elements of a document look like as text — a date in any form a drafter types, a
list of organs, a mark with its 文件, a 版记's lines — and how each becomes the plan's value.
Forms the standard does not allow (a 文号 in 【】, a padded date) are read all the same and
said as a change (:class:`Change`), so the drafter learns what the document now prints."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..chinese import arabic_date, parse_numeral
from ..i18n import _
from ..review.roles import DOC_NUMBER

SPACES = " \u3000\t\n"
_CN_DIGITS = {"○": 0, "〇": 0, "零": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_ARABIC = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_CHINESE = re.compile(r"([○〇零Ｏ一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日")
_TYPED = re.compile(r"(?<![\d.])(\d{4})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?![\d.])")
_PRIVATE = re.compile("[\ue000-\uf8ff]")       # private-use characters a web page's fonts leave in copied text
MARK_SUFFIXES = ("会议纪要", "纪要", "文件")
BRIEF_MASTHEADS = ("简报", "动态", "通讯", "快报", "专报", "情况")
HEAD_TOKENS = re.compile(r"(?P<copy>(?<!\d)\d{6}(?!\d))|(?P<secrecy>绝密|机密|秘密)(?:\s*★\s*(?P<period>[^\s　]+))?"
                         r"|(?P<urgency>特急|加急)")
SIGNERS = re.compile(r"签\s*发\s*人\s*[：:]\s*(.+)$")
ORDER_NUMBER = re.compile(r"^第\s*(\d+)\s*号$")
ISSUE = re.compile(r"^[（(]?(?P<supplement>增刊)?第\s*(?P<n>\d+)\s*期(?:[（(]总第\s*(?P<total>\d+)\s*期[）)])?[）)]?$")
KIND_WORDS = ("通知", "通报", "请示", "报告", "函", "纪要", "方案", "意见", "决定", "批复", "规定", "办法", "公告",
              "通告", "决议", "议案")
COPIES = re.compile(r"[（(]\s*共印\s*(\d+)\s*份\s*[）)]")
DATE_LINE = re.compile(r"[（(]\s*\d{4}\s*年[^（）()]{0,20}[）)]")     # （2012年2月） under a plan's title
ATTACHMENT_LABEL = re.compile(r"^附\s*件\s*(\d*)\s*[：:]?$")
NOTE_ITEM = re.compile(r"^(\d+)\s*[．.、]\s*(.+)$")
ENDING = "。.，,；;：:！!？?、"


@dataclass(frozen=True)
class Change:
    """A form the draft used that the standard does not, and what the document prints instead."""

    field: str
    found: str
    now: str

    def __str__(self) -> str:
        return _("the draft wrote “{found}”; the plan has “{now}”").format(found=self.found, now=self.now)


def date_in(text: str) -> tuple[dt.date, str, str] | None:
    """The date ``text`` holds, its style (arabic, chinese, chinese-ling) and the text it was
    written as; None when it holds none (or no such day)."""
    for pattern, style in ((_ARABIC, "arabic"), (_CHINESE, "chinese"), (_TYPED, "typed")):
        match = pattern.search(text)
        if not match:
            continue
        try:
            if style == "chinese":
                year = int("".join(str(_CN_DIGITS[c]) for c in match.group(1)))
                day = dt.date(year, parse_numeral(match.group(2)), parse_numeral(match.group(3)))
                style = "chinese-ling" if "〇" in match.group(1) else "chinese"
            elif style == "typed":
                day = dt.date(int(match.group(1)), int(match.group(3)), int(match.group(4)))
            else:
                day = dt.date(*(int(g) for g in match.groups()))
        except (ValueError, KeyError):
            return None
        return day, style, match.group(0)
    return None


def is_date_line(text: str) -> bool:
    """A line that is a date and nothing else (a 成文日期)."""
    found = date_in(text)
    return found is not None and _PRIVATE.sub("", text).strip(SPACES) == found[2]


def date_change(field: str, written: str, day: dt.date, style: str) -> Change | None:
    """The change a typed or padded date undergoes (2026.11.24 → 2026年11月24日)."""
    if style in ("typed",) or (style == "arabic" and written.replace(" ", "") != arabic_date(day)):
        return Change(field, written, arabic_date(day))
    return None


def split_top(text: str, marks: str) -> list[str]:
    """``text`` parted at ``marks`` outside parentheses and quotes (各县（市、区）民政局 stays whole)."""
    parts, depth, current = [], 0, ""
    for ch in text:
        if ch in "（(《“【〔[":
            depth += 1
        elif ch in "）)》”】〕]":
            depth = max(0, depth - 1)
        if ch in marks and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return [p.strip(SPACES) for p in parts if p.strip(SPACES)]


def organs(text: str) -> list[str]:
    """A 主送 or 抄送 list: organs parted by ， (the list's own ： or 。 at the end dropped)."""
    return split_top(text.strip(SPACES).rstrip("：:。.，,；;"), "，,；;")


def people(text: str) -> list[str]:
    """Names parted by 、 (出席), by spaces (签发人) or by ，."""
    return split_top(text.strip(SPACES).rstrip("。.，,；;"), "、，,") if re.search("[、，,]", text) else \
        [p for p in re.split(r"[\s\u3000]{1,}", text.strip(SPACES)) if p]


def mark_parts(lines: list[str]) -> tuple[list[str], str]:
    """A mark's lines → (issuers, suffix): 三门峡市民政局文件 → ([三门峡市民政局], 文件); a joint
    mark's names with one 文件 beside or under them; a 令's 三门峡市人民政府令."""
    parts = [p for line in lines for p in re.split(r"[\t\n]|[ \u3000]{2,}", line) if p.strip(SPACES)]
    parts = [p.strip(SPACES) for p in parts]
    suffix = next((p for p in parts if p in MARK_SUFFIXES), "")
    names = [p for p in parts if p != suffix]
    if not suffix and names:
        last = names[-1]
        for candidate in (*MARK_SUFFIXES, "令"):
            if last.endswith(candidate) and len(last) > len(candidate):
                suffix, names[-1] = candidate, last[: -len(candidate)]
                break
    return names, suffix


def doc_number(text: str) -> tuple[str, str] | None:
    """The 发文字号 in ``text`` as written and in the standard's form (〔〕, no 第, no padding)."""
    match = DOC_NUMBER.search(text)
    if not match:
        return None
    written = match.group(0).strip(SPACES + "★").lstrip("（(")
    fixed = re.sub(r"[\[【(（]\s*(\d{4})\s*[\]】)）]", r"〔\1〕", written)
    fixed = re.sub(r"〕\s*第?\s*0*(\d+)\s*号", r"〕\1号", fixed).replace(" ", "")
    return written, fixed


def strip_ending(text: str) -> str:
    return text.strip(SPACES).rstrip(ENDING).strip(SPACES)


def printed_line(text: str) -> tuple[str, dt.date] | None:
    """The 印发 line: organ and date (三门峡市民政局办公室　2026年11月24日印发)."""
    flat = re.sub(r"[\s\u3000]+", " ", COPIES.sub("", text)).strip()
    if not flat.endswith("印发"):
        return None
    found = date_in(flat)
    if found is None:
        return None
    return flat[: flat.index(found[2])].strip(), found[0]
