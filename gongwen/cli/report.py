"""The ``--report`` file of ``gongwen render``: one entry per document (status, outputs,
findings, passes)."""
from __future__ import annotations

import json
import re
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
    done_after_s: float | None = None        # seconds from the start of the run (--timings)


STARTED = time.monotonic()
_RULE = re.compile(r"\[([a-z0-9.-]+)\]")
_LOCATED = re.compile(r"^(\S+?:\d+(?::\d+)?)[:：]\s*(.*)$", re.S)      # plan.yaml:7: …


def warning_finding(message: str) -> dict[str, object]:
    """A plan warning in the shape of a finding (the report's and ``check --json``'s): its rule
    when it names one, severity warning, where: the plan's file:line."""
    located = _LOCATED.match(message)
    where, text = located.groups() if located else ("", message)
    rule = _RULE.search(text)
    return {"id": rule.group(1) if rule else "plan.warning", "severity": "warning", "clause": "", "page": None,
            "expected": "", "measured": "", "message": text, "where": where}


def write_report(path: Path, entries: list[Entry], timings: bool = False) -> None:
    """The report, the same bytes for the same inputs (times only with ``timings``)."""
    documents = [asdict(entry) for entry in entries]
    for document in documents if not timings else ():
        del document["done_after_s"]
    report = {"documents": documents,
              "written": sum(entry.status == "written" for entry in entries),
              "failed": sum(entry.status == "failed" for entry in entries),
              "warnings": sum(f["severity"] == "warning" for entry in entries for f in entry.findings),
              "errors": sum(f["severity"] in ("error", "fatal") for entry in entries for f in entry.findings)}
    try:
        write_atomic(path, (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    except GongwenError as exc:
        error(exc)
