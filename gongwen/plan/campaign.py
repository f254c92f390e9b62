"""A campaign file: one campaign's facts — name, owners, dated phases, targets, contacts, its
leading group, an organisation table — and the documents it produces.

The documents' plans are ordinary plan files whose text may use the campaign's facts
(``{{ 统计.社会组织总数 }}``); ``gongwen render campaign.yaml`` renders them all, so a notice,
a plan and each week's briefing agree to the last digit.
"""
from __future__ import annotations

from functools import cache, cached_property
from pathlib import Path
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, field_validator

from ..chinese import date_range
from ..errors import PlanError
from ..i18n import _
from . import data, stats, templating
from .elements import Model, Names, Phase, existing_file
from .load import validated
from .source import parse_yaml, read_text

MARKERS = ("活动", "campaign")     # a YAML file with one of these top-level keys is a campaign


def _rate(value: object) -> object:
    """60%, "60%", 0.6 and 60 all mean 0.6."""
    if isinstance(value, str) and value.strip().endswith(("%", "％")):
        try:
            return float(value.strip()[:-1]) / 100
        except ValueError:
            raise ValueError(_("not a percentage: {value!r}").format(value=value)) from None
    if isinstance(value, int | float) and not isinstance(value, bool) and value > 1:
        return value / 100
    return value


Rate = Annotated[float, BeforeValidator(_rate, json_schema_input_type=str | float)]


class DataSource(Model):
    """The organisation table: one row per organisation (see :mod:`gongwen.plan.data`)."""

    file: Path = Field(description="CSV 或 XLSX 文件（相对活动文件）")
    previous: Path | None = Field(None, description="上一期的数据表（同样的列），用于计算变化")
    sheet: str | None = Field(None, description="XLSX 的工作表名；缺省为第一张")
    columns: dict[str, str] = Field(default_factory=dict,
                                    description="字段与表头的对应，如 名称: 单位全称（缺省按常用表头识别）")

    _exists = field_validator("file", "previous")(existing_file)

    @field_validator("columns")
    @classmethod
    def _known_fields(cls, value: dict[str, str]) -> dict[str, str]:
        by_label = {names[0]: key for key, names in data.HEADERS.items()} | {names[1]: key for key, names in data.HEADERS.items()}
        out = {}
        for key, header in value.items():
            field = key if key in data.HEADERS else by_label.get(key)
            if field is None:
                raise ValueError(_("unknown column {key!r}; columns: {known}").format(
                    key=key, known="、".join(names[0] for names in data.HEADERS.values())))
            out[field] = header
        return out


class CampaignDocument(Model):
    """A document the campaign produces: its plan file, and facts for it alone (a 期号)."""

    plan: Path = Field(description="计划文件（相对活动文件）")
    facts: dict[str, Any] = Field(default_factory=dict, description="只用于本文件的事实，如 期号: 5")

    _exists = field_validator("plan")(existing_file)


