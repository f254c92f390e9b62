"""One exception hierarchy; every error knows where it happened.

Library callers catch :class:`GongwenError`; only the CLI turns errors into messages and exit
codes.  ``str(error)`` reads like a compiler message: ``plan.yaml:14:7: 文号: …`` followed by the
offending source line and a hint.
"""
from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Location:
    """A place in a source file; line and column are 1-based, either may be unknown."""

    file: Path | None = None
    line: int | None = None
    column: int | None = None
    key: str | None = None        # in a plan given as data, the key path (落款.日期)

    def __str__(self) -> str:
        if self.file is None and self.key:
            return self.key
        parts = [str(self.file) if self.file else "<plan>"]
        if self.line:
            parts.append(str(self.line))
            if self.column:
                parts.append(str(self.column))
        return ":".join(parts)


class GongwenError(Exception):
    """Base of every error gongwen raises on purpose."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        location: Location | None = None,
        field: str | None = None,
        hint: str | None = None,
        source_line: str | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.location = location
        self.field = field
        self.hint = hint
        self.source_line = source_line

    def __str__(self) -> str:
        named = self.field is not None and not (self.location and self.location.key and
                                                self.location.key.endswith(self.field))
        head = f"{self.field}: {self.message}" if named else self.message
        if self.location is not None:
            head = f"{self.location}: {head}"
        lines = [head]
        if self.source_line is not None:
            shown, column = _window(self.source_line.rstrip("\n"), self.location.column if self.location else None)
            lines.append("    " + shown)
            if column:
                lines.append("    " + _caret_pad(shown, column) + "^")
        if self.hint:
            lines.append(self.hint)
        return "\n".join(lines)


def _window(line: str, column: int | None, width: int = 60) -> tuple[str, int | None]:
    """At most ``width`` characters of ``line`` around ``column`` (a 3,000-character line is
    no help on a terminal), and the column within them."""
    if len(line) <= width:
        return line, column
    start = max(0, min((column or 1) - 1 - width // 2, len(line) - width))
    shown = ("…" if start else "") + line[start:start + width] + ("…" if start + width < len(line) else "")
    return shown, (column - start + (1 if start else 0)) if column else None


def _caret_pad(line: str, column: int) -> str:
    """Spaces that put a caret under ``column``; CJK characters take two cells in a terminal."""
    return "".join("  " if ord(ch) > 0x2E7F else ("\t" if ch == "\t" else " ") for ch in line[: column - 1])


class PlanError(GongwenError):
    """The plan file cannot be read or does not describe a valid document."""


class DataError(GongwenError):
    """A campaign's data table cannot be read, or a cell does not hold what its column needs."""


class ProfileError(GongwenError):
    """A style profile is missing or malformed."""


class TemplateError(GongwenError):
    """A .docx template cannot be used (missing, not a .docx, broken Jinja tags)."""


class RenderError(GongwenError):
    """The document could not be built or written."""


class ConvertError(GongwenError):
    """LibreOffice did not produce the expected PDF."""


class CheckFailed(GongwenError):
    """A document violates the standard; raised by callers that want violations as errors."""

    exit_code = 3


class PlanWarning(UserWarning):
    """Something in the plan was accepted but deserves the drafter's attention."""


_COLLECTING: ContextVar[list[PlanWarning] | None] = ContextVar("gongwen_warnings", default=None)


def warn(warning: PlanWarning, stacklevel: int = 2) -> None:
    """Say ``warning``: to the collector of :func:`collected_warnings` when one is open in this
    thread (or task), once each; else through Python's ``warnings``."""
    found = _COLLECTING.get()
    if found is None:
        warnings.warn(warning, stacklevel=stacklevel + 1)
    elif str(warning) not in {str(w) for w in found}:
        found.append(warning)


@contextmanager
def collected_warnings() -> Iterator[list[PlanWarning]]:
    """The plan warnings said inside the block, as data: each thread and each asyncio task
    collects its own (Python's ``warnings`` filters are one for the whole process)."""
    token = _COLLECTING.set([])
    try:
        yield _COLLECTING.get()
    finally:
        _COLLECTING.reset(token)
