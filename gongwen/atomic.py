"""Files written whole or not at all: a failure never leaves a half-written or clobbered file,
and the outputs of one document (.docx and .pdf) appear together or not at all."""
from __future__ import annotations

import ctypes
import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from .errors import Location, RenderError
from .i18n import _


def write_atomic(path: Path, data: bytes) -> None:
    """Write one file: to a temporary file beside ``path``, then renamed over it."""
    write_together({path: data})


def write_together(outputs: dict[Path, bytes]) -> None:
    """Write every file to a temporary name beside its target; rename them all only when all
    were written (keeping an existing file's mode).  Raises :class:`RenderError` naming the
    file and the reason (read-only folder, full disk, a folder in the way).  Inside
    :func:`synced_once` the renames wait for the block's end and its one sync."""
    deferred = _DEFERRED.get()
    staged = _staged(outputs, sync=deferred is None)
    if deferred is not None:
        deferred.append(staged)
        return
    _renamed(staged)


@contextmanager
def synced_once() -> Iterator[None]:
    """Files written in the block (a batch's group) are synced to disk together, once, and then
    renamed into place: each still whole or absent, without an fsync per file."""
    staged: list[list[tuple[Path, str]]] = []
    token = _DEFERRED.set(staged)
    try:
        yield
        _DEFERRED.reset(token)
        token = None
        written = [pair for files in staged for pair in files]
        try:
            _synced(written)
        except OSError as exc:
            raise RenderError(_("cannot write the file: {reason}").format(reason=_reason(exc)),
                              Location(written[0][0])) from None
        for files in staged:
            _renamed(files)
    finally:
        if token is not None:
            _DEFERRED.reset(token)
        for files in staged:
            for _path, temp in files:
                Path(temp).unlink(missing_ok=True)


def _synced(written: list[tuple[Path, str]]) -> None:
    """The temporary files on disk: one syncfs(2) per file system, which reports a failed
    write-back (a full disk) as fsync would; one fsync per file where syncfs is missing."""
    if not written:
        return
    syncfs = getattr(_libc(), "syncfs", None)
    if syncfs is None:
        for _path, temp in written:
            with open(temp, "rb") as handle:
                os.fsync(handle.fileno())
        return
    for folder in dict.fromkeys(Path(temp).parent for _path, temp in written):
        handle = os.open(folder, os.O_RDONLY)
        try:
            if syncfs(handle) != 0:
                code = ctypes.get_errno()
                raise OSError(code, os.strerror(code), str(folder))
        finally:
            os.close(handle)


@cache
def _libc() -> object:
    return ctypes.CDLL(None, use_errno=True)


_DEFERRED: ContextVar[list[list[tuple[Path, str]]] | None] = ContextVar("gongwen_deferred", default=None)


def _staged(outputs: dict[Path, bytes], *, sync: bool) -> list[tuple[Path, str]]:
    """Each file written whole under a temporary name beside its target (synced to disk when
    ``sync``); on any failure the temporary files written so far are removed."""
    staged: list[tuple[Path, str]] = []
    current = None
    try:
        for path, data in outputs.items():
            current = path
            if path.is_dir():
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            staged.append((path, temp))
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                if sync:
                    out.flush()
                    os.fsync(out.fileno())
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~umask)
    except OSError as exc:
        for _path, temp in staged:
            Path(temp).unlink(missing_ok=True)
        raise RenderError(_("cannot write the file: {reason}").format(reason=_reason(exc)),
                          Location(current)) from None
    return staged


def _renamed(staged: list[tuple[Path, str]]) -> None:
    current = None
    try:
        for path, temp in staged:
            current = path
            os.replace(temp, path)
    except OSError as exc:
        raise RenderError(_("cannot write the file: {reason}").format(reason=_reason(exc)),
                          Location(current)) from None
    finally:
        for _path, temp in staged:
            Path(temp).unlink(missing_ok=True)


def _reason(exc: OSError) -> str:
    reasons = {
        errno.ENOSPC: _("the disk is full"),
        errno.EDQUOT: _("the disk quota is used up"),
        errno.EACCES: _("no permission to write there"),
        errno.EPERM: _("no permission to write there"),
        errno.EROFS: _("the folder is read-only"),
        errno.EISDIR: _("a folder of that name is in the way"),
        errno.ENOTDIR: _("a file stands where a folder is needed"),
    }
    return reasons.get(exc.errno, exc.strerror or str(exc))
