"""Render, convert, measure, decide, re-render: the pagination rules only a renderer can keep.

- page 1 carries body text: a 主送 list that pushes it off page 1 moves to the 版记;
- the signature block never stands alone: the last body lines go with it to its page;
- the 版记 sits on an even last page: on the text's last page when it fits there and that page
  is even, else on a page of its own, after an unnumbered blank page when needed.

A batch goes through one LibreOffice run per pass; documents leave the loop when a pass
changes nothing.  Decisions hold for the renderer measured (LibreOffice with the project's
faces); Word may break pages elsewhere.
"""
from __future__ import annotations

import dataclasses
import math
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from docx.document import Document

from ..compose.frame import for_libreoffice
from ..compose.jobs import Job
from ..compose.render import Composed, Layout, Written, compose, save
from ..errors import ConvertError, GongwenError, collected_warnings
from ..findings import Finding
from ..fonts import fontconfig_file
from ..i18n import N_, _
from ..plan.model import Plan
from ..profile import Profile
from .checks import run_checks
from .decisions import decide, unmeasured_decision
from .face_checks import chinese_faces, missing_glyphs
from .foresight import foreseen
from .measure import MM_PER_PT, MeasuredPage, measure
from .overlay import Scan, overlay
from .page_frame import Frame, content_lines
from .pipeline import Pipeline
from .stable import stabilize
from .tracing import Placed, place

MAX_PASSES = 4


@dataclass
class Paginated:
    job: Job
    document: Document | None        # None when the job failed
    layout: Layout
    pages: list[MeasuredPage]
    pdf: Path | None                 # in the caller's work folder; None without one (see pdf_bytes)
    passes: int
    settled: bool
    findings: list[Finding] = field(default_factory=list)
    error: GongwenError | None = None
    pdf_data: bytes | None = field(default=None, repr=False)
    warnings: list[str] = field(default_factory=list)    # what laying it out warned of, once each

    @property
    def pdf_bytes(self) -> bytes | None:
        """The PDF: read from the work folder given to :func:`paginate`, or kept in memory when
        none was given (nothing is left on disk then)."""
        return self.pdf.read_bytes() if self.pdf is not None else self.pdf_data

    @property
    def fatal(self) -> list[Finding]:
        """Findings that make the PDF untrue to the plan (text lost, empty boxes): no document."""
        return [f for f in self.findings if f.severity == "fatal"]


