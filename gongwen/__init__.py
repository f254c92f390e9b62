"""gongwen: Chinese official documents (党政机关公文) laid out to GB/T 9704-2012.

    >>> import gongwen
    >>> plan = gongwen.load_plan("notice.yaml")
    >>> gongwen.save(gongwen.render(plan), "notice.docx")

The names below load their modules on first use, so ``import gongwen`` (and the command line,
which imports only what a command uses) costs no more than it needs.
"""
from __future__ import annotations

import sys
import types
from importlib import import_module
from typing import TYPE_CHECKING

from .errors import (CheckFailed, ConvertError, DataError, GongwenError, Location, PlanError, PlanWarning,
                     ProfileError, RenderError, TemplateError)

if TYPE_CHECKING:
    from .campaign import Campaign, load_campaign
    from .checks import Finding, run_checks
    from .load import load_plan, plan_from_data
    from .measure import MeasuredPage, measure
    from .model import Attachment, DocNumber, Plan, Signature
    from .paginate import Job, Paginated, paginate
    from .pdf import convert
    from .profile import Profile, load_profile, profile_names
    from .render import Layout, render, save
    from .schema import plan_schema

_LAZY = {
    "Campaign": "campaign", "load_campaign": "campaign",
    "Finding": "checks", "run_checks": "checks",
    "load_plan": "load", "plan_from_data": "load",
    "MeasuredPage": "measure", "measure": "measure",
    "Attachment": "model", "DocNumber": "model", "Plan": "model", "Signature": "model",
    "Job": "paginate", "Paginated": "paginate", "paginate": "paginate",
    "convert": "pdf",
    "Profile": "profile", "load_profile": "profile", "profile_names": "profile",
    "Layout": "render", "render": "render", "save": "render",
    "plan_schema": "schema",
}

__all__ = [
    "Attachment", "Campaign", "CheckFailed", "ConvertError", "DataError", "DocNumber", "Finding", "GongwenError", "Job", "Layout", "Location",
    "MeasuredPage", "Paginated", "Plan", "PlanError", "PlanWarning", "Profile", "ProfileError", "RenderError",
    "Signature", "TemplateError", "convert", "load_campaign", "load_plan", "load_profile", "measure", "paginate", "plan_from_data",
    "plan_schema", "profile_names", "render", "run_checks", "save",
]


class _Package(types.ModuleType):
    """Importing a submodule binds its name on the package: ``gongwen.render``, ``.measure`` and
    ``.paginate`` would then be modules.  They stay the functions of the same names."""

    def __setattr__(self, name: str, value: object) -> None:
        if isinstance(value, types.ModuleType) and _LAZY.get(name) == name:
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'gongwen' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
