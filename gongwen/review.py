"""A GB/T 9704 review of any .docx — gongwen's own or one typed by hand in Word or WPS — on its
text: the elements are found by what they say and how they are set (a line of 〔year〕…号 is
the 发文字号, the large centred block after it the title, the line after the title that ends
in a colon the 主送 …), not by gongwen's styles, and each is held to the standard's form.

This is the XML half of ``gongwen check``; the rendered page is checked by :mod:`gongwen.checks`.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .atomic import write_atomic
from .checks import Finding
from .chinese import parse_numeral
from .errors import GongwenError, Location
from .i18n import N_, _
from .profile import Profile

# a 发文字号 anywhere in its line (份号 and 密级 may stand left of it, 签发人 right of it)
_DOC_NUMBER = re.compile(r"[^\s　★]{1,20}?[〔\[【(（]\s*\d{2,4}\s*[〕\]】)）]\s*第?\s*\d+\s*号")
_RED = ("FF0000", "E60012", "C00000")
_DATE = re.compile(r"(\d{2,4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_END_MARKS = "。；，、：.;,:"
_LEVELS = (
    re.compile(r"^([一二三四五六七八九十]+)、"),
    re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]"),
    re.compile(r"^(\d+)[．.、]"),
    re.compile(r"^[（(](\d+)[）)]"),
)


class ReviewError(GongwenError):
    """The file cannot be reviewed (not a .docx, unreadable)."""


@dataclass(frozen=True)
class Para:
    """A paragraph as the review sees it."""

    index: int
    text: str
    centred: bool
    right: bool          # set towards the right (jc=right, or indented past the middle)
    size_pt: float | None
    red: bool
    face: str | None = None     # the East Asian face of its first run ("theme" when a theme font wins)


@dataclass(frozen=True)
class Roles:
    """The elements found; None where the document has none (or the review cannot tell)."""

    mark: list[Para]
    number: Para | None
    title: list[Para]
    to: Para | None
    body: list[Para]
    dates: list[Para]
    cc: Para | None
    printed: Para | None
    footers: list[str]


def read(path: Path) -> tuple[list[Para], list[str]]:
    """The document's paragraphs and its footers' texts."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ReviewError(_("not a readable .docx: {reason}").format(reason=exc), Location(path)) from None
    half_width = (document.sections[0].page_width or 0) / 2 if document.sections else 0
    paragraphs = []
    for index, paragraph in enumerate(document.paragraphs):
        text = paragraph.text.strip()
        if not text:
            continue
        fmt = paragraph.paragraph_format
        align = str(paragraph.alignment or paragraph.style.paragraph_format.alignment or "")
        left = fmt.left_indent or 0
        sizes = [run.font.size.pt for run in paragraph.runs if run.font.size] or \
            ([paragraph.style.font.size.pt] if paragraph.style.font.size else [])
        colours = [run.font.color.rgb for run in paragraph.runs if run.font.color.type is not None] or \
            ([paragraph.style.font.color.rgb] if paragraph.style.font.color.type is not None else [])
        red = any(str(colour or "").upper() in _RED for colour in colours)
        first = next((run for run in paragraph.runs if run.text.strip()), None)
        paragraphs.append(Para(index, text, "CENTER" in align or "DISTRIBUTE" in align,
                               "RIGHT" in align or (half_width and left > half_width / 2), max(sizes) if sizes else None,
                               red, _east_asian_face(first, paragraph, document) if first is not None else None))
    footers = []
    for section in document.sections:
        for footer in (section.footer, section.even_page_footer, section.first_page_footer):
            if footer.is_linked_to_previous:
                continue
            for paragraph in footer.paragraphs:
                # A page-number field's instruction is in w:instrText or w:fldSimple.
                if "PAGE" in paragraph._p.xml:
                    footers.append(paragraph.text.strip())
    return paragraphs, list(dict.fromkeys(footers))


