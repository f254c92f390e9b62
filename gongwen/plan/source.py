"""Read a plan file: bytes → text → plain Python data, remembering where every value stood.

The YAML is composed into ruamel.yaml's node graph and turned into plain dicts, lists and
scalars here, with a :class:`Positions` map so later stages can name file:line:column without
knowing YAML.  Only plain data gets through: explicit tags (``!!python/…``), merge keys and
timestamps the YAML library would turn into objects are refused or kept as text, aliases may not
expand past :data:`MAX_VALUES` values, and nesting stops at :data:`MAX_DEPTH`.  When the YAML is
broken, the commonest drafting mistakes are named on their own line, with the fix.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError

from ..errors import Location, PlanError, PlanWarning, warn
from ..i18n import N_, _

Path_ = tuple[str | int, ...]

MAX_VALUES = 100_000     # scalars, lists and mappings after aliases are expanded
MAX_DEPTH = 64           # a plan is four levels deep; anything past this is an attack or a mistake
_CORE = "tag:yaml.org,2002:"
_PLAIN_TAGS = {f"{_CORE}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}
# Characters no document may hold: C0 controls but tab/newline/CR, DEL, C1 controls, surrogates,
# and the non-characters XML refuses.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")   # YAML's line breaks; str.splitlines also breaks at U+2028


@dataclass
class Positions:
    """1-based (line, column) of each key and value, by path from the document root."""

    file: Path | None
    lines: list[str]
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    block_scalars: set[Path_] = field(default_factory=set)
    written: dict[Path_, Path_] = field(default_factory=dict)   # a key's path as the plan wrote it

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
        if self.file is None and not self.lines:     # a plan given as data: its key path
            return PlanError(message, Location(key=self.key_path(path) or None), field_name, hint)
        location = self.locate(path, key=key)
        return PlanError(message, location, field_name, hint, self.source_line(location))

    def key_path(self, path: Path_) -> str:
        """Where a value stands in a plan given as data, in the keys the plan wrote: 落款.日期,
        附件[2].名称."""
        shown = ""
        for depth, part in enumerate(path):
            if isinstance(part, int):
                shown += f"[{part + 1}]"
                continue
            written = self.written.get(tuple(path[:depth + 1]))
            if written is None:
                break                       # a key the plan did not write (文种 left out)
            shown += ("." if shown else "") + str(written[-1])
        return shown

    def at(self, line: int, column: int | None, message: str, hint: str | None = None) -> PlanError:
        location = Location(self.file, line, column)
        return PlanError(message, location, hint=hint, source_line=self.source_line(location))

    def _at(self, line: int, column: int) -> Location:
        return Location(self.file, line, column)


def split_lines(text: str) -> list[str]:
    return _LINE_BREAK.split(text)


def forbidden_character(text: str) -> str | None:
    """The first character of ``text`` that no document may hold, if any."""
    found = _FORBIDDEN.search(text)
    return found.group() if found else None


def read_text(path: Path) -> str:
    """The plan's text: UTF-8 (a BOM is fine); GB18030/GBK is read too, with a hint to convert."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PlanError(_("file not found"), Location(path)) from None
    except IsADirectoryError:
        raise PlanError(_("this is a folder, not a plan file"), Location(path)) from None
    except OSError as exc:
        raise PlanError(_("cannot read the file: {reason}").format(reason=exc.strerror), Location(path)) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if raw[:2] == b"PK":
        raise PlanError(_("this is a .docx or another zip file, not a plan"), Location(path),
                        hint=_("to review a finished document: gongwen check FILE.docx; to start a plan: "
                               "gongwen new notice"))
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
    warn(
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
    positions = Positions(path, split_lines(text))
    bad = forbidden_character(text)
    if bad:
        line = text[: text.index(bad)].count("\n") + 1
        column = text.index(bad) - (text.rfind("\n", 0, text.index(bad)) + 1) + 1
        raise positions.at(line, column, _("control character U+{code:04X} is not allowed in a document").format(
            code=ord(bad)), _("remove it from the text"))
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10_000))
    try:
        # libyaml's C composer (ruamel.yaml.clib) is 15× faster; it counts U+2028, U+2029 and U+0085 as
        # line breaks, which YAML 1.2 does not: such a text goes through the pure composer.
        root = YAML(typ="safe", pure=any(ch in text for ch in _OTHER_BREAKS)).compose(text)
    except MarkedYAMLError as exc:
        raise _yaml_error(exc, positions) from None
    except ReaderError as exc:
        raise PlanError(_("broken YAML: {problem}").format(problem=exc.reason), Location(path)) from None
    except YAMLError as exc:
        raise PlanError(_("broken YAML: {problem}").format(problem=exc), Location(path)) from None
    except RecursionError:
        raise PlanError(_("the YAML is nested more than {depth} levels deep").format(depth=MAX_DEPTH),
                        Location(path)) from None
    finally:
        sys.setrecursionlimit(limit)
    if root is None:
        return None, positions
    return _Builder(positions).plain(root, (), 0), positions