class Campaign(Model):
    """What the campaign file says."""

    name: str = Field(min_length=1, description="活动名称")
    owners: Names = Field(default_factory=list, description="主办单位")
    phases: list[Phase] = Field(default_factory=list, description="阶段（名称、开始、结束、内容）")
    targets: dict[str, Rate] = Field(default_factory=dict, description="目标，如 组织覆盖率: 60%")
    contacts: Any = Field(None, description="联系人（任意结构）")
    leading_group: Any = Field(None, description="领导小组（任意结构）")
    data: DataSource | None = Field(None, description="社会组织数据表")
    documents: list[CampaignDocument] = Field(default_factory=list, description="要生成的文件")
    facts: dict[str, Any] = Field(default_factory=dict, description="其他事实，供计划文本引用")
    first_issue: int = Field(1, ge=1, description="简报起始期号：所列简报未写期号时依次编号")

    @field_validator("documents", mode="before", json_schema_input_type=list[str | CampaignDocument])
    @classmethod
    def _documents(cls, value: object) -> object:
        """A document may be written as its plan's path alone."""
        return [{"plan": v} if isinstance(v, str) else v for v in value] if isinstance(value, list) else value

    @field_validator("contacts", "leading_group", "facts")
    @classmethod
    def _plain(cls, value: Any) -> Any:
        try:
            return templating.plain(value)
        except TypeError as exc:
            raise ValueError(str(exc)) from None

    @cached_property
    def organisations(self) -> list[data.Organisation]:
        if self.data is None:
            return []
        return data.read_organisations(self.data.file, self.data.columns, self.data.sheet)

    @cached_property
    def statistics(self) -> stats.Statistics | None:
        return stats.Statistics.of(self.organisations) if self.data else None

    @cached_property
    def previous(self) -> stats.Statistics | None:
        """The statistics of the previous table (last briefing's), when the campaign names one."""
        if self.data is None or self.data.previous is None:
            return None
        return stats.Statistics.of(data.read_organisations(self.data.previous, self.data.columns, self.data.sheet))

    def facts_for(self, document: CampaignDocument | None = None) -> dict[str, Any]:
        """The facts a plan's text may use, under Chinese and English names."""
        phases = [{"名称": p.name, "开始": p.start, "结束": p.end, "内容": p.content,
                   "日期": date_range(p.start, p.end), "name": p.name, "start": p.start, "end": p.end,
                   "content": p.content, "dates": date_range(p.start, p.end)} for p in self.phases]
        out: dict[str, Any] = {
            "活动": self.name, "campaign": self.name, "主办": list(self.owners), "owners": list(self.owners),
            "阶段": phases, "phases": phases, "目标": dict(self.targets), "targets": dict(self.targets),
            "联系人": self.contacts, "contacts": self.contacts, "领导小组": self.leading_group,
            "leading_group": self.leading_group,
        }
        if self.statistics is not None:
            figures = self.statistics.facts()
            progress = stats.progress(self.statistics, dict(self.targets))
            rows = [organisation.facts() for organisation in self.organisations]
            out |= {"统计": figures, "stats": figures, "进度": progress, "progress": progress,
                    "社会组织": rows, "organisations": rows}
        if self.previous is not None and self.statistics is not None:
            before, change = self.previous.facts(), stats.change(self.previous, self.statistics)
            out |= {"上期统计": before, "previous": before, "变化": change, "change": change}
        return out | self.facts | (self._issue(document) if document else {})

    def _issue(self, document: CampaignDocument) -> dict[str, Any]:
        """The document's own facts; a briefing without a 期号 gets the next one: the first
        issue, plus the briefings listed before it."""
        if "期号" in document.facts or _kind(document.plan) != "brief":
            return document.facts
        before = [d for d in self.documents[:self.documents.index(document)] if _kind(d.plan) == "brief"]
        numbers = [d.facts.get("期号") for d in before]
        given = [(i, n) for i, n in enumerate(numbers) if isinstance(n, int)]
        issue = given[-1][1] + len(numbers) - given[-1][0] if given else self.first_issue + len(numbers)
        return document.facts | {"期号": issue, "issue": issue}


@cache
def _kind(plan: Path) -> str | None:
    """A plan's kind, read without validating it (to number the briefings); each plan read once,
    however many briefings follow it."""
    from . import kinds

    try:
        loaded, _positions = parse_yaml(read_text(plan), plan)
    except PlanError:
        return None
    name = loaded.get("kind", loaded.get("文种", loaded.get("类型"))) if isinstance(loaded, dict) else None
    try:
        return kinds.get(str(name)).name if name else "notice"
    except KeyError:
        return None


def is_campaign(path: Path) -> bool:
    """Whether a YAML file is a campaign (a top-level 活动/campaign key), not a plan."""
    try:
        loaded, _positions = parse_yaml(read_text(path), path)
    except PlanError:
        return False
    return isinstance(loaded, dict) and any(key in loaded for key in MARKERS)


def load_campaign(path: str | Path, *, root: Path | None = None, allow_outside: bool = False) -> Campaign:
    """Read and validate a campaign file, and read its table (errors name file, row, column)."""
    path = Path(path)
    loaded, positions = parse_yaml(read_text(path), path)
    if not isinstance(loaded, dict):
        raise positions.error(_("a campaign is a mapping of keys such as 活动, 数据, 文件"), ())
    context = {"base_dir": path.parent, "root": root or path.parent, "allow_outside": allow_outside}
    campaign = validated(loaded, positions, Campaign, context)
    campaign.previous      # read the tables now: their errors belong to loading
    campaign.statistics
    return campaign
