"""PDF through LibreOffice: a listening office started once per process and fed documents
through UNO (:mod:`gongwen.printing.uno_bridge`), or, where UNO is not installed or the listener will
not start, one ``soffice --convert-to`` run per batch.  Either way: a user profile of our own
(kept in a cache folder between runs), a timeout, the project's fontconfig file, and a check
that every PDF really was written (``soffice`` exits 0 even when it wrote nothing)."""
from __future__ import annotations

import atexit
import contextlib
import hashlib
import importlib
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ConvertError, Location
from ..fonts import coverage, environment, fontconfig_for
from ..i18n import _
from . import runs
from .office_profile import clear_stale, note_office, process_profile, profile_arg, record_office
from .offline import offline_copy

if TYPE_CHECKING:      # profiles are given, never read here: LibreOffice starts before pydantic is imported
    from ..profile import Profile

# Blank pages are part of the layout (版记 on an even page): the default export drops them.
EXPORT_OPTIONS = {"IsSkipEmptyPages": False, "ExportBookmarks": True, "ExportNotes": False}
SECONDS_PER_FILE = 20       # for a document's start, however small
SECONDS_PER_PARAGRAPH = 0.01  # and for its length (measured: 10,000 paragraphs convert in 25 s)
MIN_TIMEOUT = 60
START_SECONDS = 60        # a cold office (its profile made anew) takes a few seconds


