"""Where a document's text will end before LibreOffice prints it: the composed paragraphs laid on
the 28×22 grid (page 1's exact heights, grid lines below, keep-with-next chains moved whole, page
breaks), each paragraph's lines from :mod:`.linebreaks`, and the 版记's frame from its rows.

The pagination uses it to render the layout the pages will ask for in its first pass
(:func:`foreseen`); the pages of that pass confirm it (:mod:`.decisions`), so a wrong estimate
costs a pass and never changes a layout.  What it cannot lay out (tables in the text, inline
pictures, sections) it does not guess."""
from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from docx.document import Document
from docx.oxml.ns import qn

from ..compose.frame import lineage
from ..compose.geometry import Page, pt
from ..compose.layout import Layout, Written
from ..profile import Profile
from .linebreaks import Breaks, Face, line_breaks, running_width

_PPR, _PSTYLE, _VAL, _IND = qn("w:pPr"), qn("w:pStyle"), qn("w:val"), qn("w:ind")    # asked a dozen times a paragraph


@dataclass(frozen=True)
class Box:
    """A paragraph or a fixed table as the page flow sees it."""

    lines: int
    height: int            # of one line (a table: of all of it, lines = 1)
    snapped: bool          # each line on the grid
    keep_next: bool
    whole: bool            # never split across pages
    page_break: bool


@dataclass(frozen=True)
class Outlook:
    end_page: int          # the page the text ends on (before the 版记)
    end: int               # twips of that page's 版心 the text takes
    banji: int | None      # height of the flowing 版记 with its anchor, None without one


class _Styles:
    """Paragraph and run properties as a style chain resolves them (each style's chain walked
    once: a paragraph asks for a dozen properties)."""

    def __init__(self, document: Document) -> None:
        styles = document.styles.element
        self.by_id = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
        defaults = styles.find(qn("w:docDefaults"))
        self.default_rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr")) if defaults is not None else None
        self.chains: dict[str, list] = {}

    def _chain(self, p) -> list:
        """The paragraph's style and those it is based on, nearest first (Normal without one)."""
        own = p.find(_PPR)
        named = own.find(_PSTYLE) if own is not None else None
        key = named.get(_VAL) if named is not None else "Normal"
        if key not in self.chains:
            self.chains[key] = lineage(self.by_id[key], self.by_id) if key in self.by_id else []
        return self.chains[key]

    def _pprs(self, p) -> Iterator:
        """The paragraph's own w:pPr, then its styles', nearest first."""
        yield p.find(_PPR)
        for style in self._chain(p):
            yield style.find(_PPR)

    def ppr(self, p, tag: str):
        """The nearest ``w:pPr/tag``: the paragraph's own, then its style's chain."""
        return next((found for ppr in self._pprs(p) if ppr is not None and (found := ppr.find(qn(tag))) is not None),
                    None)

    def rpr(self, p, tag: str):
        """The nearest ``w:rPr/tag`` of the paragraph's styles, then the document default."""
        for style in self._chain(p):
            found = style.find(qn("w:rPr") + "/" + qn(tag))
            if found is not None:
                return found
        return self.default_rpr.find(qn(tag)) if self.default_rpr is not None else None

    def on(self, p, tag: str) -> bool:
        found = self.ppr(p, tag)
        return found is not None and found.get(_VAL) not in ("0", "false", "off")

    def indent(self, p, side: str) -> int:
        """An indent attribute: the nearest ``w:ind`` that sets it."""
        for ppr in self._pprs(p):
            ind = ppr.find(_IND) if ppr is not None else None
            if ind is not None and ind.get(qn(f"w:{side}")) is not None:
                return int(ind.get(qn(f"w:{side}")))
        return 0


def _text(p) -> list[str]:
    """The paragraph's text, split at its line breaks (a tab kept as ``\\t``: a tab stop lays its
    line out by rules of its own)."""
    pieces = [""]
    for node in p.iter(qn("w:t"), qn("w:br"), qn("w:tab")):
        if node.tag == qn("w:t"):
            pieces[-1] += node.text or ""
        elif node.tag == qn("w:br"):
            pieces.append("")
        else:
            pieces[-1] += "\t"
    return pieces


