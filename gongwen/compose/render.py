"""Plan + profile + template → a .docx that keeps GB/T 9704-2012.

The template (docxtpl) carries the named styles, page setup and footers; its Jinja tags are
rendered with the plan's fields.  The plan's kind (:mod:`gongwen.plan.kinds`) then writes the
document from the top of page 1 down out of the parts in :mod:`gongwen.compose.writer`.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.pkgwriter import _ContentTypesItem
from docx.oxml.ns import qn

from ..atomic import write_atomic
from ..errors import Location, TemplateError
from ..i18n import _
from ..plan import kinds
from ..plan.model import Plan
from ..profile import Profile, load_profile
from . import frame
from . import kinds as layouts
from .layout import Layout, Written
from .writer import Writer

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
    profile = layouts.adapted(plan.kind, profile)
    document = _open_template(Path(template) if template else template_path(plan.kind), plan, profile)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    writer = Writer(document, plan, profile, layout or Layout())
    layouts.module(plan.kind).write(writer)
    _core_properties(document, plan)
    return Composed(document, writer.written)


def _open_template(path: Path, plan: Plan, profile: Profile) -> Document:
    """The template as a fresh document with the profile's frame applied.  The framed template
    is made once per template file and profile and kept as bytes; a template with Jinja tags is
    rendered with the plan's fields for each document (docxtpl), one without is not."""
    if not path.is_file():
        raise TemplateError(_("template not found"), Location(path))
    framed, tagged = _framed(path, path.stat().st_mtime_ns, profile)
    if not tagged:
        return docx.Document(io.BytesIO(framed))
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError as JinjaError
    from jinja2.sandbox import SandboxedEnvironment

    try:
        template = DocxTemplate(io.BytesIO(framed))
        template.render(plan.model_dump(mode="json") | {"doc_number": str(plan.doc_number or "")},
                        jinja_env=SandboxedEnvironment(), autoescape=True)
    except JinjaError as exc:
        raise TemplateError(_("template tag error: {reason}").format(reason=exc), Location(path, getattr(exc, "lineno", None))) from None
    return template.docx


@lru_cache(maxsize=32)
def _framed(path: Path, mtime_ns: int, profile: Profile) -> tuple[bytes, bool]:
    """The template with the frame applied, saved; and whether any of its parts holds a Jinja
    tag ({{ }}, {% %}, {# #})."""
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise TemplateError(_("not a usable .docx template: {reason}").format(reason=exc), Location(path)) from None
    frame.apply(document, profile)
    tagged = any(re.search(rb"\{[{%#]", part.blob) for part in document.part.package.iter_parts()
                 if part.partname.endswith(".xml"))
    return document_bytes(document), tagged


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
    """The .docx written once, its parts in python-docx's order, with fixed timestamps so that
    equal input gives equal bytes."""
    package = document.part.package
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        def put(name: str, blob: bytes) -> None:
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), blob, zipfile.ZIP_DEFLATED)

        put("[Content_Types].xml", _ContentTypesItem.from_parts(parts).blob)
        put("_rels/.rels", package.rels.xml)
        for part in parts:
            put(part.partname.membername, part.blob)
            if part.rels:
                put(part.partname.rels_uri.membername, part.rels.xml)
    return buffer.getvalue()
