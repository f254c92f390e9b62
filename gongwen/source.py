"""Read a plan file: bytes → text → plain Python data, remembering where every value stood.

ruamel.yaml's round-trip loader keeps line/column marks; this module turns its tree into plain
dicts/lists/scalars plus a :class:`Positions` map, so later stages can name file:line:column
without knowing YAML.
"""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.scalarstring import LiteralScalarString

from .errors import Location, PlanError, PlanWarning
from .i18n import _

Path_ = tuple[str | int, ...]

# C0 controls except tab/newline/CR, DEL and C1 controls never belong in a document.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass
class Positions:
    """1-based (line, column) of each key and value, by path from the document root."""

    file: Path | None
    lines: list[str]
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    block_scalars: set[Path_] = field(default_factory=set)

    def locate(self, path: Path_, key: bool = False) -> Location:
        """The closest known place for ``path``: the path itself, else its nearest parent."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            if probe in table:
                return self._at(*table[probe])
            if not key and probe in self.keys:
                return self._at(*self.keys[probe])
            probe = probe[:-1]
        return Location(self.file, 1, 1)

    def source_line(self, location: Location) -> str | None:
        if location.line and 0 < location.line <= len(self.lines):
            return self.lines[location.line - 1]
        return None

    def error(self, message: str, path: Path_, field_name: str | None = None,
              hint: str | None = None, key: bool = False) -> PlanError:
        location = self.locate(path, key=key)
        return PlanError(message, location, field_name, hint, self.source_line(location))

    def _at(self, line: int, column: int) -> Location:
        return Location(self.file, line, column)


def read_text(path: Path) -> str:
    """The plan's text: UTF-8 (a BOM is fine); GB18030/GBK is read too, with a hint to convert."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PlanError(_("file not found"), Location(path)) from None
    except OSError as exc:
        raise PlanError(_("cannot read the file: {reason}").format(reason=exc.strerror), Location(path)) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        line = raw[: utf8_error.start].count(b"\n") + 1
        raise PlanError(
            _("the file is neither UTF-8 nor GBK text"), Location(path, line),
            hint=_("save the plan as UTF-8"),
        ) from None
    if not re.search("[\u4e00-\u9fff]", text):
        line = raw[: utf8_error.start].count(b"\n") + 1
        raise PlanError(_("the file is not UTF-8 text"), Location(path, line), hint=_("save the plan as UTF-8"))
    warnings.warn(
        PlanWarning(
            _("{file}: read as GBK; convert it to UTF-8 with: iconv -f GBK -t UTF-8 {file} > plan-utf8.yaml").format(
                file=path
            )
        ),
        stacklevel=2,
    )
    return text


def parse_yaml(text: str, path: Path | None = None) -> tuple[Any, Positions]:
    """Plain data and the positions of its keys and values."""
    positions = Positions(path, text.splitlines())
    yaml = YAML(typ="rt")
    try:
        tree = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        location = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
        problem = exc.problem or exc.context or "YAML"
        raise PlanError(
            _("broken YAML: {problem}").format(problem=problem), location,
            source_line=positions.source_line(location),
            hint=_("check the indentation and the colon after each key"),
        ) from None
    except YAMLError as exc:  # ReaderError (bad characters) and friends carry no mark
        raise PlanError(_("broken YAML: {problem}").format(problem=exc), Location(path)) from None
    return _plain(tree, (), positions), positions


def _plain(node: Any, path: Path_, positions: Positions) -> Any:
    if isinstance(node, CommentedMap):
        out = {}
        for key, value in node.items():
            child = path + (str(key),)
            line, col = node.lc.key(key)
            positions.keys[child] = (line + 1, col + 1)
            vline, vcol = node.lc.value(key)
            positions.values[child] = (vline + 1, vcol + 1)
            if isinstance(value, LiteralScalarString):
                positions.block_scalars.add(child)
            out[str(key)] = _plain(value, child, positions)
        return out
    if isinstance(node, CommentedSeq):
        out_list = []
        for index, value in enumerate(node):
            child = path + (index,)
            line, col = node.lc.item(index)
            positions.values[child] = (line + 1, col + 1)
            out_list.append(_plain(value, child, positions))
        return out_list
    if isinstance(node, str):
        text = str(node)
        bad = _CONTROL.search(text)
        if bad:
            raise positions.error(
                _("control character U+{code:04X} is not allowed in a document").format(code=ord(bad.group())),
                path, hint=_("remove it from the text"),
            )
        return text
    return node
