"""What the profile's frame replaces in a unit's template, said in the words of its settings: a
named style's size, colour, face, weight, alignment, indent or line spacing, and the page's size
and margins.  The profile owns these; the template keeps everything else (artwork, its other
styles, headers and footers, tags)."""
from __future__ import annotations

from collections.abc import Callable

from docx.oxml.ns import qn

from ..i18n import N_, _
from .geometry import TWIPS_PER_MM, Page
from .oxml import Element

_W = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}


def _pt(twentieths: str) -> str:
    return f"{int(twentieths) / 20:g} pt"


def _half_pt(halves: str) -> str:
    return f"{int(halves) / 2:g} pt"


# a style's setting: its name, where it is written (element, attribute) and how it is shown
_STYLE_SETTINGS: tuple[tuple[str, str, str, Callable[[str], str]], ...] = (
    (N_("size"), "w:rPr/w:sz", "w:val", _half_pt),
    (N_("colour"), "w:rPr/w:color", "w:val", str),
    (N_("face"), "w:rPr/w:rFonts", "w:eastAsia", str),
    (N_("bold"), "w:rPr/w:b", "w:val", lambda v: "off" if v in ("0", "false") else "on"),
    (N_("alignment"), "w:pPr/w:jc", "w:val", str),
    (N_("first-line indent"), "w:pPr/w:ind", "w:firstLine", _pt),
    (N_("line spacing"), "w:pPr/w:spacing", "w:line", _pt),
)


def _setting(style: Element, path: str, attr: str, shown: Callable[[str], str]) -> str | None:
    node = style.find(path, _W)
    if node is None:
        return None
    value = node.get(qn(attr))
    return shown(value if value is not None else "1")      # an on/off element without w:val is on


def of_style(name: str, old: Element, new: list[Element]) -> list[str]:
    """What the profile's style changes of the template's style ``old`` of that name: ``new`` is
    the profile's style followed by those it is based on, the first that sets a value giving it."""
    found = []
    for what, path, attr, shown in _STYLE_SETTINGS:
        before = _setting(old, path, attr, shown)
        after = next((v for v in (_setting(style, path, attr, shown) for style in new) if v is not None), None)
        if before is not None and before != after:
            found.append(_("the style “{style}”: its {what} {old} is replaced by the profile's {new}").format(
                style=name, what=_(what), old=before, new=after or _("(none)")))
    return found


def of_page(sect_pr: Element, page: Page) -> list[str]:
    """What the profile's page (size, margins) changes of the template's last section."""
    size, margins = sect_pr.find("w:pgSz", _W), sect_pr.find("w:pgMar", _W)
    wanted = ((N_("paper width"), size, "w:w", page.width), (N_("paper height"), size, "w:h", page.height),
              (N_("top margin"), margins, "w:top", page.top), (N_("left margin"), margins, "w:left", page.left),
              (N_("right margin"), margins, "w:right", page.right),
              (N_("bottom margin"), margins, "w:bottom", page.bottom))
    found = []
    for what, node, attr, twips in wanted:
        value = node.get(qn(attr)) if node is not None else None
        if value is not None and abs(int(value) - twips) > TWIPS_PER_MM / 2:
            found.append(_("the page setup: its {what} {old} mm is replaced by the profile's {new} mm").format(
                what=_(what), old=f"{int(value) / TWIPS_PER_MM:.1f}".rstrip("0").rstrip("."),
                new=f"{twips / TWIPS_PER_MM:.1f}".rstrip("0").rstrip(".")))
    return found
