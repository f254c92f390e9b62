"""Reading any .docx — gongwen's own or one typed by hand in Word or WPS — as the review sees
it: each paragraph's text and how it is set as Word shows it (the run's direct formatting,
else its character style, else its paragraph style and the styles that one is based on, else
the document's defaults), the footers that print a page number, the page setup.

A file is opened only after it has shown it is a Word package of sane size: a PDF, a .doc or
.wps (binary), a password-protected document (an encrypted package inside a compound file),
a zip bomb and a zip without ``word/document.xml`` each get their own message, never a
traceback or a hang.
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..compose.properties import recorded_profile
from ..errors import GongwenError, Location
from ..i18n import N_, _
from .list_numbers import ListNumbers

# A Word package unpacks to a few MB; these bound what the review will inflate.
MAX_UNPACKED = 200 * 1024 * 1024
MAX_RATIO = 200
_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_RED = ("FF0000", "E60012", "C00000", "FF0101", "EE0000")
_BLACK = ("000000", "AUTO", "")
SCAN_PAGE_STYLE = "GwScanPage"
ALIGNMENTS = (N_("left"), N_("centre"), N_("right"))     # Footer.align, said in messages


class ReviewError(GongwenError):
    """The file cannot be reviewed (not a .docx, unreadable, too large when unpacked)."""


@dataclass(frozen=True)
class Para:
    """A paragraph with text, in document order (table cells included)."""

    index: int
    text: str
    centred: bool
    right: bool             # set towards the right (jc=right, or indented past a quarter of the page)
    size_pt: float | None   # the largest run size
    red: bool
    face: str | None = None     # the East Asian face of its first run ("theme" when a theme font wins)
    colour: str | None = None   # a colour other than black or red, as RRGGBB
    in_table: bool = False
    tabbed: bool = False        # it opens with a tab (text pushed to a tab stop)
    tab_to: str | None = None   # where its first tab goes: "right", "center", "left" (its tab stops)


@dataclass(frozen=True)
class Footer:
    """A footer paragraph holding a PAGE field."""

    kind: str               # default (odd pages when odd and even differ), even, first
    text: str
    align: str              # left, centre, right
    size_pt: float | None
    has_result: bool        # the field carries the number it last showed (a result run)


@dataclass(frozen=True)
class Setup:
    """The first section's page, in mm, and its line grid."""

    width: float
    height: float
    top: float
    bottom: float
    left: float
    right: float
    line_pitch_pt: float | None     # the document grid's, or one exact line height all body text shares
    odd_and_even: bool


@dataclass(frozen=True)
class Docx:
    path: Path
    paragraphs: list[Para]
    footers: list[Footer]
    setup: Setup | None
    # pages gongwen left empty for a supplied PDF attachment (style GwScanPage, 附件扫描页): the
    # text last written before them, and how many
    reserved: list[tuple[str, int]] = field(default_factory=list)
    made_with: tuple[str | None, str | None] = (None, None)    # the profile (name, file) it records


