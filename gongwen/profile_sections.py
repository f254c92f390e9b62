"""The sections of a layout profile, one model each (the page, the grid, faces, the head's
mark and rule, the title, … the checks' tolerances): every number with the clause it comes
from.  :mod:`gongwen.profile` reads them from ``styles/*.yaml``."""
from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from .i18n import _

FaceKey = Literal["fangsong", "kaiti", "heiti", "song", "xiaobiaosong"]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    clause: str


RuleStyle = Literal["single", "double", "thickThinSmallGap", "thinThickSmallGap", "thickThinMediumGap",
                    "thinThickMediumGap"]
Positive = Annotated[float, Field(gt=0)]
Count = Annotated[int, Field(gt=0)]
Distance = Annotated[float, Field(ge=0)]        # a position or a gap: never above the paper or left of it
Lines = Annotated[int, Field(ge=0)]

# colour names an office writes, as Word's hex
_NAMED = {"red": "FF0000", "红": "FF0000", "红色": "FF0000", "black": "000000", "黑": "000000", "黑色": "000000",
          "darkred": "C00000", "深红": "C00000", "blue": "0000FF", "蓝": "0000FF", "white": "FFFFFF", "auto": "000000"}


def _colour(value: object) -> object:
    """A colour as RRGGBB (with or without #, any case) or a name of :data:`_NAMED`."""
    if isinstance(value, int) and 0 <= value <= 999999:
        value = f"{value:06d}"          # YAML reads 000000 as a number
    if not isinstance(value, str):
        return value
    text = value.strip()
    named = _NAMED.get(text.lower())
    if named:
        return named
    if re.fullmatch(r"#?[0-9A-Fa-f]{6}", text):
        return text.lstrip("#").upper()
    raise ValueError(_("not a colour: {value!r} (write RRGGBB, e.g. FF0000, or one of: {names})").format(
        value=value, names=", ".join(_NAMED)))


Colour = Annotated[str, BeforeValidator(_colour)]


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
    text: Colour
    red: Colour
    mark: Colour | None = None        # the mark's colour where an office's differs from its red
    rule: Colour | None = None        # the red rule's (and a letter's double rules')

    @property
    def mark_colour(self) -> str:
        return self.mark or self.red

    @property
    def rule_colour(self) -> str:
        return self.rule or self.red


class Text(_Section):
    face: FaceKey
    size_pt: Positive
    indent_chars: Distance


class Head(_Section):
    copy_number_face: FaceKey
    secrecy_face: FaceKey
    urgency_face: FaceKey


class Mark(_Section):
    face: FaceKey
    top_mm: Distance
    size_pt: Positive | None = None        # a fixed size an office prescribes (else as large as fits)
    max_size_pt: Positive
    joint_max_size_pt: Positive
    line_em: Positive
    suffix_height_ratio: float
    suffix_max_size_pt: Positive
    column_gap_mm: Distance
    slack_mm: Distance
    centred_on: Literal["text", "paper"] = "text"    # the 版心's centre, or the paper's (a letter's)


class DocNumberLayout(_Section):
    gap_lines: Distance
    upward_indent_chars: Distance
    signer_face: FaceKey
    signers_per_line: Count


class RedRule(_Section):
    below_doc_number_mm: Distance
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
    lines_below_rule: Lines
    blank_lines_after: Lines
    max_lines: Count
    extra_lines: int
    hourglass_penalty: float
    guanyu_bonus: float
    word_penalty: float          # a break between two words of one phrase (社会 / 组织)
    quote_penalty: float         # a break inside quotation marks (a campaign's name: fixed)
    book_title_penalty: float    # a break inside a 《》 title (a long one has phrases of its own)
    phrase_bonus: float          # a break after the issuer or before 关于
    short_last_ratio: float      # a last line narrower than this share of a line is a lone one

    def too_long(self, needed: int) -> str:
        """What to tell a drafter whose title needs ``needed`` lines (more than fit)."""
        return _("the title needs {n} lines; at most {max} fit above the body on page 1: shorten it").format(
            n=needed, max=self.max_lines)


