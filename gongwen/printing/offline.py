"""Documents printed without reaching out: a .docx given to LibreOffice keeps no link that would
make it fetch — a linked (not embedded) picture, an attached template, a linked OLE object or
sub-document, an INCLUDEPICTURE/INCLUDETEXT/LINK field — so that printing or reviewing a
document someone sent cannot make this machine call an address of theirs.  Hyperlinks stay:
they are printed as text and never followed."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

_RELATIONSHIP = re.compile(rb"<Relationship\b[^>]*/>")
_EXTERNAL = re.compile(rb'TargetMode\s*=\s*"External"')
_HYPERLINK = re.compile(rb'Type\s*=\s*"[^"]*/hyperlink"')
# field codes that load what they name, in a field's instruction (w:instrText, w:fldSimple/@w:instr)
_INSTRUCTION = re.compile(rb"(<w:instrText\b[^>]*>)([^<]*)|(\bw:instr=\")([^\"]*)")
_FETCHING_FIELD = re.compile(rb"\b(INCLUDEPICTURE|INCLUDETEXT|LINK|IMPORT|DDEAUTO|DDE)\b")


def fetches(package: zipfile.ZipFile) -> bool:
    """Whether anything in the package would make a word processor fetch on opening it."""
    return any(_external(package.read(name)) != package.read(name) for name in package.namelist()
               if name.endswith(".rels")) or any(_inert(package.read(name)) != package.read(name)
                                                 for name in _xml_parts(package))


def offline_copy(document: Path, folder: Path) -> Path:
    """``document`` itself when it links to nothing outside it (or is no zip at all: LibreOffice
    then says what it is), else a copy in ``folder`` (same name) with every such link removed."""
    if not zipfile.is_zipfile(document):
        return document
    with zipfile.ZipFile(document) as package:
        if not fetches(package):
            return document
        target = folder / document.name
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
            for info in package.infolist():
                data = package.read(info)
                if info.filename.endswith(".rels"):
                    data = _external(data)
                elif info.filename in _xml_parts(package):
                    data = _inert(data)
                out.writestr(info, data)
    return target


def _external(rels: bytes) -> bytes:
    """A relationships part without its external targets other than hyperlinks."""
    return _RELATIONSHIP.sub(lambda m: m.group() if not _EXTERNAL.search(m.group()) or _HYPERLINK.search(m.group())
                             else b"", rels)


def _inert(xml: bytes) -> bytes:
    """The part with its fetching field instructions renamed to a field no program knows (the
    field's last result, if any, still prints)."""
    def instruction(match: re.Match) -> bytes:
        opening, text = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        return opening + _FETCHING_FIELD.sub(lambda m: b"BLOCKED" + m.group(1), text)
    return _INSTRUCTION.sub(instruction, xml)


def _xml_parts(package: zipfile.ZipFile) -> list[str]:
    return [name for name in package.namelist() if name.startswith("word/") and name.endswith(".xml")]