_OTHER_BREAKS = "\u2028\u2029\x85"


class _Builder:
    """Node graph → plain data, counting values so that aliases cannot blow up."""

    def __init__(self, positions: Positions):
        self.positions = positions
        self.values = 0
        self.scalars = YAML(typ="safe", pure=True).constructor

    def refuse(self, node: Node, message: str, hint: str | None = None) -> PlanError:
        return self.positions.at(node.start_mark.line + 1, node.start_mark.column + 1, message, hint)

    def plain(self, node: Node, path: Path_, depth: int) -> Any:
        self.values += 1
        if self.values > MAX_VALUES:
            raise self.refuse(node, _("the plan expands to more than {n} values (aliases repeating aliases?)").format(
                n=MAX_VALUES))
        if depth > MAX_DEPTH:
            raise self.refuse(node, _("the YAML is nested more than {depth} levels deep").format(depth=MAX_DEPTH))
        if node.tag not in _PLAIN_TAGS:
            raise self.refuse(node, _("YAML tags such as {tag} are not allowed in a plan").format(
                tag=node.tag.replace(_CORE, "!!")), _("write plain text, numbers, lists and keys"))
        if isinstance(node, MappingNode):
            return self.mapping(node, path, depth)
        if isinstance(node, SequenceNode):
            out = []
            for index, item in enumerate(node.value):
                child = path + (index,)
                self.positions.values[child] = (item.start_mark.line + 1, item.start_mark.column + 1)
                out.append(self.plain(item, child, depth + 1))
            return out
        if node.tag in (f"{_CORE}str", f"{_CORE}timestamp"):
            return node.value   # dates stay text: the model reads them, and says so when impossible
        return self.scalars.construct_object(node, deep=True)

    def mapping(self, node: MappingNode, path: Path_, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == f"{_CORE}merge":
                raise self.refuse(key_node, _("merge keys (<<) are not allowed in a plan"),
                                  _("write the keys out in full"))
            if not isinstance(key_node, ScalarNode):
                raise self.refuse(key_node, _("a key must be a plain word such as 标题"))
            key = str(key_node.value)
            child = path + (key,)
            if key in out:
                first = self.positions.keys[child][0]
                raise self.refuse(key_node, _("the key {key} is given twice (first on line {line})").format(
                    key=key, line=first), _("keep one of them: YAML would silently keep the last"))
            self.positions.keys[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            self.positions.values[child] = (value_node.start_mark.line + 1, value_node.start_mark.column + 1)
            if isinstance(value_node, ScalarNode) and value_node.style in ("|", ">"):
                self.positions.block_scalars.add(child)
            out[key] = self.plain(value_node, child, depth + 1)
        return out


def _yaml_error(exc: MarkedYAMLError, positions: Positions) -> PlanError:
    """The YAML library's error, or better: the drafting mistake on the line where it is."""
    mark = exc.problem_mark or exc.context_mark
    upto = mark.line + 1 if mark else len(positions.lines)
    found = diagnose(positions.lines, upto)
    if found:
        line, column, message, hint = found
        return positions.at(line, column, message, hint)
    location = Location(positions.file, mark.line + 1, mark.column + 1) if mark else Location(positions.file)
    problem = exc.problem or exc.context or "YAML"
    said = next((_(words) for pattern, words in _YAML_PROBLEMS if pattern in problem), problem)
    return PlanError(_("broken YAML: {problem}").format(problem=said), location,
                     source_line=positions.source_line(location),
                     hint=_("check the indentation and the colon after each key"))


# What the YAML library says, as a drafter reads it (its own words stay for the rest)
_YAML_PROBLEMS = (
    ("expected ',' or ']'", N_("a list in [ ] is not closed: a ] or a comma is missing")),
    ("expected ',' or '}'", N_("a mapping in { } is not closed: a } or a comma is missing")),
    ("expected '-' indicator", N_("a line of the list does not begin with - at the list's indentation")),
    ("expected <block end>", N_("a line is indented where the lines above are not")),
    ("expected key", N_("a key was expected here: check the indentation")),
    ("expected ':'", N_("a key without its colon")),
    ("mapping values are not allowed here", N_("a colon where none may stand: put text with a colon in quotes")),
    ("found unexpected end of stream", N_("the file ends inside quotes or brackets that were not closed")),
    ("found unknown escape character", N_("a backslash in double quotes: put the text in single quotes")),
    ("cannot start any token", N_("a character that cannot begin a value here (a tab or @ or `): put the text in quotes")),
    ("found undefined alias", N_("an alias (*name) that no anchor (&name) defines")),
    ("duplicate key", N_("a key given twice")),
)
_KEY = re.compile(r"^(?P<indent> *)(?P<key>[^\s#:：\-][^:：]*?)(?P<colon>:(?=\s|$)|：)")
_BLOCK_START = re.compile(r"^(?P<indent> *)[^#\s][^#]*:\s*[|>][-+0-9]*\s*(#.*)?$")


def diagnose(lines: list[str], upto: int) -> tuple[int, int, str, str] | None:
    """The first of the usual mistakes in ``lines[:upto + 1]``, as (line, column, message, hint):
    a tab or a full-width space in the indentation, a full-width colon after a key, ``-item``
    without a space, a key without its colon, a line of block text that lost its indentation."""
    block_indent: int | None = None      # inside a | or > block: the indentation of its key
    for number, line in enumerate(lines[: upto + 1], 1):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if not stripped or stripped.startswith("#"):
            continue
        if block_indent is not None:
            if indent > block_indent:
                continue
            key = _KEY.match(line)
            if not key and not stripped.startswith("- ") and number <= upto:
                return (number, indent + 1, _("this line belongs to the text above but is not indented"),
                        _("indent every line of the text below its key (two spaces)"))
            block_indent = None
        if stripped[0] == "\t" or line[:indent + 1].endswith("\t"):
            return number, indent + 1, _("a tab in the indentation"), _("indent with spaces, not tabs")
        if stripped[0] == "\u3000":
            return (number, indent + 1, _("a full-width space (　) in the indentation"),
                    _("indent with ordinary half-width spaces"))
        key = _KEY.match(line)
        if key and key["colon"] == "：":
            return (number, key.end("key") + 1, _("a full-width colon after the key {key}").format(key=key["key"]),
                    _("write the key with a half-width colon and a space: {key}: …").format(key=key["key"]))
        glued = re.match(r"^([^\s:：#\-\[{\"'|>][^:：]*?):(?=[^\s:/])", stripped)
        if not key and glued and _in_mapping(lines, number, indent):
            return (number, indent + len(glued.group()) + 1,
                    _("a space is missing after the colon of {key}").format(key=glued.group(1)),
                    _("write the key, a colon and a space: {key}: …").format(key=glued.group(1)))
        if re.match(r"^-[^\s\-]", stripped) and _in_list(lines, number):
            return number, indent + 2, _("a list item needs a space after the dash"), _("write - item")
        if not key and not stripped.startswith(("-", "[", "{", "\"", "'", "|", ">", "]", "}")) \
                and _in_mapping(lines, number, indent):
            return (number, len(line.rstrip()) + 1, _("a key without its colon"),
                    _("write the key, a colon and a space: 标题: …"))
        if _BLOCK_START.match(line):
            block_indent = indent
    return None


def _siblings(lines: list[str], number: int, indent: int) -> list[str]:
    """Lines near ``number`` (1-based) at the same indentation, outside it."""
    near = lines[max(0, number - 4): number - 1] + lines[number: number + 3]
    return [ln for ln in near if ln.strip() and len(ln) - len(ln.lstrip(" ")) == indent]


def _in_list(lines: list[str], number: int) -> bool:
    indent = len(lines[number - 1]) - len(lines[number - 1].lstrip(" "))
    return any(ln.lstrip(" ").startswith("- ") for ln in _siblings(lines, number, indent))


def _in_mapping(lines: list[str], number: int, indent: int) -> bool:
    return any(_KEY.match(ln) for ln in _siblings(lines, number, indent))
