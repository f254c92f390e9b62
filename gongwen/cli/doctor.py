"""``gongwen doctor``: what LibreOffice and each official face resolve to, and what is missing."""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import click

from ..i18n import _


def command() -> click.Command:
    """The command, built with the group (its help in the locale in force then)."""
    @click.command("doctor", help=_("Show what LibreOffice and the fonts resolve to, and what is missing."))
    def doctor_command() -> None:
        from ..fonts import fontconfig_file, resolve_faces
        from ..printing.converter import converter_mode, soffice
        from ..profile import load_profile

        missing = 0
        exe = soffice()
        version_text = libreoffice_version(exe) if exe else None
        click.echo(f"LibreOffice: {exe or _('missing')} {version_text or ''}".rstrip())
        if exe:
            click.echo(_("converter: {mode}").format(mode=converter_mode()))
        missing += exe is None
        default = load_profile()
        faces = [*dict.fromkeys(getattr(default.faces, key) for key in ("xiaobiaosong", "fangsong", "kaiti",
                                                                        "heiti", "song", "latin"))]
        for name, resolved in resolve_faces(faces, default).items():
            family = (resolved or "").split("|")[0]
            expected = name == default.faces.latin or family.startswith(default.checks.cjk_faces)
            click.echo(f"{name} → {resolved.replace('|', ' · ') if resolved else _('missing')}"
                       + ("" if expected else "  " + _("(no Chinese face: install the fonts)")))
            missing += not expected
        chain = default.free_faces.everything
        installed = {name: (found or "").split("|")[0] for name, found in resolve_faces(chain, default).items()}
        absent = [name for name in chain if installed[name] != name]
        click.echo(_("faces for characters the official faces lack: {faces}").format(faces="、".join(
            name + ("" if name not in absent else " (" + _("missing") + ")") for name in chain)))
        missing += bool(absent)
        click.echo(f"fontconfig: {fontconfig_file([default])}")
        for tool in ("pdftoppm", "fc-match"):
            found = shutil.which(tool)
            click.echo(f"{tool}: {found or _('missing')}")
            missing += found is None
        if missing:
            click.echo(_("{n} missing; run scripts/setup.sh").format(n=missing), err=True)
            raise SystemExit(1)

    return doctor_command


def libreoffice_version(exe: Path) -> str | None:
    """The version LibreOffice reports, asked with a profile of its own that is removed after."""
    from ..fonts import environment
    from ..printing.converter import MIN_TIMEOUT
    from ..printing.office_profile import profile_arg

    with tempfile.TemporaryDirectory(prefix="gongwen-lo-") as profile:
        done = subprocess.run([str(exe), profile_arg(profile), "--version"], capture_output=True, text=True,
                              timeout=MIN_TIMEOUT, env=environment())
    match = re.search(r"LibreOffice ([\d.]+)", done.stdout)
    return match.group(1) if match else done.stdout.strip() or None