def soffice() -> Path | None:
    """The LibreOffice executable, or None when it is not installed."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    return Path(found) if found else None


def convert(documents: Sequence[str | Path], output_dir: str | Path | None = None, *,
            timeout: float | None = None, profiles: Sequence[Profile] = ()) -> list[Path]:
    """Convert .docx files to PDF in one LibreOffice run; returns the PDF paths in order.

    Each PDF is written beside its document unless ``output_dir`` is given.  The PDFs appear
    only when complete: LibreOffice writes into a private folder and finished files are moved.
    Safe from threads: a process has one office (one profile slot), which converts for one
    caller at a time; processes run in parallel, each with its own.
    """
    with _ONE_AT_A_TIME:
        return _convert([Path(d) for d in documents], output_dir, timeout, profiles)


_ONE_AT_A_TIME = threading.RLock()


def _convert(documents: list[Path], output_dir: str | Path | None, timeout: float | None,
             profiles: Sequence[Profile]) -> list[Path]:
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
    with tempfile.TemporaryDirectory(prefix="gongwen-pdf-") as work:
        out = Path(work) / "out"
        out.mkdir()
        offline = Path(work) / "offline"
        offline.mkdir()
        sources = [offline_copy(doc, offline) for doc in documents]
        listener = _listener(profiles)
        if listener is not None:
            for doc, source in zip(documents, sources):
                listener.convert(source, out / f"{doc.stem}.pdf", timeout or seconds_for(source), doc)
            done = None
        else:
            done = _convert_once(exe, sources, out, timeout or max(MIN_TIMEOUT, sum(map(seconds_for, sources))),
                                 profiles, work)
        for doc, target in zip(documents, targets):
            made = out / f"{doc.stem}.pdf"
            if not _is_pdf(made):
                detail = (done.stderr or done.stdout).strip().splitlines() if done else []
                raise ConvertError(_("LibreOffice wrote no PDF (exit {code}){detail}").format(
                    code=done.returncode if done else 0, detail=": " + detail[-1] if detail else ""), Location(doc))
            target.parent.mkdir(parents=True, exist_ok=True)
            temp = target.with_name(f".{target.name}.tmp")
            shutil.move(str(made), temp)
            os.replace(temp, target)
    return targets


def seconds_for(document: Path) -> float:
    """How long LibreOffice may take over ``document``: a start, and more the longer it is (a
    plan of 10,000 paragraphs, a scanned attachment of 2,000 pages — one paragraph a page)."""
    try:
        with zipfile.ZipFile(document) as package:
            with package.open("word/document.xml") as body:
                chunks = iter(lambda: body.read(1 << 20), b"")
                paragraphs = sum(chunk.count(b"<w:p>") + chunk.count(b"<w:p ") for chunk in chunks)
    except (KeyError, OSError, zipfile.BadZipFile):
        paragraphs = 0
    return SECONDS_PER_FILE + SECONDS_PER_PARAGRAPH * paragraphs


def _convert_once(exe: Path, documents: Sequence[Path], out: Path, timeout: float, profiles: Sequence[Profile],
                  work: str) -> subprocess.CompletedProcess:
    """The whole batch through one ``soffice --convert-to`` run.  A listening office of this
    process is stopped first: on the same profile, the run would hand its documents to it and
    end it when done, under the feet of its next caller ("Binary URP bridge already disposed")."""
    _stop_listening()
    options = {name: {"type": "boolean", "value": str(value).lower()} for name, value in EXPORT_OPTIONS.items()}
    command = [str(exe), profile_arg(process_profile()), "--headless", "--norestore",
               "--convert-to", "pdf:writer_pdf_Export:" + json.dumps(options, separators=(",", ":")),
               "--outdir", str(out), *(str(d.resolve()) for d in documents)]
    return runs.run(command, timeout, dict(environment(profiles), TMPDIR=work), documents)


# -- the listening office ------------------------------------------------------------------------


_FINDS_UNO = "import importlib.util, sys; sys.exit(importlib.util.find_spec('uno') is None)"


@cache
def uno_python() -> str | None:
    """A Python that can ``import uno`` (LibreOffice's own, or Debian's with python3-uno);
    ``GONGWEN_UNO_PYTHON`` names one.  None: the converter runs ``soffice`` once per batch."""
    exe = soffice()
    candidates = [os.environ.get("GONGWEN_UNO_PYTHON"), "/usr/bin/python3",
                  str(exe.resolve().parent / "python") if exe else None, shutil.which("python3")]
    for candidate in dict.fromkeys(c for c in candidates if c):
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            # found, not imported (LibreOffice's libraries load in the bridge): 10 ms instead of 40
            if subprocess.run([candidate, "-c", _FINDS_UNO], capture_output=True, timeout=30).returncode == 0:
                return candidate
    return None


def listening() -> bool:
    """Whether documents go to a listening office (fed one by one), not a soffice run per batch."""
    return not (os.environ.get("GONGWEN_CONVERTER") == "once" or _FAILED or soffice() is None or uno_python() is None)


def converter_mode() -> str:
    """What :func:`convert` uses here, in words (for ``gongwen doctor``)."""
    python = uno_python()
    if python is None:
        return _("soffice --convert-to, started once per batch (no Python with UNO: apt-get install python3-uno)")
    if os.environ.get("GONGWEN_CONVERTER") == "once" or _FAILED:
        return _("soffice --convert-to, started once per batch ({reason})").format(
            reason=_FAILED[0] if _FAILED else "GONGWEN_CONVERTER=once")
    return _("a LibreOffice kept listening for the whole run, fed through UNO ({python})").format(python=python)


@dataclass
class _Listener:
    """soffice listening on a pipe, and the bridge process that talks UNO to it; both in
    process groups of their own, so a hang or a crash takes them down together."""

    fontconfig: Path
    office: subprocess.Popen
    bridge: subprocess.Popen
    work: Path
    pipe: str
    broken: bool = field(default=False)
    ready: bool = field(default=False)

    @classmethod
    def start(cls, profiles: Sequence[Profile]) -> _Listener:
        """Both processes started and registered for stopping at exit; the office still loading
        (see :meth:`wait`).  Interrupted half way (SIGTERM), what was started is stopped."""
        exe, python = soffice(), uno_python()
        assert exe is not None and python is not None
        profile = process_profile()
        # named after the profile slot this process holds: no other running gongwen uses it, and a
        # socket a killed office left behind is taken over by the next office of that slot
        pipe = f"gongwen-{hashlib.sha1(str(profile).encode()).hexdigest()[:16]}"
        # the office's own temporary files beside its profile, not in the system's folder
        clear_stale(profile)
        work = Path(tempfile.mkdtemp(prefix=f"{profile.name}-tmp-", dir=profile.parent))
        env = dict(environment(profiles), TMPDIR=str(work))
        started: list[subprocess.Popen] = []
        try:
            started.append(subprocess.Popen(
                [str(exe), profile_arg(profile), "--headless", "--invisible", "--nologo", "--norestore",
                 "--nodefault", "--nolockcheck", f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                start_new_session=True))
            started.append(subprocess.Popen(
                [python, str(Path(__file__).with_name("uno_bridge.py")), pipe, str(START_SECONDS)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                start_new_session=True))
            for process in started:
                record_office(process.pid)
            note_office(profile, started[0].pid)
            listener = cls(fontconfig_for(profiles), started[0], started[1], work, pipe)
            _LISTENERS.append(listener)
        except BaseException:
            for process in started:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(process.pid, signal.SIGKILL)
            shutil.rmtree(work, ignore_errors=True)
            raise
        return listener

    def wait(self) -> None:
        """Until the office accepts documents; ConvertError when it does not within START_SECONDS."""
        if self.ready:
            return
        try:
            reply = self._reply(START_SECONDS)
        except BaseException:      # interrupted while the office starts: nothing may stay behind
            self.stop()
            raise
        if reply is None:
            error = self.bridge.stderr.read() if self.bridge.stderr and self.bridge.poll() is not None else ""
            self.stop()
            raise ConvertError(_("LibreOffice did not start listening{detail}").format(
                detail=": " + error.strip().splitlines()[-1] if error.strip() else ""))
        self.ready = True

    def convert(self, source: Path, target: Path, timeout: float, document: Path | None = None) -> None:
        """``source`` to ``target``; errors name ``document`` (what the caller gave) when the
        source is a copy of it."""
        document = document or source
        request = {"source": str(source.resolve()), "target": str(target.resolve()), "options": EXPORT_OPTIONS}
        try:
            assert self.bridge.stdin is not None
            self.bridge.stdin.write(json.dumps(request) + "\n")
            self.bridge.stdin.flush()
        except (BrokenPipeError, OSError):
            reply = None
        else:
            reply = self._reply(timeout)
        if reply is None:
            hung = self.broken
            self.stop()
            raise ConvertError(_("LibreOffice did not finish {names} within {seconds} s").format(
                names=document.name, seconds=round(timeout)) if hung else _("LibreOffice stopped while converting"),
                Location(document))
        if not reply.get("ok"):
            raise ConvertError(_("LibreOffice could not convert the document: {reason}").format(
                reason=reply.get("error")), Location(document))

    def _reply(self, timeout: float) -> dict | None:
        """The bridge's next line, or None when it does not come in time or the bridge died."""
        stream = self.bridge.stdout
        assert stream is not None
        ready, _w, _x = select.select([stream], [], [], timeout)
        if not ready:
            self.broken = True
            return None
        line = stream.readline()
        return json.loads(line) if line else None

    @property
    def alive(self) -> bool:
        return not self.broken and self.office.poll() is None and self.bridge.poll() is None

    def stop(self) -> None:
        self.broken = True
        for process in (self.bridge, self.office):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGKILL)
            # waited for, its pipes closed, never read: a conversion under way may be reading them
            with contextlib.suppress(subprocess.SubprocessError, OSError):
                process.wait(timeout=10)
            for stream in filter(None, (process.stdin, process.stdout, process.stderr)):
                with contextlib.suppress(OSError, ValueError):
                    stream.close()
        shutil.rmtree(self.work, ignore_errors=True)
        # LibreOffice's pipe is a socket in /tmp (fixed in its code), left there when it is killed
        Path(f"/tmp/OSL_PIPE_{os.getuid()}_{self.pipe}").unlink(missing_ok=True)