class _Reader:
    """The composed body as boxes in the page flow."""

    def __init__(self, document: Document, profile: Profile) -> None:
        self.styles = _Styles(document)
        self.profile, self.page = profile, Page.of(profile)

    def face(self, p) -> Face:
        size = self.styles.rpr(p, "w:sz")
        spacing = self.styles.rpr(p, "w:spacing")
        return Face(int(size.get(qn("w:val"))) / 2 if size is not None else self.profile.text.size_pt,
                    int(spacing.get(qn("w:val"))) if spacing is not None else 0, self.profile.metrics)

    def breaks(self, p, text: str, width: int) -> Breaks:
        """Where ``text`` (the paragraph's, or a piece of it between line breaks) breaks in
        the paragraph ``p`` of a line ``width`` twips wide, with the paragraph's indents."""
        s = self.styles
        left, right = s.indent(p, "left"), s.indent(p, "right")
        first = s.indent(p, "firstLine") - s.indent(p, "hanging")
        return line_breaks(text, self.face(p), width - left - right - first, width - left - right)

    def lines(self, p, width: int) -> int:
        """How many lines a paragraph takes ``width`` twips wide."""
        if any(r.find(qn("w:rPr") + "/" + qn(tag)) is not None for r in p.iter(qn("w:r"))
               for tag in ("w:sz", "w:spacing")):
            return len(_text(p))      # runs of another size: only the breaks written are known
        return sum(1 if "\t" in piece else len(self.breaks(p, piece, width).starts) for piece in _text(p))

    def box(self, p) -> Box | None:
        s = self.styles
        spacing = s.ppr(p, "w:spacing")
        if spacing is None or spacing.get(qn("w:lineRule")) != "exact":
            return None
        count = self.lines(p, running_width(self.profile))
        return Box(count, int(spacing.get(qn("w:line"))), s.on(p, "w:snapToGrid"), s.on(p, "w:keepNext"),
                   s.on(p, "w:keepLines") or s.on(p, "w:keepNext"), s.on(p, "w:pageBreakBefore"))

    def banji(self, table) -> int:
        """A 版记 frame's height: each row the taller of its least height and its lines."""
        total = 0
        for row in table.iter(qn("w:tr")):
            least = row.find(qn("w:trPr") + "/" + qn("w:trHeight"))
            margins = sum(int(m.get(qn("w:w"))) for side in ("w:top", "w:bottom")
                          for m in row.iter(qn(side)) if m.getparent().tag == qn("w:tcMar"))
            content = 0
            for p in row.iter(qn("w:p")):
                spacing = self.styles.ppr(p, "w:spacing")
                line = int(spacing.get(qn("w:line"))) if spacing is not None else self.page.line
                content += self.lines(p, self.page.text_width) * line
            total += max(int(least.get(qn("w:val"))) if least is not None else 0, content + margins)
        return total


def outlook(document: Document, profile: Profile, *, shifts: Sequence[int] = (0,)) -> list[Outlook] | None:
    """Where the composed text ends, once for each of ``shifts`` (twips added under page 1's
    head, to see how firm the answer is); None when the document holds what this cannot lay out."""
    reader, page = _Reader(document, profile), Page.of(profile)
    boxes: list[Box] = []
    banji = None
    for child in document.element.body:
        if child.tag == qn("w:tbl"):
            if child.find(qn("w:tblPr") + "/" + qn("w:tblpPr")) is not None:
                if boxes and boxes[-1].page_break and banji is None:
                    return None      # a 版记 after a scan's page: it never shares a page
                banji = (banji or 0) + reader.banji(child)
                continue
            rows = [r.find(qn("w:trPr") + "/" + qn("w:trHeight")) for r in child.iter(qn("w:tr"))]
            if banji is not None or not rows or any(h is None or h.get(qn("w:hRule")) != "exact" for h in rows):
                return None
            boxes.append(Box(1, sum(int(h.get(qn("w:val"))) for h in rows), False, False, True, False))
            continue
        if child.tag != qn("w:p"):
            continue
        own = child.find(qn("w:pPr"))
        if own is not None and own.find(qn("w:framePr")) is not None:
            continue
        if (own is not None and own.find(qn("w:sectPr")) is not None) or \
                any(True for _d in child.iter("{http://schemas.openxmlformats.org/drawingml/2006/"
                                              "wordprocessingDrawing}inline")):
            return None
        if banji is not None:
            if "".join(_text(child)) or reader.styles.on(child, "w:pageBreakBefore"):
                return None      # a 版记 over pages of its own, or text after it
            continue
        box = reader.box(child)
        if box is None:
            return None
        boxes.append(box)
    banji = banji + pt(profile.banji.anchor_line_pt) if banji is not None else None
    body = next((i for i, box in enumerate(boxes) if box.snapped), len(boxes))    # under page 1's head
    return [Outlook(*_flow([*boxes[:body], Box(1, shift, False, False, True, False), *boxes[body:]],
                           page.text_height, page.line, pt(profile.metrics.grid_snap_tolerance_pt)), banji)
            for shift in shifts]


