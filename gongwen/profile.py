"""Layout profiles: every mm, pt, face and colour of a layout, read from ``styles/*.yaml``.

A profile may ``extends:`` another and override single values.  Code reads numbers only from
here; :mod:`gongwen.compose.geometry` turns them into twips.
"""
from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from . import styles
from .errors import Location, ProfileError
from .i18n import _, validation_message
from .profile_sections import (AttachmentPage, Banji, Brief, Chart, Checks, Colours, DocNumberLayout, FaceKey, Faces,
                               FreeFaces, Grid, Head, Headings, Issued, Letter, Mark, Metrics, Minutes, Order, Page,
                               PageNumber, RedRule, SignatureLayout, TableLayout, Text, Title)

DEFAULT = "gb9704-2012"


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
    page_number: PageNumber
    metrics: Metrics
    checks: Checks

    def face(self, key: FaceKey) -> str:
        return getattr(self.faces, key)


def profile_names() -> list[str]:
    return styles.names()


def load_profile(name_or_path: str | Path | None = None, base_dir: Path | None = None) -> Profile:
    """A bundled profile by name, or a profile file (relative to ``base_dir``)."""
    return _load(str(name_or_path or DEFAULT), str(base_dir) if base_dir else None)


@cache
def _load(name: str, base_dir: str | None) -> Profile:
    data = _read(name, base_dir)
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in error["loc"]) or None
        path = Path(name) if base_dir is None or not name.endswith((".yaml", ".yml")) else Path(base_dir) / name
        raise ProfileError(validation_message(error), Location(path), field=where) from None


def _read(name: str, base_dir: str | None, seen: tuple[str, ...] = ()) -> dict[str, Any]:
    if name in seen:
        raise ProfileError(_("profiles extend each other in a circle: {chain}").format(chain=" → ".join(seen + (name,))))
    if name.endswith((".yaml", ".yml")):
        path = Path(name) if base_dir is None else Path(base_dir) / name
        if not path.is_file():
            raise ProfileError(_("profile file not found"), Location(path))
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
                name=name, names=", ".join(profile_names())))
        text = resource.read_text(encoding="utf-8")
        source = Path(f"{name}.yaml")
    try:
        data = YAML(typ="safe").load(text) or {}
    except YAMLError as exc:
        raise ProfileError(_("broken YAML: {problem}").format(problem=exc), Location(source)) from None
    if not isinstance(data, dict):
        raise ProfileError(_("a profile is a mapping of sections such as page: and grid:"), Location(source),
                           hint=_("start from a bundled profile: extends: gb9704-2012"))
    parent = data.pop("extends", None)
    if parent:
        data = _merge(_read(str(parent), base_dir, seen + (name,)), data)
    return data


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        out[key] = _merge(base[key], value) if isinstance(value, dict) and isinstance(base.get(key), dict) else value
    return out
