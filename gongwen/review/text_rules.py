"""The rules a reviewer applies to a document's text, in the order their findings are reported:
page setup, the 文号's form, dates, the title, the 主送, the 版记, the 附件说明, heading
numbers, faces, sizes, colours and page-number footers."""
from __future__ import annotations

import re
from collections.abc import Callable

from ..compose.geometry import MM_PER_PT
from ..findings import Finding
from ..i18n import _
from ..profile import Profile
from ..rules import END_MARKS, ends_in_punctuation, finding, numbering
from .reading import Docx, Footer, Para
from .roles import DATE, DOC_NUMBER, LABEL, TYPED_DATE, Roles, excerpt, is_title_like, kind_of, level_of

TextRule = Callable[[Docx, Roles, Profile], list[Finding]]
TEXT_RULES: list[TextRule] = []


def text_rule(function: TextRule) -> TextRule:
    TEXT_RULES.append(function)
    return function


@text_rule
def page_setup(doc: Docx, found: Roles, profile: Profile) -> list[Finding]:
    """Paper, margins and lines a page from the first section (page.size, page.margins, grid.lines)."""
    setup, p, tol = doc.setup, profile.page, profile.checks.tolerance_mm
    if setup is None:
        return []
    if abs(setup.width - p.width_mm) > tol or abs(setup.height - p.height_mm) > tol:
        return [finding("page.size", profile, None, f"{p.width_mm:g}×{p.height_mm:g} mm",
                        f"{setup.width:.1f}×{setup.height:.1f} mm")]
    out = []
    right = p.width_mm - p.left_mm - p.text_width_mm
    bottom = p.height_mm - p.top_mm - p.text_height_mm
    wrong = [(name, want, got) for name, want, got in ((_("top"), p.top_mm, setup.top), (_("bottom"), bottom, setup.bottom),
                                                       (_("left"), p.left_mm, setup.left), (_("right"), right, setup.right))
             if abs(want - got) > tol]
    if wrong:
        out.append(finding("page.margins", profile, None, ", ".join(f"{n} {w:.1f} mm" for n, w, _g in wrong),
                           ", ".join(f"{n} {g:.1f} mm" for n, _w, g in wrong)))
    if setup.line_pitch_pt:
        height_pt = (setup.height - setup.top - setup.bottom) / MM_PER_PT
        lines = int(height_pt / setup.line_pitch_pt + 0.05)
        if lines != profile.grid.lines:
            out.append(finding("grid.lines", profile, None, str(profile.grid.lines),
                               _("{n} (lines {pitch:g} pt apart)").format(n=lines, pitch=setup.line_pitch_pt)))
    return out


@text_rule
def doc_number(doc: Docx, found: Roles, profile: Profile) -> list[Finding]:
    """number.form: the plan's rule (DocNumber.parse) on the document's 发文字号."""
    from ..plan.elements import DocNumber

    if found.number is None:
        return []
    text = DOC_NUMBER.search(found.number.text).group(0).replace(" ", "")
    try:
        DocNumber.parse(text)
    except ValueError as exc:
        return [finding("number.form", profile, None, "机关代字〔年份〕序号号", text, str(exc),
                        where=excerpt(found.number))]
    return []


@text_rule
def dates(doc: Docx, found: Roles, profile: Profile) -> list[Finding]:
    out = []
    for paragraph in found.dates:
        for match in DATE.finditer(paragraph.text.replace(" ", "")):
            year, month, day = match.groups()
            if len(year) != 4 or month.startswith("0") or day.startswith("0"):
                proper = unpadded("20" + year if len(year) == 2 else year, month, day)
                out.append(finding("date.form", profile, None, proper, match.group(0), where=excerpt(paragraph)))
    # the 成文日期 and the 印发日期 typed with dots, slashes or dashes (2024.3.5): written in 年月日
    dated = [p for p in doc.paragraphs if _DATE_LINE.fullmatch(re.sub(r"[\s　]", "", p.text))]
    for paragraph in dated + ([found.printed] if found.printed else []):
        for match in TYPED_DATE.finditer(paragraph.text):
            year, _sep, month, day = match.groups()
            out.append(finding("date.form", profile, None, unpadded(year, month, day), match.group(0),
                               where=excerpt(paragraph)))
    return out


