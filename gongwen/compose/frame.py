"""The frame every document shares: named styles, page setup, page-number footers, settings.

:func:`apply` writes the profile's numbers into a python-docx ``Document`` in place.  The
template builder and the renderer both call it, so a committed template and a rendered
document cannot disagree with the profile.  It is idempotent: styles are replaced, footers are
created only where missing.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from docx.document import Document
from docx.oxml.ns import qn
from docx.section import Section

from ..profile import FaceKey, Profile
from . import headers, overrides, oxml
from .geometry import Page, footer_distance, half_points, pt
from .oxml import el


@dataclass(frozen=True)
class StyleSpec:
    """One named style; ``None`` leaves a property to the base style."""

    id: str
    name: str
    kind: str = "paragraph"
    based_on: str | None = "Normal"
    face: FaceKey | None = None
    size_pt: float | None = None
    color: str | None = None
    spacing: int | None = None          # character spacing, twips
    line_exact: int | None = None
    snap: bool | None = None
    jc: str | None = None
    first_line: int | None = None
    left: int | None = None
    right: int | None = None
    outline: int | None = None
    keep_next: bool | None = None
    keep_lines: bool | None = None
    half_width_same_face: bool = False  # digits and Latin in the style's own face (页码: 半角宋体)
    overflow_punct: bool | None = None  # w:overflowPunct as written (Word: on = punctuation may hang)


def style_specs(profile: Profile, *, libreoffice: bool = False) -> list[StyleSpec]:
    """The named styles (GB/T 9704 elements) with the profile's faces, sizes and indents.

    Punctuation after a full 28-character line hangs in the margin (Word's way to keep 28 to a
    line; without it the 28th character goes down with the mark and the line holds 27).  Word
    reads ``w:overflowPunct`` on as "may hang"; LibreOffice 7.4 reads it inverted, and drops a
    hanging mark that ends a justified line unless the line is a hair wider.  The copy converted
    by LibreOffice (``libreoffice=True``) therefore writes it off and widens running text by the
    profile's ``libreoffice_hanging_right_pt``; the .docx delivered keeps Word's reading."""
    widen = -pt(profile.metrics.libreoffice_hanging_right_pt) if libreoffice else None
    page = Page.of(profile)
    text = profile.text
    indent = round(text.indent_chars * page.char)
    heading_faces = profile.headings.faces
    banji_indent = pt(profile.banji.indent_chars * profile.banji.size_pt)
    number_indent = pt(profile.page_number.indent_chars * profile.page_number.size_pt)
    head_line = dict(line_exact=page.line, snap=False, spacing=0)
    levels = ("一级标题", "二级标题", "三级标题", "四级标题")
    return [
        StyleSpec("Normal", "Normal", based_on=None, face=text.face, size_pt=text.size_pt, color=profile.colours.text,
                  spacing=pt(profile.grid.char_spacing_pt), line_exact=page.line, snap=True, jc="both",
                  overflow_punct=not libreoffice),
        StyleSpec("GwBody", "正文", first_line=indent, right=widen),
        *(StyleSpec(f"GwHeading{i + 1}", name, based_on="GwBody", face=heading_faces[i], outline=i,
                    keep_next=True) for i, name in enumerate(levels)),
        *(StyleSpec(f"GwHeading{i + 1}Char", f"{name}字符", kind="character", based_on=None,
                    face=heading_faces[i]) for i, name in enumerate(levels)),
        StyleSpec("GwHeadLine", "版头", face=profile.head.copy_number_face, jc="left", **head_line),
        StyleSpec("GwMark", "发文机关标志", face=profile.mark.face, color=profile.colours.mark_colour, jc="center",
                  spacing=0, snap=False),
        StyleSpec("GwDocNumber", "发文字号", jc="center", **head_line),
        StyleSpec("GwSignerName", "签发人姓名", kind="character", based_on=None, face=profile.doc_number.signer_face),
        StyleSpec("GwTitle", "公文标题", face=profile.title.face, size_pt=profile.title.size_pt, jc="center",
                  keep_lines=True, keep_next=True,
                  **head_line),
        StyleSpec("GwIssue", "期号", jc="center", **head_line),
        StyleSpec("GwIssueLine", "编印单位", face=profile.brief.line_face, jc="left", **head_line),
        StyleSpec("GwContentsLabel", "本期要目", face=profile.brief.contents_label_face, jc="left", keep_next=True),
        StyleSpec("GwContents", "要目", face=profile.brief.contents_face, jc="left",
                  left=round(profile.brief.contents_indent_chars * page.char)),
        StyleSpec("GwArticleTitle", "文章标题", face=profile.title.face, size_pt=profile.brief.article_title_size_pt,
                  jc="center", keep_lines=True, keep_next=True, **head_line),
        StyleSpec("GwCaption", "图题", face=profile.chart.caption_face, jc="center"),
        StyleSpec("GwSource", "文章出处", face=profile.brief.source_face, jc="right"),
        StyleSpec("GwAttendance", "出席人员", jc="left", right=widen),
        StyleSpec("GwAttendanceLabel", "出席人员标签", kind="character", based_on=None, face=profile.minutes.label_face),
        StyleSpec("GwTitleDate", "标题下日期", face=profile.issued.date_face, jc="center"),
        StyleSpec("GwTo", "主送机关", right=widen),
        StyleSpec("GwAttachmentNote", "附件说明", first_line=indent, right=widen),
        StyleSpec("GwSignature", "署名", jc="left", keep_next=True),  # 署名 and date never part
        StyleSpec("GwDate", "成文日期", jc="left"),
        StyleSpec("GwNote", "附注", first_line=indent, right=widen),
        StyleSpec("GwAttachmentLabel", "附件标识", face=profile.attachment_page.label_face, jc="left"),
        StyleSpec("GwAttachmentTitle", "附件标题", face=profile.attachment_page.title_face, keep_lines=True,
                  size_pt=profile.attachment_page.title_size_pt, jc="center", **head_line),
        # the empty pages a supplied PDF attachment's pages are laid on after conversion: the
        # style says so to Word's user and to gongwen check
        StyleSpec("GwScanPage", "附件扫描页", jc="left"),
        StyleSpec("GwTable", "表格", size_pt=profile.table.size_pt, jc="center", spacing=0, snap=False,
                  line_exact=pt(profile.table.size_pt * profile.table.line_ratio)),
        StyleSpec("GwBanji", "版记", face=profile.banji.face, size_pt=profile.banji.size_pt, spacing=0, snap=False,
                  line_exact=pt(profile.banji.size_pt + profile.banji.line_extra_pt), jc="left", left=banji_indent, right=banji_indent),
        StyleSpec("GwSubjectWords", "主题词", based_on="GwBanji", face=profile.banji.subject_face,
                  size_pt=profile.banji.subject_size_pt, left=0),
        StyleSpec("GwPageNumberOdd", "页码（奇数页）", face=profile.page_number.face,
                  size_pt=profile.page_number.size_pt, spacing=0, snap=False, half_width_same_face=True,
                  line_exact=pt(profile.page_number.line_pt), jc="right", right=number_indent, left=0),
        StyleSpec("GwPageNumberEven", "页码（偶数页）", based_on="GwPageNumberOdd", jc="left", left=number_indent,
                  right=0),
    ]


def _style_element(spec: StyleSpec, profile: Profile) -> oxml.Element:
    face = profile.face(spec.face) if spec.face else None
    latin = profile.faces.latin if spec.id == "Normal" else face if spec.half_width_same_face else None
    run_props = oxml.rpr(east_asia=face, latin=latin,
                         color=spec.color, spacing=spec.spacing,
                         size_half_pt=half_points(spec.size_pt) if spec.size_pt else None,
                         lang=spec.id == "Normal")
    para_props = None
    if spec.kind == "paragraph":
        normal = spec.id == "Normal"
        para_props = oxml.ppr(keep_next=spec.keep_next, keep_lines=spec.keep_lines,
                              widow_control=False if normal else None, overflow_punct=spec.overflow_punct,
                              snap_to_grid=spec.snap, line_exact=spec.line_exact,
                              before=0 if normal else None, after=0 if normal else None,
                              left=spec.left, right=spec.right, first_line=spec.first_line,
                              jc=spec.jc, outline_level=spec.outline)
    attrs: dict[str, object] = {"type": spec.kind, "styleId": spec.id}
    if spec.id == "Normal":
        attrs["default"] = 1
    return el(
        "w:style", attrs,
        el("w:name", {"val": spec.name}),
        el("w:basedOn", {"val": spec.based_on}) if spec.based_on else None,
        el("w:qFormat"),
        para_props if para_props is not None and len(para_props) else None,
        run_props if len(run_props) else None,
    )


def apply(document: Document, profile: Profile) -> list[str]:
    """Write the profile's frame into ``document``; what it replaced of the document's own
    settings (a style's size, a margin) is returned as messages."""
    _doc_defaults(document, profile)
    replaced = _replace_styles(document, style_specs(profile), profile)
    _strip_theme_fonts(document.styles.element)
    _settings(document)
    return replaced + _section(document, profile)


def _replace_styles(document: Document, specs: list[StyleSpec], profile: Profile) -> list[str]:
    styles = document.styles.element
    existing = {style.get(qn("w:styleId")): style for style in styles.findall(qn("w:style"))}
    replaced = []
    for spec in specs:
        new = _style_element(spec, profile)
        old = existing.get(spec.id)
        existing[spec.id] = new
        if old is not None:
            replaced += overrides.of_style(spec.name, old, lineage(new, existing))
            old.addnext(new)
            styles.remove(old)
        else:
            styles.append(new)
    return replaced


def lineage(style: oxml.Element, styles: dict[str, oxml.Element]) -> list[oxml.Element]:
    """The style and those it is based on, nearest first."""
    chain = [style]
    while (based := chain[-1].find(qn("w:basedOn"))) is not None and styles.get(based.get(qn("w:val"))) is not None \
            and len(chain) < 10:
        chain.append(styles[based.get(qn("w:val"))])
    return chain


@contextmanager
def for_libreoffice(document: Document, profile: Profile, *, hanging: bool = True) -> Iterator[Document]:
    """The document as LibreOffice must read it to print what Word shows (see
    :func:`style_specs`), for as long as the block lasts; then Word's styles again.  With
    ``hanging=False`` it is left as it is (LibreOffice then hangs no punctuation)."""
    word = style_specs(profile)
    pairs = [(ours, theirs) for ours, theirs in zip(word, style_specs(profile, libreoffice=hanging)) if ours != theirs]
    _replace_styles(document, [theirs for _ours, theirs in pairs], profile)
    try:
        yield document
    finally:
        _replace_styles(document, [ours for ours, _theirs in pairs], profile)


def _strip_theme_fonts(styles: oxml.Element) -> None:
    """Theme attributes on any style's fonts (python-docx's built-in styles have them) win over
    the named faces in Word: remove them everywhere."""
    for fonts in styles.iter(qn("w:rFonts")):
        for key in [k for k in fonts.attrib if k.endswith("Theme")]:
            del fonts.attrib[key]


def _doc_defaults(document: Document, profile: Profile) -> None:
    """Document defaults without theme fonts: theme attributes would override the named faces."""
    styles = document.styles.element
    old = styles.find(qn("w:docDefaults"))
    if old is not None:
        styles.remove(old)
    defaults = el(
        "w:docDefaults", None,
        el("w:rPrDefault", None, oxml.rpr(east_asia=profile.face(profile.text.face), latin=profile.faces.latin,
                                          size_half_pt=half_points(profile.text.size_pt), lang=True)),
        el("w:pPrDefault", None, el("w:pPr")),
    )
    styles.insert(0, defaults)


def _settings(document: Document) -> None:
    settings = document.settings
    settings.odd_and_even_pages_header_footer = True
    compat = settings.element.find(qn("w:compat"))
    if compat is not None:
        for setting in compat.findall(qn("w:compatSetting")):
            if setting.get(qn("w:name")) == "compatibilityMode":
                setting.set(qn("w:val"), "15")


def _section(document: Document, profile: Profile) -> list[str]:
    page = Page.of(profile)
    section = document.sections[-1]
    replaced = overrides.of_page(section._sectPr, page)
    oxml.section_geometry(
        section._sectPr, page=(page.width, page.height),
        margins={"top": page.top, "right": page.right, "bottom": page.bottom, "left": page.left,
                 "header": page.top // 2, "footer": footer_distance(profile)},
        line_pitch=page.line,
    )
    footers(section, numbered=True)
    headers.fit(section, profile)
    return replaced


def first_page_footer(section: Section) -> None:
    """Page 1 without a page number (a 信函's, §10.1): an empty first-page footer with the
    numbered footers' line, so the 版心 stays where it is."""
    section.different_first_page_header_footer = True
    footer = section.first_page_footer
    footer.is_linked_to_previous = False
    body = footer._element
    for child in list(body):
        body.remove(child)
    body.append(oxml.paragraph(oxml.ppr(style="GwPageNumberOdd")))


def footers(section: Section, *, numbered: bool, line_pt: float | None = None) -> None:
    """Odd and even footers, "— PAGE —" or empty; empty ones keep the same exact-height line so
    the 版心 bottom does not move on unnumbered pages (``line_pt`` overrides the style's)."""
    for footer, style in ((section.footer, "GwPageNumberOdd"), (section.even_page_footer, "GwPageNumberEven")):
        if footer.is_linked_to_previous:
            footer.is_linked_to_previous = False
            body = footer._element
            for child in list(body):
                body.remove(child)
            runs = (oxml.run("— "), *oxml.field_run("PAGE"), oxml.run(" —")) if numbered else ()
            props = oxml.ppr(style=style, line_exact=pt(line_pt) if line_pt else None)
            body.append(oxml.paragraph(props, *runs))
