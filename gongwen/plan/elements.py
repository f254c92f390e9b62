"""The elements a document is made of, each checked for its content as the drafter writes it:
a 发文字号's form, a date, a seal or table file that must exist, an attachment, a dated phase,
a chart's figures (GB/T 9704-2012 §7).  :mod:`gongwen.plan.model` puts them together."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from ..chinese import arabic_date, chinese_date, date_range, parse_date
from ..i18n import _
from ..rules import ends_in_punctuation
from . import body as body_parser
from . import scans, tables, workbook


def _as_list(value: object) -> object:
    """A single string where a list is expected means a list of one."""
    return [value] if isinstance(value, str) else value


def word_list(value: object) -> object:
    """主题词 may be one string separated by spaces (either width) or a list."""
    return re.split(r"[\s\u3000]+", value.strip(" \u3000")) if isinstance(value, str) else value


def _date(value: object) -> object:
    if value is None:
        return None
    try:
        return parse_date(value)
    except ValueError:
        parts = re.fullmatch(r"\s*(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})\s*日?\s*", str(value))
        if parts:                        # written as a date, but no such day: say which part is wrong
            year, month, day = (int(g) for g in parts.groups())
            if not 1 <= month <= 12:
                raise ValueError(_("a year has no month {month}: {value!r}").format(month=month, value=value)) from None
            last = calendar.monthrange(year, month)[1]
            raise ValueError(_("{year}年{month}月 has {last} days, not {day}: {value!r}").format(
                year=year, month=month, last=last, day=day, value=value)) from None
        raise ValueError(_("not a date: {value!r} (write 2011-02-16 or 2011年2月16日)").format(value=value)) from None


def strip_end(marks: str):
    """Drafters end the last organ of a list with the list's own mark (主送 ：, 抄送 。); the
    document adds it once."""
    def strip(value: object) -> object:
        if isinstance(value, str):
            value = [value]
        if isinstance(value, list):
            return [v.strip().rstrip(marks) if isinstance(v, str) else v for v in value]
        return value
    return strip


# What a drafter may write is wider than what the model keeps: json_schema_input_type tells
# `gongwen schema` (a single name for a list, a date as 2011年2月16日, a 文号 as one string).
TextOrList = str | list[str]
Names = Annotated[list[Annotated[str, Field(min_length=1)]], BeforeValidator(_as_list, json_schema_input_type=TextOrList)]
Date = Annotated[dt.date, BeforeValidator(_date, json_schema_input_type=str | dt.date)]
OptionalDate = Annotated[dt.date | None, BeforeValidator(_date, json_schema_input_type=str | dt.date | None)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def existing_file(value: Path | None, info: ValidationInfo) -> Path | None:
    """Resolve ``value`` relative to the plan's folder and insist that it exists and, unless the
    caller allows otherwise, that it lies under the root (the plan's folder): a plan must not
    pull the system's files into a document, by ``..``, an absolute path or a symbolic link."""
    if value is None:
        return None
    context = info.context or {}
    base = context.get("base_dir")
    path = value if value.is_absolute() or base is None else Path(base) / value
    if not path.is_file():
        raise ValueError(_("file not found: {path}").format(path=path))
    if not context.get("allow_outside"):
        require_under(path, context.get("root"))
    return path


def require_under(path: Path, root: Path | None) -> None:
    """A file a plan names lies under ``root`` (resolving ``..`` and symbolic links)."""
    if root is not None and not path.resolve().is_relative_to(root.resolve()):
        raise ValueError(_("{path} lies outside the plan's folder {root}; pass --allow-outside if it is "
                           "meant").format(path=path, root=root))


def _readable(read: Callable[[Path], object]) -> Callable[[Path | None, ValidationInfo], Path | None]:
    """A validator: the file exists (under the root) and ``read`` can read it, now, where the
    plan's line is known."""
    def validate(value: Path | None, info: ValidationInfo) -> Path | None:
        path = existing_file(value, info)
        if path is not None:
            read(path)
        return path
    return validate


_NUMBER = re.compile(r"^(?P<code>.+?)〔(?P<year>\d{4})〕(?P<seq>[1-9]\d*)号$")


class DocNumber(Model):
    """发文字号: organ code + 〔full year〕 + sequence + 号 (GB/T 9704-2012 §7.2.5)."""

    code: str = Field(min_length=1, description="机关代字")
    year: int = Field(ge=1949, le=2999, description="年份（四位）")
    seq: int = Field(ge=1, description="发文顺序号（不编虚位）")

    def __str__(self) -> str:
        return f"{self.code}〔{self.year}〕{self.seq}号"

    @classmethod
    def parse(cls, text: str) -> DocNumber:
        text = text.strip()
        match = _NUMBER.match(text)
        if match:
            return cls(code=match["code"], year=int(match["year"]), seq=int(match["seq"]))
        if re.search(r"[\[\]【】()（）]", text):
            raise ValueError(_("the year goes in hexagonal brackets 〔〕, not [] 【】 or (): {text}").format(text=text))
        if "第" in text:
            raise ValueError(_("a document number has no 第: {text}").format(text=text))
        if re.search(r"〕0\d", text):
            raise ValueError(_("the sequence number has no leading zeros: {text}").format(text=text))
        if re.search(r"〔\d{2}〕", text):
            raise ValueError(_("the year is written in full (2011, not 11): {text}").format(text=text))
        raise ValueError(_("not a document number of the form 三组通〔2011〕6号: {text}").format(text=text))


class Signature(Model):
    """署名、成文日期 and the optional seal (§7.3.5)."""

    names: Names | None = Field(None, description="署名；缺省为发文机关")
    date: Date = Field(description="成文日期")
    seal: Path | None = Field(None, description="印章图片（相对计划文件）")
    date_style: Literal["arabic", "chinese", "chinese-ling"] = Field(
        "arabic", description="arabic：2012年2月21日；chinese：二○一二年二月二十一日；chinese-ling：用〇")

    _seal_exists = field_validator("seal")(existing_file)

    @property
    def date_text(self) -> str:
        if self.date_style == "arabic":
            return arabic_date(self.date)
        return chinese_date(self.date, "○" if self.date_style == "chinese" else "〇")


class Attachment(Model):
    """An attachment: listed in the 附件说明 and printed on its own pages (§7.3.4, §7.3.7)."""

    title: str = Field(min_length=1, description="附件名称")
    content: str | None = Field(None, description="附件正文，写法同正文（可含表格）")
    sheet: str | None = Field(None, description="表格为 XLSX 时所用的工作表名；缺省为第一张")
    table: Path | None = Field(None, description="表格文件（相对计划文件）：CSV，或 XLSX（单元格按 Excel 显示的样子印出）")
    pdf: Path | None = Field(None, description="PDF 扫描件（相对计划文件），逐页印在附件页的版心内")
    pdf_has_title: bool = Field(False, description="扫描件自带标题：附件页只印“附件N”，不再另印附件标题")
    landscape: bool = Field(False, description="横排表格：表格转90°印在竖排页上，表头在左，页码位置不变")

    _readable_pdf = field_validator("pdf")(_readable(scans.page_count))

    @field_validator("table")
    @classmethod
    def _readable_table(cls, value: Path | None, info: ValidationInfo) -> Path | None:
        path = existing_file(value, info)
        if path is not None:
            tables.read_table(path, info.data.get("sheet"))
        return path

    @model_validator(mode="after")
    def _pdf_alone(self) -> Attachment:
        if self.pdf and (self.content or self.table):
            raise ValueError(_("an attachment given as a PDF has no content or table of its own"))
        if self.sheet and not (self.table and workbook.is_workbook(self.table)):
            raise ValueError(_("工作表 names a sheet of an .xlsx table: the attachment has none"))
        if self.pdf_has_title and not self.pdf:
            raise ValueError(_("pdf_has_title needs a pdf"))
        if self.landscape and not (self.table or any(isinstance(b, body_parser.Table) for b in self.blocks)):
            raise ValueError(_("横排 turns a table: the attachment has none"))
        return self

    @field_validator("title")
    @classmethod
    def _no_end_punctuation(cls, value: str) -> str:
        if ends_in_punctuation(value):
            raise ValueError(_("an attachment name has no punctuation at its end: {text}").format(text=value))
        return value

    @cached_property
    def blocks(self) -> list[body_parser.Block]:
        return body_parser.parse(self.content or "")

    @cached_property
    def rows(self) -> tables.Rows:
        """The rows of the table file, if there is one."""
        return tables.read_table(self.table, self.sheet) if self.table else ()

    @cached_property
    def pdf_pages(self) -> int:
        return scans.page_count(self.pdf) if self.pdf else 0


class Phase(Model):
    """A dated phase of a plan (时间安排/实施步骤, spec §9): printed as a second-level run-in
    heading "（一）name（dates）。content" where the body has a line <时间安排>."""

    name: str = Field(min_length=1, description="阶段名称，如 动员部署阶段")
    start: OptionalDate = Field(None, description="开始日期")
    end: OptionalDate = Field(None, description="结束日期")
    content: str = Field("", description="本阶段的工作内容")

    @model_validator(mode="after")
    def _in_order(self) -> Phase:
        if self.start and self.end and self.end < self.start:
            raise ValueError(_("the phase ends before it starts"))
        return self

    @property
    def heading(self) -> str:
        dates = date_range(self.start, self.end)
        return f"{self.name}（{dates}）" if dates else self.name


def _series(value: object) -> object:
    """Chart data as a mapping, or as text (what a template loop writes): one "名称: 数值" a
    line; a value may end in %."""
    if not isinstance(value, str):
        return value
    out: dict[str, object] = {}
    for number, line in enumerate(value.splitlines(), 1):
        if not line.strip():
            continue
        name, sep, amount = line.replace("：", ":").rpartition(":")
        if not sep or not name.strip():
            raise ValueError(_("chart data line {n} is not “name: value”: {line}").format(n=number, line=line.strip()))
        amount = amount.strip()
        try:
            out[name.strip()] = float(amount[:-1]) / 100 if amount.endswith("%") else float(amount)
        except ValueError:
            raise ValueError(_("chart data line {n}: not a number: {value}").format(n=number, value=amount)) from None
    return out


class Chart(Model):
    """A bar chart of figures (a briefing's coverage by district), drawn with matplotlib and
    printed under the article's text with its caption."""

    title: str = Field(min_length=1, description="图题，印在图下，如 图1　各县（市、区）党组织覆盖率")
    data: Annotated[dict[str, float], BeforeValidator(_series, json_schema_input_type=str | dict[str, float])] = Field(
        description="数据：名称与数值（每行“名称: 数值”，可由模板循环生成）")
    percent: bool = Field(False, description="数值为比率，按百分比标注")

    @field_validator("data")
    @classmethod
    def _some(cls, value: dict[str, float]) -> dict[str, float]:
        if not value:
            raise ValueError(_("a chart needs at least one value"))
        return value
