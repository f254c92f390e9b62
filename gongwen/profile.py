"""Layout profiles: every mm, pt, face and colour of a layout, read from ``styles/*.yaml``.

A profile may ``extends:`` another and override single values.  Code reads numbers only from
here; :mod:`gongwen.compose.geometry` turns them into twips.
"""
from __future__ import annotations

import contextlib
import difflib
import hashlib
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, PrivateAttr, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from . import profile_sections, styles, user_cache
from .errors import Location, ProfileError
from .i18n import _, validation_message
from .profile_sections import (AttachmentPage, Banji, Brief, Chart, Checks, Colours, DocNumberLayout, FaceKey, Faces,
                               FreeFaces, Grid, Head, HeaderFooter, Headings, Issued, Letter, Mark, Metrics, Minutes,
                               Order, Page, PageNumber, RedRule, SignatureLayout, TableLayout, Text, Title, Unit)

DEFAULT = styles.DEFAULT


class Profile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    description: str
    page: Page
    grid: Grid
    faces: Faces
    free_faces: FreeFaces
    colours: Colours
    text: Text
    head: Head
    mark: Mark
    doc_number: DocNumberLayout
    red_rule: RedRule
    title: Title
    issued: Issued
    order: Order
    minutes: Minutes
    brief: Brief
    letter: Letter
    chart: Chart
    headings: Headings
    signature: SignatureLayout
    attachment_page: AttachmentPage
    table: TableLayout
    banji: Banji
    header_footer: HeaderFooter
    page_number: PageNumber
    metrics: Metrics
    checks: Checks
    unit: Unit = Field(default_factory=Unit, validation_alias=AliasChoices("unit", "单位"))
    template: str | None = None            # the unit's template that goes with it, beside the profile
    _file: Path | None = PrivateAttr(default=None)

    def face(self, key: FaceKey) -> str:
        return getattr(self.faces, key)

    @property
    def file(self) -> Path | None:
        """The file a local profile was read from (None for a bundled one)."""
        return self._file

    @property
    def template_file(self) -> Path | None:
        """The template this profile names (found beside the profile file that names it)."""
        return Path(self.template) if self.template else None


def profile_names() -> list[str]:
    return styles.names()


def load_profile(name_or_path: str | Path | None = None, base_dir: Path | None = None,
                 root: Path | None = None) -> Profile:
    """A bundled profile by name, or a profile file: relative to ``base_dir`` (a plan's
    ``版式:`` to the plan's folder), else to the current folder (``--profile``).  With a
    ``root``, no file outside it is read (what a profile extends included)."""
    name = str(name_or_path or DEFAULT)
    if is_file_name(name):
        name = str((Path(base_dir) if base_dir else Path.cwd()) / name)
    return _load(name, str(Path(root).resolve()) if root else None)


def profile_schema() -> dict[str, Any]:
    """The JSON Schema of a profile file (``gongwen schema profile``): a profile that
    ``extends:`` another writes only what it changes, one that does not writes every section."""
    schema = Profile.model_json_schema()
    every = schema.pop("required", [])
    for definition in schema.get("$defs", {}).values():
        definition.pop("required", None)
    schema["properties"]["extends"] = {"type": "string", "title": "extends",
                                       "description": "a bundled profile's name or a .yaml file beside this one"}
    schema["required"] = ["name", "description"]
    schema["if"] = {"not": {"required": ["extends"]}}
    schema["then"] = {"required": every}
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "gongwen 版式 (layout profile)"
    return schema


def is_file_name(name: str | Path) -> bool:
    """A profile given as a file (``local.yaml``) rather than a bundled name."""
    return str(name).endswith((".yaml", ".yml"))


@cache
def _load(name: str, root: str | None) -> Profile:
    bundled = not is_file_name(name)
    kept = _kept(name) if bundled else None
    if kept is not None:
        return kept
    origins: dict[tuple, Location] = {}
    data = _read(name, origins, root)
    try:
        profile = Profile.model_validate(data)
        profile._file = Path(name) if is_file_name(name) else None
        if bundled:
            _keep(name, profile)
        return profile
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        loc = tuple(str(p) for p in error["loc"])
        where = ".".join(loc) or None
        message = validation_message(error)
        if error["type"] == "extra_forbidden":
            section = _section_model(loc[:-1])
            known = list(section.model_fields) if section is not None else []
            close = difflib.get_close_matches(loc[-1], known, n=1)
            if close:
                message = _("{message}; did you mean {key}?").format(message=message, key=".".join((*loc[:-1], close[0])))
        place = next((origins[loc[:n]] for n in range(len(loc), 0, -1) if loc[:n] in origins), None)
        raise ProfileError(message, place or Location(_path(name)), field=where) from None


