"""Tables of a document: rows read from a CSV file or an Excel sheet (their widths are
:mod:`gongwen.compose.tables`).

A table is read when the plan is loaded, so a bad file is reported with the plan's line and
the table's own row and column.  Blank rows stay: forms are filled in by hand.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from ..errors import DataError
from ..i18n import _
from . import workbook
from .source import forbidden_character

Rows = tuple[tuple[str, ...], ...]


class TableError(ValueError):
    """A table cannot be used; the message names the row and column."""


def read_table(path: Path, sheet: str | None = None) -> Rows:
    """Every row of ``path`` (CSV in UTF-8, a BOM is fine; or an Excel sheet, the first unless
    ``sheet`` names one, each cell as Excel shows it), padded to the widest row.  Read once per
    version of the file: the plan's validation and the render share it."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise TableError(_("cannot read the table {path}: {reason}").format(path=path, reason=exc)) from None
    return _read_table(path, sheet, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _read_table(path: Path, sheet: str | None, _mtime_ns: int, _size: int) -> Rows:
    try:
        if workbook.is_workbook(path):
            rows = [tuple(cell.strip() for cell in row) for row in workbook.texts(path, sheet)]
        else:
            with path.open(encoding="utf-8-sig", newline="") as handle:
                rows = [tuple(cell.strip() for cell in row) for row in csv.reader(handle)]
        if not any(any(row) for row in rows):
            rows = []
    except DataError as exc:
        raise TableError(f"{path}: {exc.message}") from None
    except UnicodeDecodeError:
        raise TableError(_("the table {path} is not UTF-8 text; save it as CSV UTF-8 or give the .xlsx workbook").format(
            path=path)) from None
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
