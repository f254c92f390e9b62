"""The ``--report`` file of ``gongwen render``: one entry per document (status, outputs,
findings, passes)."""
from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..atomic import write_atomic
from ..errors import GongwenError
from .output import error


@dataclass
class Entry:
    """One document in the --report file."""

    name: str
    plan: str
    status: str = "written"                  # written / failed
    outputs: list[str] = field(default_factory=list)
    findings: list[dict[str, object]] = field(default_factory=list)
    error: str | None = None
    passes: int | None = None
    done_after_s: float | None = None        # seconds from the start of the run


STARTED = time.monotonic()


def write_report(path: Path, entries: list[Entry]) -> None:
    report = {"documents": [asdict(entry) for entry in entries],
              "written": sum(entry.status == "written" for entry in entries),
              "failed": sum(entry.status == "failed" for entry in entries)}
    try:
        write_atomic(path, (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    except GongwenError as exc:
        error(exc)
