"""A document's own properties: the core ones (title, issuer, 文号) that travel into the PDF, and
the custom property that records which profile laid it out, so that ``gongwen check`` judges it
by that profile without being told (docProps/custom.xml, ECMA-376 Part 1 §15.2.12.2)."""
from __future__ import annotations

import datetime as dt

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from ..plan.model import Plan
from ..profile import Profile

PROFILE = "gongwen-profile"             # the profile's name
PROFILE_FILE = "gongwen-profile-file"   # a local profile's folder/name, looked for around the document

_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"     # the format id every custom property carries
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)    # a part of anybody's .docx


def core(document: Document, plan: Plan) -> None:
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
        stamp = dt.datetime(when.year, when.month, when.day)
        props.created = stamp
        props.modified = stamp


def record_profile(document: Document, profile: Profile) -> None:
    """Write the profile's name (and a local profile's file name) into the custom properties,
    keeping any others the template has."""
    values = {PROFILE: profile.name}
    if profile.file is not None:       # its folder and name: no more of the drafter's disk than that
        values[PROFILE_FILE] = "/".join(profile.file.parts[-2:])
    part = _custom_part(document)
    if part is not None:
        root = etree.fromstring(part.blob, _PARSER)
    else:
        root = etree.Element(f"{{{_NS}}}Properties", nsmap={None: _NS, "vt": _VT})
    for old in root.findall(f"{{{_NS}}}property"):
        if old.get("name") in (PROFILE, PROFILE_FILE):
            root.remove(old)
    pid = max([int(p.get("pid", 1)) for p in root.findall(f"{{{_NS}}}property")] + [1])
    for name, value in values.items():
        pid += 1
        prop = etree.SubElement(root, f"{{{_NS}}}property", fmtid=_FMTID, pid=str(pid), name=name)
        etree.SubElement(prop, f"{{{_VT}}}lpwstr").text = value
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if part is not None:
        part._blob = blob
    else:
        package = document.part.package
        package.relate_to(Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, blob, package),
                          RT.CUSTOM_PROPERTIES)


def recorded_profile(document: Document) -> tuple[str | None, str | None]:
    """The profile name and file name a document records (None where it records none)."""
    part = _custom_part(document)
    if part is None:
        return None, None
    try:
        root = etree.fromstring(part.blob, _PARSER)
    except etree.XMLSyntaxError:
        return None, None
    found = {p.get("name"): "".join(p.itertext()).strip() for p in root.findall(f"{{{_NS}}}property")}
    return found.get(PROFILE) or None, found.get(PROFILE_FILE) or None


def _custom_part(document: Document) -> Part | None:
    package = document.part.package
    return next((rel.target_part for rel in package.rels.values()
                 if rel.reltype == RT.CUSTOM_PROPERTIES and not rel.is_external), None)
