"""The JSON Schema of plan and campaign files, with every Chinese key offered beside its
English one."""
from __future__ import annotations

import copy
from typing import Any

from pydantic import BaseModel

from . import glossary


def plan_schema() -> dict[str, Any]:
    from .model import Plan

    return _schema(Plan, "gongwen plan")


def campaign_schema() -> dict[str, Any]:
    from .campaign import Campaign

    return _schema(Campaign, "gongwen campaign")


def _schema(model: type[BaseModel], title: str) -> dict[str, Any]:
    schema = model.model_json_schema()
    _add_aliases(schema, model.__name__)
    for name, definition in schema.get("$defs", {}).items():
        _add_aliases(definition, name)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return schema


def _add_aliases(definition: dict[str, Any], scope: str) -> None:
    properties = definition.get("properties")
    if not properties:
        return
    for field, prop in list(properties.items()):
        term = glossary.term(scope, field)
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
