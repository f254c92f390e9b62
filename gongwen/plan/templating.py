"""Plan text from campaign facts: ``{{ 统计.社会组织总数 }}``, ``{{ 统计.组织覆盖率 | 百分比 }}``.

Text fields of a plan rendered with a campaign are Jinja templates in a sandbox with strict
undefined names: a template sees only the campaign's facts (plain numbers, text, dates, lists
and mappings), cannot read files, reach attributes of Python objects or the environment, and a
name it does not know is an error, never an empty string.  The filters present figures as
Chinese official documents write them.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import TYPE_CHECKING

from ..chinese import arabic_date, chinese_date, date_range, numeral, parse_date

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment

TAGS = ("{{", "{%", "{#")


def _half_up(value: float, digits: int) -> Decimal:
    """Rounded as statistics are (四舍五入: 31.25 → 31.3), not to even as Babel would."""
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP)


def number(value: float, digits: int = 2) -> str:
    """1068 → 1,068 (Babel, zh_CN); a fraction keeps up to ``digits`` decimals."""
    from babel.numbers import format_decimal

    return format_decimal(_half_up(value, digits), format="#,##0." + "#" * digits, locale="zh_CN")


def percent(value: float, digits: int = 1) -> str:
    """0.3125 → 31.3%, 0.6 → 60% (up to ``digits`` decimals, none when whole)."""
    return number(_half_up(value * 100, digits), digits) + "%"


def points(value: float, digits: int = 1) -> str:
    """A difference of rates in percentage points: 0.246 → 24.6个百分点."""
    return number(_half_up(value * 100, digits), digits) + "个百分点"


def date(value: object, style: str = "arabic") -> str:
    """2011年2月20日; style="chinese" → 二○一一年二月二十日 (the legacy form)."""
    day = parse_date(value)
    return chinese_date(day) if style in ("chinese", "中文") else arabic_date(day)


def dates(start: object, end: object | None = None) -> str:
    """2月20日—3月10日 (the year once, when both dates share it)."""
    return date_range(parse_date(start), parse_date(end) if end is not None else None)


def chinese_number(value: int) -> str:
    """5 → 五, 15 → 十五 (up to 999; years: the 日期 filter's chinese style)."""
    return numeral(int(value))


def issue(value: int) -> str:
    """5 → 第五期."""
    return f"第{numeral(int(value))}期"


FILTERS: dict[str, Callable[..., str]] = {
    "数字": number, "number": number,
    "百分比": percent, "percent": percent,
    "百分点": points, "points": points,
    "日期": date, "date": date,
    "日期范围": dates, "date_range": dates,
    "中文数字": chinese_number, "chinese_number": chinese_number,
    "期": issue, "issue": issue,
}


@cache
def environment() -> SandboxedEnvironment:
    """Jinja is loaded when a campaign fills a plan: a plain plan never pays for it."""
    from jinja2 import FunctionLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    # A loader that finds nothing: {% include %} and {% import %} cannot read a file.
    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True,
                               loader=FunctionLoader(lambda name: None))
    env.filters.update(FILTERS)
    return env


def has_tags(text: str) -> bool:
    return any(tag in text for tag in TAGS)


def fill(text: str, facts: dict[str, object]) -> str:
    """``text`` with its tags rendered from ``facts`` (jinja2 errors pass through)."""
    return environment().from_string(text).render(facts)


def plain(value: object) -> object:
    """Facts as a template may see them: dates stay dates, everything else plain data."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, str | int | float | bool | dt.date) or value is None:
        return value
    raise TypeError(f"not a plain fact: {type(value).__name__}")