class Issued(_Section):
    date_face: FaceKey
    blank_lines_after: int


class Order(_Section):
    mark_top_mm: Positive
    body_gap_lines: Lines
    signer_blank_lines: Lines
    signer_right_chars: Distance
    date_blank_lines: Lines
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
    bar_colour: Colour
    bar_width: Annotated[float, Field(gt=0, le=1)]
    label_gap_em: float
    headroom: float
    padding_mm: float
    caption_face: FaceKey
    gap_lines: int


class Letter(_Section):
    mark_top_mm: Distance
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
    name_top_mm: Distance
    masthead_top_mm: Distance           # a 报头 picture's top below the 版心 top
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
    blank_lines_before: Lines
    right_chars: Distance
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
    indent_chars: Distance
    outer_rule_pt: Positive
    inner_rule_pt: Positive
    even_page: bool
    legacy: bool
    subject_label_face: FaceKey
    subject_face: FaceKey
    subject_size_pt: Positive


class Artwork(BaseModel):
    """An area outside the 版心 that a unit's artwork prints on (an emblem in the header, a
    banner): the checks let it be.  ``pages``: on the first page only, or on every page."""
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str = ""
    pages: Literal["first", "every"] = "every"
    left_mm: Distance
    top_mm: Distance
    width_mm: Positive
    height_mm: Positive

    def holds(self, page: int, x0: float, top: float, x1: float, bottom: float, tolerance: float) -> bool:
        """Whether the box lies within the area on page ``page``."""
        return (self.pages == "every" or page == 1) and x0 >= self.left_mm - tolerance \
            and x1 <= self.left_mm + self.width_mm + tolerance and top >= self.top_mm - tolerance \
            and bottom <= self.top_mm + self.height_mm + tolerance


class HeaderFooter(_Section):
    line_em: Positive
    min_distance_mm: Distance
    artwork: tuple[Artwork, ...] = ()


class PageNumber(_Section):
    first_page: bool = True                # a 信函's page 1 has none (§10.1)
    face: FaceKey
    size_pt: Positive
    dash_below_text_mm: Distance
    indent_chars: Distance
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
    cjk_latin_gap_break_mm: float
    latin_em: tuple[tuple[str, float], ...]
    letter_em: float
    cjk_latin_gap_error_mm: Distance
    letter_error_em: Distance
    pen_tolerance_mm: Distance
    banji_fits_lines: float
    banji_misses_lines: float
    end_margin_lines: Distance
    grid_snap_tolerance_pt: Distance


class Checks(_Section):
    tolerance_mm: float
    weight_tolerance_mm: float
    size_tolerance_pt: float
    rule_below_doc_number_tolerance_mm: float
    cjk_faces: tuple[str, ...]
    latin_faces: tuple[str, ...]


class Unit(BaseModel):
    """The unit's own values that its template's tags print (``{{ 单位口号 }}``, ``{{ 单位地址 }}``):
    any names, each a text.  Written under ``unit:`` or ``单位:``."""
    model_config = ConfigDict(extra="allow", frozen=True,
                              json_schema_extra={"additionalProperties": {"type": "string"}})
    __pydantic_extra__: dict[str, str]

    @model_validator(mode="before")
    @classmethod
    def _names_are_words(cls, data: object) -> object:
        if not isinstance(data, dict):
            return data
        for name in data:
            if not str(name).isidentifier():
                raise ValueError(_("{name!r} cannot name a tag: one word of letters, digits or _ "
                                   "(单位口号, unit_motto)").format(name=name))
        return {str(k): str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v
                for k, v in data.items()}

    @property
    def values(self) -> dict[str, str]:
        return dict(self.__pydantic_extra__ or {})