def _kept(name: str) -> Profile | None:
    """A bundled profile as an earlier run validated it (its YAML read in 40 ms, this in 1),
    or None when there is none, or it cannot be read."""
    try:
        return Profile.model_validate_json(_kept_file(name).read_bytes())
    except (OSError, ValueError):
        return None


def _keep(name: str, profile: Profile) -> None:
    """Keep the validated profile for the next run; a cache that cannot be written is done without."""
    with contextlib.suppress(OSError):
        user_cache.keep(_kept_file(name), profile.model_dump_json().encode("utf-8"))


@cache
def _kept_file(name: str) -> Path:
    """Named after the bundled profiles' texts and the code that reads them."""
    digest = hashlib.sha1()
    for source in sorted((files(styles.__name__) / f"{n}.yaml" for n in profile_names()), key=str):
        digest.update(source.read_bytes())
    for module in (__file__, profile_sections.__file__):
        digest.update(Path(module).read_bytes())
    return user_cache.folder() / "profiles" / f"{name}-{digest.hexdigest()[:12]}.json"


def _section_model(loc: tuple[str, ...]) -> type[BaseModel] | None:
    model: type[BaseModel] | None = Profile
    for key in loc:
        field = model.model_fields.get(key) if model is not None else None
        annotation = field.annotation if field is not None else None
        model = annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
    return model


def _path(name: str) -> Path:
    return Path(name) if is_file_name(name) else Path(f"{name}.yaml")


def _read(name: str, origins: dict[tuple, Location], root: str | None,
          seen: tuple[str, ...] = (), named_in: Location | None = None) -> dict[str, Any]:
    """The profile ``name`` with what it extends merged under it; ``origins`` learns in which
    file and on which line each key was written (the last file that wrote it)."""
    if name in seen:
        raise ProfileError(_("profiles extend each other in a circle: {chain}").format(chain=" → ".join(seen + (name,))),
                           named_in)
    if is_file_name(name):
        path = Path(name)
        if root is not None and not path.resolve().is_relative_to(root):
            raise ProfileError(_("{path} lies outside the plan's folder {root}; pass --allow-outside if it is "
                                 "meant").format(path=path, root=root), named_in or Location(path))
        if not path.is_file():
            raise ProfileError(_("profile file not found: {path}").format(path=path), named_in or Location(path))
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise ProfileError(_("the profile is not UTF-8 text"), Location(path),
                               hint=_("save it as UTF-8, e.g. iconv -f GBK -t UTF-8")) from None
        source: Path = path
    else:
        resource = files("gongwen.styles") / f"{name}.yaml"
        if not resource.is_file():
            raise ProfileError(_("unknown profile {name!r}; bundled profiles: {names}").format(
                name=name, names=", ".join(profile_names())), named_in)
        text = resource.read_text(encoding="utf-8")
        source = Path(f"{name}.yaml")
    try:
        loaded = YAML().load(text) or {}
    except YAMLError as exc:
        raise ProfileError(_("broken YAML: {problem}").format(problem=exc), Location(source)) from None
    if not isinstance(loaded, dict):
        raise ProfileError(_("a profile is a mapping of sections such as page: and grid:"), Location(source),
                           hint=_("start from a bundled profile: extends: gb9704-2012"))
    mine: dict[tuple, Location] = {}
    data = _plain(loaded, (), source, mine)
    if isinstance(data.get("template"), str) and is_file_name(name):
        data["template"] = str(source.parent / data["template"])    # beside the profile that names it
    parent = data.pop("extends", None)
    if parent:
        parent = str(parent)
        if is_file_name(parent):            # a file the profile extends is found beside it
            parent = str(source.parent / parent)
        data = _merge(_read(parent, origins, root, seen + (name,), mine.get(("extends",))), data)
    origins.update(mine)
    return data


def _plain(node: Any, path: tuple, source: Path, origins: dict[tuple, Location]) -> Any:
    """ruamel's nodes as plain data, each key's file and line noted."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            line = node.lc.key(key)[0] + 1 if hasattr(node, "lc") else None
            origins[(*path, str(key))] = Location(source, line)
            out[str(key)] = _plain(value, (*path, str(key)), source, origins)
        return out
    if isinstance(node, list):
        return [_plain(v, path, source, origins) for v in node]
    if isinstance(node, str):
        return str(node)
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return node


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        out[key] = _merge(base[key], value) if isinstance(value, dict) and isinstance(base.get(key), dict) else value
    return out