def _flow(boxes: list[Box], height: int, pitch: int, on_grid: int) -> tuple[int, int]:
    """Lay the boxes down the pages: the page and the height taken where the last one ends (a
    line ``on_grid`` twips or less above a grid line is laid on it)."""
    number, y = 1, 0

    def snap(at: int, box: Box) -> int:
        return pitch * math.ceil((at - on_grid) / pitch) if box.snapped and at > 0 else at

    def step(box: Box) -> int:
        return pitch * max(1, math.ceil((box.height - on_grid) / pitch)) if box.snapped else box.height

    def chain(i: int, at: int) -> int:
        """Where a keep-with-next chain from box ``i`` ends, laid from ``at`` without breaks."""
        while i < len(boxes):
            box = boxes[i]
            at = snap(at, box) + step(box) * (box.lines if box.whole or box.keep_next else 1)
            if not box.keep_next:
                break
            i += 1
        return at

    for i, box in enumerate(boxes):
        if box.page_break and y > 0:
            number, y = number + 1, 0
        if box.keep_next and y > 0 and chain(i, y) > height and chain(i, 0) <= height:
            number, y = number + 1, 0
        y = snap(y, box)
        if box.whole:
            if y > 0 and y + step(box) * box.lines > height:
                number, y = number + 1, 0
            y += step(box) * box.lines
            continue
        for _line in range(box.lines):
            if y > 0 and y + step(box) > height:
                number, y = number + 1, 0
            y += step(box)
    return number, y


_DOUBTS = 2          # measured on 200 plans: cut where the estimate puts it up to two doubtful breaks


class _Unsure(Exception):
    """The estimate cannot tell."""


def _kept_lines_start(written: list[Written], document: Document, profile: Profile) -> tuple[int, int] | None:
    """Where the last body paragraph's last lines kept with the signature begin, as the
    pagination would find them on the pages (None when it has no more lines than those)."""
    keep = profile.signature.keep_body_lines
    body = [w for w in written if w.role == "body"]
    if not body or not any(w.role in ("signature", "date") for w in written):
        return None
    last = body[-1]
    paragraphs = [p for p in document.element.body.iter(qn("w:p")) if "".join(_text(p)) == last.text]
    # body paragraphs of the same text come in the same order: the last of them is the last
    if len(paragraphs) != sum(w.text == last.text for w in body) or "\t" in last.text:
        raise _Unsure
    found = _Reader(document, profile).breaks(paragraphs[-1], last.text, running_width(profile))
    if found.doubts > _DOUBTS:
        raise _Unsure
    return (last.block, found.starts[-keep]) if len(found.starts) > keep else None


def foreseen(compose: Callable[[Layout], tuple[list[Written], Document]], profile: Profile) -> Layout:
    """The layout the pages will ask for, when the estimate is firm; else the unmeasured one.
    ``compose(layout)`` gives the paragraphs written and the document (the first pass prints
    with hanging marks: the estimate assumes them)."""
    written, document = compose(Layout())
    try:
        layout = Layout(break_at=_kept_lines_start(written, document, profile))
    except _Unsure:
        return Layout()
    if layout.break_at is not None:
        written, document = compose(layout)
    if not (profile.banji.even_page and any(w.role == "banji" for w in written)):
        return layout
    page = Page.of(profile)
    margin = int(page.line * profile.metrics.end_margin_lines)
    views = outlook(document, profile, shifts=(0, margin, -margin))
    if views is None or views[0].banji is None or views[0].banji > page.text_height * profile.banji.page_fill:
        return layout
    middle = views[0]
    if any(v.end_page != middle.end_page for v in views):
        return layout
    fits = {v.end + v.banji <= page.text_height for v in views}   # type: ignore[union-attr, operator]
    if middle.end_page % 2:
        return dataclasses.replace(layout, banji="new-page")
    if fits == {False}:
        return dataclasses.replace(layout, banji="blank-page")
    return layout