def open_package(path: Path):
    """The python-docx Document at ``path``, after the checks that keep a wrong file from
    crashing or exhausting the review."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    path = Path(path)
    if not path.is_file():
        raise ReviewError(_("file not found"), Location(path))
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"%PDF"):
        raise ReviewError(_("a PDF, not a .docx: gongwen check reads the Word document it was made from"),
                          Location(path))
    if head == _CFB:
        encrypted = b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in path.read_bytes()
        raise ReviewError(_("a password-protected document: remove the password in Word or WPS and check it again")
                          if encrypted else
                          _("a Word 97–2003 .doc or a WPS .wps file, not a .docx: save it as .docx (Word 2007 or "
                            "later) and check that"), Location(path))
    if not zipfile.is_zipfile(path):
        raise ReviewError(_("a damaged .docx: the package is cut short or corrupt") if head.startswith(b"PK") else
                          _("not a .docx (not a zip package): is it the right file?"), Location(path))
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
            names = {member.filename for member in members}
            unpacked = sum(member.file_size for member in members)
            packed = sum(member.compress_size for member in members) or 1
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReviewError(_("a damaged .docx: {reason}").format(reason=exc), Location(path)) from None
    if unpacked > MAX_UNPACKED or (unpacked > 10 * 1024 * 1024 and unpacked / packed > MAX_RATIO):
        raise ReviewError(_("the package would unpack to {mb} MB (a zip bomb?): not opened").format(
            mb=unpacked // (1024 * 1024)), Location(path))
    if "word/document.xml" not in names:
        raise ReviewError(_("a zip, but not a Word document (no word/document.xml)"), Location(path))
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ReviewError(_("a damaged .docx: {reason}").format(reason=exc), Location(path)) from None
    except Exception as exc:        # lxml's XMLSyntaxError and what else a broken part raises
        raise ReviewError(_("a damaged .docx: {reason}").format(reason=exc), Location(path)) from None


def paragraphs_of(document) -> list:
    """Every python-docx paragraph of the body in reading order, those in table cells included
    (a hand-made 版记 is often a table).  The children are walked, not selected by XPath: libxml2
    sorts a union of siblings in quadratic time (40,000 paragraphs took 17 s)."""
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    paragraph_tag, table_tag = qn("w:p"), qn("w:tbl")
    out = []

    def walk(container, parent) -> None:
        for child in container:
            if child.tag == paragraph_tag:
                out.append(Paragraph(child, parent))
            elif child.tag == table_tag:
                for row in Table(child, parent).rows:
                    for cell in dict.fromkeys(row.cells):     # a merged cell comes once per row it spans
                        walk(cell._tc, cell)

    walk(document.element.body, document._body)
    return out


def read(path: Path) -> Docx:
    """The document at ``path`` as the review sees it."""
    path = Path(path)
    document = open_package(path)
    try:
        return _read(document, path)
    except ReviewError:
        raise
    except Exception as exc:    # a part python-docx could open but not walk: say which file
        raise ReviewError(_("a damaged .docx: {reason}").format(reason=exc), Location(path)) from None


def _read(document, path: Path) -> Docx:
    section = document.sections[0] if document.sections else None
    half_width = (section.page_width or 0) / 2 if section is not None else 0
    styles = Styles(document)
    lists = ListNumbers(document, styles.chain)
    paragraphs: list[Para] = []
    reserved: list[tuple[str, int]] = []
    every = paragraphs_of(document)
    for index, paragraph in enumerate(every):
        if paragraph._p.style == SCAN_PAGE_STYLE:
            anchor = paragraphs[-1].text if paragraphs else ""
            count = reserved.pop()[1] if reserved and reserved[-1][0] == anchor else 0
            reserved.append((anchor, count + 1))
        described = describe(paragraph, index, styles, lists, half_width)
        if described is not None:
            paragraphs.append(described)
    return Docx(path, paragraphs, _footers(document, styles), _setup(document, every) if section is not None else None,
                reserved, recorded_profile(document))


def describe(paragraph, index: int, styles: Styles, lists: ListNumbers, half_width: float) -> Para | None:
    """A python-docx paragraph as the review sees it (None when it prints no text):
    ``half_width`` is half the page's width in EMU, past whose half an indented line counts as
    set to the right."""
    style_id = paragraph._p.style
    full = lists.prefix(paragraph._p, style_id) + paragraph.text     # as printed: a list's number too
    text = full.strip()
    if not text:
        return None
    left = paragraph.paragraph_format.left_indent or 0
    chain = styles.chain(style_id)
    align = styles.alignment(paragraph, chain)
    runs = [run for run in paragraph.runs if run.text.strip()]
    sizes = [size for run in runs if (size := styles.run_size(run, chain)) is not None]
    colours = [styles.run_colour(run, chain) for run in runs]
    red = any(colour in _RED for colour in colours)
    other = next((c for c in colours if c not in _RED and c not in _BLACK), None)
    in_table = paragraph._p.getparent().tag.endswith("}tc")
    right = align == "right" or bool(half_width and left > half_width / 2)
    stops = paragraph._p.pPr.tabs if paragraph._p.pPr is not None else None
    tab_to = str(stops[0].val).split(".")[-1].split(" ")[0].lower() if stops is not None and len(stops) else None
    return Para(index, text, align == "centre", right, max(sizes) if sizes else None, red,
                styles.east_asian_face(runs[0], chain) if runs else None, other, in_table,
                full.startswith("\t"), tab_to)


class Styles:
    """What a paragraph or run inherits from its styles, as Word resolves it: the run, its
    character style, the paragraph style and the styles it is based on, the document defaults.
    Styles are looked up once per document (python-docx scans every style on each lookup: a
    100,000-paragraph review took minutes)."""

    def __init__(self, document):
        from docx.enum.style import WD_STYLE_TYPE
        from docx.oxml.ns import qn

        self.by_id = {style.style_id: style for style in document.styles}
        kinds = {style.style_id: style.type for style in self.by_id.values()}
        self.default_paragraph = next((s for s in self.by_id.values() if s.type == WD_STYLE_TYPE.PARAGRAPH
                                       and s.element.default), None)
        self.paragraph_ids = {i for i, kind in kinds.items() if kind == WD_STYLE_TYPE.PARAGRAPH}
        self.chains: dict[str | None, tuple] = {}
        self.inherited: dict[tuple[str, str | None], object] = {}
        defaults = document.styles.element.find(qn("w:docDefaults"))
        default = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
        self.default_face = _face_of(default.find(qn("w:rPr"))) if default is not None else None

    def chain(self, key: str | None) -> tuple:
        """The paragraph style ``key`` (a paragraph's w:pStyle) and those it is based on, nearest
        first; the default paragraph style's for none or an unknown one."""
        if key not in self.chains:
            style = self.by_id.get(key) if key in self.paragraph_ids else self.default_paragraph
            found, seen = [], set()
            while style is not None and style.style_id not in seen:   # a loop of basedOn ends
                seen.add(style.style_id)
                found.append(style)
                style = self.by_id.get(style.element.basedOn_val)
            self.chains[key] = tuple(found)
        return self.chains[key]

    def _inherited(self, what: str, chain: tuple):
        """A run's size or colour as its paragraph's styles give it (worked out once per style)."""
        key = (what, chain[0].style_id if chain else None)
        if key not in self.inherited:
            found = None
            for style in chain:
                if what == "size" and style.font.size:
                    found = style.font.size.pt
                elif what == "colour" and style.font.color.type is not None:
                    found = str(style.font.color.rgb or "").upper()
                if found is not None:
                    break
            self.inherited[key] = found
        return self.inherited[key]

    def alignment(self, paragraph, chain: tuple) -> str:
        """left, centre or right, from w:jc as written (LibreOffice writes start and end, which
        python-docx's enumeration refuses)."""
        value = _jc(paragraph._p.pPr)
        for style in chain:
            if value is not None:
                break
            value = _jc(style.element.pPr)
        return "centre" if value in ("center", "distribute") else "right" if value in ("right", "end") else "left"

    def character(self, run):
        """A run's own character style, if it names one."""
        return self.by_id.get(run._r.style) if run._r.rPr is not None else None

    def run_size(self, run, chain: tuple) -> float | None:
        if run.font.size:
            return run.font.size.pt
        character = self.character(run)
        if character is not None and character.font.size:
            return character.font.size.pt
        return self._inherited("size", chain)

    def run_colour(self, run, chain: tuple) -> str:
        if run.font.color.type is not None:
            return str(run.font.color.rgb or "").upper()
        return self._inherited("colour", chain) or ""

    def east_asian_face(self, run, chain: tuple) -> str | None:
        """The face Word shows for Chinese text: the run's w:eastAsia, else its character style's,
        else its paragraph style's (and the styles it is based on), else the document default; a
        theme attribute wins over a name at the same level (Word reads the theme's font then)."""
        face = _face_of(run._r.rPr)
        character = self.character(run)
        while face is None and character is not None:      # a character style (a run-in heading's)
            face = _face_of(character.element.rPr)
            character = self.by_id.get(character.element.basedOn_val)
        for style in chain:
            if face is not None:
                break
            face = _face_of(style.element.rPr)
        return face if face is not None else self.default_face


def _jc(ppr) -> str | None:
    from docx.oxml.ns import qn

    jc = ppr.find(qn("w:jc")) if ppr is not None else None
    return jc.get(qn("w:val")) if jc is not None else None


def _face_of(rpr) -> str | None:
    from docx.oxml.ns import qn

    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    if fonts is None:
        return None
    if fonts.get(qn("w:eastAsiaTheme")):
        return "theme"
    return fonts.get(qn("w:eastAsia"))


def _footers(document, styles: Styles) -> list[Footer]:
    """The footer paragraphs that hold a PAGE field (in w:instrText or w:fldSimple)."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    found = []
    for section in document.sections:
        for kind, footer in (("default", section.footer), ("even", section.even_page_footer),
                             ("first", section.first_page_footer)):
            if footer.is_linked_to_previous:
                continue
            # every paragraph, those in a text box of the footer included (a clerk's page number
            # is often one)
            for p in footer._element.iter(qn("w:p")):
                if next(p.iter(qn("w:txbxContent")), None) is not None:
                    continue                # the paragraph a text box is anchored in: its own are read
                paragraph = Paragraph(p, footer)
                simple = [f for f in p.iter(qn("w:fldSimple")) if "PAGE" in (f.get(qn("w:instr")) or "")]
                complex_ = any("PAGE" in (t.text or "") for t in p.iter(qn("w:instrText")))
                if not (simple or complex_):
                    continue
                if simple:
                    has_result = any(t.text for f in simple for t in f.iter(qn("w:t")))
                else:
                    has_result = _complex_result(p)
                chain = styles.chain(p.style)
                sizes = [size for run in paragraph.runs if run.text.strip()
                         and (size := styles.run_size(run, chain)) is not None]
                found.append(Footer(kind, paragraph.text.strip(), styles.alignment(paragraph, chain),
                                    max(sizes) if sizes else None, has_result))
    return list({(f.kind, f.text, f.align): f for f in found}.values())


def _complex_result(p) -> bool:
    """A complex field has a result when text stands between its separate and end marks."""
    from docx.oxml.ns import qn

    state = None
    for element in p.iter(qn("w:fldChar"), qn("w:t")):
        if element.tag == qn("w:fldChar"):
            state = element.get(qn("w:fldCharType"))
        elif state == "separate" and (element.text or "").strip():
            return True
    return False


def _setup(document, paragraphs: list) -> Setup:
    """The first section's page; the line pitch from the document grid, or from the one exact
    line height every paragraph with text shares (``paragraphs``: python-docx's, in order)."""
    from docx.oxml.ns import qn

    section = document.sections[0]
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is not None and grid.get(qn("w:type")) in ("lines", "linesAndChars", "snapToChars") \
            and grid.get(qn("w:linePitch")):
        pitch = int(grid.get(qn("w:linePitch"))) / 20
    else:
        exact = {p.paragraph_format.line_spacing.pt for p in paragraphs
                 if p.text.strip() and "EXACTLY" in str(p.paragraph_format.line_spacing_rule)
                 and p.paragraph_format.line_spacing}
        pitch = exact.pop() if len(exact) == 1 else None
    lengths = (section.page_width, section.page_height, section.top_margin, section.bottom_margin,
               section.left_margin, section.right_margin)
    return Setup(*((length.mm if length is not None else 0.0) for length in lengths), pitch,
                 _on(document.settings.element.find(qn("w:evenAndOddHeaders"))))


def _on(flag) -> bool:
    """An OOXML on/off element: present and not switched off."""
    from docx.oxml.ns import qn

    return flag is not None and flag.get(qn("w:val"), "true") not in ("0", "false", "off")
