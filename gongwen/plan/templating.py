"""Plan text from campaign facts: ``{{ 统计.社会组织总数 }}``, ``{{ 统计.组织覆盖率 | 百分比 }}``.

Text fields of a plan rendered with a campaign are Jinja templates in a sandbox with strict
undefined names: a template sees only the campaign's facts (plain numbers, text, dates, lists
and mappings), cannot read files, reach attributes of Python objects or the environment, and a
name it does not know is an error, never an empty string.  The filters present figures as
Chinese official documents write them.

A template is also held to limits of size and time (:class:`TemplateLimit`): a ``range`` of at
most :data:`MAX_RANGE` numbers, no text or list longer than :data:`MAX_LENGTH` made by ``*``,
``+``, ``~``, a filter or a method, no number raised past :data:`MAX_POWER_BITS` bits, at most
:data:`MAX_LENGTH` characters of output and :data:`MAX_SECONDS` of work — so a plan cannot
hang a batch or take the machine's memory.
"""
from __future__ import annotations

import datetime as dt
import functools
import sys
import time
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

from ..chinese import arabic_date, chinese_date, date_range, numeral, parse_date
from ..i18n import N_, _

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment

TAGS = ("{{", "{%", "{#")
MAX_RANGE = 10_000          # numbers in one range(): a list of organisations is far shorter
MAX_LENGTH = 1_000_000      # characters (or items) of one value, and of a field's whole text
MAX_POWER_BITS = 4_096      # a number raised with ** stays below 2**4096
MAX_SECONDS = 1.5           # of rendering work for one text field


class TemplateLimit(Exception):
    """A template went past one of the limits; the message says which."""


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
    from jinja2.compiler import CodeGenerator
    from jinja2.sandbox import SandboxedEnvironment

    class Generator(CodeGenerator):
        def visit_Concat(self, node, frame):  # noqa: N802 — Jinja's visitor name
            """``a ~ b`` through the environment, which counts what it joins."""
            self.write("environment.joined((")
            for argument in node.nodes:
                self.visit(argument, frame)
                self.write(", ")
            self.write("))")

    class Limited(SandboxedEnvironment):
        code_generator_class = Generator
        intercepted_binops = frozenset(["*", "+", "**"])

        def call_binop(self, context, operator, left, right):
            if operator == "**" and isinstance(left, int) and isinstance(right, int) and abs(left) > 1 \
                    and right * max(1, abs(left).bit_length()) > MAX_POWER_BITS:
                raise TemplateLimit(_limit(N_("a number"), MAX_POWER_BITS, N_("bits")))
            if operator == "*" and isinstance(right, str | list | tuple) and isinstance(left, int):
                left, right = right, left
            if operator == "*" and isinstance(left, str | list | tuple) and isinstance(right, int):
                _within(len(left) * max(right, 0))
            if operator == "+" and isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
                _within(len(left) + len(right))
            return super().call_binop(context, operator, left, right)

        def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 — Jinja's signature
            """A method or function called with a size past the limits (``'a'.ljust(10**9)``) is
            refused before it runs; what it returns is measured."""
            for value in (*args, *kwargs.values()):
                if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_LENGTH:
                    raise TemplateLimit(_limit(N_("a number given to a function"), MAX_LENGTH, ""))
            return _measured(super().call(__context, __obj, *args, **kwargs))

        @staticmethod
        def joined(parts: tuple) -> str:
            text = "".join(str(part) for part in parts)
            return _measured(text)

    # A loader that finds nothing: {% include %} and {% import %} cannot read a file.
    env = Limited(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True,
                  loader=FunctionLoader(lambda name: None))
    env.filters.update(FILTERS)
    env.filters = {name: _guarded(function) for name, function in env.filters.items()}
    env.globals = {"range": _range, "dict": dict}
    return env


def _limit(what: str, limit: int, unit: str) -> str:
    unit = _(unit) if unit else ""
    return _("{what} past the limit of {limit:,} {unit}").format(what=_(what), limit=limit, unit=unit).strip()


def _within(length: int) -> None:
    if length > MAX_LENGTH:
        raise TemplateLimit(_limit(N_("a text or list"), MAX_LENGTH, N_("characters or items")))


def _measured(value: Any) -> Any:
    if isinstance(value, str | list | tuple | dict):
        _within(len(value))
    return value


def _range(*args: int) -> range:
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise TemplateLimit(_limit(N_("a range"), MAX_RANGE, N_("numbers")))
    return numbers


def _guarded(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that refuses sizes past the limits (``'a'|center(10**9)``) and whose result is
    measured."""
    @functools.wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        for value in (*args[1:], *kwargs.values()):
            if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_LENGTH:
                raise TemplateLimit(_limit(N_("a number given to a filter"), MAX_LENGTH, ""))
        return _measured(function(*args, **kwargs))
    return guarded


def has_tags(text: str) -> bool:
    return any(tag in text for tag in TAGS)


def fill(text: str, facts: dict[str, object]) -> str:
    """``text`` with its tags rendered from ``facts`` (jinja2 errors and :class:`TemplateLimit`
    pass through), within the limits of output and time."""
    template = environment().from_string(text)
    deadline = time.monotonic() + MAX_SECONDS
    steps = 0

    def tick(frame, event, arg):
        nonlocal steps
        steps += 1
        if steps % 1000 == 0 and time.monotonic() > deadline:
            raise TemplateLimit(_limit(N_("the rendering time"), int(MAX_SECONDS * 1000), N_("ms")))
        return tick

    def trace(frame, event, arg):
        # only the template's own code is counted: loops that print nothing take time too
        return tick if frame.f_code.co_filename == "<template>" else None

    previous = sys.gettrace()
    sys.settrace(trace)
    try:
        out, length = [], 0
        for chunk in template.generate(facts):
            length += len(chunk)
            if length > MAX_LENGTH:
                raise TemplateLimit(_limit(N_("the text"), MAX_LENGTH, N_("characters")))
            out.append(chunk)
        return "".join(out)
    finally:
        sys.settrace(previous)


def plain(value: object) -> object:
    """Facts as a template may see them: dates stay dates, everything else plain data."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, str | int | float | bool | dt.date) or value is None:
        return value
    raise TypeError(f"not a plain fact: {type(value).__name__}")