# a line that is a date and nothing else: the 成文日期 (Arabic, Chinese numerals, or typed with dots,
# slashes or dashes, which the date rule then points out)
_DATE_LINE = re.compile(r"\d{2,4}\s*(年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[./-]\s*\d{1,2}\s*[./-]\s*\d{1,2})"
                        r"|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日")


@text_rule
def signature_date(doc: Docx, found: Roles, profile: Profile) -> list[Finding]:
    """A document with a 版头 (a mark or a 文号) carries its 成文日期 (§7.3.5) on a line of its
    own; a 简报 dates its 报头 and a 纪要 may go without."""
    if not (found.mark or found.number) or kind_of(found) == "brief" or \
            "".join(p.text for p in found.mark).endswith("纪要"):
        return []
    if any(_DATE_LINE.fullmatch(re.sub(r"[\s　]", "", p.text)) for p in doc.paragraphs):
        return []
    return [finding("date.missing", profile, None, _("a 成文日期 under the 署名"), _("none"))]


def unpadded(year: str, month: str, day: str) -> str:
    """年月日 as the standard writes them, from the parts a date was typed in (it may not be a
    valid day: the form is what is reviewed)."""
    return f"{year}年{int(month)}月{int(day)}日"


@text_rule
def title(doc: Docx, found: Roles, profile: Profile) -> list[Finding]:
    if not found.title and found.mark and found.mark[-1].text.endswith("令"):
        return []     # a 令 has no title (§10.2)
    if not found.title:
        return [finding("title.missing", profile, None, _("a centred 二号 title"), _("none"),
                        where=excerpt(found.number))]
    text = "".join(p.text for p in found.title)
    if ends_in_punctuation(text):
        return [finding("title.punctuation", profile, None, text.rstrip(END_MARKS), text, where=excerpt(found.title[-1]))]
    return []


@text_rule
def to(doc: Docx, found: Roles, profile: Profile) -> list[Finding]:
    if found.to is None or found.to.text.endswith("："):
        return []
    return [finding("to.colon", profile, None, found.to.text.rstrip(":：") + "：", found.to.text,
                    where=excerpt(found.to))]


@text_rule
def banji_text(doc: Docx, found: Roles, profile: Profile) -> list[Finding]:
    """cc.stop, printed.form, banji.order and the legacy 主题词 (subject.form)."""
    out = []
    if found.cc_end is not None and not found.cc_end.text.endswith("。"):
        out.append(finding("cc.stop", profile, None, found.cc_end.text.rstrip("。.，,；;") + "。", found.cc_end.text,
                           where=excerpt(found.cc_end)))
    if found.printed is not None:
        text = found.printed.text
        ends = re.search(r"\d{4}年\d{1,2}月\d{1,2}日印发$", text)
        # the 印发机关 stands left of the date, in the same line (or in a cell of its own)
        if not ends or not (text[:ends.start()].strip() or found.printed.in_table):
            out.append(finding("printed.form", profile, None, _("印发机关　…　2012年7月1日印发"), text,
                               where=excerpt(found.printed)))
        if found.cc is not None and found.cc.index > found.printed.index:
            out.append(finding("banji.order", profile, None, _("抄送 above the 印发 line"), _("抄送 below it"),
                               where=excerpt(found.cc)))
    if found.subject is not None:
        words = re.sub(r"^主题词\s*[：:]?", "", found.subject.text)
        if not found.subject.text.startswith("主题词：") or re.search(r"[、，,；;。.]", words) \
                or not re.search(r"[\s　]", words.strip()):
            out.append(finding("subject.form", profile, None, _("主题词：词　词　词 (words apart, no marks)"),
                               found.subject.text, where=excerpt(found.subject)))
        if found.cc is not None and found.cc.index < found.subject.index:
            out.append(finding("banji.order", profile, None, _("主题词 above 抄送"), _("主题词 below it"),
                               where=excerpt(found.subject)))
    return out


