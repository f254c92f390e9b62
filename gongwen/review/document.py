"""A GB/T 9704 review of any .docx — gongwen's own or one typed by hand in Word or WPS.

The elements are found by what they say and how they are set (a line of 〔year〕…号 is the
发文字号, the large centred block after it the title, the line after the title that ends in a
colon the 主送 …), not by gongwen's styles, and each is held to the rules of
:mod:`gongwen.rules`.  Given the pages LibreOffice printed (``gongwen check --pdf``), the
geometric checks of :mod:`gongwen.printing.checks` run too and every finding gets its page.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..findings import Finding
from ..printing.checks import run_checks
from ..plan.body import typed_level
from ..compose.geometry import MM_PER_PT
from ..i18n import _
from ..profile import Profile
from .reading import Docx, Footer, Para, read
from ..rules import END_MARKS, ends_in_punctuation, finding, numbering

# a 发文字号 anywhere in its line (份号 and 密级 may stand left of it, 签发人 right of it)
DOC_NUMBER = re.compile(r"[^\s　★]{1,20}?[〔\[【(（]\s*\d{2,4}\s*[〕\]】)）]\s*第?\s*\d+\s*号")
DATE = re.compile(r"(\d{2,4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_LABEL = re.compile(r"附件\s*(\d*)")
_NOTE_ITEM = re.compile(r"^(\d+)[．.、]\s*(.+)$")
_EXCERPT = 16


@dataclass(frozen=True)
class Roles:
    """The elements found; None or empty where the document has none (or the review cannot tell)."""

    mark: list[Para]
    number: Para | None
    title: list[Para]
    to: Para | None
    body: list[Para]
    dates: list[Para]
    cc: Para | None
    cc_end: Para | None                 # the 抄送 list's last paragraph (a long one runs over pages)
    printed: Para | None
    subject: Para | None                # 主题词 (the pre-2012 Party format)
    note: list[tuple[Para, str]]        # the 附件说明's names, each with its paragraph
    attachments: list[tuple[Para, str]]  # each attachment's label (附件2) with its title


def excerpt(paragraph: Para | Footer | None) -> str:
    if paragraph is None:
        return ""
    return paragraph.text if len(paragraph.text) <= _EXCERPT else paragraph.text[:_EXCERPT] + "…"


def level_of(text: str) -> tuple[int, int] | None:
    """(level 0–3, number) of a heading number typed at the start of ``text`` (the plan's
    reading of it, :func:`gongwen.plan.body.typed_level`)."""
    typed = typed_level(text)
    return (typed[0] - 1, typed[1]) if typed else None


def _is_title_like(paragraph: Para) -> bool:
    return paragraph.centred and (paragraph.size_pt or 0) >= 18 and not paragraph.red


def roles(doc: Docx) -> Roles:
    """Each element where a reader would look for it."""
    paragraphs = doc.paragraphs
    number = next((p for p in paragraphs[:8] if DOC_NUMBER.search(p.text)), None)
    start = paragraphs.index(number) + 1 if number else 0
    # the mark: red, or (before a 文号) set large and centred as a mark is
    mark = [p for p in paragraphs[:start or 4] if p is not number and
            (p.red or (number is not None and p.centred and (p.size_pt or 0) >= 26))]
    title: list[Para] = []
    for paragraph in paragraphs[start:]:
        if _is_title_like(paragraph):
            title.append(paragraph)
        elif title:
            break
    heads = [p for p in [*mark, number, *title] if p is not None]
    after = max(paragraphs.index(p) for p in heads) + 1 if heads else 0
    # what stands under the title: text, not a framed ★, a 令号 or a （date）
    following = next((p for p in paragraphs[after:] if re.search(r"[\w\u4e00-\u9fff]", p.text)
                      and not re.fullmatch(r"第\d+号|[（(].*[）)]", p.text)), None)
    # The 主送: the line under the title that ends in a colon, or a short list of organs there
    # that lost its colon (no full stop, not a heading).
    # (a 令 has no 主送 under its 令号: the body starts there)
    to = following if following is not None and not following.right and not following.red and not (
        mark and mark[-1].text.endswith("令")) and (
        following.text[-1] in "：:" or (len(following.text) <= 100 and following.text[-1] not in "。；"
                                       and level_of(following.text) is None)) else None
    cc = next((p for p in paragraphs if re.match(r"^抄\s*送", p.text)), None)
    printed = next((p for p in reversed(paragraphs[-8:]) if "印发" in p.text and DATE.search(p.text)), None)
    subject = next((p for p in paragraphs if p.text.startswith("主题词")), None)
    cc_end = cc
    if cc is not None and printed is not None and printed.index > cc.index:
        cc_end = paragraphs[paragraphs.index(printed) - 1]
    tail = {id(p) for p in (cc, printed, subject) if p}
    body_start = paragraphs.index(to) + 1 if to else after
    body = [p for p in paragraphs[body_start:] if id(p) not in tail and not p.right]
    return Roles(mark, number, title, to, body, [p for p in paragraphs if DATE.search(p.text)], cc, cc_end, printed,
                 subject, *_attachments(body))


def _attachments(body: list[Para]) -> tuple[list[tuple[Para, str]], list[tuple[Para, str]]]:
    """The 附件说明 (附件：1．名称 and the numbered lines under it) and the attachments that
    follow (a label 附件 / 附件N on a line of its own, the title the next large centred line)."""
    note: list[tuple[Para, str]] = []
    attachments: list[tuple[Para, str]] = []
    for i, paragraph in enumerate(body):
        if paragraph.text.startswith("附件：") and not note:
            first = paragraph.text[3:].strip()
            item = _NOTE_ITEM.match(first)
            note.append((paragraph, item.group(2) if item else first))
            for following in body[i + 1:] if item else ():
                item = _NOTE_ITEM.match(following.text)
                if not item:
                    break
                note.append((following, item.group(2)))
        elif _LABEL.fullmatch(paragraph.text):
            title = next((p for p in body[i + 1:i + 4] if _is_title_like(p)), None)
            attachments.append((paragraph, title.text if title else ""))
    return note, attachments


def review(path: Path, profile: Profile, printed: Callable[[Path], Sequence] | None = None) -> list[Finding]:
    """Every finding of the document at ``path``.  With ``printed`` (a function that prints a
    .docx and returns its measured pages, called only once the file has shown it is a sound
    Word package) the geometric checks run too, and each finding gets its page."""
    from ..compose import kinds

    doc = read(path)
    found = roles(doc)
    profile = kinds.adapted(kind_of(found), profile)
    findings = [f for rule in TEXT_RULES for f in rule(doc, found, profile)]
    return findings if printed is None else _on_pages(findings, doc, printed(path), profile)


def kind_of(found: Roles) -> str:
    """The kind whose layout the document follows, as far as its head shows it: a 简报's 报头,
    a 令's mark, a 函's 文号 at the right under the rules; else the general layout."""
    mark = "".join(p.text for p in found.mark)
    if mark.endswith(("简报", "动态", "通讯", "快报", "专报", "情况")):
        return "brief"
    if mark.endswith("令"):
        return "order"
    number = found.number
    if number is not None and "签发人" not in number.text and (
            number.right or number.tabbed or "\t" in number.text[:DOC_NUMBER.search(number.text).start()]):
        return "letter"      # the 信函格式's 文号 stands at the right (份号/密级 left of it, a tab apart)
    return "notice"


def _on_pages(findings: list[Finding], doc: Docx, pages: Sequence, profile: Profile) -> list[Finding]:
    """The text findings with the page they stand on, and the measured findings: those the
    text review also makes (paper, page-number form) are kept once, as measured; a page number
    drawn in the wrong size because its field carries no result is said as the field's fault."""
    measured = run_checks(_with_reserved(pages, doc), profile)
    if any(not footer.has_result for footer in doc.footers):
        measured = [f for f in measured if f.id not in ("page-number.size", "page-number.height")]
    both = {f.id for f in measured}
    numbered = next((page.number for page in pages if any(line.top > profile.page.top_mm + profile.page.text_height_mm
                                                          for line in page.lines)), 1)
    texts = [re.sub(r"\s", "", page.text) for page in pages]
    located = []
    for item in findings:
        if item.id in both:
            continue
        if item.id.startswith("page-number."):
            page = numbered
        elif item.where:
            key = re.sub(r"\s", "", item.where.rstrip("…"))[:12]
            page = next((i + 1 for i, text in enumerate(texts) if key and key in text), None)
        else:
            page = 1
        located.append(replace(item, page=page))
    return sorted(located + measured, key=lambda f: (f.page or 0))


def _with_reserved(pages: Sequence, doc: Docx) -> list:
    """The pages, those gongwen reserved for a supplied PDF attachment marked as such (they are
    empty in the .docx: the PDF gongwen writes lays the attachment's pages on them)."""
    pages = list(pages)
    for anchor, count in doc.reserved:
        key = re.sub(r"\s", "", anchor)
        at = next((i for i in range(len(pages) - 1, -1, -1) if key and key in re.sub(r"\s", "", pages[i].text)), None)
        for i in range(at + 1, min(at + 1 + count, len(pages))) if at is not None else ():
            pages[i] = replace(pages[i], scan=True)
    return pages


# -- the rules on the text -------------------------------------------------------------------------

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
    from ..plan.model import DocNumber

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
    return out


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
    labels = [_LABEL.fullmatch(p.text).group(1) for p, _t in found.attachments]
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
        if _LABEL.fullmatch(paragraph.text) or _is_title_like(paragraph):
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
    out = [finding("colour.mark", profile, None, profile.colours.red, _("not red"), where=excerpt(p))
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
