"""The typed model of an official document: every element of GB/T 9704-2012 §7.

Fields are the English YAML keys; :mod:`gongwen.plan.glossary` adds the Chinese ones.  Validation
here is about content (a 文号's form, a date, a file that must exist); layout is the profile's.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from . import body as body_parser
from . import kinds, scans, tables
from ..chinese import arabic_date, chinese_date, date_range, parse_date
from ..i18n import _
from ..rules import ends_in_punctuation


def _as_list(value: object) -> object:
    """A single string where a list is expected means a list of one."""
    return [value] if isinstance(value, str) else value


def _words(value: object) -> object:
    """主题词 may be one string separated by spaces (either width) or a list."""
    return re.split(r"[\s\u3000]+", value.strip(" \u3000")) if isinstance(value, str) else value


def _date(value: object) -> object:
    if value is None:
        return None
    try:
        return parse_date(value)
    except ValueError:
        raise ValueError(_("not a date: {value!r} (write 2011-02-16 or 2011年2月16日)").format(value=value)) from None


def _strip_end(marks: str):
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


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _existing_file(value: Path | None, info: ValidationInfo) -> Path | None:
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
        path = _existing_file(value, info)
        if path is not None:
            read(path)
        return path
    return validate


_NUMBER = re.compile(r"^(?P<code>.+?)〔(?P<year>\d{4})〕(?P<seq>[1-9]\d*)号$")


class DocNumber(_Model):
    """发文字号: organ code + 〔full year〕 + sequence + 号 (GB/T 9704-2012 §7.2.4)."""

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


class Signature(_Model):
    """署名、成文日期 and the optional seal (§7.3.5)."""

    names: Names | None = Field(None, description="署名；缺省为发文机关")
    date: Date = Field(description="成文日期")
    seal: Path | None = Field(None, description="印章图片（相对计划文件）")
    date_style: Literal["arabic", "chinese", "chinese-ling"] = Field(
        "arabic", description="arabic：2012年2月21日；chinese：二○一二年二月二十一日；chinese-ling：用〇")

    _seal_exists = field_validator("seal")(_existing_file)

    @property
    def date_text(self) -> str:
        if self.date_style == "arabic":
            return arabic_date(self.date)
        return chinese_date(self.date, "○" if self.date_style == "chinese" else "〇")


class Attachment(_Model):
    """An attachment: listed in the 附件说明 and printed on its own pages (§7.3.4, §8)."""

    title: str = Field(min_length=1, description="附件名称")
    content: str | None = Field(None, description="附件正文，写法同正文（可含表格）")
    table: Path | None = Field(None, description="CSV 表格文件（相对计划文件）")
    pdf: Path | None = Field(None, description="PDF 扫描件（相对计划文件），逐页印在附件页的版心内")
    pdf_has_title: bool = Field(False, description="扫描件自带标题：附件页只印“附件N”，不再另印附件标题")
    landscape: bool = Field(False, description="横排表格：表格转90°印在竖排页上，表头在左，页码位置不变")

    _readable_table = field_validator("table")(_readable(tables.read_csv))
    _readable_pdf = field_validator("pdf")(_readable(scans.page_count))

    @model_validator(mode="after")
    def _pdf_alone(self) -> Attachment:
        if self.pdf and (self.content or self.table):
            raise ValueError(_("an attachment given as a PDF has no content or table of its own"))
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
        """The rows of the CSV table, if there is one."""
        return tables.read_csv(self.table) if self.table else ()

    @cached_property
    def pdf_pages(self) -> int:
        return scans.page_count(self.pdf) if self.pdf else 0


class _Titled(_Model):
    """A document with a title (the notice, or the plan it issues): lines as the drafter broke
    them, or broken by :mod:`gongwen.compose.titles`."""

    title: str | list[str] = Field(description="标题；写成列表或多行即指定回行位置")

    @field_validator("title")
    @classmethod
    def _title(cls, value: str | list[str]) -> str | list[str]:
        text = "".join(value) if isinstance(value, list) else value
        if not text.strip():
            raise ValueError(_("the title is empty"))
        if ends_in_punctuation(text):
            raise ValueError(_("a title has no punctuation at its end"))
        return value

    @property
    def title_lines(self) -> list[str] | None:
        """The drafter's own line breaks of the title, if any were given."""
        if isinstance(self.title, list):
            return [line.strip() for line in self.title if line.strip()]
        if "\n" in self.title:
            return [line.strip() for line in self.title.splitlines() if line.strip()]
        return None

    @property
    def title_text(self) -> str:
        return "".join(self.title_lines or [self.title])


