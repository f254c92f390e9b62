"""PDF through LibreOffice: one ``soffice`` process for a whole batch, with its own profile, a
timeout, the project's fontconfig file, and a check that every PDF really was written
(``soffice`` exits 0 even when it wrote nothing)."""
from __future__ import annotations

import atexit
import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from .errors import ConvertError, Location
from .fonts import fontconfig_file
from .i18n import _
from .profile import Profile, load_profile

# Blank pages are part of the layout (版记 on an even page): the default export drops them.
EXPORT_OPTIONS = {"IsSkipEmptyPages": {"type": "boolean", "value": "false"},
                  "ExportBookmarks": {"type": "boolean", "value": "true"},
                  "ExportNotes": {"type": "boolean", "value": "false"}}
SECONDS_PER_FILE = 20
MIN_TIMEOUT = 60


def soffice() -> Path | None:
    """The LibreOffice executable, or None when it is not installed."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    return Path(found) if found else None


def libreoffice_version() -> str | None:
    exe = soffice()
    if exe is None:
        return None
    with tempfile.TemporaryDirectory(prefix="gongwen-lo-") as profile:
        done = subprocess.run([str(exe), _profile_arg(profile), "--version"], capture_output=True, text=True,
                              timeout=MIN_TIMEOUT, env=environment())
    match = re.search(r"LibreOffice ([\d.]+)", done.stdout)
    return match.group(1) if match else done.stdout.strip() or None


def environment(profiles: Sequence[Profile] = ()) -> dict[str, str]:
    """The converter's environment: official face names resolve through the profiles' chains of
    free faces (the default profile's when none is given)."""
    return dict(os.environ, FONTCONFIG_FILE=str(fontconfig_file(profiles or [load_profile()])))


@cache
def _process_profile() -> Path:
    """A LibreOffice user profile for this process: made once (the slow part of a cold start),
    never shared with another process (parallel runs on one profile fail silently)."""
    folder = Path(tempfile.mkdtemp(prefix="gongwen-lo-profile-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def _profile_arg(directory: str | Path) -> str:
    return f"-env:UserInstallation={Path(directory).resolve().as_uri()}"


def convert(documents: Sequence[str | Path], output_dir: str | Path | None = None, *,
            timeout: float | None = None, profiles: Sequence[Profile] = ()) -> list[Path]:
    """Convert .docx files to PDF in one LibreOffice run; returns the PDF paths in order.

    Each PDF is written beside its document unless ``output_dir`` is given.  The PDFs appear
    only when complete: LibreOffice writes into a private folder and finished files are moved.
    """
    documents = [Path(d) for d in documents]
    if not documents:
        return []
    exe = soffice()
    if exe is None:
        raise ConvertError(_("LibreOffice (soffice) is not installed; run scripts/setup.sh or "
                             "apt-get install libreoffice-writer-nogui"))
    for doc in documents:
        if not doc.is_file():
            raise ConvertError(_("file not found"), Location(doc))
    stems = [d.stem for d in documents]
    duplicate = next((s for s in stems if stems.count(s) > 1), None)
    if duplicate:
        raise ConvertError(_("two documents in one batch share the name {name}.pdf").format(name=duplicate))
    targets = [Path(output_dir or d.parent) / f"{d.stem}.pdf" for d in documents]
    timeout = timeout or max(MIN_TIMEOUT, SECONDS_PER_FILE * len(documents))
    with tempfile.TemporaryDirectory(prefix="gongwen-pdf-") as work:
        out = Path(work) / "out"
        command = [str(exe), _profile_arg(_process_profile()), "--headless", "--norestore",
                   "--convert-to", "pdf:writer_pdf_Export:" + json.dumps(EXPORT_OPTIONS, separators=(",", ":")),
                   "--outdir", str(out), *(str(d.resolve()) for d in documents)]
        done = _run(command, timeout, dict(environment(profiles), TMPDIR=work), documents)
        for doc, target in zip(documents, targets):
            made = out / f"{doc.stem}.pdf"
            if not _is_pdf(made):
                detail = (done.stderr or done.stdout).strip().splitlines()
                raise ConvertError(_("LibreOffice wrote no PDF (exit {code}){detail}").format(
                    code=done.returncode, detail=": " + detail[-1] if detail else ""), Location(doc))
            target.parent.mkdir(parents=True, exist_ok=True)
            temp = target.with_name(f".{target.name}.tmp")
            shutil.move(str(made), temp)
            os.replace(temp, target)
    return targets


def _run(command: list[str], timeout: float, env: dict[str, str],
         documents: Sequence[Path]) -> subprocess.CompletedProcess:
    """Run soffice in a process group of its own; on timeout the whole group goes (soffice.bin
    outlives its launcher), and the error names the documents.  Its temporary files (lu*.tmp)
    go to TMPDIR, the caller's folder that is removed afterwards."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                               start_new_session=True)
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except BaseException as exc:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        if isinstance(exc, subprocess.TimeoutExpired):
            raise ConvertError(_("LibreOffice did not finish {names} within {seconds} s").format(
                names="、".join(d.name for d in documents), seconds=round(timeout))) from None
        raise
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def _is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(5) == b"%PDF-" and path.stat().st_size > 100
    except OSError:
        return False


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
