"""Chinese text as official documents write it: numerals, the date forms, and how wide a
character prints (full width or half)."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import cache

_DIGITS = "零一二三四五六七八九"


# Marks Unicode calls ambiguous that a Chinese face prints a full em wide (measured: a title with
# “双覆盖” judged to fit a line wrapped in LibreOffice)
_WIDE_AMBIGUOUS = frozenset("“”‘’…—·※")


@cache
def is_wide(ch: str) -> bool:
    """A character that takes a full em (Chinese characters and full-width marks)."""
    return unicodedata.east_asian_width(ch) in "WF" or ch in _WIDE_AMBIGUOUS


def em_width(text: str) -> float:
    """Width in ems of the text's size: wide characters 1, others ½."""
    return sum(1 if is_wide(ch) else 0.5 for ch in text)


def numeral(n: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (the counting form used in numbering)."""
    if n <= 0:
        raise ValueError(f"no Chinese numeral for {n}")
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if rest == 0 else ("零" + numeral(rest) if rest < 10 else
                                     ("一" + numeral(rest) if rest < 20 else numeral(rest)))
        return _DIGITS[n // 100] + "百" + tail
    raise ValueError(f"numbering beyond 999 is not supported: {n}")


def parse_numeral(text: str) -> int:
    """Inverse of :func:`numeral` for the numbers drafters type (一 … 九十九, 一百 …)."""
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch in _DIGITS:
            current = _DIGITS.index(ch)
        else:
            raise ValueError(f"not a Chinese numeral: {text}")
    return total + current


def arabic_date(day: dt.date) -> str:
    """2012年2月21日: full year, no padding (GB/T 9704-2012 §7.3.5.1)."""
    return f"{day.year}年{day.month}月{day.day}日"


def chinese_date(day: dt.date, zero: str = "○") -> str:
    """二○一二年二月二十一日: the legacy form, year digit by digit."""
    digits = _DIGITS.replace("零", zero)
    year = "".join(digits[int(d)] for d in str(day.year))
    return f"{year}年{numeral(day.month)}月{numeral(day.day)}日"


_DATE = re.compile(r"^\s*(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?\s*$")


def parse_date(value: object) -> dt.date:
    """A date from YAML (already a date) or from text such as 2011年2月16日 or 2011-2-16."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        match = _DATE.match(value)
        if match:
            return dt.date(*(int(g) for g in match.groups()))
    raise ValueError(value)


def date_range(start: dt.date | None, end: dt.date | None) -> str:
    """A phase's dates as documents write them: 2011年2月20日—3月10日 (the year once when both
    fall in it), 2011年2月20日起, 2011年3月10日前."""
    if start and end:
        tail = arabic_date(end)
        if end.year == start.year:
            tail = tail.split("年", 1)[1]
        return f"{arabic_date(start)}—{tail}"
    if start:
        return f"{arabic_date(start)}起"
    return f"{arabic_date(end)}前" if end else ""
