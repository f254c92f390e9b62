"""A unit template's headers and footers (an emblem, a slogan under the page number) kept from
moving the page the profile lays out.

- A header taller than the space above the 版心 leaves it: its distance from the paper top is
  shortened (never below the profile's least distance), else the template is refused.
- A footer's lines under the page number are absorbed by lowering the footer, so the page
  number keeps its place under the 版心; lines above it must fit between the two.
- Word's "different first page" (a logo on page 1 only) keeps page 1's number: the first-page
  footer is the odd one.
- A later section (the 版记's) gets the template's footers too, its page-number line as the
  pagination decides.
"""
from __future__ import annotations

from copy import deepcopy

from docx.oxml.ns import qn
from docx.section import Section

from ..errors import TemplateError
from ..i18n import _
from ..profile import Profile
from . import oxml
from .geometry import EMU_PER_TWIP, TWIPS_PER_MM, Page, footer_distance, mm, pt

_RELATION_ATTRIBUTES = tuple(qn(f"r:{name}") for name in ("embed", "id", "link", "pict"))


def is_page_number(paragraph: oxml.Element) -> bool:
    """A footer paragraph that prints the page number (a PAGE field, or gongwen's style)."""
    style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    if style is not None and style.get(qn("w:val"), "").startswith("GwPageNumber"):
        return True
    instructions = [t.text or "" for t in paragraph.iter(qn("w:instrText"))] + \
        [f.get(qn("w:instr"), "") for f in paragraph.iter(qn("w:fldSimple"))]
    return any(i.split()[:1] == ["PAGE"] for i in instructions)


def fit(section: Section, profile: Profile) -> None:
    """Fit the template's header and footers of ``section`` around the profile's 版心."""
    hf, page = profile.header_footer, Page.of(profile)
    least = mm(hf.min_distance_mm)
    for part in _parts(section, "header") + _parts(section, "footer"):
        for paragraph in part._element.iter(qn("w:p")):
            _lines_known(paragraph, profile)
    tall = max((_height(part._element, profile) for part in _parts(section, "header")), default=0)
    if section.header_distance is not None and _twips(section.header_distance) + tall > page.top:
        if page.top - tall < least:
            raise TemplateError(_("the header is {h} mm tall: it does not fit in the {top} mm above the 版心 "
                                  "(at least {least} mm from the paper's edge)").format(
                h=_mm(tall), top=_mm(page.top), least=f"{hf.min_distance_mm:g}"))
        section.header_distance = (page.top - tall) * EMU_PER_TWIP
    below = above = 0
    for part in _parts(section, "footer"):
        paragraphs = part._element.findall(qn("w:p"))
        at = next((i for i, p in enumerate(paragraphs) if is_page_number(p)), None)
        if at is None:
            continue
        below = max(below, sum(_height_of(p, profile) for p in paragraphs[at + 1:]))
        above = max(above, sum(_height_of(p, profile) for p in paragraphs[:at]))
    distance = footer_distance(profile) - below
    if distance < least:
        raise TemplateError(_("the footer's lines under the page number are {h} mm tall: the page number would "
                              "leave its place {gap} mm under the 版心").format(
            h=_mm(below), gap=f"{profile.page_number.dash_below_text_mm:g}"))
    if above and footer_distance(profile) + pt(profile.page_number.line_pt) + above > page.bottom:
        raise TemplateError(_("the footer's lines above the page number ({h} mm) do not fit between the 版心 and "
                              "the page number: put them under it").format(h=_mm(above)))
    section.footer_distance = distance * EMU_PER_TWIP
    _number_first_page(section)


def carry_footers(source: Section, section: Section, *, numbered: bool, line_pt: float) -> None:
    """The footers of a later ``section`` as ``source`` has them (a slogan, artwork), with the
    page-number line at ``line_pt`` and the number printed or not."""
    for theirs, ours in ((source.footer, section.footer), (source.even_page_footer, section.even_page_footer)):
        for paragraph in _take_over(ours, theirs):
            if paragraph.tag == qn("w:p") and is_page_number(paragraph):
                _number_line(paragraph, numbered, line_pt)


def _take_over(ours, theirs) -> list[oxml.Element]:
    """Footer ``ours`` unlinked and made a copy of footer ``theirs`` (its pictures related to
    ``ours`` too); the copied children."""
    ours.is_linked_to_previous = False
    body = ours._element
    for child in list(body):
        body.remove(child)
    copies = [_copied(child, theirs.part, ours.part) for child in theirs._element]
    body.extend(copies)
    return copies


