"""Layout profiles: every mm, pt, face and colour of a layout, read from ``styles/*.yaml``.

A profile may ``extends:`` another and override single values.  Code reads numbers only from
here; :mod:`gongwen.compose.geometry` turns them into twips.
"""
from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from . import styles
from .errors import Location, ProfileError
from .i18n import _, validation_message

DEFAULT = "gb9704-2012"
FaceKey = Literal["fangsong", "kaiti", "heiti", "song", "xiaobiaosong"]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    clause: str


RuleStyle = Literal["single", "double", "thickThinSmallGap", "thinThickSmallGap", "thickThinMediumGap",
                    "thinThickMediumGap"]
Positive = Annotated[float, Field(gt=0)]
Count = Annotated[int, Field(gt=0)]


class Page(_Section):
    width_mm: Positive
    height_mm: Positive
    top_mm: Positive
    left_mm: Positive
    text_width_mm: Positive
    text_height_mm: Positive

    @model_validator(mode="after")
    def _text_area_on_the_paper(self) -> Page:
        if self.left_mm + self.text_width_mm >= self.width_mm or self.top_mm + self.text_height_mm >= self.height_mm:
            raise ValueError(_("the 版心 does not fit on the paper"))
        return self


class Grid(_Section):
    lines: Count
    chars: Count
    line_pitch_pt: Positive
    char_spacing_pt: float


class Faces(_Section):
    fangsong: str
    kaiti: str
    heiti: str
    song: str
    xiaobiaosong: str
    latin: str


class FreeFaces(_Section):
    """Per official face, the installed faces that print it, in order of preference."""

    fangsong: tuple[str, ...]
    kaiti: tuple[str, ...]
    heiti: tuple[str, ...]
    song: tuple[str, ...]
    xiaobiaosong: tuple[str, ...]
    bold: tuple[FaceKey, ...]

    def chain(self, key: FaceKey) -> tuple[str, ...]:
        return getattr(self, key)

    @property
    def primaries(self) -> tuple[str, ...]:
        """The first face of each chain: what prints every character it has."""
        return tuple(dict.fromkeys(self.chain(key)[0] for key in ("fangsong", "kaiti", "heiti", "song",
                                                                  "xiaobiaosong")))

    @property
    def everything(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(face for key in ("fangsong", "kaiti", "heiti", "song", "xiaobiaosong")
                                   for face in self.chain(key)))


class Colours(_Section):
    text: str
    red: str


class Text(_Section):
    face: FaceKey
    size_pt: Positive
    indent_chars: float


class Head(_Section):
    copy_number_face: FaceKey
    secrecy_face: FaceKey
    urgency_face: FaceKey


class Mark(_Section):
    face: FaceKey
    top_mm: float
    max_size_pt: Positive
    joint_max_size_pt: Positive
    line_em: Positive
    suffix_height_ratio: float
    suffix_max_size_pt: Positive
    column_gap_mm: float
    slack_mm: float
    centred_on: Literal["text", "paper"] = "text"    # the 版心's centre, or the paper's (a letter's)


class DocNumberLayout(_Section):
    gap_lines: float
    upward_indent_chars: float
    signer_face: FaceKey
    signers_per_line: Count


class RedRule(_Section):
    below_doc_number_mm: float
    length_mm: Positive | None = None      # None: as wide as the 版心
    width_pt: Positive
    star: bool
    star_size_pt: Positive
    star_face: FaceKey
    star_box_em: Positive
    star_line_em: Positive
    star_centre_em: float


class Title(_Section):
    face: FaceKey
    size_pt: Positive
    lines_below_rule: int
    blank_lines_after: int
    max_lines: Count
    extra_lines: int
    hourglass_penalty: float
    guanyu_bonus: float

    def too_long(self, needed: int) -> str:
        """What to tell a drafter whose title needs ``needed`` lines (more than fit)."""
        return _("the title needs {n} lines; at most {max} fit above the body on page 1: shorten it").format(
            n=needed, max=self.max_lines)


class Issued(_Section):
    date_face: FaceKey
    blank_lines_after: int


class Order(_Section):
    mark_top_mm: Positive
    body_gap_lines: int
    signer_blank_lines: int
    signer_right_chars: float
    date_blank_lines: int
    stamp_width_mm: Positive
    stamp_gap_chars: float


class Minutes(_Section):
    label_face: FaceKey
    indent_chars: float
    blank_lines_before: int


class Chart(_Section):
    width_mm: Positive
    height_mm: Positive
    dpi: Count
    face: FaceKey
    size_pt: Positive
    bar_colour: str
    bar_width: Annotated[float, Field(gt=0, le=1)]
    label_gap_em: float
    headroom: float
    padding_mm: float
    caption_face: FaceKey
    gap_lines: int


class Letter(_Section):
    mark_top_mm: float
    mark_max_size_pt: Positive
    mark_centred_on: Literal["text", "paper"]
    rule_length_mm: Positive
    rule_below_mark_mm: float
    rule_above_paper_bottom_mm: float
    rule_style_top: RuleStyle
    rule_style_bottom: RuleStyle
    rule_sz: Count
    rule_drawn_mm: Positive
    below_rule_em: float
    title_blank_lines: int


class Brief(_Section):
    name_top_mm: float
    name_max_size_pt: Positive
    name_min_size_pt: Positive
    issue_gap_lines: float
    line_face: FaceKey
    contents_label_face: FaceKey
    contents_face: FaceKey
    contents_indent_chars: float
    article_title_size_pt: Positive
    article_gap_lines: int
    source_face: FaceKey
    tail_even_page: bool


class Headings(_Section):
    faces: tuple[FaceKey, FaceKey, FaceKey, FaceKey]


class SignatureLayout(_Section):
    blank_lines_before: int
    right_chars: float
    date_offset_chars: float
    seal_date_right_chars: float
    seal_diameter_mm: Positive
    seal_raise_mm: float
    keep_body_lines: int


class AttachmentPage(_Section):
    label_face: FaceKey
    title_face: FaceKey
    title_size_pt: Positive
    title_line: Count
    scan_gap_lines: int
    scan_max_scale: float


class TableLayout(_Section):
    size_pt: Positive
    turned_size_pt: Positive
    rule_pt: Positive
    cell_margin_mm: float
    min_column_chars: float
    row_height_lines: Positive
    line_ratio: Positive


class Banji(_Section):
    face: FaceKey
    size_pt: Positive
    line_extra_pt: float
    anchor_line_pt: Positive
    page_fill: Annotated[float, Field(gt=0, le=1)]
    indent_chars: float
    outer_rule_pt: Positive
    inner_rule_pt: Positive
    even_page: bool
    legacy: bool
    subject_label_face: FaceKey
    subject_face: FaceKey
    subject_size_pt: Positive


class PageNumber(_Section):
    first_page: bool = True                # a 信函's page 1 has none (§10.1)
    face: FaceKey
    size_pt: Positive
    dash_below_text_mm: float
    indent_chars: float
    line_pt: Positive


class Metrics(_Section):
    baseline_ratio: float
    baseline_offset_pt: float
    ink_top_em: float
    ink_bottom_em: float
    dash_centre_em: float
    border_offset_mm: float
    later_section_footer_pt: float
    frame_border_space_scale: Positive
    libreoffice_hanging_right_pt: float
    digit_em: float
    cjk_latin_gap_mm: float


class Checks(_Section):
    tolerance_mm: float
    weight_tolerance_mm: float
    size_tolerance_pt: float
    rule_below_doc_number_tolerance_mm: float
    cjk_faces: tuple[str, ...]
    latin_faces: tuple[str, ...]


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
