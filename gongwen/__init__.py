"""gongwen: Chinese official documents (党政机关公文) laid out to GB/T 9704-2012.

    >>> import gongwen
    >>> plan = gongwen.load_plan("notice.yaml")
    >>> gongwen.save(gongwen.render(plan), "notice.docx")
    >>> plan, leftovers = gongwen.import_draft("draft.docx")     # a Word, text or Markdown draft

The names below load their modules on first use, so ``import gongwen`` (and the command line,
which imports only what a command uses) costs no more than it needs.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from .errors import (CheckFailed, ConvertError, DataError, GongwenError, Location, PlanError, PlanWarning, ProfileError,
                     RenderError, TemplateError, collected_warnings)

if TYPE_CHECKING:
    from .compose.jobs import Job
    from .compose.layout import Layout
    from .compose.render import document_bytes, render, save
    from .drafts import DraftError, import_draft
    from .findings import Finding
    from .plan.campaign import Campaign, load_campaign
    from .plan.elements import Attachment, DocNumber, Signature
    from .plan.load import load_plan, plan_from_data
    from .plan.model import Plan
    from .plan.schema import plan_schema
    from .printing.checks import run_checks
    from .printing.converter import convert
    from .printing.measure import MeasuredPage, measure
    from .printing.paginate import Paginated, paginate
    from .profile import Profile, load_profile, profile_names

_LAZY = {
    "Campaign": "plan.campaign", "load_campaign": "plan.campaign",
    "Finding": "findings", "run_checks": "printing.checks",
    "load_plan": "plan.load", "plan_from_data": "plan.load",
    "MeasuredPage": "printing.measure", "measure": "printing.measure",
    "Attachment": "plan.elements", "DocNumber": "plan.elements", "Plan": "plan.model", "Signature": "plan.elements",
    "Job": "compose.jobs", "Paginated": "printing.paginate", "paginate": "printing.paginate",
    "convert": "printing.converter",
    "Profile": "profile", "load_profile": "profile", "profile_names": "profile",
    "Layout": "compose.layout", "render": "compose.render", "save": "compose.render",
    "document_bytes": "compose.render",
    "plan_schema": "plan.schema",
    "import_draft": "drafts", "DraftError": "drafts",
}

__all__ = [
    "Attachment", "Campaign", "CheckFailed", "ConvertError", "DataError", "DocNumber", "DraftError", "Finding", "GongwenError", "Job", "Layout", "Location",
    "MeasuredPage", "Paginated", "Plan", "PlanError", "PlanWarning", "Profile", "ProfileError", "RenderError",
    "Signature", "TemplateError", "collected_warnings", "convert", "document_bytes", "import_draft", "load_campaign", "load_plan", "load_profile", "measure", "paginate", "plan_from_data",
    "plan_schema", "profile_names", "render", "run_checks", "save",
]


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'gongwen' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
