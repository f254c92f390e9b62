"""Plan + profile + template → a .docx that keeps GB/T 9704-2012.

The template (docxtpl) carries the named styles, page setup and footers; its Jinja tags are
rendered with the plan's fields.  The plan's kind (:mod:`gongwen.kinds`) then writes the
document from the top of page 1 down out of the parts in :mod:`gongwen.parts`.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from docx.document import Document
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from jinja2 import TemplateError as JinjaError
from jinja2.sandbox import SandboxedEnvironment

from . import frame, kinds
from .atomic import write_atomic
from .errors import Location, TemplateError
from .i18n import _
from .layout import Layout, Written
from .model import Plan
from .parts import Writer
from .profile import Profile, load_profile

__all__ = ["Composed", "Layout", "Written", "compose", "document_bytes", "render", "save", "template_path"]


def template_path(kind: str) -> Path:
    return Path(str(files("gongwen.templates") / kinds.get(kind).template))


@dataclass
class Composed:
    document: Document
    paragraphs: list[Written] = field(default_factory=list)


def render(plan: Plan, *, profile: Profile | str | None = None, template: str | Path | None = None,
           base_dir: Path | None = None, layout: Layout | None = None) -> Document:
    """Build the document in memory.  Precedence: argument > plan > profile default."""
    return compose(plan, profile=profile, template=template, base_dir=base_dir, layout=layout).document


def compose(plan: Plan, *, profile: Profile | str | None = None, template: str | Path | None = None,
            base_dir: Path | None = None, layout: Layout | None = None) -> Composed:
    """:func:`render`, also returning the paragraphs written, in order."""
    if not isinstance(profile, Profile):
        profile = load_profile(profile or plan.profile, base_dir)
    profile = kinds.adapted(plan.kind, profile)
    document = _open_template(Path(template) if template else template_path(plan.kind), plan)
    frame.apply(document, profile)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    writer = Writer(document, plan, profile, layout or Layout())
    kinds.get(plan.kind).module.write(writer)
    _core_properties(document, plan)
    return Composed(document, writer.written)


def _open_template(path: Path, plan: Plan) -> Document:
    if not path.is_file():
        raise TemplateError(_("template not found"), Location(path))
    try:
        template = DocxTemplate(str(path))
        template.render(plan.model_dump(mode="json") | {"doc_number": str(plan.doc_number or "")},
                        jinja_env=SandboxedEnvironment(), autoescape=True)
    except JinjaError as exc:
        raise TemplateError(_("template tag error: {reason}").format(reason=exc), Location(path, getattr(exc, "lineno", None))) from None
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise TemplateError(_("not a usable .docx template: {reason}").format(reason=exc), Location(path)) from None
    return template.docx


def _core_properties(document: Document, plan: Plan) -> None:
    """Title, author, subject and keywords travel into the PDF; dates are the document's own,
    so the same plan always gives the same bytes."""
    props = document.core_properties
    props.title = plan.title_text
    props.author = "、".join(plan.issuers)
    props.subject = str(plan.doc_number or "")
    props.keywords = " ".join(plan.subject_words)
    props.last_modified_by = "gongwen"
    props.revision = 1
    when = plan.signature.date if plan.signature else None
    if when:
        import datetime as dt

        stamp = dt.datetime(when.year, when.month, when.day)
        props.created = stamp
        props.modified = stamp


def save(document: Document, path: str | Path) -> Path:
    """Write ``document`` atomically: a failure never leaves a half-written or clobbered file."""
    path = Path(path)
    write_atomic(path, document_bytes(document))
    return path


def document_bytes(document: Document) -> bytes:
    """The .docx with fixed zip timestamps, so equal input gives equal bytes."""
    buffer = io.BytesIO()
    document.save(buffer)
    fixed = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            stable = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            stable.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(stable, src.read(info.filename))
    return fixed.getvalue()
