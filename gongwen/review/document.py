"""A GB/T 9704 review of any .docx — gongwen's own or one typed by hand in Word or WPS.

The elements are found by what they say and how they are set (a line of 〔year〕…号 is the
发文字号, the large centred block after it the title, the line after the title that ends in a
colon the 主送 …), not by gongwen's styles, and each is held to the rules of
:mod:`gongwen.rules`.  Given the pages LibreOffice printed (``gongwen check --pdf``), the
geometric checks of :mod:`gongwen.printing.checks` run too and every finding gets its page.
"""
from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from .. import styles
from ..errors import PlanWarning, ProfileError, warn
from ..findings import Finding
from ..i18n import _
from ..printing.checks import run_checks
from ..profile import Profile, load_profile
from .reading import Docx, read
from .roles import Roles, kind_of, roles
from .text_rules import TEXT_RULES


def review(path: Path, profile: Profile | None = None,
           printed: Callable[[Path], Sequence] | None = None) -> list[Finding]:
    """Every finding of the document at ``path``.  Without a ``profile`` the document's own
    shows which (:func:`_profile_of`).  With ``printed`` (a function that prints a .docx and returns its measured
    pages, called only once the file has shown it is a sound Word package) the geometric
    checks run too, and each finding gets its page."""
    from ..compose import kinds

    doc = read(path)
    found = roles(doc)
    profile = kinds.adapted(kind_of(found), profile or _profile_of(doc, found))
    findings = [f for rule in TEXT_RULES for f in rule(doc, found, profile)]
    return findings if printed is None else _on_pages(findings, doc, printed(path), profile)


def _profile_of(doc: Docx, found: Roles) -> Profile:
    """The profile a document is judged by when none is given: the one it records having been
    made with (a bundled one, or a local file in its folder — or the folder's, or the one
    above — beside the document or in the current folder);
    else the pre-2012 Party format when it carries 主题词 or the ★ in its red rule; else
    GB/T 9704-2012."""
    name, file = doc.made_with
    if name in styles.names():
        return load_profile(name)
    near = [doc.path.parent.resolve(), *list(doc.path.parent.resolve().parents)[:2], Path.cwd()]
    for candidate in [folder / part for folder in near for part in (file, Path(file).name)] if file else ():
        if candidate.is_file():
            try:
                local = load_profile(candidate)
            except ProfileError:
                continue
            if local.name == name:
                return local
    legacy = found.subject is not None or any(p.red and p.text == "★" for p in doc.paragraphs)
    fallback = load_profile("party-legacy" if legacy else None)
    if name:
        warn(PlanWarning(_("made with the profile {name} ({file}), which is not here: judged by {used}; name "
                           "its file with --profile").format(name=name, file=file or "?", used=fallback.name)))
    return fallback


def _on_pages(findings: list[Finding], doc: Docx, pages: Sequence, profile: Profile) -> list[Finding]:
    """The text findings with the page they stand on, and the measured findings: those the
    text review also makes (paper, page-number form) are kept once, as measured; a page number
    drawn in the wrong size because its field carries no result is said as the field's fault."""
    measured = run_checks(_with_reserved(pages, doc), profile)
    if any(not footer.has_result for footer in doc.footers):
        measured = [f for f in measured if f.id not in ("page-number.size", "page-number.height")]
    both = {f.id for f in measured}
    numbered = next((page.number for page in pages if any(line.top > profile.page.top_mm + profile.page.text_height_mm
                                                          for line in page.lines)), 1)
    texts = [re.sub(r"\s", "", page.text) for page in pages]
    located = []
    for item in findings:
        if item.id in both:
            continue
        if item.id.startswith("page-number."):
            page = numbered
        elif item.where:
            key = re.sub(r"\s", "", item.where.rstrip("…"))[:12]
            page = next((i + 1 for i, text in enumerate(texts) if key and key in text), None)
        else:
            page = 1
        located.append(replace(item, page=page))
    return sorted(located + measured, key=lambda f: (f.page or 0))


def _with_reserved(pages: Sequence, doc: Docx) -> list:
    """The pages, those gongwen reserved for a supplied PDF attachment marked as such (they are
    empty in the .docx: the PDF gongwen writes lays the attachment's pages on them)."""
    pages = list(pages)
    for anchor, count in doc.reserved:
        key = re.sub(r"\s", "", anchor)
        at = next((i for i in range(len(pages) - 1, -1, -1) if key and key in re.sub(r"\s", "", pages[i].text)), None)
        for i in range(at + 1, min(at + 1 + count, len(pages))) if at is not None else ():
            pages[i] = replace(pages[i], scan=True)
    return pages


def printed_pages(path: Path, folder: Path, profile) -> list:
    """The pages of ``path`` as LibreOffice prints them (converted under a name of its own:
    two documents of one name in one call do not meet).  A document gongwen made is printed as
    gongwen prints it: through the styles that make LibreOffice hang punctuation where Word does."""
    from ..compose.frame import for_libreoffice
    from ..errors import ConvertError, Location
    from ..printing.converter import convert
    from ..printing.measure import measure
    from .reading import open_package

    copy = folder / f"{len(list(folder.iterdir())):05d}.docx"
    document = open_package(path)
    if any(style.style_id.startswith("Gw") for style in document.styles):
        with for_libreoffice(document, profile):
            document.save(str(copy))
    else:
        shutil.copyfile(path, copy)
    try:
        return measure(convert([copy], folder, profiles=[profile])[0])
    except ConvertError as exc:       # said of the user's file, not of the copy printed
        raise ConvertError(exc.message, Location(path)) from None