def _number_line(paragraph: oxml.Element, numbered: bool, line_pt: float) -> None:
    _set_exact(paragraph, pt(line_pt))
    if not numbered:
        for child in [c for c in paragraph if c.tag != qn("w:pPr")]:
            paragraph.remove(child)


def _number_first_page(section: Section) -> None:
    """A template with a different first page (a logo on page 1) numbers page 1 as the others:
    its first-page footer becomes the odd footer, unless it prints a number of its own."""
    if not section.different_first_page_header_footer:
        return
    first = section.first_page_footer
    if not first.is_linked_to_previous and any(is_page_number(p) for p in first._element.iter(qn("w:p"))):
        return
    _take_over(first, section.footer)


def _copied(element: oxml.Element, source, target) -> oxml.Element:
    """``element`` of part ``source`` as a child of part ``target``: the pictures and links it
    names related to ``target`` as well."""
    copied = deepcopy(element)
    if source is target:
        return copied
    for node in copied.iter():
        for attribute in _RELATION_ATTRIBUTES:
            r_id = node.get(attribute)
            if r_id and r_id in source.rels:
                rel = source.rels[r_id]
                node.set(attribute, target.relate_to(rel.target_ref if rel.is_external else rel.target_part,
                                                     rel.reltype, rel.is_external))
    return copied


def _parts(section: Section, which: str) -> list:
    kinds = ("", "even_page_", "first_page_") if section.different_first_page_header_footer else ("", "even_page_")
    parts = [getattr(section, f"{kind}{which}") for kind in kinds]
    return [part for part in parts if not part.is_linked_to_previous]


def _height(part: oxml.Element, profile: Profile) -> int:
    return sum(_height_of(p, profile) for p in part.findall(qn("w:p"))) + \
        sum(_table_height(t, profile) for t in part.findall(qn("w:tbl")))


def _table_height(table: oxml.Element, profile: Profile) -> int:
    return sum(max([sum(_height_of(p, profile) for p in cell.findall(qn("w:p"))) for cell in row.findall(qn("w:tc"))]
                   or [0]) for row in table.findall(qn("w:tr")))


def _height_of(paragraph: oxml.Element, profile: Profile) -> int:
    """A header or footer paragraph's height in twips (its lines made known by
    :func:`_lines_known`), with the space before and after."""
    spacing = paragraph.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
    get = (lambda name: int(spacing.get(qn(f"w:{name}"), 0) or 0)) if spacing is not None else (lambda name: 0)
    if spacing is not None and spacing.get(qn("w:lineRule")) == "exact":
        line = get("line")
    else:
        line = max(_inline_pictures(paragraph) + [_text_line(paragraph, profile)])
    return line + get("before") + get("after")


def _lines_known(paragraph: oxml.Element, profile: Profile) -> None:
    """A header or footer line whose height is known to the twip: a text line laid exact at
    its size × the profile's line_em, a line with a picture as tall as the picture (the styles'
    exact grid line would clip it); the page number's line stays as the frame made it."""
    if is_page_number(paragraph):
        return
    spacing = paragraph.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
    if _inline_pictures(paragraph):
        spacing = paragraph.get_or_add_pPr().get_or_add_spacing()
        spacing.set(qn("w:line"), "240")
        spacing.set(qn("w:lineRule"), "auto")
    elif spacing is None or spacing.get(qn("w:lineRule")) != "exact":
        _set_exact(paragraph, _text_line(paragraph, profile))


def _inline_pictures(paragraph: oxml.Element) -> list[int]:
    """The heights of the paragraph's inline pictures, in twips."""
    return [int(e.get("cy", 0)) // EMU_PER_TWIP for e in paragraph.iter(qn("wp:extent"))
            if e.getparent().tag == qn("wp:inline")]


def _set_exact(paragraph: oxml.Element, twips: int) -> None:
    """An exact line of ``twips``, the paragraph's other spacing kept (python-docx puts the
    element in its place in the schema's order)."""
    spacing = paragraph.get_or_add_pPr().get_or_add_spacing()
    spacing.set(qn("w:line"), str(twips))
    spacing.set(qn("w:lineRule"), "exact")


def _text_line(paragraph: oxml.Element, profile: Profile) -> int:
    """A text line's height in twips: its largest size × the profile's line_em."""
    sizes = [int(s.get(qn("w:val"))) / 2 for s in paragraph.iter(qn("w:sz")) if s.get(qn("w:val"))]
    return round((max(sizes) if sizes else profile.text.size_pt) * profile.header_footer.line_em * 20)


def _twips(length: int) -> int:
    return round(length / EMU_PER_TWIP)


def _mm(twips: int) -> str:
    return f"{twips / TWIPS_PER_MM:.1f}"
