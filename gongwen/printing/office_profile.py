"""LibreOffice's user profile for this process: one of a few slots kept in the user's cache
folder (making a profile is most of a cold start), each held by a lock while a process runs, so
that parallel runs never share one; and the notes that let a slot's next process, a batch or a
worker stop an office whose process was killed."""
from __future__ import annotations

import atexit
import contextlib
import fcntl
import os
import shutil
import signal
import tempfile
from functools import cache
from pathlib import Path
from typing import IO

from .. import user_cache

PROFILE_SLOTS = 8         # parallel runs each take a cached profile of their own


@cache
def process_profile() -> Path:
    """A LibreOffice user profile for this process, never shared with another process at the
    same time (parallel runs on one profile fail silently).  Kept between runs in the cache
    folder, one slot per concurrent process, held by a lock: making a profile is most of a cold
    start.  Without a writable cache, a temporary profile made anew."""
    root = user_cache.folder() / "libreoffice"
    with contextlib.suppress(OSError):
        root.mkdir(parents=True, exist_ok=True)
        for slot in range(PROFILE_SLOTS):
            lock = (root / f"profile-{slot}.lock").open("w")
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                lock.close()
                continue
            _HELD.append(lock)      # held until the process ends
            atexit.register(lock.close)
            return root / f"profile-{slot}"
    folder = Path(tempfile.mkdtemp(prefix="gongwen-lo-profile-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


_HELD: list[IO[str]] = []


def _forked() -> None:
    """A forked child takes a profile slot of its own: the parent's lock is the parent's."""
    _HELD.clear()
    process_profile.cache_clear()
    clear_stale.cache_clear()


os.register_at_fork(after_in_child=_forked)


@cache
def clear_stale(profile: Path) -> None:
    """Before this process's first office: an office a killed process of the same profile slot
    left running is stopped (it holds the slot's pipe name and profile; a new office would hand
    its work to it), and what it left beside the profile goes.  The slot is this process's alone
    while it runs."""
    note = _office_note(profile)
    with contextlib.suppress(OSError, ValueError):
        pid = int(note.read_text())
        if profile_arg(profile).encode() in Path(f"/proc/{pid}/cmdline").read_bytes():   # not a reused pid
            os.killpg(pid, signal.SIGKILL)
    for stale in profile.parent.glob(f"{profile.name}-tmp-*"):
        shutil.rmtree(stale, ignore_errors=True)


def note_office(profile: Path, pid: int) -> None:
    """Note the office now running on ``profile`` (its process group), for :func:`clear_stale`."""
    with contextlib.suppress(OSError):
        _office_note(profile).write_text(str(pid))


def _office_note(profile: Path) -> Path:
    return profile.parent / f"{profile.name}.office"


def profile_arg(directory: str | Path) -> str:
    return f"-env:UserInstallation={Path(directory).resolve().as_uri()}"


def record_office(pid: int) -> None:
    """Where a batch asks (GONGWEN_OFFICE_PIDS, a folder), each office's process group is noted,
    so that the batch can stop it even when the worker that started it was killed."""
    folder = os.environ.get("GONGWEN_OFFICE_PIDS")
    if folder:
        with contextlib.suppress(OSError):
            (Path(folder) / f"office-{pid}.pid").write_text(str(pid))


def stop_recorded(folder: Path) -> None:
    """Stop every office a batch's workers started: those noted in ``folder`` (see
    :func:`record_office`) and one whose worker was killed between starting and noting it, found
    by the folder in its environment (the caller's own process group is spared)."""
    groups = set()
    for note in folder.glob("office-*.pid"):
        with contextlib.suppress(ValueError, OSError):
            groups.add(int(note.read_text()))
    marker = f"GONGWEN_OFFICE_PIDS={folder}\0".encode()
    for process in Path("/proc").glob("[0-9]*"):
        with contextlib.suppress(ValueError, OSError):
            if marker in (process / "environ").read_bytes():
                groups.add(os.getpgid(int(process.name)))
    for group in groups - {os.getpgrp()}:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(group, signal.SIGKILL)
