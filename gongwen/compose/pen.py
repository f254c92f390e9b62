"""The writer's plumbing: paragraphs appended before the body's section properties, each one
recorded with its role so that the pagination can trace it on the rendered pages; the lines
and titles every zone writes.  The zones of GB/T 9704 §5 build on it: :mod:`.head` (版头),
:mod:`.main` (主体), :mod:`.attachments`, :mod:`.banji` (版记)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docx.document import Document
from docx.image.image import Image
from docx.oxml.ns import qn

from ..errors import Location, RenderError
from ..i18n import _
from ..plan import kinds
from ..plan.model import Plan, _Titled
from ..profile import Profile
from . import oxml
from .geometry import Page, half_points, pt
from .layout import Layout, Written
from .titles import TitleTooLong, title_lines


@dataclass
class Pen:
    """Writes paragraphs from the top of page 1 down; every number comes from the profile."""

    document: Document
    plan: Plan
    profile: Profile
    layout: Layout
    written: list[Written] = field(default_factory=list)
    keep_with_date: bool = False     # body lines carried to the signature: chain them to the date

    def __post_init__(self) -> None:
        self.body = self.document.element.body
        self.sect_pr = self.body.find(qn("w:sectPr"))
        self.page = Page.of(self.profile)
        self.kind = kinds.get(self.plan.kind)
        self.anchor_line = pt(self.profile.banji.anchor_line_pt)   # the empty paragraphs around a 版记 frame

    # -- plumbing ------------------------------------------------------------------------------

    def add(self, node: oxml.Element) -> oxml.Element:
        self.sect_pr.addprevious(node)
        return node

    def para(self, style: str | None, *runs: oxml.Element, role: str | None = None, block: int | None = None,
             **ppr: object) -> oxml.Element:
        if self.keep_with_date:
            self.keep_with_date = role != "date"
            ppr.setdefault("keep_next", self.keep_with_date or None)
        node = self.add(oxml.paragraph(oxml.ppr(style=style, **ppr), *runs))
        if role:
            self.written.append(Written(role, "".join(t.text or "" for t in node.iter(qn("w:t"))), block))
        return node

    def spacer(self, height: int) -> None:
        """An empty exact-height paragraph off the grid: how page 1 places its elements."""
        if height > 0:
            self.para(None, line_exact=height, snap_to_grid=False)

    def blank_lines(self, count: int, *, keep_next: bool = False) -> None:
        for _line in range(count):
            self.para(None, **({"keep_next": True} if keep_next else {}))

    def face_run(self, text: str, face: str, size_pt: float | None = None, **more: object) -> oxml.Element:
        return oxml.run(text, oxml.rpr(east_asia=self.profile.face(face),  # type: ignore[arg-type]
                                       size_half_pt=half_points(size_pt) if size_pt else None, **more))

    # -- the parts, in the order a document has them ------------------------------------------

    def picture(self, path: Path) -> tuple[str, Image]:
        """A seal or stamp image added to the document: its relationship id and its pixels."""
        try:
            return self.document.part.get_or_add_image(str(path))
        except Exception as exc:  # python-docx raises its own types for unknown formats
            raise RenderError(_("cannot use the seal image: {reason}").format(reason=exc), Location(path)) from None

    def title(self, document: _Titled, role: str, field_name: str, *, page_break: bool = False) -> None:
        """A document's title in 二号小标宋, centred, broken into lines (§7.3.1)."""
        lines = self.title_lines(document.title_text, document.title_lines, self.profile.title.size_pt, field_name)
        self.para("GwTitle", oxml.run("\n".join(lines)), role=role, page_break_before=page_break or None)

    def title_lines(self, text: str, given: list[str] | None, size_pt: float, field_name: str) -> list[str]:
        """A title broken into lines that fit the 版心 at ``size_pt`` (§7.3.1)."""
        max_width = self.profile.page.text_width_mm * 72 / 25.4 / size_pt
        try:
            return title_lines(text, given, max_width, keep=list(self.plan.issuers), rule=self.profile.title)
        except TitleTooLong as exc:
            raise RenderError(self.profile.title.too_long(exc.args[0]), field=field_name) from None