_LISTENERS: list[_Listener] = []
_FAILED: list[str] = []          # why the listener would not start: this process converts once per batch


def start_converter(profiles: Sequence[Profile] = ()) -> None:
    """Start LibreOffice now, without waiting for it: it loads while the documents are rendered
    (about a second saved on a first document); meanwhile what printing needs after it is made
    ready: the faces' coverage for the checks (50 ms) and pypdf for the stable PDF (0.1 s)."""
    with _ONE_AT_A_TIME:
        _listener(profiles, wait=False)
    config = fontconfig_for(profiles)
    threading.Thread(target=lambda: (coverage(config), importlib.import_module("pypdf")), daemon=True).start()


def _listener(profiles: Sequence[Profile], *, wait: bool = True) -> _Listener | None:
    """The running listener for these profiles' faces, started (or restarted after a crash or a
    hang) when needed; None where UNO is missing, the caller asked for one-shot runs, or it will
    not start (then one-shot runs, and :func:`converter_mode` says why)."""
    if not listening():
        return None
    wanted = fontconfig_for(profiles)
    found = None
    for listener in list(_LISTENERS):
        if listener.alive and listener.fontconfig == wanted:
            found = listener
            continue
        listener.stop()
        _LISTENERS.remove(listener)
    if found is None:
        runs.not_stopping()
        found = _Listener.start(profiles)
        _stop_at_exit()
    if not wait:
        return found
    try:
        found.wait()
    except ConvertError as error:
        print(_("gongwen: {error}; converting with one soffice run per batch instead").format(error=error),
              file=sys.stderr)
        _FAILED.append(str(error))
        _LISTENERS.remove(found)
        return None
    return found


@cache
def _stop_at_exit() -> None:
    """A worker process of a pool ends without running atexit: multiprocessing's own exit hook
    stops its office too."""
    import multiprocessing.util

    multiprocessing.util.Finalize(None, stop_listeners, exitpriority=10)


@atexit.register
def stop_listeners() -> None:
    """Every office this process started, listening or converting once, stopped now; none is
    started after (a conversion under way in another thread fails instead)."""
    runs.stopping()
    _stop_listening()


def _stop_listening() -> None:
    for listener in _LISTENERS:
        listener.stop()
    _LISTENERS.clear()


def _forked() -> None:
    """A forked child (a batch's or a task queue's worker) starts offices of its own: the
    parent's stay the parent's, never used nor stopped by the child (stopping one broke the
    parent's next conversion: "Binary URP bridge already disposed")."""
    _LISTENERS.clear()
    runs.forget()
    _FAILED.clear()
    _stop_at_exit.cache_clear()      # the child's own exit hook stops the child's own office


os.register_at_fork(after_in_child=_forked)


def _is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(5) == b"%PDF-" and path.stat().st_size > 100
    except OSError:
        return False
