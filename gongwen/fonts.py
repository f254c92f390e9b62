"""Which installed face prints each official face name, and which characters each face has.

The .docx names the official faces (仿宋_GB2312 …).  For the PDF, a fontconfig file made from the
profile maps each name to the profile's chain of free faces of the same style: the first
(Fandol) prints what it has, and fontconfig hands each character it lacks to the next face in
the chain that has it (a name such as 李镕: 镕 is outside GB 2312).  A character no face of the
chain has is printed as an empty box: :func:`missing_glyphs` finds it on the measured pages.
"""
from __future__ import annotations

import atexit
import bisect
import hashlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path
from xml.sax.saxutils import escape

from typing import TYPE_CHECKING

from .i18n import N_
from .profile import FaceKey, Profile

if TYPE_CHECKING:
    from .checks import Finding
    from .measure import Char, MeasuredPage

FACE_KEYS: tuple[FaceKey, ...] = ("fangsong", "kaiti", "heiti", "song", "xiaobiaosong")


def base_config() -> Path:
    """The fixed part: the Fandol folder and its weight fixes (used by scripts/setup.sh too)."""
    return Path(str(files("gongwen") / "fontconfig" / "fonts.conf"))


def config_text(profiles: Iterable[Profile]) -> str:
    """A fontconfig file: the base, plus each official name bound to its chain of free faces."""
    rules, seen = [], set()
    for profile in profiles:
        for key in FACE_KEYS:
            name = profile.face(key)
            if name in seen:
                continue
            seen.add(name)
            chain = "".join(f"<family>{escape(f)}</family>" for f in profile.free_faces.chain(key))
            rules.append(f'  <alias binding="strong"><family>{escape(name)}</family><prefer>{chain}</prefer></alias>')
            if key in profile.free_faces.bold:
                rules.append(f'  <match target="pattern"><test name="family"><string>{escape(name)}</string></test>'
                             '<edit name="weight" mode="assign"><const>bold</const></edit></match>')
    return ('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
            f"  <include>{escape(str(base_config()))}</include>\n" + "\n".join(rules) + "\n</fontconfig>\n")


def fontconfig_file(profiles: Iterable[Profile]) -> Path:
    """The fontconfig file for ``profiles``, written once per process and content."""
    text = config_text(profiles)
    path = _folder() / f"fonts-{hashlib.sha1(text.encode()).hexdigest()[:12]}.conf"
    if not path.is_file():
        path.write_text(text, encoding="utf-8")
    return path


@cache
def _folder() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="gongwen-fonts-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


class Coverage:
    """The characters of one face, as fontconfig lists them (sorted code-point ranges)."""

    def __init__(self, ranges: Sequence[tuple[int, int]]):
        self.starts = [a for a, _b in ranges]
        self.ends = [b for _a, b in ranges]

    @classmethod
    @cache
    def parse(cls, charset: str) -> Coverage:
        ranges = []
        for item in charset.split():
            first, _sep, last = item.partition("-")
            ranges.append((int(first, 16), int(last or first, 16)))
        return cls(sorted(ranges))

    def __contains__(self, char: str) -> bool:
        code = ord(char)
        i = bisect.bisect_right(self.starts, code) - 1
        return i >= 0 and code <= self.ends[i]


def coverage(config: Path) -> dict[str, str]:
    """Every installed face by PostScript name, under ``config``: its charset as fontconfig
    writes it, parsed when a document uses the face (a system has hundreds)."""
    return _coverage(str(config))


@cache
def _coverage(config: str) -> dict[str, str]:
    exe = shutil.which("fc-list")
    if exe is None:
        return {}
    done = subprocess.run([exe, "-f", "%{postscriptname}\t%{charset}\n"], capture_output=True, text=True,
                          env=dict(os.environ, FONTCONFIG_FILE=config), timeout=60)
    found: dict[str, str] = {}
    for line in done.stdout.splitlines():
        name, _tab, charset = line.partition("\t")
        if name and charset:
            found.setdefault(name, charset)
    return found


def face_coverage(pdf_face: str, faces: dict[str, str]) -> Coverage | None:
    """The coverage of the face a PDF names (LibreOffice may append to the PostScript name)."""
    best = max((name for name in faces if pdf_face.startswith(name)), key=len, default=None)
    return Coverage.parse(faces[best]) if best else None


def missing_glyphs(pages: Sequence[MeasuredPage], profile: Profile, config: Path) -> list[Finding]:
    """Characters printed from a face that has no glyph for them (an empty box on paper).  For
    Chinese it is fatal, the page no longer says what the plan says; for other symbols (an
    emoji) a warning that names them (design: "Fonts and PDF")."""
    from .checks import Finding

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