@text_rule
def attachment_note(doc: Docx, found: Roles, profile: Profile) -> list[Finding]:
    """The 附件说明's names without end marks (title.punctuation, as a plan's attachment names)
    and, when the attachments are in the document, naming them in order (attachment.note)."""
    out = [finding("title.punctuation", profile, None, name.rstrip(END_MARKS), name, where=excerpt(paragraph))
           for paragraph, name in found.note if ends_in_punctuation(name)]
    if not found.note or not found.attachments:
        return out
    names = [name.rstrip(END_MARKS) for _p, name in found.note]
    labels = [LABEL.fullmatch(p.text).group(1) for p, _t in found.attachments]
    expected = [""] if len(names) == 1 else [str(n) for n in range(1, len(names) + 1)]
    if labels != expected and labels != [str(n) for n in range(1, len(names) + 1)]:
        out.append(finding("attachment.note", profile, None, "、".join("附件" + n for n in expected),
                           "、".join("附件" + n for n in labels), where=excerpt(found.note[0][0])))
        return out
    for name, (label, title) in zip(names, found.attachments):
        if title and re.sub(r"\s", "", title) != re.sub(r"\s", "", name):
            out.append(finding("attachment.note", profile, None, name, title, where=excerpt(label)))
    return out


@text_rule
def headings(doc: Docx, found: Roles, profile: Profile) -> list[Finding]:
    """numbering.sequence / numbering.order (the plan's rule); each document part counts
    afresh: an attachment (附件N), an issued document or an article (a title line); the
    附件说明's numbered names are no headings."""
    in_note = {id(p) for p, _name in found.note}
    parts: list[tuple[Para, tuple[int, int] | None]] = []
    for paragraph in found.body:
        if LABEL.fullmatch(paragraph.text) or is_title_like(paragraph):
            parts.append((paragraph, None))
        elif id(paragraph) not in in_note and (level := level_of(paragraph.text)) is not None:
            parts.append((paragraph, level))
    out = []
    for wrong in numbering(level for _p, level in parts):
        paragraph, (level, number) = parts[wrong.position]
        if wrong.id == "numbering.order":
            out.append(finding(wrong.id, profile, None, _("a level {n} heading first").format(n=wrong.expected),
                               paragraph.text[:12], where=excerpt(paragraph)))
        else:
            out.append(finding(wrong.id, profile, None, str(wrong.expected), str(number), where=excerpt(paragraph)))
    return out


# what a face's name says about its style (official names, their free and Windows twins)
_STYLES = {"fangsong": ("仿宋", "fangsong", "fang"), "kaiti": ("楷", "kai"), "heiti": ("黑", "hei"),
           "xiaobiaosong": ("小标宋", "biaosong", "xbs"), "song": ("宋", "song")}


def _is(face: str | None, key: str) -> bool:
    return face is not None and any(word in face.lower() for word in _STYLES[key])


def _ordinary(found: Roles) -> list[Para]:
    """Body paragraphs of full sentences at the left: not a label, a title, a table or a list line."""
    return [p for p in found.body if not p.centred and not p.in_table and len(p.text) >= 20
            and (p.size_pt or 16) < 18 and level_of(p.text) is None
            and not re.match(r"^(附件|出席|请假|列席|抄送|主题词)", p.text)]