def _east_asian_face(run, paragraph, document) -> str | None:
    """The face Word shows for Chinese text: the run's w:eastAsia, else its paragraph style's
    (and the styles it is based on), else the document default; a theme attribute wins over a
    name at the same level (Word reads the theme's font then)."""
    from docx.oxml.ns import qn

    def of(rpr) -> str | None:
        fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
        if fonts is None:
            return None
        if fonts.get(qn("w:eastAsiaTheme")):
            return "theme"
        return fonts.get(qn("w:eastAsia"))

    face = of(run._r.rPr)
    character = run.style if run._r.rPr is not None and run._r.rPr.find(qn("w:rStyle")) is not None else None
    while face is None and character is not None:      # a character style (a run-in heading's)
        face = of(character.element.rPr)
        character = character.base_style
    style = paragraph.style
    while face is None and style is not None:
        face = of(style.element.rPr)
        style = style.base_style
    if face is None:
        defaults = document.styles.element.find(qn("w:docDefaults"))
        face = of(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))) if defaults is not None and \
            defaults.find(qn("w:rPrDefault")) is not None else None
    return face


def roles(paragraphs: list[Para], footers: list[str]) -> Roles:
    """Each element where a reader would look for it."""
    number = next((p for p in paragraphs[:8] if _DOC_NUMBER.search(p.text)), None)
    start = paragraphs.index(number) + 1 if number else 0
    mark = [p for p in paragraphs[:start or 4] if p.red and p is not number]
    title: list[Para] = []
    for paragraph in paragraphs[start:]:
        if paragraph.centred and (paragraph.size_pt or 0) >= 18 and not paragraph.red:
            title.append(paragraph)
        elif title or paragraph.red:
            if title:
                break
    heads = [p for p in [*mark, number, *title] if p is not None]
    after = max(paragraphs.index(p) for p in heads) + 1 if heads else 0
    # what stands under the title: text, not a framed ★ or a blank frame
    following = next((p for p in paragraphs[after:] if re.search(r"[\w\u4e00-\u9fff]", p.text)
                      and not re.fullmatch(r"第\d+号|[（(].*[）)]", p.text)), None)   # nor 令号 nor （date）
    # The 主送: the line under the title that ends in a colon, or a short list of organs there
    # that lost its colon (no full stop, not a heading).
    to = following if following is not None and not following.right and not following.red and (
        following.text[-1] in "：:" or (len(following.text) <= 100 and following.text[-1] not in "。；"
                                       and not any(level.match(following.text) for level in _LEVELS))) else None
    cc = next((p for p in paragraphs if p.text.startswith("抄送")), None)
    printed = next((p for p in reversed(paragraphs) if "印发" in p.text and _DATE.search(p.text)), None)
    dates = [p for p in paragraphs if _DATE.search(p.text)]
    tail = {id(p) for p in (cc, printed) if p}
    body_start = paragraphs.index(to) + 1 if to else after
    body = [p for p in paragraphs[body_start:] if id(p) not in tail and not p.right]
    return Roles(mark, number, title, to, body, dates, cc, printed, footers)


def review(path: Path, profile: Profile) -> list[Finding]:
    """Every text finding of the document at ``path``."""
    found = roles(*read(path))
    return (_doc_number(found, profile) + _dates(found, profile) + _title(found, profile) + _to(found, profile)
            + _cc(found, profile) + _numbering(found, profile) + _page_numbers(found, profile)
            + _faces(found, profile))


def _finding(id_: str, clause: str, expected: str, measured: str, message: str) -> Finding:
    return Finding(id_, clause, None, expected, measured, message)


def _doc_number(found: Roles, profile: Profile) -> list[Finding]:
    from .model import DocNumber

    if found.number is None:
        return []
    text = _DOC_NUMBER.search(found.number.text).group(0).replace(" ", "")
    try:
        DocNumber.parse(text)
    except ValueError as exc:
        return [_finding("number.form", profile.doc_number.clause, "机关代字〔年份〕序号号", text, str(exc))]
    return []


