"""The faces a PDF printed its characters in: Chinese fallen back to a Latin face is an error, a
character printed from another face of its style or a symbol from a face the document does not
name is worth a warning, and a character no face has (an empty box) is fatal."""
from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

from ..findings import Finding
from ..fonts import Coverage, coverage, face_coverage
from ..i18n import N_
from ..profile import Profile
from .measure import Char, MeasuredPage


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


def chinese_faces(pages: Sequence[MeasuredPage], profile: Profile) -> list[Finding]:
    """Chinese characters in a face that has no Chinese glyphs fell back: an error."""
    faces = profile.checks.cjk_faces + profile.free_faces.everything
    found = []
    for page in pages:
        bad = sorted({(c.text, c.face) for line in page.lines for c in line.chars
                      if c.is_cjk and not face_in(c.face, faces)})
        if bad:
            found.append(Finding("font.fallback", profile.faces.clause, page.number, ", ".join(faces[:3]) + " …",
                                 "; ".join(f"{ch} {face}" for ch, face in bad[:8]),
                                 N_("Chinese characters fell back to a face without Chinese glyphs")))
    return found


def substituted_faces(pages: Sequence[MeasuredPage], profile: Profile) -> list[Finding]:
    """Chinese characters the official face's free twin lacks (a name such as 李镕) are printed
    from the next face of the profile's chain: a warning that names each one and its face."""
    chinese = profile.checks.cjk_faces + profile.free_faces.everything
    found = []
    for page in pages:
        bad = sorted({(c.text, c.face) for line in page.lines for c in line.chars
                      if c.is_cjk and not face_in(c.face, profile.free_faces.primaries)
                      and face_in(c.face, chinese)})
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
        bad = sorted({(c.text, c.face) for line in page.lines for c in line.chars
                      if not c.is_cjk and not face_in(c.face, faces)})
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

    def lacks(char: Char) -> bool:
        if char.face not in by_face:     # a document names a few faces: look each up once
            by_face[char.face] = face_coverage(char.face, faces)
        cover = by_face[char.face]
        return cover is not None and char.text not in cover

    found = []
    for page in pages:
        bad = sorted({c for line in page.lines for c in line.chars if ord(c.text) > 0x7F and lacks(c)},
                     key=lambda c: (not c.is_cjk, c.text))
        for chinese in (True, False):
            some = [c for c in bad if c.is_cjk == chinese]
            if some:
                found.append(Finding(
                    "font.missing-glyph", profile.free_faces.clause, page.number,
                    "、".join(profile.free_faces.everything),
                    "; ".join(sorted({f"{c.text} U+{ord(c.text):04X} {c.face}" for c in some})),
                    N_("characters no installed face has are printed as empty boxes; "
                       "install a face that has them and add it to the profile's free_faces"),
                    "fatal" if chinese else "warning"))
    return found
