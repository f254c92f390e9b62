"""The user's cache folder for gongwen ($XDG_CACHE_HOME/gongwen, else ~/.cache/gongwen): what one
run works out and the next reads back instead of working it out again (LibreOffice profiles,
fontconfig files, segmented titles, validated bundled profiles).  Every entry is named by what it
was made from, so a change to that starts a new one."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def folder() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "gongwen"


def keep(path: Path, data: bytes) -> None:
    """Write an entry whole under a temporary name, then rename it into place (parallel runs
    may write the same entry: each writes it whole).  OSError when it cannot be written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
