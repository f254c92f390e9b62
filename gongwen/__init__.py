"""gongwen: Chinese official documents (党政机关公文) laid out to GB/T 9704-2012.

    >>> import gongwen
    >>> plan = gongwen.load_plan("notice.yaml")
    >>> gongwen.save(gongwen.render(plan), "notice.docx")
"""
from .errors import (CheckFailed, ConvertError, GongwenError, Location, PlanError, PlanWarning, ProfileError,
                     RenderError, TemplateError)
from .load import load_plan, plan_from_data
from .model import Attachment, DocNumber, Plan, Signature
from .profile import Profile, load_profile, profile_names
from .render import render, save
from .schema import plan_schema

__all__ = [
    "Attachment", "CheckFailed", "ConvertError", "DocNumber", "GongwenError", "Location", "Plan", "PlanError",
    "PlanWarning", "Profile", "ProfileError", "RenderError", "Signature", "TemplateError", "load_plan",
    "load_profile", "plan_from_data", "plan_schema", "profile_names", "render", "save",
]
