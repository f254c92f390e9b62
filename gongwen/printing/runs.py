"""One-shot LibreOffice runs: ``soffice`` in a process group of its own, killed with its
children on a timeout; every run stopped when the process stops, and none started after that
(a conversion under way in another thread fails instead of starting an office)."""
from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import threading
from collections.abc import Sequence
from pathlib import Path

from ..errors import ConvertError
from ..i18n import _
from .office_profile import record_office

RUNNING: set[subprocess.Popen] = set()      # one-shot soffice runs under way
_STOPPING = threading.Event()


def not_stopping() -> None:
    """Raise ConvertError once the process is stopping: no office may start then."""
    if _STOPPING.is_set():
        raise ConvertError(_("the run is stopping: no LibreOffice is started"))


def stopping() -> None:
    """The process stops: the runs under way killed, no new one started."""
    _STOPPING.set()
    for process in list(RUNNING):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)


def forget() -> None:
    """In a forked child: the parent's runs are the parent's, and the child may start its own."""
    RUNNING.clear()
    _STOPPING.clear()


def run(command: list[str], timeout: float, env: dict[str, str],
        documents: Sequence[Path]) -> subprocess.CompletedProcess:
    """Run soffice in a process group of its own; on timeout the whole group goes (soffice.bin
    outlives its launcher), and the error names the documents.  Its temporary files (lu*.tmp)
    go to TMPDIR, the caller's folder that is removed afterwards."""
    not_stopping()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                               start_new_session=True)
    RUNNING.add(process)
    record_office(process.pid)
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
    finally:
        RUNNING.discard(process)
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)