def _dates(found: Roles, profile: Profile) -> list[Finding]:
    out = []
    for paragraph in found.dates:
        for match in _DATE.finditer(paragraph.text.replace(" ", "")):
            year, month, day = match.groups()
            if len(year) != 4 or month.startswith("0") or day.startswith("0"):
                proper = _unpadded("20" + year if len(year) == 2 else year, month, day)
                out.append(_finding("date.form", profile.signature.clause, proper, match.group(0),
                                    N_("dates are written with the full year and without leading zeros")))
    return out


def _unpadded(year: str, month: str, day: str) -> str:
    """年月日 as the standard writes them, from the parts a date was typed in (it may not be a
    valid day: the form is what is reviewed)."""
    return f"{year}年{int(month)}月{int(day)}日"


def _title(found: Roles, profile: Profile) -> list[Finding]:
    if not found.title and found.mark and found.mark[-1].text.endswith("令"):
        return []     # a 令 has no title (§10.2)
    if not found.title:
        return [_finding("title.missing", profile.title.clause, _("a centred 二号 title"), _("none"),
                         N_("no title found (a centred line of 二号 or larger after the 发文字号)"))]
    text = "".join(p.text for p in found.title)
    if text[-1] in _END_MARKS:
        return [_finding("title.punctuation", profile.title.clause, text[:-1], text,
                         N_("a title has no punctuation at its end"))]
    return []


def _to(found: Roles, profile: Profile) -> list[Finding]:
    if found.to is None or found.to.text.endswith("："):
        return []
    return [_finding("to.colon", profile.title.clause, found.to.text.rstrip(":：") + "：", found.to.text,
                     N_("the 主送 ends with a full-width colon"))]


def _cc(found: Roles, profile: Profile) -> list[Finding]:
    if found.cc is None or found.cc.text.endswith("。"):
        return []
    return [_finding("cc.stop", profile.banji.clause, found.cc.text.rstrip("。.，,") + "。", found.cc.text,
                     N_("the 抄送 list ends with 。"))]


def _numbering(found: Roles, profile: Profile) -> list[Finding]:
    """一、（一）1．（1）: each level counts 1, 2, 3 … under the heading above it (a level may be
    left out: 1． straight under 一、 is common), and a deeper level does not come before any
    shallower one.  Each document part counts afresh: an attachment (附件N), an issued
    document or an article (a title line); the 附件说明's numbered names are no headings."""
    out: list[Finding] = []
    counters = [0, 0, 0, 0]
    in_note = False
    for paragraph in found.body:
        if re.fullmatch(r"附件\s*\d*", paragraph.text) or (paragraph.centred and (paragraph.size_pt or 0) >= 18):
            counters = [0, 0, 0, 0]
            continue
        if paragraph.text.startswith("附件："):
            in_note = True
            continue
        if in_note and re.match(r"^\d+[．.]", paragraph.text):
            continue
        in_note = False
        for level, pattern in enumerate(_LEVELS):
            match = pattern.match(paragraph.text)
            if not match:
                continue
            value = match.group(1)
            number = int(value) if value.isdigit() else parse_numeral(value)
            if level and not any(counters[:level]):
                out.append(_finding("numbering.order", profile.headings.clause, _("a level {n} heading first").format(
                    n=level), paragraph.text[:12], N_("a heading level is used before the level above it")))
            elif number != counters[level] + 1:
                out.append(_finding("numbering.sequence", profile.headings.clause, str(counters[level] + 1),
                                    f"{number} “{paragraph.text[:12]}”", N_("heading numbers skip or repeat")))
            counters[level] = number
            for deeper in range(level + 1, 4):
                counters[deeper] = 0
            break
    return out


# what a face's name says about its style (official names, their free and Windows twins)
_STYLES = {"fangsong": ("仿宋", "fangsong", "fang"), "kaiti": ("楷", "kai"), "heiti": ("黑", "hei"),
           "xiaobiaosong": ("小标宋", "biaosong", "xbs"), "song": ("宋", "song")}


