"""A batch of documents: rendered (and paginated) in groups written one after another, in one
process or several, with a progress bar on a terminal."""
from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import GongwenError
from ..i18n import _
from .output import error, show_warning, warnings_shown
from .report import STARTED, Entry, warning_finding

if TYPE_CHECKING:
    from docx.document import Document

    from ..compose.jobs import Job


GROUP = 20     # documents paginated together: one group's documents are in memory at a time


def render_jobs(jobs: list[Job], targets: dict[int, Path], paginate_now: bool, want_pdf: bool,
                entries: list[Entry], workers: int = 1) -> None:
    """Render (and paginate) every job in groups, writing each group's outputs before the next
    is made, so a batch of a thousand plans holds twenty documents at a time; with ``workers``
    the groups run in that many processes (each with its own LibreOffice)."""
    pairs = [(job, targets[id(job)]) for job in jobs]
    size = min(GROUP, max(1, -(-len(pairs) // workers)))
    groups = [pairs[i:i + size] for i in range(0, len(pairs), size)]
    mode = "paginate" if paginate_now else "convert" if want_pdf else "render"
    with progress(len(jobs), mode) as advance:
        if workers <= 1 or len(groups) <= 1:
            for group in groups:
                entries += render_group(group, paginate_now, want_pdf, advance)
            return
        from concurrent.futures import ProcessPoolExecutor

        from ..printing.processes import stop_pool, worker_started

        # the workers' temporary files go in a folder of the batch, removed however the batch ends
        folder = tempfile.mkdtemp(prefix="gongwen-batch-")
        pool = ProcessPoolExecutor(max_workers=workers, initializer=worker_started, initargs=(folder,))
        try:
            for group, done in zip(groups, pool.map(render_group, groups, [paginate_now] * len(groups),
                                                    [want_pdf] * len(groups))):
                entries += done
                if advance:
                    advance(len(group))
        except BaseException:
            # SIGTERM (SystemExit) or Ctrl-C: the groups written stay, the others are dropped
            stop_pool(pool)
            from ..printing.office_profile import stop_recorded

            stop_recorded(Path(folder))     # an office whose worker was killed before it stopped it
            raise
        else:
            pool.shutdown()
        finally:
            shutil.rmtree(folder, ignore_errors=True)


def render_and_exit(jobs: list[Job], targets: dict[int, Path], paginate_now: bool, want_pdf: bool,
                    entries: list[Entry], workers: int, report_path: Path | None, timings: bool, strict: bool) -> None:
    """:func:`render_jobs`, the report written however it ends, and the exit status: 1 when a
    document failed, 3 with ``strict`` when one has a warning or a finding."""
    from .report import write_report

    try:
        render_jobs(jobs, targets, paginate_now, want_pdf, entries, workers)
    except GongwenError as exc:
        error(exc)
        raise SystemExit(1) from None
    finally:
        if report_path:
            write_report(report_path, entries, timings)
    if any(entry.status == "failed" for entry in entries):
        raise SystemExit(1)
    if strict and any(entry.findings for entry in entries):
        raise SystemExit(3)


def render_group(pairs: list[tuple[Job, Path]], paginate_now: bool, want_pdf: bool,
                 advance: Callable[[int], None] | None = None) -> list[Entry]:
    """Render (and paginate in one LibreOffice batch) a group of jobs; write each job's outputs
    together, and only for jobs that succeeded; an entry for each job."""
    from ..atomic import synced_once
    from ..compose.render import render

    entries: list[Entry] = []

    def failed(job: Job, exc: GongwenError | str) -> None:
        warned = [warning_finding(m) for m in dict.fromkeys(job.said + said.get(id(job), []))]
        entries.append(Entry(job.name, str(job.path), "failed", findings=warned, error=str(exc)))

    jobs = [job for job, _target in pairs]
    said: dict[int, list[str]] = {}         # what laying each job out warned of
    with tempfile.TemporaryDirectory(prefix="gongwen-") as work:
        made: list[tuple[Job, Document, Path | None, list, int | None]] = []
        if paginate_now or want_pdf:
            from ..printing.paginate import paginate

            # --no-paginate --pdf: one conversion, measured and checked, nothing moved.
            results = paginate(jobs, work, adjust=paginate_now, raise_errors=False, progress=advance)
            for result in results:
                for message in result.warnings:
                    show_warning(message, result.job.name)
                said[id(result.job)] = result.warnings
                if result.error is not None:
                    failed(result.job, result.error)
                    error(result.error, result.job.name)
                elif result.fatal:
                    failed(result.job, "; ".join(str(f) for f in result.fatal))
                    for finding in result.fatal:
                        click.echo(_("{name}: {finding}").format(name=result.job.name, finding=finding), err=True)
                else:
                    if paginate_now and not result.settled:
                        click.echo(_("warning: {name}: pagination did not settle").format(name=result.job.name),
                                   err=True)
                    made.append((result.job, result.document, result.pdf, result.findings, result.passes))
        else:
            for job in jobs:
                try:
                    with warnings_shown(job.name) as said[id(job)]:
                        made.append((job, render(job.plan, profile=job.profile, template=job.template,
                                                 base_dir=job.base_dir), None, [], None))
                except GongwenError as exc:
                    failed(job, exc)
                    error(exc, job.name)
                if advance:
                    advance(1)
        targets = {id(job): target for job, target in pairs}
        start = len(entries)
        try:
            with synced_once():     # the group's files synced to disk together, then renamed into place
                _write(made, targets, want_pdf, said, failed, entries)
        except GongwenError as exc:     # not on disk: none of the group's files was put in place
            error(exc)
            for entry in entries[start:]:
                if entry.status == "written":
                    entry.status, entry.outputs, entry.error = "failed", [], str(exc)
    return entries


def _write(made: list, targets: dict[int, Path], want_pdf: bool, said: dict[int, list[str]],
           failed: Callable[[Job, GongwenError | str], None], entries: list[Entry]) -> None:
    """Each rendered job's outputs written together and its entry added, or ``failed`` told why not."""
    from ..atomic import write_together
    from ..compose.render import document_bytes

    for job, document, pdf, findings, passes in made:
        target = targets[id(job)]
        outputs = {target: document_bytes(document)}
        if want_pdf:
            outputs[target.with_suffix(".pdf")] = Path(pdf).read_bytes()
        try:
            write_together(outputs)
        except GongwenError as exc:
            failed(job, exc)
            error(exc, job.name)
            continue
        for finding in findings:
            # the finding says its severity itself (第 1 页：警告 …)
            click.echo(_("{name}: {finding}").format(name=job.name, finding=finding), err=True)
        for path in outputs:
            click.echo(str(path))
        warned = [warning_finding(m) for m in dict.fromkeys(job.said + said.get(id(job), []))]
        entries.append(Entry(job.name, str(job.path), outputs=[str(p) for p in outputs],
                             findings=warned + [f.as_dict() for f in findings], passes=passes,
                             done_after_s=round(time.monotonic() - STARTED, 2)))


@contextmanager
def progress(total: int, mode: str) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on a terminal for a batch (documents done so far); in CI one line saying
    what LibreOffice is doing, or nothing."""
    if total < 2 or not sys.stderr.isatty():
        if total > 1 and mode != "render":
            click.echo((_("paginating {n} documents with LibreOffice…") if mode == "paginate" else
                        _("converting {n} documents with LibreOffice…")).format(n=total), err=True)
        yield None
        return
    labels = {"paginate": _("paginating"), "convert": _("converting"), "render": _("rendering")}
    with click.progressbar(length=total, label=labels[mode], file=sys.stderr) as bar:
        yield bar.update
