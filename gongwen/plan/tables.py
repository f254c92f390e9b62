"""Tables of a document: rows read from a CSV file (their widths are :mod:`gongwen.compose.tables`).

A CSV table is read when the plan is loaded, so a bad file is reported with the plan's line and
the table's own row and column.  Blank rows stay: forms are filled in by hand.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from ..i18n import _
from .source import forbidden_character

Rows = tuple[tuple[str, ...], ...]


class TableError(ValueError):
    """A CSV table cannot be used; the message names the row and column."""


def read_csv(path: Path) -> Rows:
    """Every row of ``path`` (UTF-8, a BOM is fine), padded to the widest row.  Read once per
    version of the file: the plan's validation and the render share it."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise TableError(_("cannot read the table {path}: {reason}").format(path=path, reason=exc)) from None
    return _read_csv(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _read_csv(path: Path, _mtime_ns: int, _size: int) -> Rows:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = [tuple(cell.strip() for cell in row) for row in csv.reader(handle)]
        if not any(any(row) for row in rows):
            rows = []
    except UnicodeDecodeError:
        raise TableError(_("the table {path} is not UTF-8 text; save it as CSV UTF-8").format(path=path)) from None
    except (csv.Error, OSError) as exc:
        raise TableError(_("cannot read the table {path}: {reason}").format(path=path, reason=exc)) from None
    while rows and not rows[-1]:     # empty lines at the end; rows of empty cells (",,,") stay
        rows.pop()
    if not rows:
        raise TableError(_("the table {path} is empty").format(path=path))
    for number, row in enumerate(rows, 1):
        for column, cell in enumerate(row, 1):
            bad = forbidden_character(cell)
            if bad:
                raise TableError(_("{path}: row {row}, column {column}: control character U+{code:04X} is not "
                                   "allowed in a document").format(path=path, row=number, column=column,
                                                                   code=ord(bad)))
    width = max(len(r) for r in rows)
    return tuple(r + ("",) * (width - len(r)) for r in rows)