def _is(face: str | None, key: str) -> bool:
    return face is not None and any(word in face.lower() for word in _STYLES[key])


def _faces(found: Roles, profile: Profile) -> list[Finding]:
    """The face of each element as its first run sets it: body 仿宋, title 小标宋, 一、 黑体,
    （一） 楷体 (§7.3); a theme font in place of a name is a finding of its own."""
    out = []
    # ordinary body paragraphs: full sentences at the left, not a label, a title or a list line
    ordinary = [p for p in found.body if not p.centred and len(p.text) >= 20 and (p.size_pt or 16) < 18
                and not re.match(r"^(附件|出席|请假|列席|抄送|主题词)", p.text)]
    checked = [(p, profile.text.face) for p in ordinary if not any(level.match(p.text) for level in _LEVELS)]
    checked += [(p, profile.headings.faces[level]) for p in found.body for level, pattern in enumerate(_LEVELS[:2])
                if pattern.match(p.text)]
    checked += [(p, profile.title.face) for p in found.title]
    wrong: dict[tuple[str, str], Para] = {}
    for paragraph, key in checked:
        face = paragraph.face
        if face is None or (key == "fangsong" and _is(face, "fangsong")) or (key != "fangsong" and _is(face, key)):
            continue
        if key == "xiaobiaosong" and _is(face, "song") and not _is(face, "fangsong"):
            continue     # a 宋体 bold stands in for 小标宋 in many offices: the weight is not read here
        wrong.setdefault((face, key), paragraph)
    for (face, key), paragraph in wrong.items():
        out.append(_finding("face.theme" if face == "theme" else "face.role", profile.faces.clause,
                            profile.face(key), f"{face} “{paragraph.text[:12]}”",
                            N_("a theme font stands where a face should be named") if face == "theme" else
                            N_("the text is not in the face its element takes")))
    return out


def _page_numbers(found: Roles, profile: Profile) -> list[Finding]:
    """A footer with a page-number field prints "— N —" (em dashes, no 第/页)."""
    out = []
    for text in found.footers:
        shape = re.sub(r"\d+", "", text).replace(" ", "").replace("\u3000", "")   # the number is the field's
        if shape != "——":
            out.append(_finding("page-number.form", profile.page_number.clause, "— N —", text or _("the number alone"),
                                N_("the page number is not “— N —” with em dashes")))
    return out


# -- safe fixes ---------------------------------------------------------------------------------

_BRACKET_YEAR = re.compile(r"[\[【(（]\s*(\d{4})\s*[\]】)）]")
_PADDED_DATE = re.compile(r"(\d{4})年0?(\d{1,2})月0?(\d{1,2})日")
_DASHES = re.compile(r"[-－–—~～]+")


def fix(source: Path, target: Path) -> list[str]:
    """Write ``source`` with the fixes that cannot change its meaning to ``target`` (never in
    place): 〔〕 around the 文号's year, dates without leading zeros, "— N —" page numbers, the
    主送's colon and the 抄送's full stop.  Returns what was changed, one line each; a fix whose
    text spans differently formatted runs is left undone and said so."""
    import docx

    if source.resolve() == target.resolve():
        raise ReviewError(_("--fix writes a new file: give -o a path other than the document's"), Location(source))
    paragraphs, footers = read(source)
    found = roles(paragraphs, footers)
    document = docx.Document(str(source))
    by_index = document.paragraphs
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
        rewrite(paragraph.index, lambda text: _PADDED_DATE.sub(lambda m: _unpadded(m[1], m[2], m[3]), text),
                _("date"))
    if found.to is not None and not found.to.text.endswith("："):
        _end_with(by_index[found.to.index], "：", ":：", _("主送"), changes)
    if found.cc is not None and not found.cc.text.endswith("。"):
        _end_with(by_index[found.cc.index], "。", "。.，,；;", _("抄送"), changes)
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
