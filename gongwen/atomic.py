"""Files written whole or not at all: a failure never leaves a half-written or clobbered file,
and the outputs of one document (.docx and .pdf) appear together or not at all."""
from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from .errors import Location, RenderError
from .i18n import _


def write_atomic(path: Path, data: bytes) -> None:
    """Write one file: to a temporary file beside ``path``, then renamed over it."""
    write_together({path: data})


def write_together(outputs: dict[Path, bytes]) -> None:
    """Write every file to a temporary name beside its target; rename them all only when all
    were written (keeping an existing file's mode).  Raises :class:`RenderError` naming the
    file and the reason (read-only folder, full disk, a folder in the way)."""
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
                out.flush()
                os.fsync(out.fileno())
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~umask)
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