def paginate(jobs: Sequence[Job], work_dir: str | Path | None = None, *, adjust: bool = True,
             raise_errors: bool = True, progress: Callable[[int], None] | None = None,
             foresee: bool = True) -> list[Paginated]:
    """Lay out every job until its pages satisfy the rules; PDFs are left in ``work_dir``, or
    without one kept as bytes (``result.pdf_bytes``) with no file left behind.

    With ``adjust=False`` each document is converted once as first rendered: its PDF is
    measured and checked, and scans are drawn in, but nothing is moved.  With
    ``raise_errors=False`` a job that fails does not stop the others: its result carries the
    error instead of a document.  ``progress(1)`` is called as each document is done.  The
    first pass prints the layout foreseen for each document (:mod:`.foresight`); with
    ``foresee=False`` it prints the unmeasured one, as the loop did before (the same layouts
    in more passes)."""
    names = [job.name for job in jobs]
    if len(set(names)) != len(names):
        raise ValueError("job names must be unique in a batch")
    own = work_dir is None
    root = Path(tempfile.mkdtemp(prefix="gongwen-paginate-") if own else work_dir)
    layouts = {i: Layout() for i in range(len(jobs))}
    said: dict[int, list[str]] = {i: [] for i in range(len(jobs))}     # each job's warnings, as data
    done: dict[int, Paginated] = {}
    passes = {i: MAX_PASSES if adjust else 1 for i in range(len(jobs))}

    def fail(i: int, error: GongwenError) -> None:
        if raise_errors:
            raise error
        done[i] = Paginated(jobs[i], None, layouts[i], [], None, 0, False, error=error, warnings=said[i])
        if progress:
            progress(1)

    for number in range(1, max(passes.values(), default=0) + 2):
        folder = root / f"pass{number}"
        composed: dict[int, Composed] = {}
        pending = [i for i in layouts if i not in done]
        line = Pipeline([jobs[i].resolved_profile() for i in pending])   # converts while the next is composed
        for i in pending:
            try:
                with collected_warnings() as found:
                    made: dict[Layout, Composed] = {}
                    if number == 1 and adjust and foresee:
                        layouts[i], made = _foreseen(jobs[i])
                    composed[i] = made.get(layouts[i]) or _compose(jobs[i], layouts[i])
                said[i] += [str(w) for w in found if str(w) not in said[i]]
                with for_libreoffice(composed[i].document, jobs[i].resolved_profile(),
                                     hanging=layouts[i].hanging) as document:
                    save(document, folder / f"{jobs[i].name}.docx")
                line.put(i, folder / f"{jobs[i].name}.docx")
            except GongwenError as error:
                fail(i, error)
        if not composed:
            break
        for i, pdf in line.results():
            if isinstance(pdf, ConvertError):
                fail(i, pdf)
                continue
            if isinstance(pdf, BaseException):
                raise pdf
            try:
                was_foreseen = number == 1 and layouts[i] != Layout()   # a first pass prints nothing else unforeseen
                layouts[i], finished = _pass(jobs[i], layouts[i], composed[i], pdf, number, number == passes[i],
                                             foreseen=was_foreseen)
            except GongwenError as error:
                fail(i, error)
                continue
            if was_foreseen and layouts[i] == Layout():
                passes[i] += 1     # the foreseen pass told nothing: the unmeasured layout after all
            if finished:
                finished.warnings = said[i]
                done[i] = finished
                if progress:
                    progress(1)
    result = [done[i] for i in range(len(jobs))]
    if own:
        # Without a work folder of the caller's, the PDFs are kept as bytes and the folder goes.
        for item in result:
            if item.pdf:
                item.pdf, item.pdf_data = None, item.pdf.read_bytes()
        shutil.rmtree(root, ignore_errors=True)
    return result


def _pass(job: Job, layout: Layout, composed: Composed, pdf: Path, number: int,
          last: bool, foreseen: bool = False) -> tuple[Layout, Paginated | None]:
    """Measure one converted document and decide its next layout; when it settled (or this was
    the last pass) check it, draw its scans and return the result too.  The pages of a foreseen
    layout first tell what the unmeasured one would have led to (:func:`unmeasured_decision`):
    unless that is the layout printed, it is printed next."""
    profile = job.resolved_profile()
    pages = _measured(pdf, job.name)
    _require_chinese_faces(pages, profile, job.name)
    placed, lost = place(composed.paragraphs, pages, Frame.of(profile))
    decided = decide(layout, placed, pages, job.plan, profile)
    if lost and layout.hanging:
        # LibreOffice may drop a hanging mark at a line end: print that document without hanging.
        decided = dataclasses.replace(decided, hanging=False)
    if foreseen:
        first = unmeasured_decision(layout, placed, pages, profile, lost)
        if first != layout:
            return first or Layout(), None
    settled = decided == layout
    if not (settled or last):
        return decided, None
    scans = _scans(placed, pages, job.plan, profile)
    pages = [dataclasses.replace(page, scan=any(page.number in s.pages for s in scans), hanging=layout.hanging)
             for page in pages]
    findings = (run_checks(pages, profile) + _own_findings(placed, lost, profile, pages, scans)
                + missing_glyphs(pages, profile, fontconfig_file([profile])))
    overlay(pdf, scans, profile)
    # The same plan gives the same PDF bytes: dates from the document, identifiers from content.
    stabilize(pdf, job.plan.signature.date if job.plan.signature else job.plan.printed_on)
    return decided, Paginated(job, composed.document, layout, pages, pdf, number, settled, findings)