class Phase(_Model):
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


class _Dated(_Titled):
    """A titled document that may carry its date in （） on the line under its title (spec §9)."""

    date_line: str | None = Field(None, description="标题下的日期行，如 2012年2月（自动加括号）")

    @field_validator("date_line")
    @classmethod
    def _bare_date_line(cls, value: str | None) -> str | None:
        return value.strip("()（） ") if value else value


class IssuedDocument(_Dated):
    """The plan, opinion or rules a 印发通知 issues: printed after the notice on a new page, with
    its own title, a （date） line under it and its own heading levels (spec §9, seeds 002/003)."""

    body: str = Field(description="正文，每行一段，层次写法同通知正文")

    @cached_property
    def blocks(self) -> list[body_parser.Block]:
        return body_parser.parse(self.body)


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


class Chart(_Model):
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


class Article(_Titled):
    """An article of a 简报 (spec §8): its centred title, its body with the body's levels, and
    for an excerpt its source, printed （摘自…） under it."""

    body: str = Field(description="正文，每行一段，层次写法同通知正文")
    source: str | None = Field(None, description="出处，印作（摘自……）；以“摘自”开头或以“供稿”结尾的照印")
    new_page: bool = Field(False, description="另起一页")
    charts: list[Chart] = Field(default_factory=list, description="图表（柱状图），印在正文之后")

    @field_validator("source")
    @classmethod
    def _bare_source(cls, value: str | None) -> str | None:
        return value.strip("()（） ") if value else value

    @property
    def source_line(self) -> str | None:
        if not self.source:
            return None
        said = self.source if self.source.startswith(("摘自", "转自", "来源")) or self.source.endswith("供稿") \
            else f"摘自{self.source}"
        return f"（{said}）"

    @cached_property
    def blocks(self) -> list[body_parser.Block]:
        return body_parser.parse(self.body)



Secrecy = Literal["绝密", "机密", "秘密"]
Urgency = Literal["特急", "加急"]


