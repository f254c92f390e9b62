"""Excel workbooks (.xlsx), read where CSV is: a campaign's data table takes the cells' values,
a document's table takes the cells as Excel shows them (60%, 1,200, 2026年11月24日)."""
from __future__ import annotations

import datetime
import re
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ..errors import DataError, Location
from ..i18n import _

SUFFIXES = (".xlsx", ".xlsm")
T = TypeVar("T")


def is_workbook(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


def values(path: Path, sheet: str | None = None) -> list[list[object]]:
    """Every row of the sheet (the first when none is named), as values."""
    return _rows(path, sheet, lambda cell: cell.value)


def texts(path: Path, sheet: str | None = None) -> list[list[str]]:
    """Every row of the sheet as the text Excel shows in each cell."""
    return _rows(path, sheet, shown)


def _rows(path: Path, sheet: str | None, convert: Callable[[Any], T]) -> list[list[T]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    unreadable = _("not a readable .xlsx workbook: {reason}")
    try:
        # links to other workbooks are neither followed nor kept
        book = load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except (OSError, InvalidFileException, KeyError, ValueError, zipfile.BadZipFile, EOFError, zlib.error,
            SyntaxError) as exc:     # a text file, a cut download, an entity declaration (ParseError)
        raise DataError(unreadable.format(reason=exc), Location(path)) from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise DataError(_("no sheet {name!r} (the workbook has: {found})").format(
                name=sheet, found="、".join(book.sheetnames)), Location(path))
        return [[convert(cell) for cell in row] for row in (book[sheet] if sheet else book.worksheets[0]).iter_rows()]
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, EOFError, zlib.error, SyntaxError) as exc:
        raise DataError(unreadable.format(reason=exc), Location(path)) from None
    finally:
        book.close()


def shown(cell: Any) -> str:
    """A cell's value written as its number format shows it: the places after the point, a
    percent sign, thousands separated; a date as a Chinese date."""
    value, form = cell.value, str(getattr(cell, "number_format", "General") or "General")
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        value = value.date()
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, (int, float)):
        section = form.split(";")[0]
        decimals = re.search(r"\.(0+)", section)
        places = len(decimals.group(1)) if decimals else None
        percent = "%" in section
        number = value * 100 if percent else value
        if places is None:
            places = 0 if percent or float(number).is_integer() else None
        grouped = "," if "#,##" in section else ""
        text = f"{number:{grouped}.{places}f}" if places is not None else f"{number:{grouped}.15g}"
        return text + ("%" if percent else "")
    return str(value).strip()