def _measured(pdf: Path, name: str) -> list[MeasuredPage]:
    """The converter's PDF, measured; a PDF that cannot be read or prints nothing is an error,
    never a document."""
    try:
        pages = measure(pdf)
    except Exception as exc:   # pdfium raises its own errors for a damaged file
        raise ConvertError(_("{name}: LibreOffice wrote a damaged PDF ({reason})").format(
            name=name, reason=exc)) from None
    if not any(page.lines for page in pages):
        raise ConvertError(_("{name}: LibreOffice wrote a PDF without any text").format(name=name))
    return pages


def _require_chinese_faces(pages: Sequence[MeasuredPage], profile: Profile, name: str) -> None:
    """Chinese set in a fallback face is no document, and every measure of it is wrong: stop."""
    fell = chinese_faces(pages, profile)
    if fell:
        raise ConvertError(_("{name}: Chinese characters fell back to a face without Chinese glyphs ({found}); "
                             "the faces are not installed: run scripts/setup.sh, and see gongwen doctor").format(
                                 name=name, found=fell[0].measured))


def _compose(job: Job, layout: Layout) -> Composed:
    return compose(job.plan, profile=job.resolved_profile(), template=job.template, base_dir=job.base_dir,
                   layout=layout)


def _foreseen(job: Job) -> tuple[Layout, dict[Layout, Composed]]:
    """The layout the first pass's pages are expected to ask for (:mod:`.foresight`), and the
    documents composed on the way (the first pass prints one of them when it can)."""
    made: dict[Layout, Composed] = {}

    def composed(layout: Layout) -> tuple[list[Written], Document]:
        made[layout] = _compose(job, layout)
        return made[layout].paragraphs, made[layout].document
    return foreseen(composed, job.resolved_profile()), made


def _scans(placed: Sequence[Placed], pages: Sequence[MeasuredPage], plan: Plan, profile: Profile) -> list[Scan]:
    """The pages each supplied PDF is drawn on: from its traced label on, one page per page of
    the scan; on the first, from the grid line after the label (and title) and a blank line."""
    frame, ap = Frame.of(profile), profile.attachment_page
    pitch = profile.grid.line_pitch_pt * MM_PER_PT
    found = []
    for index, attachment in enumerate(plan.attachments):
        heads = [p for p in placed if p.written.role == "scan" and p.written.block == index]
        if not (attachment.pdf and heads):
            continue   # a lost label is a text.lost finding
        first = heads[0].first_page
        bottom = max(line.bottom for p in heads for number, line, _offset in p.lines if number == first)
        used = math.floor((bottom - frame.top) / pitch) + 1
        numbers = tuple(range(first, first + attachment.pdf_pages))
        found.append(Scan(attachment.pdf, numbers, frame.top + (used + ap.scan_gap_lines) * pitch))
    return found


def _own_findings(placed: Sequence[Placed], lost: Sequence[Written], profile: Profile,
                  pages: Sequence[MeasuredPage] = (), scans: Sequence[Scan] = ()) -> list[Finding]:
    """What only the paragraph trail can tell: lost text, a split title, page 1 without body,
    a scan whose pages are missing or not empty."""
    found = [Finding("text.lost", profile.page.clause, None, item.text[:20], "—",
                     N_("text of the document is missing from the PDF"), "fatal") for item in lost]
    for p in placed:
        if p.written.role == "title" and p.first_page != p.last_page:
            found.append(Finding("title.split", profile.title.clause, p.first_page, "1 page",
                                 f"{p.last_page - p.first_page + 1} pages", N_("the title is split across pages")))
    body = [p for p in placed if p.written.role == "body"]
    if body and body[0].first_page > 1:
        found.append(Finding("page1.body", profile.title.clause, 1, "body text on page 1", "none",
                             N_("page 1 carries no body text")))
    frame = Frame.of(profile)
    for scan in scans:
        taken = [n for n in scan.pages[1:] if n > len(pages) or content_lines(pages[n - 1], frame)]
        if taken or scan.top_mm >= frame.bottom:
            found.append(Finding("attachment.scan-pages", profile.attachment_page.clause, scan.pages[0],
                                 _("pages {pages} free for the scan").format(pages=f"{scan.pages[0]}–{scan.pages[-1]}"),
                                 ", ".join(map(str, taken)) or _("no room"),
                                 N_("the pages kept for a PDF attachment are missing or not free")))
    return found