@text_rule
def faces(doc: Docx, found: Roles, profile: Profile) -> list[Finding]:
    """The face of each element as its first run sets it: body 仿宋, title 小标宋, 一、 黑体,
    （一） 楷体 (§7.3); a theme font in place of a name is a finding of its own."""
    checked = [(p, profile.text.face) for p in _ordinary(found)]
    headings = [(p, level_of(p.text)) for p in found.body if not p.in_table]
    checked += [(p, profile.headings.faces[level[0]]) for p, level in headings if level and level[0] < 2]
    checked += [(p, profile.title.face) for p in found.title]
    wrong: dict[tuple[str, str], Para] = {}
    for paragraph, key in checked:
        face = paragraph.face
        if face is None or _is(face, key):
            continue
        if key == "xiaobiaosong" and _is(face, "song") and not _is(face, "fangsong"):
            continue     # a 宋体 bold stands in for 小标宋 in many offices: the weight is not read here
        wrong.setdefault((face, key), paragraph)
    return [finding("face.theme" if face == "theme" else "face.role", profile, None, profile.face(key), face,
                    where=excerpt(paragraph)) for (face, key), paragraph in wrong.items()]


@text_rule
def sizes(doc: Docx, found: Roles, profile: Profile) -> list[Finding]:
    """size.role: body 三号, title 二号, 版记 and page number 四号 (the first element of each
    size found wrong)."""
    tol = profile.checks.size_tolerance_pt
    checked = [(p, profile.text.size_pt) for p in _ordinary(found)]
    checked += [(p, profile.title.size_pt) for p in found.title]
    checked += [(p, profile.banji.size_pt) for p in (found.cc, found.cc_end, found.printed) if p is not None]
    checked += [(footer, profile.page_number.size_pt) for footer in doc.footers]
    wrong: dict[tuple[float, float], Para | Footer] = {}
    for element, size in checked:
        if element.size_pt is not None and abs(element.size_pt - size) > tol:
            wrong.setdefault((size, element.size_pt), element)
    return [finding("size.role", profile, None, f"{want:g} pt", f"{got:g} pt", where=excerpt(element))
            for (want, got), element in wrong.items()]


@text_rule
def colours(doc: Docx, found: Roles, profile: Profile) -> list[Finding]:
    """colour.mark (the mark is red) and colour.black (title, 主送, body and 版记 are black)."""
    out = [finding("colour.mark", profile, None, profile.colours.mark_colour, _("not red"), where=excerpt(p))
           for p in found.mark if not p.red][:1]
    text = [*found.title, *(p for p in (found.to, found.cc, found.printed) if p), *found.body]
    coloured = next((p for p in text if p.red or p.colour), None)
    if coloured is not None:
        out.append(finding("colour.black", profile, None, "000000", coloured.colour or _("red"),
                           where=excerpt(coloured)))
    return out


@text_rule
def page_numbers(doc: Docx, found: Roles, profile: Profile) -> list[Finding]:
    """page-number.form ("— N —"), page-number.parity (odd right, even left) and
    page-number.field (the field carries its result, which other programs print)."""
    out = []
    for footer in doc.footers:
        shape = re.sub(r"\d+", "", footer.text).replace(" ", "").replace("\u3000", "")   # the number is the field's
        if shape != "——":
            out.append(finding("page-number.form", profile, None, "— N —", footer.text or _("the number alone")))
            break
    numbered = {footer.kind: footer for footer in doc.footers if footer.kind != "first"}
    if numbered:
        odd, even = numbered.get("default"), numbered.get("even")
        if doc.setup is not None and not doc.setup.odd_and_even:
            out.append(finding("page-number.parity", profile, None, _("odd pages right, even pages left"),
                               _("one footer for all pages ({align})").format(align=_(odd.align if odd else "none"))))
        elif odd is None or even is None or odd.align != "right" or even.align != "left":
            out.append(finding("page-number.parity", profile, None, _("odd pages right, even pages left"),
                               _("odd {odd}, even {even}").format(odd=_(odd.align) if odd else _("none"),
                                                                  even=_(even.align) if even else _("none"))))
    blank = [f for f in doc.footers if not f.has_result]
    if blank:
        out.append(finding("page-number.field", profile, None, _("a PAGE field with its result"),
                           _("a PAGE field without a result run"),
                           _("the page-number field carries no result: Word works the number out, LibreOffice and "
                             "WPS print it in the paragraph's default face and size"), severity="warning"))
    return out
