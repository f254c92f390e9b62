"""The fixes ``gongwen check --fix`` makes: only those that cannot change what a document says
(〔〕 around the 文号's year, dates without leading zeros, "— N —" page numbers, the 主送's
colon, the 抄送's full stop), into a new file, each listed."""
from __future__ import annotations

import io
import re
from pathlib import Path

from ..atomic import write_atomic
from ..errors import Location
from ..i18n import _
from ..profile import load_profile
from .reading import ReviewError, open_package, paragraphs_of, read
from .roles import roles
from .text_rules import unpadded

_BRACKET_YEAR = re.compile(r"[\[【(（]\s*(\d{4})\s*[\]】)）]")
_PADDED_DATE = re.compile(r"(\d{4})年0?(\d{1,2})月0?(\d{1,2})日")
_DASHES = re.compile(r"[-－–—~～]+")


def fix(source: Path, target: Path) -> list[str]:
    """Write ``source`` with the fixes that cannot change its meaning to ``target`` (never in
    place): 〔〕 around the 文号's year, dates without leading zeros, "— N —" page numbers, the
    主送's colon and the 抄送's full stop.  Returns what was changed, one line each; a fix whose
    text spans differently formatted runs is left undone and said so."""
    if source.resolve() == target.resolve():
        raise ReviewError(_("--fix writes a new file: give -o a path other than the document's"), Location(source))
    found = roles(read(source))
    document = open_package(source)
    by_index = paragraphs_of(document)
    changes: list[str] = []

    def rewrite(index: int, change, what: str) -> None:
        paragraph = by_index[index]
        before = paragraph.text
        for run in paragraph.runs:
            run.text = change(run.text)
        if paragraph.text == before and change(before) != before:
            changes.append(_("not fixed (the text spans differently formatted runs): {what}: {text}").format(
                what=what, text=before))
        elif paragraph.text != before:
            changes.append(f"{what}: {before} → {paragraph.text}")

    if found.number is not None:
        rewrite(found.number.index, lambda text: _BRACKET_YEAR.sub(r"〔\1〕", text), _("文号"))
    for paragraph in found.dates:
        rewrite(paragraph.index, lambda text: _PADDED_DATE.sub(lambda m: unpadded(m[1], m[2], m[3]), text),
                _("date"))
    if found.to is not None and not found.to.text.endswith("："):
        # only a 主送 that is one for certain: under a title, set flush left in the body's size (a
        # title set too small was read as the 主送 and got a colon)
        if found.title and not found.to.centred and not found.to.right \
                and (found.to.size_pt or 0) <= load_profile().text.size_pt:
            _end_with(by_index[found.to.index], "：", ":：", _("主送"), changes)
        else:
            changes.append(_("not fixed (role uncertain): {what}: {text}").format(what=_("主送"), text=found.to.text))
    if found.cc_end is not None and not found.cc_end.text.endswith("。"):
        _end_with(by_index[found.cc_end.index], "。", "。.，,；;", _("抄送"), changes)
    for section in document.sections:
        for footer in (section.footer, section.even_page_footer, section.first_page_footer):
            if not footer.is_linked_to_previous:
                for paragraph in footer.paragraphs:
                    _fix_page_number(paragraph, changes)
    buffer = io.BytesIO()
    document.save(buffer)
    write_atomic(target, buffer.getvalue())
    return changes


def _end_with(paragraph, mark: str, replaced: str, what: str, changes: list[str]) -> None:
    runs = [run for run in paragraph.runs if run.text.strip()]
    if not runs:
        return
    before = paragraph.text
    runs[-1].text = runs[-1].text.rstrip().rstrip(replaced) + mark
    changes.append(f"{what}: {before} → {paragraph.text}")


def _fix_page_number(paragraph, changes: list[str]) -> None:
    """Dashes around a PAGE field become "— " and " —" (em dashes); the field is untouched."""
    if "PAGE" not in paragraph._p.xml:
        return
    before = paragraph.text
    texts = [run for run in paragraph.runs if run.text and not run.text.strip().isdigit()]
    if len(texts) < 2 or not all(_DASHES.fullmatch(run.text.strip() or "x") for run in (texts[0], texts[-1])):
        return
    texts[0].text, texts[-1].text = "— ", " —"
    if paragraph.text != before:
        changes.append(_("page number: {before} → {after}").format(before=before, after=paragraph.text))