class Plan(_Dated):
    """What the drafter writes: one official document."""

    kind: str = Field("notice", description="文种：notice 通知, forward 印发通知, request 请示, report 报告")
    profile: str | None = Field(None, description="版式：gb9704-2012（默认）或 party-legacy")
    copy_number: str | None = Field(None, description="份号（6位阿拉伯数字）")
    secrecy: Secrecy | None = Field(None, description="密级")
    secrecy_period: str | None = Field(None, description="保密期限，如 1年")
    urgency: Urgency | None = Field(None, description="紧急程度")
    issuers: Names = Field(default_factory=list, description="发文机关（联合行文时主办机关在前）；实施方案可省略")
    mark_suffix: str = Field("", description="发文机关标志后缀，如 文件")
    doc_number: DocNumber | None = Field(None, description="发文字号，如 三组通〔2011〕6号")
    signers: Names = Field(default_factory=list, description="签发人（上行文）")
    to: Annotated[Names, BeforeValidator(_strip_end("：:，,。"), json_schema_input_type=TextOrList)] = Field(default_factory=list, description="主送机关")
    body: str = Field("", description="正文，每行一段")
    attachments: list[Attachment] = Field(default_factory=list, description="附件")
    signature: Signature | None = Field(None, description="署名、成文日期、印章")
    note: str | None = Field(None, description="附注")
    issued: IssuedDocument | None = Field(None, description="印发的文件（印发通知：实施方案、意见等）")
    order_number: int | None = Field(None, ge=1, description="令号（命令），印作“第N号”")
    present: Names = Field(default_factory=list, description="出席（纪要）")
    absent: Names = Field(default_factory=list, description="请假（纪要）")
    attending: Names = Field(default_factory=list, description="列席（纪要）")
    phases: list[Phase] = Field(default_factory=list, description="时间安排：各阶段，排在正文中 <时间安排> 一行处")
    issue_number: int | None = Field(None, ge=1, description="期号（简报），印作“第N期”")
    total_issue: int | None = Field(None, ge=1, description="总期号（简报），印作“总第N期”")
    supplement: bool = Field(False, description="增刊（简报）：期号另编，印作“增刊第N期”")
    contents: bool = Field(True, description="本期要目（简报，两篇以上文章时印出）")
    articles: list[Article] = Field(default_factory=list, description="文章（简报）")
    report_to: Names = Field(default_factory=list, description="报（简报报尾：上级机关）")
    send_to: Names = Field(default_factory=list, description="送（简报报尾：平级机关）")
    distribute_to: Names = Field(default_factory=list, description="发（简报报尾：下级机关）")
    editor: str | None = Field(None, description="编辑（简报）")
    reviewer: str | None = Field(None, description="审核（简报）")
    approver: str | None = Field(None, description="审签（简报）")
    cc: Annotated[Names, BeforeValidator(_strip_end("。.，,；;"), json_schema_input_type=TextOrList)] = Field(default_factory=list, description="抄送机关")
    printed_by: str | None = Field(None, description="印发机关")
    printed_on: OptionalDate = Field(None, description="印发日期")
    subject_words: Annotated[list[str], BeforeValidator(_words, json_schema_input_type=TextOrList)] = Field(
        default_factory=list, description="主题词（旧版党委公文）")
    copies: int | None = Field(None, ge=1, description="印数（旧版党委公文）")

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str) -> str:
        try:
            return kinds.get(value).name
        except KeyError:
            raise ValueError(_("unknown document kind {kind!r}; known kinds: {known}").format(
                kind=value, known="、".join(kinds.names()))) from None

    @field_validator("copy_number", mode="before", json_schema_input_type=str | int | None)
    @classmethod
    def _copy_number(cls, value: object) -> object:
        if isinstance(value, int) and not isinstance(value, bool):
            value = f"{value:06d}"
        if isinstance(value, str) and not re.fullmatch(r"\d{6}", value):
            raise ValueError(_("份号 is six Arabic digits, e.g. 000001"))
        return value

    @field_validator("doc_number", mode="before", json_schema_input_type=str | DocNumber | None)
    @classmethod
    def _doc_number(cls, value: object) -> object:
        return DocNumber.parse(value) if isinstance(value, str) else value

    @field_validator("attachments", mode="before", json_schema_input_type=list[str | Attachment])
    @classmethod
    def _attachments(cls, value: object) -> object:
        """An attachment may be written as its name alone."""
        return [{"title": v} if isinstance(v, str) else v for v in value] if isinstance(value, list) else value


    @field_validator("note")
    @classmethod
    def _note(cls, value: str | None) -> str | None:
        """附注 stands in full-width parentheses (§7.3.6)."""
        if value and not (value.startswith("（") and value.endswith("）")):
            value = f"（{value.strip('()（）')}）"
        return value

    @model_validator(mode="after")
    def _consistency(self) -> Plan:
        if self.secrecy_period and not self.secrecy:
            raise ValueError(_("保密期限 needs a 密级"))
        return self


    @property
    def attendance(self) -> list[tuple[str, list[str]]]:
        """The 纪要's attendance lines that have names, in the standard's order (§10.3)."""
        return [(label, names) for label, names in (("出席", self.present), ("请假", self.absent),
                                                    ("列席", self.attending)) if names]

    @property
    def issue_text(self) -> str:
        """期号 as the 报头 prints it: 第5期, 增刊第1期, 第5期（总第23期）."""
        text = ("增刊" if self.supplement else "") + f"第{self.issue_number}期"
        return text + (f"（总第{self.total_issue}期）" if self.total_issue else "")

    @property
    def signature_names(self) -> list[str]:
        if self.signature is None:
            return []
        return self.signature.names or list(self.issuers)

    @cached_property
    def blocks(self) -> list[body_parser.Block]:
        """The body's blocks, with the phases where the body has its <时间安排> line (at the
        end when it has none)."""
        blocks = body_parser.parse(self.body)
        if not self.phases:
            return blocks
        phases = [body_parser.Heading(2, body_parser.number_text(2, n),
                                      phase.heading + ("。" if phase.content else ""), phase.content)
                  for n, phase in enumerate(self.phases, 1)]
        at = next((i for i, b in enumerate(blocks) if isinstance(b, body_parser.Paragraph)
                   and b.text in kinds.PHASES_MARKERS), None)
        return blocks[:at] + phases + blocks[at + 1:] if at is not None else blocks + phases
