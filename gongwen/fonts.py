"""Which installed face prints each official face name, and which characters each face has.

The .docx names the official faces (仿宋_GB2312 …).  For the PDF, a fontconfig file made from the
profile maps each name to the profile's chain of free faces of the same style: the first
(Fandol) prints what it has, and fontconfig hands each character it lacks to the next face in
the chain that has it (a name such as 李镕: 镕 is outside GB 2312).  A character no face of the
chain has is printed as an empty box: :mod:`gongwen.printing.face_checks` finds it on the pages.
"""
from __future__ import annotations

import atexit
import bisect
import contextlib
import hashlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from functools import cache
from html import escape
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from . import styles, user_cache

if TYPE_CHECKING:      # the profile models (pydantic) are imported when a profile is read, not before
    from .profile import FaceKey, Profile

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
    """The fontconfig file for ``profiles``: named by its content and kept in the user's cache
    folder (no process leaves a temporary folder behind, a pool's workers included), written
    whole when it is not there yet."""
    text = config_text(profiles)
    name = f"fonts-{hashlib.sha1(text.encode()).hexdigest()[:12]}.conf"
    folder = _folder()
    path = folder / name
    if not path.is_file():
        user_cache.keep(path, text.encode("utf-8"))
    return path


def fontconfig_for(profiles: Sequence[Profile] = ()) -> Path:
    """:func:`fontconfig_file` for ``profiles``, or for the default profile when none is given.
    That one is found without reading the profile once a run has written down which file it
    is, so that LibreOffice starts before the profile models are even imported."""
    if profiles:
        return fontconfig_file(profiles)
    note = _folder() / f"default-{_default_key()}"
    with contextlib.suppress(OSError, UnicodeDecodeError):
        known = _folder() / note.read_text(encoding="ascii").strip()
        if known.parent == _folder() and known.name.startswith("fonts-") and known.is_file():
            return known
    from .profile import load_profile
    path = fontconfig_file([load_profile()])
    with contextlib.suppress(OSError):
        user_cache.keep(note, path.name.encode("ascii"))
    return path


@cache
def _default_key() -> str:
    """What the default profile's fontconfig file follows from: the profile's text, the base
    file, and this module (which writes the file)."""
    digest = hashlib.sha1((files(styles.__name__) / f"{styles.DEFAULT}.yaml").read_bytes())
    digest.update(str(base_config()).encode())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:12]


@cache
def _folder() -> Path:
    """~/.cache/gongwen/fontconfig, or (no writable cache) a temporary folder removed at exit."""
    folder = user_cache.folder() / "fontconfig"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = tempfile.NamedTemporaryFile(dir=folder, prefix=".probe-")
        probe.close()
        return folder
    except OSError:
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


def environment(profiles: Sequence[Profile] = ()) -> dict[str, str]:
    """The converter's environment: official face names resolve through the profiles' chains of
    free faces (the default profile's when none is given).  The locale is C.UTF-8: under a
    locale the system lacks (LANG=zh_CN.UTF-8 where it was never generated) LibreOffice cannot
    open a file whose name is Chinese ("type detection failed")."""
    return dict(os.environ, FONTCONFIG_FILE=str(fontconfig_for(profiles)), LC_ALL="C.UTF-8")


def resolve_faces(names: Iterable[str], profile: Profile | None = None) -> dict[str, str | None]:
    """What each official face name resolves to under the profile's fontconfig file."""
    exe = shutil.which("fc-match")
    result: dict[str, str | None] = {}
    for name in names:
        if exe is None:
            result[name] = None
            continue
        done = subprocess.run([exe, "-f", "%{family[0]}|%{style[0]}|%{file}", name], capture_output=True,
                              text=True, env=environment([profile] if profile else []), timeout=30)
        result[name] = done.stdout.strip() or None
    return result
