"""A campaign's data table: one row per organisation, from CSV or XLSX, checked cell by cell.

A column is found by its header (any of the names below, or the campaign's own mapping); a
missing column, a non-number in a count, a yes/no that is neither, or an organisation listed
twice is an error naming the file, the row and the column — never a row silently skipped.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError, Location
from ..i18n import _
from . import workbook
from .source import forbidden_character

# field → the headers that name it (the first is the one messages use)
HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("社会组织名称", "名称", "单位名称", "name"),
    "district": ("区县", "所属区县", "县（市、区）", "district"),
    "supervisor": ("业务主管单位", "主管单位", "supervisor"),
    "members": ("正式党员", "正式党员数", "党员数", "党员人数", "members"),
    "has_org": ("已建党组织", "是否建立党组织", "建立党组织", "has_party_organisation"),
    "formed": ("组建方式", "formed"),
    "instructor": ("党建指导员", "是否选派党建指导员", "选派党建指导员", "instructor"),
}
REQUIRED = ("name", "members", "has_org")
FORMATIONS = ("单独", "联合", "挂靠", "派员")
_YES = {"是", "有", "已建", "已建立", "√", "✓", "y", "yes", "true", "1"}
_NO = {"否", "无", "未建", "未建立", "×", "✗", "n", "no", "false", "0", ""}
MAX_CELL = 1_000           # characters in one cell: a name, a district
MAX_FAULTS = 20            # faults said at once before the rest of the table is left unread
_COUNT = re.compile(r"\d{1,7}(\.0*)?")    # a whole number of members (a spreadsheet may write 12.0)


@dataclass(frozen=True)
class Organisation:
    """One row of the table."""

    name: str
    district: str | None
    supervisor: str | None
    members: int
    has_org: bool
    formed: str | None          # 单独 / 联合 / 挂靠 / 派员
    instructor: bool
    row: int                    # where it came from, for messages

    def facts(self) -> dict[str, object]:
        """The row as a plan's text sees it (a 登记表 built from the table), both names."""
        values = {"name": self.name, "district": self.district or "", "supervisor": self.supervisor or "",
                  "members": self.members, "has_org": "是" if self.has_org else "否",
                  "formed": f"{self.formed}组建" if self.formed else "",
                  "instructor": "是" if self.instructor else "否"}
        return values | {HEADERS[key][0]: value for key, value in values.items()}


def read_organisations(path: Path, columns: dict[str, str] | None = None,
                       sheet: str | None = None) -> list[Organisation]:
    """The rows of ``path`` (.csv in UTF-8 or GBK, or .xlsx), typed and checked.  ``columns``
    maps a field (name, district, members, has_org, formed, instructor, supervisor) to the
    table's own header."""
    rows = workbook.values(path, sheet) if workbook.is_workbook(path) else _csv_rows(path)
    if not rows:
        raise DataError(_("the table is empty"), Location(path))
    header = [str(cell or "").strip() for cell in rows[0]]
    where = _columns(path, header, columns or {})
    found: list[Organisation] = []
    seen: dict[str, int] = {}
    faults: list[DataError] = []
    for number, cells in enumerate(rows[1:], start=2):
        if not any(str(c or "").strip() for c in cells):
            continue   # a blank line between blocks of rows
        try:
            found.append(_row(path, header, where, cells, number, seen))
        except DataError as fault:
            faults.append(fault)
            if len(faults) == MAX_FAULTS:
                break
    if faults:
        # every fault of the table at once (up to MAX_FAULTS): one run to mend them all
        more = "".join(f"\n{fault}" for fault in faults[1:])
        raise DataError(faults[0].message + more, faults[0].location, field=faults[0].field)
    return found


def _row(path: Path, header: list[str], where: dict[str, int], cells: list[object], number: int,
         seen: dict[str, int]) -> Organisation:
    """One row, typed and checked; a DataError at its first fault."""
    def fail(field: str, message: str) -> DataError:
        return DataError(message, Location(path, number, where[field] + 1), field=header[where[field]])

    def cell(field: str) -> str:
        index = where.get(field)
        text = "" if index is None or index >= len(cells) or cells[index] is None else str(cells[index]).strip()
        if len(text) > MAX_CELL:
            raise fail(field, _("the cell holds {n:,} characters; a cell of this table holds at most "
                                "{limit:,}").format(n=len(text), limit=MAX_CELL))
        bad = forbidden_character(text)
        if bad:
            raise fail(field, _("control character U+{code:04X} is not allowed in a document").format(
                code=ord(bad)))
        return text

    name = cell("name")
    if not name:
        raise fail("name", _("the organisation has no name"))
    if name in seen:
        raise fail("name", _("{name} is listed twice (rows {first} and {row})").format(
            name=name, first=seen[name], row=number))
    seen[name] = number
    members = _count(cell("members"))
    if members is None:
        raise fail("members", _("not a count of members: {value!r}").format(value=cell("members")))
    has_org = _yes_no(cell("has_org"))
    if has_org is None or cell("has_org") == "":
        raise fail("has_org", _("write 是 or 否, not {value!r}").format(value=cell("has_org")))
    formed = cell("formed").removesuffix("组建") or None
    if formed is not None and formed not in FORMATIONS:
        raise fail("formed", _("组建方式 is one of {known}, not {value!r}").format(
            known="、".join(FORMATIONS), value=cell("formed")))
    instructor = _yes_no(cell("instructor"))
    if instructor is None:
        raise fail("instructor", _("write 是 or 否, not {value!r}").format(value=cell("instructor")))
    return Organisation(name, cell("district") or None, cell("supervisor") or None, members, has_org,
                        formed if has_org else None, instructor, number)


def _columns(path: Path, header: list[str], mapping: dict[str, str]) -> dict[str, int]:
    where: dict[str, int] = {}
    for field, names in HEADERS.items():
        wanted = (mapping[field],) if field in mapping else names
        index = next((header.index(n) for n in wanted if n in header), None)
        if index is not None:
            where[field] = index
        elif field in REQUIRED or field in mapping:
            raise DataError(_("no column {name} (the header row has: {found})").format(
                name=wanted[0], found="、".join(h for h in header if h)), Location(path, 1))
    return where


def _count(text: str) -> int | None:
    """A whole number of people (名/人 may follow); not a fraction, a sign, inf or 400 nines."""
    text = text.replace("名", "").replace("人", "").replace(",", "") or "0"
    return int(float(text)) if _COUNT.fullmatch(text) else None


def _yes_no(text: str) -> bool | None:
    lowered = text.lower()
    return True if lowered in _YES else False if lowered in _NO else None


def _csv_rows(path: Path) -> list[list[object]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(_("cannot read the table: {reason}").format(reason=exc.strerror), Location(path)) from None
    for encoding in ("utf-8-sig", "gbk"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise DataError(_("the table is neither UTF-8 nor GBK text"), Location(path))
    reader = csv.reader(text.splitlines())
    try:
        return [list(row) for row in reader]
    except csv.Error:
        limit = csv.field_size_limit()
        raise DataError(_("a cell is longer than {limit:,} characters").format(limit=limit),
                        Location(path, reader.line_num)) from None
