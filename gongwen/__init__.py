"""gongwen: Chinese official documents (党政机关公文) laid out to GB/T 9704-2012.

    >>> import gongwen
    >>> plan = gongwen.load_plan("notice.yaml")
    >>> gongwen.save(gongwen.render(plan), "notice.docx")
"""
from .errors import (CheckFailed, ConvertError, GongwenError, Location, PlanError, PlanWarning, ProfileError,
                     RenderError, TemplateError)
from .checks import Finding, run_checks
from .load import load_plan, plan_from_data
from .measure import MeasuredPage, measure
from .model import Attachment, DocNumber, Plan, Signature
from .paginate import Job, Paginated, paginate
from .pdf import convert
from .profile import Profile, load_profile, profile_names
from .render import Layout, render, save
from .schema import plan_schema

__all__ = [
    "Attachment", "CheckFailed", "ConvertError", "DocNumber", "Finding", "GongwenError", "Job", "Layout", "Location",
    "MeasuredPage", "Paginated", "Plan", "PlanError", "PlanWarning", "Profile", "ProfileError", "RenderError",
    "Signature", "TemplateError", "convert", "load_plan", "load_profile", "measure", "paginate", "plan_from_data",
    "plan_schema", "profile_names", "render", "run_checks", "save",
]
