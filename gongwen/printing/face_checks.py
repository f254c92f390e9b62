"""The faces a PDF printed its characters in: Chinese fallen back to a Latin face is an error, a
character printed from another face of its style or a symbol from a face the document does not
name is worth a warning, and a character no face has (an empty box) is fatal."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

from ..findings import Finding
from ..fonts import Coverage, coverage, face_coverage
from ..i18n import N_
from ..profile import Profile
from .measure import MeasuredPage, is_cjk


def face_in(face: str, names: tuple[str, ...]) -> bool:
    """Whether a PDF font name (a PostScript name) is one of ``names`` (families or prefixes)."""
    return face.replace(" ", "").lower().startswith(_squeezed(names))


@cache
def _squeezed(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name.replace(" ", "").lower() for name in names)


def family_named(face: str, names: tuple[str, ...]) -> str:
    """The family of ``names`` a PDF font is, as fontconfig and ``gongwen doctor`` name it: Noto's
    collections give the PDF their Japanese face's name (NotoSerifCJKjp-Bold) whichever region's
    family was asked for (Noto Serif CJK SC).  The PDF's name where none matches."""
    squeezed = face.replace(" ", "").lower()
    for name, family in zip(names, _squeezed(names)):
        if squeezed.startswith(family) or (family[-2:] in _REGIONS and squeezed.startswith(family[:-2])
                                           and squeezed[len(family) - 2:len(family)] in _REGIONS):
            return name
    return face


_REGIONS = ("sc", "tc", "hk", "jp", "kr")


def _astray(page: MeasuredPage, cjk: bool, wrong: Callable[[str], bool]) -> list[tuple[str, str]]:
    """The page's Chinese (or other) characters in a face ``wrong`` judges, each (text, face)
    once, sorted: each face judged once (a page has a few faces and a thousand characters)."""
    judged: dict[str, bool] = {}
    bad = set()
    for line in page.lines:
        for char in line.chars:
            verdict = judged.get(char.face)
            if verdict is None:
                verdict = judged[char.face] = wrong(char.face)
            if verdict and char.is_cjk is cjk:     # the face first: most are right, for every character
                bad.add((char.text, char.face))
    return sorted(bad)


def chinese_faces(pages: Sequence[MeasuredPage], profile: Profile) -> list[Finding]:
    """Chinese characters in a face that has no Chinese glyphs fell back: an error."""
    faces = profile.checks.cjk_faces + profile.free_faces.everything
    found = []
    for page in pages:
        bad = _astray(page, True, lambda face: not face_in(face, faces))
        if bad:
            found.append(Finding("font.fallback", profile.faces.clause, page.number, ", ".join(faces[:3]) + " …",
                                 "; ".join(f"{ch} {face}" for ch, face in bad[:8]),
                                 N_("Chinese characters fell back to a face without Chinese glyphs")))
    return found


def substituted_faces(pages: Sequence[MeasuredPage], profile: Profile) -> list[Finding]:
    """Chinese characters the official face's free twin lacks (a name such as 李镕) are printed
    from the next face of the profile's chain: a warning that names each one and its face."""
    chinese, primaries = profile.checks.cjk_faces + profile.free_faces.everything, profile.free_faces.primaries
    found = []
    for page in pages:
        bad = _astray(page, True, lambda face: not face_in(face, primaries) and face_in(face, chinese))
        if bad:
            found.append(Finding("font.substituted", profile.free_faces.clause, page.number,
                                 "、".join(profile.free_faces.primaries),
                                 "; ".join(f"{ch} U+{ord(ch):04X} {family_named(face, profile.free_faces.everything)}"
                                           for ch, face in bad),
                                 N_("characters the official face lacks, printed from another face of its style"),
                                 "warning"))
    return found


def other_faces(pages: Sequence[MeasuredPage], profile: Profile) -> list[Finding]:
    """Other characters (symbols, Latin, digits) outside the document's faces fell back too: a
    warning that names them, since a symbol like ★ may exist in no Chinese face installed."""
    faces = profile.checks.cjk_faces + profile.free_faces.everything + profile.checks.latin_faces
    found = []
    for page in pages:
        bad = _astray(page, False, lambda face: not face_in(face, faces))
        if bad:
            found.append(Finding("font.other-fallback", profile.faces.clause, page.number,
                                 ", ".join(profile.checks.latin_faces[:2]) + " …",
                                 "; ".join(f"{ch} {face}" for ch, face in bad[:8]),
                                 N_("characters drawn in a face the document does not name"), "warning"))
    return found


def missing_glyphs(pages: Sequence[MeasuredPage], profile: Profile, config: Path) -> list[Finding]:
    """Characters printed from a face that has no glyph for them (an empty box on paper).  For
    Chinese it is fatal, the page no longer says what the plan says; for other symbols (an
    emoji) a warning that names them (design: "Fonts and PDF")."""
    faces = coverage(config)
    by_face: dict[str, Coverage | None] = {}

    def lacks(text: str, face: str) -> bool:
        if face not in by_face:     # a document names a few faces: look each up once
            by_face[face] = face_coverage(face, faces)
        cover = by_face[face]
        return cover is not None and text not in cover

    found = []
    for page in pages:
        printed = {(c.text, c.face) for line in page.lines for c in line.chars if ord(c.text) > 0x7F}
        bad = sorted(((text, face) for text, face in printed if lacks(text, face)),
                     key=lambda pair: (not is_cjk(pair[0]), pair[0]))
        for chinese in (True, False):
            some = [(text, face) for text, face in bad if is_cjk(text) == chinese]
            if some:
                found.append(Finding(
                    "font.missing-glyph", profile.free_faces.clause, page.number,
                    "、".join(profile.free_faces.everything),
                    "; ".join(sorted({f"{text} U+{ord(text):04X} {face}" for text, face in some})),
                    N_("characters no installed face has are printed as empty boxes; "
                       "install a face that has them and add it to the profile's free_faces"),
                    "fatal" if chinese else "warning"))
    return found
