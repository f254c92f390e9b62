"""The JSON Schema of plan and campaign files, with every Chinese key offered beside its
English one."""
from __future__ import annotations

import copy
from typing import Any

from pydantic import BaseModel

from . import glossary


def plan_schema() -> dict[str, Any]:
    from .model import Plan

    return _schema(Plan, "gongwen 公文计划")


def campaign_schema() -> dict[str, Any]:
    from .campaign import Campaign

    return _schema(Campaign, "gongwen 活动文件")


# What an editor shows for each part of a plan (its title and tooltip), in the drafter's words:
# the model's docstrings are notes for programmers, in English.
PARTS = {
    "Plan": ("公文计划", "一份公文：文种、版头、标题、主送、正文、附件、落款与版记"),
    "Campaign": ("活动文件", "一项活动：名称、牵头单位、阶段、目标、数据表，以及据此生成的各份公文"),
    "Article": ("简报文章", "简报中的一篇文章：标题居中，正文，可加（摘自……）"),
    "Attachment": ("附件", "附件：列入附件说明，另页印在版记之前；内容、表格（CSV 或 XLSX）或 PDF 扫描件"),
    "Chart": ("图表", "柱状图（如各县区覆盖率），印在文章正文之下"),
    "DocNumber": ("发文字号", "发文字号：机关代字、〔年份〕、发文顺序号"),
    "IssuedDocument": ("印发的文件", "印发通知所印发的方案、意见或办法：另页印在通知之后"),
    "Phase": ("工作阶段", "方案中的一个阶段（时间安排、实施步骤）：起止日期与工作内容"),
    "Signature": ("落款", "署名、成文日期与印章"),
    "CampaignDocument": ("活动生成的公文", "活动生成的一份公文：其计划文件与只用于它的事实"),
    "DataSource": ("数据表", "单位名单：每行一个单位（CSV 或 XLSX）"),
}


def _schema(model: type[BaseModel], title: str) -> dict[str, Any]:
    schema = model.model_json_schema()
    _add_aliases(schema, model.__name__)
    for name, definition in schema.get("$defs", {}).items():
        _add_aliases(definition, name)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return schema


def _add_aliases(definition: dict[str, Any], scope: str) -> None:
    if scope in PARTS:
        definition["title"], definition["description"] = PARTS[scope]
    properties = definition.get("properties")
    if not properties:
        return
    for field, prop in list(properties.items()):
        term = glossary.term(scope, field)
        if term:
            prop["title"] = term.element
        for key in term.zh_keys if term else ():
            properties[key] = copy.deepcopy(prop)
    # A required field may come under any of its names: required becomes "one of the names".
    required = definition.pop("required", [])
    if required:
        definition["allOf"] = [
            {"anyOf": [{"required": [name]} for name in _names(scope, field)]} for field in required
        ]


def _names(scope: str, field: str) -> list[str]:
    term = glossary.term(scope, field)
    return [field, *(term.zh_keys if term else ())]
