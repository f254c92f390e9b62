"""The typed model of an official document: every element of GB/T 9704-2012 §7.

Fields are the English YAML keys; :mod:`gongwen.plan.glossary` adds the Chinese ones.  Validation
here is about content (a 文号's form, a date, a file that must exist); layout is the profile's.
"""
from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, field_validator, model_validator

from ..i18n import _
from ..rules import ends_in_punctuation
from . import body as body_parser
from . import kinds
from .elements import (Attachment, Chart, DocNumber, Model, Names, OptionalDate, Phase, Signature, TextOrList,
                       existing_file, strip_end, word_list)


class _Titled(Model):
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
    to: Annotated[Names, BeforeValidator(strip_end("：:，,。"), json_schema_input_type=TextOrList)] = Field(default_factory=list, description="主送机关")
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
    masthead_image: Path | None = Field(None, description="报头图片（简报）：代替报头文字，按版心宽度印出；"
                                                          "相对计划文件")
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
    cc: Annotated[Names, BeforeValidator(strip_end("。.，,；;"), json_schema_input_type=TextOrList)] = Field(default_factory=list, description="抄送机关")
    printed_by: str | None = Field(None, description="印发机关")
    printed_on: OptionalDate = Field(None, description="印发日期")
    subject_words: Annotated[list[str], BeforeValidator(word_list, json_schema_input_type=TextOrList)] = Field(
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

    _masthead_exists = field_validator("masthead_image")(existing_file)

    @model_validator(mode="before")
    @classmethod
    def _masthead_names_the_brief(cls, data: object) -> object:
        """With a 报头 picture the 报头's text is not printed and may be left out: the document's
        title (its properties, the PDF's title) is then 简报."""
        if isinstance(data, dict) and data.get("masthead_image") and not data.get("title"):
            return {**data, "title": "简报"}
        return data

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
