"""Plan + profile + template → a .docx that keeps GB/T 9704-2012.

The template (:mod:`gongwen.compose.template`) carries the named styles, page setup, artwork
and footers; its Jinja tags are filled from the plan's fields and the unit's values.  The plan's kind (:mod:`gongwen.plan.kinds`) then writes the
document from the top of page 1 down out of the parts in :mod:`gongwen.compose.writer`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docx.document import Document
from docx.oxml.ns import qn

from ..plan.model import Plan
from ..profile import Profile, load_profile
from . import kinds as layouts
from . import properties
from .layout import Layout, Written
from .package import document_bytes, save
from .template import open_template, template_path
from .writer import Writer

__all__ = ["Composed", "Layout", "Written", "compose", "document_bytes", "render", "save", "template_path"]


@dataclass
class Composed:
    document: Document
    paragraphs: list[Written] = field(default_factory=list)


def render(plan: Plan, *, profile: Profile | str | None = None, template: str | Path | None = None,
           base_dir: Path | None = None, layout: Layout | None = None) -> Document:
    """Build the document in memory.  The profile: argument > plan > the default; the
    template: argument > the profile's > the kind's bundled one."""
    return compose(plan, profile=profile, template=template, base_dir=base_dir, layout=layout).document


def compose(plan: Plan, *, profile: Profile | str | None = None, template: str | Path | None = None,
            base_dir: Path | None = None, layout: Layout | None = None) -> Composed:
    """:func:`render`, also returning the paragraphs written, in order."""
    if not isinstance(profile, Profile):
        profile = load_profile(profile or plan.profile, base_dir)
    profile = layouts.adapted(plan.kind, profile)
    document = open_template(Path(template) if template else profile.template_file, plan, profile)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    writer = Writer(document, plan, profile, layout or Layout())
    layouts.module(plan.kind).write(writer)
    properties.core(document, plan)
    properties.record_profile(document, profile)
    return Composed(document, writer.written)
