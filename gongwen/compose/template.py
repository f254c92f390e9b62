"""The template a document starts from: the bundled one, or a unit's own with its artwork,
extra styles, headers, footers and tags.  The profile's frame is applied to it (and whatever the
frame replaces in a unit's template is said, never silently), then its Jinja tags are filled
from the plan's fields — under their English and Chinese names — and the unit's values."""
from __future__ import annotations

import copy
import io
import re
import zipfile
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import docx
from docx.document import Document

from ..errors import Location, PlanWarning, TemplateError, warn
from ..i18n import _
from ..plan import glossary, kinds
from ..plan.model import Plan
from ..profile import Profile
from . import frame
from .package import document_bytes


def template_path(kind: str) -> Path:
    """The bundled template of ``kind``."""
    return Path(str(files("gongwen.templates") / kinds.get(kind).template))


def open_template(path: Path | None, plan: Plan, profile: Profile) -> Document:
    """The template (``None``: the kind's bundled one) as a fresh document with the profile's
    frame applied.  The framed template is made once per template file and profile and kept,
    parsed: each document starts from a copy of its tree (half the time of reading the package
    again); a template with Jinja tags is rendered for each document from its bytes."""
    own = path is not None
    path = Path(path) if own else template_path(plan.kind)
    if not path.is_file():
        raise TemplateError(_("template not found"), Location(path))
    framed, kept, tagged, replaced = _framed(path, path.stat().st_mtime_ns, profile)
    for message in replaced if own else ():
        warn(PlanWarning(_("template {name}: {message}").format(name=path.name, message=message)))
    if not tagged:
        return copy.deepcopy(kept)
    return _filled(framed, path, tag_values(plan, profile))


def tag_values(plan: Plan, profile: Profile) -> dict[str, object]:
    """What a tag may name: the plan's fields under their English and Chinese names (``title``,
    ``标题``), the 发文字号 as printed, and the unit's values (``单位口号``) from the profile."""
    fields = plan.model_dump(mode="json") | {"doc_number": str(plan.doc_number or "")}
    values: dict[str, object] = dict(profile.unit.values)
    for name, value in fields.items():
        term = glossary.term("Plan", name)
        values.update(dict.fromkeys(term.zh_keys if term else (), value))
    return values | fields


def _filled(framed: bytes, path: Path, values: dict[str, object]) -> Document:
    from docxtpl import DocxTemplate
    from jinja2 import StrictUndefined
    from jinja2 import TemplateError as JinjaError
    from jinja2 import UndefinedError
    from jinja2.sandbox import SandboxedEnvironment

    template = DocxTemplate(io.BytesIO(framed))
    try:
        template.render(values, jinja_env=SandboxedEnvironment(undefined=StrictUndefined), autoescape=True)
    except UndefinedError as exc:
        name = re.search(r"'([^']+)' is undefined", str(exc))
        tag = name.group(1) if name else str(exc)
        raise TemplateError(_("the tag {{{{ {tag} }}}} in {part} names nothing a plan or the unit gives").format(
            tag=tag, part=_part_with(framed, tag)), Location(path),
            hint=_("write it under unit: in the profile, or use a plan field (gongwen schema plan)")) from None
    except JinjaError as exc:
        raise TemplateError(_("template tag error: {reason}").format(reason=exc),
                            Location(path, getattr(exc, "lineno", None))) from None
    return template.docx


def _part_with(framed: bytes, tag: str) -> str:
    """The part of the template whose text holds ``tag`` inside a Jinja tag (header1.xml …)."""
    with zipfile.ZipFile(io.BytesIO(framed)) as archive:
        for name in archive.namelist():
            if name.endswith(".xml"):
                text = re.sub(r"<[^>]+>", "", archive.read(name).decode("utf-8", "replace"))
                if re.search(r"\{[{%][^}]*\b" + re.escape(tag) + r"\b", text):
                    return name
    return "word/document.xml"


@lru_cache(maxsize=32)
def _framed(path: Path, mtime_ns: int, profile: Profile) -> tuple[bytes, Document, bool, tuple[str, ...]]:
    """The template with the frame applied, saved and read back (never handed out: copied);
    whether any of its parts holds a Jinja tag ({{ }}, {% %}, {# #}); and what the frame
    replaced of the template's own settings."""
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise TemplateError(_("not a usable .docx template: {reason}").format(reason=exc), Location(path)) from None
    try:
        replaced = frame.apply(document, profile)
    except TemplateError as exc:           # a header or footer that cannot keep the page
        raise TemplateError(exc.message, Location(path), hint=exc.hint) from None
    tagged = any(re.search(rb"\{[{%#]", part.blob) for part in document.part.package.iter_parts()
                 if part.partname.endswith(".xml"))
    framed = document_bytes(document)
    return framed, docx.Document(io.BytesIO(framed)), tagged, tuple(replaced)
