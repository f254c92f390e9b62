"""The ``gongwen`` command.  Errors become messages and exit codes here and nowhere else:
0 done, 1 an input or render error, 2 usage."""
from __future__ import annotations

import functools
import json
import os
import shutil
import signal
import sys
import tempfile
import warnings
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import click_i18n
from ..plan import kinds
from .. import styles
from ..errors import GongwenError
from ..i18n import _

if TYPE_CHECKING:
    from docx.document import Document

    from ..compose.jobs import Job

# Each command imports what it uses when it runs: `gongwen new` needs no LibreOffice, a .docx
# needs no PDF measuring.


def make_cli() -> click.Group:
    """Build the command group; help texts (and click's own words) are translated for the locale
    in force now."""
    click_i18n.install()

    @click.group(help=_("Chinese official documents (党政机关公文) laid out to GB/T 9704-2012."))
    @click.version_option(package_name="gongwen", prog_name="gongwen", message="%(prog)s %(version)s")
    def cli() -> None:
        pass

    @cli.command("render", help=_("Render plan files to .docx (OUTDIR/<plan stem>.docx), paginated on the "
                                  "page LibreOffice lays out."))
    @click.argument("plans", nargs=-1, required=True, type=click.Path(path_type=Path))
    @click.option("-o", "--output-dir", "output_dir", type=click.Path(file_okay=False, path_type=Path),
                  help=_("Folder for the documents (default: next to each plan)."))
    @click.option("--profile", help=_("Layout profile: a bundled name ({names}) or a .yaml file.").format(
        names=", ".join(styles.names())))
    @click.option("--template", type=click.Path(dir_okay=False, path_type=Path),
                  help=_("A .docx template of your own (named styles, page setup, footers)."))
    @click.option("--pdf", "want_pdf", is_flag=True, help=_("Also write <plan stem>.pdf beside the .docx."))
    @click.option("--no-paginate", "no_paginate", is_flag=True,
                  help=_("Skip the LibreOffice pagination pass (faster; 版记 parity and the signature page "
                         "are not checked)."))
    @click.option("--allow-outside", "allow_outside", is_flag=True,
                  help=_("Let a plan name files (seal, tables, scans, profile) outside its own folder."))
    @click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
                  help=_("Write a JSON report: one entry per document (status, outputs, findings)."))
    @click.option("-j", "--jobs", "workers", type=click.IntRange(1, 32), default=1, show_default=True,
                  help=_("Render in this many processes (each with its own LibreOffice)."))
    def render_command(plans: tuple[Path, ...], output_dir: Path | None, profile: str | None,
                       template: Path | None, want_pdf: bool, no_paginate: bool, allow_outside: bool,
                       report_path: Path | None, workers: int) -> None:
        from ..compose.jobs import Job
        from ..plan.load import load_plan
        from ..printing.converter import soffice

        jobs, entries = [], []
        for plan_path, facts in _plan_files(plans, allow_outside, entries):
            try:
                with _warnings_shown():
                    plan = load_plan(plan_path, allow_outside=allow_outside, facts=facts)
                    jobs.append(Job(plan, plan_path.stem, profile, template, plan_path.parent, plan_path))
            except GongwenError as exc:
                entries.append(_Entry(plan_path.stem, str(plan_path), "failed", error=str(exc)))
                _error(exc)
        targets = {id(job): (output_dir or job.base_dir) / f"{job.name}.docx" for job in jobs}
        clash = _first_clash(list(targets.values()))
        if clash:
            raise click.UsageError(_("two plans would write {path}").format(path=clash))
        office = soffice()
        paginate_now = not no_paginate and office is not None
        if not paginate_now and not no_paginate:
            click.echo(_("warning: LibreOffice not found: pagination skipped (版记 page, signature page and "
                         "blank pages are not adjusted); run scripts/setup.sh"), err=True)
        if want_pdf and office is None:
            raise click.ClickException(_("--pdf needs LibreOffice; run scripts/setup.sh"))
        if jobs and (paginate_now or want_pdf) and workers == 1:
            from ..printing.converter import start_converter

            # LibreOffice loads while the documents are rendered.
            start_converter(list({job.resolved_profile() for job in jobs}))
        try:
            _render_jobs(jobs, targets, paginate_now, want_pdf, entries, workers)
        except GongwenError as exc:
            _error(exc)
            raise SystemExit(1) from None
        finally:
            if report_path:
                _write_report(report_path, entries)
        if any(entry.status == "failed" for entry in entries):
            raise SystemExit(1)

    @cli.command("doctor", help=_("Show what LibreOffice and the fonts resolve to, and what is missing."))
    def doctor_command() -> None:
        from ..fonts import fontconfig_file, resolve_faces
        from ..printing.converter import converter_mode, libreoffice_version, soffice
        from ..profile import load_profile

        missing = 0
        exe = soffice()
        version_text = libreoffice_version() if exe else None
        click.echo(f"LibreOffice: {exe or _('missing')} {version_text or ''}".rstrip())
        if exe:
            click.echo(_("converter: {mode}").format(mode=converter_mode()))
        missing += exe is None
        default = load_profile()
        faces = [*dict.fromkeys(getattr(default.faces, key) for key in ("xiaobiaosong", "fangsong", "kaiti",
                                                                       "heiti", "song", "latin"))]
        for name, resolved in resolve_faces(faces, default).items():
            family = (resolved or "").split("|")[0]
            expected = name == default.faces.latin or family.startswith(default.checks.cjk_faces)
            click.echo(f"{name} → {resolved.replace('|', ' · ') if resolved else _('missing')}"
                       + ("" if expected else "  " + _("(no Chinese face: install the fonts)")))
            missing += not expected
        chain = default.free_faces.everything
        installed = {name: (found or "").split("|")[0] for name, found in resolve_faces(chain, default).items()}
        absent = [name for name in chain if installed[name] != name]
        click.echo(_("faces for characters the official faces lack: {faces}").format(faces="、".join(
            name + ("" if name not in absent else " (" + _("missing") + ")") for name in chain)))
        missing += bool(absent)
        click.echo(f"fontconfig: {fontconfig_file([default])}")
        for tool in ("pdftoppm", "fc-match"):
            found = shutil.which(tool)
            click.echo(f"{tool}: {found or _('missing')}")
            missing += found is None
        if missing:
            click.echo(_("{n} missing; run scripts/setup.sh").format(n=missing), err=True)
            raise SystemExit(1)

    @cli.command("new", help=_("Print a commented starter plan for a document kind."))
    @click.argument("kind", type=click.Choice(kinds.names()), default="notice")
    def new_command(kind: str) -> None:
        click.echo(starter_path(kinds.get(kind).name).read_text(encoding="utf-8"), nl=False)

    @cli.command("schema", help=_("Print the JSON Schema of plan files, or of campaign files (for editor "
                                  "completion)."))
    @click.argument("what", type=click.Choice(["plan", "campaign"]), default="plan")
    def schema_command(what: str) -> None:
        from ..plan.schema import campaign_schema, plan_schema

        click.echo(json.dumps(plan_schema() if what == "plan" else campaign_schema(), ensure_ascii=False, indent=2))

    @cli.command("check", help=_("Review .docx files against GB/T 9704-2012 (any document, ours or typed by "
                                 "hand): exit 0 when clean, 3 with findings, 1 on errors."))
    @click.argument("documents", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
    @click.option("--profile", help=_("Layout profile: a bundled name ({names}) or a .yaml file.").format(
        names=", ".join(styles.names())))
    @click.option("--json", "as_json", is_flag=True, help=_("Print a machine-readable report."))
    @click.option("--pdf", "want_pdf", is_flag=True,
                  help=_("Also print each document with LibreOffice and measure its pages (margins, mark, rules, "
                         "版记, page numbers); every finding gets its page."))
    @click.option("--fix", "want_fix", is_flag=True,
                  help=_("Write the document with the fixes that cannot change its meaning to -o (a new file), "
                         "list them, then review the fixed file."))
    @click.option("-o", "--output", "fixed", type=click.Path(dir_okay=False, path_type=Path),
                  help=_("The fixed document (with --fix)."))
    @click.option("--rules", "list_rules", is_flag=True, help=_("List the rules: id, where each runs, clause."))
    def check_command(documents: tuple[Path, ...], profile: str | None, as_json: bool, want_pdf: bool,
                      want_fix: bool, fixed: Path | None, list_rules: bool) -> None:
        from ..findings import clause_ids
        from ..profile import load_profile
        from ..rules import RULES

        try:
            loaded = load_profile(profile)
        except GongwenError as exc:
            _error(exc)
            raise SystemExit(1) from None
        if list_rules:
            for rule in RULES.values():
                click.echo(f"{rule.id:24} {'/'.join(rule.scopes):15} {clause_ids(rule.clause(loaded))}  {_(rule.summary)}")
            return
        if not documents:
            raise click.UsageError(_("name the .docx files to check (or --rules)"))
        if want_fix:
            from ..review.fixes import fix

            if len(documents) != 1 or fixed is None:
                raise click.UsageError(_("--fix takes one document and -o FIXED.docx"))
            try:
                for change in fix(documents[0], fixed):
                    click.echo(change)
            except GongwenError as exc:
                _error(exc)
                raise SystemExit(1) from None
            documents = (fixed,)
        report = _check_documents(documents, loaded, want_pdf, as_json)
        findings = sum(len(entry["findings"]) for entry in report)
        errors = sum("error" in entry for entry in report)
        if as_json:
            click.echo(json.dumps({"documents": report, "findings": findings, "errors": errors},
                                  ensure_ascii=False, indent=2))
        raise SystemExit(1 if errors else 3 if findings else 0)

    @cli.command("facts", help=_("Print the facts a campaign's plans may use (its statistics by name)."))
    @click.argument("campaign", type=click.Path(dir_okay=False, path_type=Path))
    def facts_command(campaign: Path) -> None:
        from ..plan.campaign import load_campaign

        try:
            loaded = load_campaign(campaign)
        except GongwenError as exc:
            _error(exc)
            raise SystemExit(1) from None
        click.echo(json.dumps(_chinese_names(loaded.facts_for()), ensure_ascii=False, indent=2, default=str))

    return cli


def starter_path(kind: str) -> Path:
    """The commented starter plan of a kind (every registered kind has one; a test checks)."""
    return Path(str(files("gongwen") / "starters" / f"{kind}.yaml"))


@dataclass
class _Entry:
    """One document in the --report file."""

    name: str
    plan: str
    status: str = "written"                  # written / failed
    outputs: list[str] = field(default_factory=list)
    findings: list[dict[str, object]] = field(default_factory=list)
    error: str | None = None
    passes: int | None = None
    done_after_s: float | None = None        # seconds from the start of the run


_STARTED = time.monotonic()


def _plan_files(inputs: tuple[Path, ...], allow_outside: bool,
                entries: list[_Entry]) -> Iterator[tuple[Path, dict[str, object] | None]]:
    """The plan files to render, with the campaign facts each may use: a folder gives its .yaml
    files in name order, a campaign file the documents it lists."""
    from ..plan.campaign import is_campaign, load_campaign

    for path in inputs:
        if path.is_dir():
            yield from _plan_files(tuple(sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml"))),
                                   allow_outside, entries)
        elif path.suffix in (".yaml", ".yml") and path.is_file() and is_campaign(path):
            try:
                campaign = load_campaign(path, allow_outside=allow_outside)
            except GongwenError as exc:
                entries.append(_Entry(path.stem, str(path), "failed", error=str(exc)))
                _error(exc)
                continue
            for document in campaign.documents:
                yield document.plan, campaign.facts_for(document)
        else:
            yield path, None


GROUP = 20     # documents paginated together: one group's documents are in memory at a time


def _render_jobs(jobs: list[Job], targets: dict[int, Path], paginate_now: bool, want_pdf: bool,
                 entries: list[_Entry], workers: int = 1) -> None:
    """Render (and paginate) every job in groups, writing each group's outputs before the next
    is made, so a batch of a thousand plans holds twenty documents at a time; with ``workers``
    the groups run in that many processes (each with its own LibreOffice)."""
    pairs = [(job, targets[id(job)]) for job in jobs]
    size = min(GROUP, max(1, -(-len(pairs) // workers)))
    groups = [pairs[i:i + size] for i in range(0, len(pairs), size)]
    mode = "paginate" if paginate_now else "convert" if want_pdf else "render"
    with _progress(len(jobs), mode) as advance:
        if workers <= 1 or len(groups) <= 1:
            for group in groups:
                entries += _render_group(group, paginate_now, want_pdf, advance)
            return
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers) as pool:
            for group, done in zip(groups, pool.map(_render_group, groups, [paginate_now] * len(groups),
                                                  [want_pdf] * len(groups))):
                entries += done
                if advance:
                    advance(len(group))


def _check_documents(documents: Sequence[Path], profile, want_pdf: bool, as_json: bool) -> list[dict]:
    """Review each document, printing its findings as they come (unless ``as_json``); with
    ``want_pdf`` each is printed through LibreOffice and its pages measured.  One report entry
    per document."""
    from ..review.document import review

    report: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="gongwen-check-") as work:
        printed = None
        if want_pdf:
            from ..printing.converter import start_converter

            start_converter([profile])
            printed = functools.partial(_printed_pages, folder=Path(work), profile=profile)
        for path in documents:
            try:
                found = review(path, profile, printed)
            except GongwenError as exc:
                _error(exc)
                report.append({"document": str(path), "error": str(exc), "findings": []})
                continue
            report.append({"document": str(path), "findings": [f.as_dict() for f in found]})
            if not as_json:
                for finding in found:
                    click.echo(f"{path}: {finding}")
    return report


def _printed_pages(path: Path, folder: Path, profile) -> list:
    """The pages of ``path`` as LibreOffice prints them (converted under a name of its own:
    two documents of one name in one call do not meet).  A document gongwen made is printed as
    gongwen prints it: through the styles that make LibreOffice hang punctuation where Word does."""
    from ..compose.frame import for_libreoffice
    from ..printing.measure import measure
    from ..printing.converter import convert
    from ..review.reading import open_package

    copy = folder / f"{len(list(folder.iterdir())):05d}.docx"
    document = open_package(path)
    if any(style.style_id.startswith("Gw") for style in document.styles):
        with for_libreoffice(document, profile):
            document.save(str(copy))
    else:
        shutil.copyfile(path, copy)
    return measure(convert([copy], folder, profiles=[profile])[0])


def _render_group(pairs: list[tuple[Job, Path]], paginate_now: bool, want_pdf: bool,
                  advance: Callable[[int], None] | None = None) -> list[_Entry]:
    """Render (and paginate in one LibreOffice batch) a group of jobs; write each job's outputs
    together, and only for jobs that succeeded; an entry for each job."""
    from ..atomic import write_together
    from ..compose.render import document_bytes, render

    entries: list[_Entry] = []

    def failed(job: Job, exc: GongwenError | str) -> None:
        entries.append(_Entry(job.name, str(job.path), "failed", error=str(exc)))

    jobs = [job for job, _target in pairs]
    with tempfile.TemporaryDirectory(prefix="gongwen-") as work:
        made: list[tuple[Job, Document, Path | None, list, int | None]] = []
        if paginate_now or want_pdf:
            from ..printing.paginate import paginate

            with _warnings_shown():
                # --no-paginate --pdf: one conversion, measured and checked, nothing moved.
                results = paginate(jobs, work, adjust=paginate_now, raise_errors=False, progress=advance)
            for result in results:
                if result.error is not None:
                    failed(result.job, result.error)
                    _error(result.error, result.job.name)
                elif result.fatal:
                    failed(result.job, "; ".join(str(f) for f in result.fatal))
                    for finding in result.fatal:
                        click.echo(_("error: {name}: {finding}").format(name=result.job.name, finding=finding),
                                   err=True)
                else:
                    if paginate_now and not result.settled:
                        click.echo(_("warning: {name}: pagination did not settle").format(name=result.job.name),
                                   err=True)
                    made.append((result.job, result.document, result.pdf, result.findings, result.passes))
        else:
            for job in jobs:
                try:
                    with _warnings_shown():
                        made.append((job, render(job.plan, profile=job.profile, template=job.template,
                                                 base_dir=job.base_dir), None, [], None))
                except GongwenError as exc:
                    failed(job, exc)
                    _error(exc, job.name)
                if advance:
                    advance(1)
        targets = {id(job): target for job, target in pairs}
        for job, document, pdf, findings, passes in made:
            target = targets[id(job)]
            outputs = {target: document_bytes(document)}
            if want_pdf:
                outputs[target.with_suffix(".pdf")] = Path(pdf).read_bytes()
            try:
                write_together(outputs)
            except GongwenError as exc:
                failed(job, exc)
                _error(exc, job.name)
                continue
            for finding in findings:
                click.echo(_("warning: {name}: {finding}").format(name=job.name, finding=finding), err=True)
            for path in outputs:
                click.echo(str(path))
            entries.append(_Entry(job.name, str(job.path), outputs=[str(p) for p in outputs],
                                  findings=[f.as_dict() for f in findings], passes=passes,
                                  done_after_s=round(time.monotonic() - _STARTED, 2)))
    return entries


@contextmanager
def _progress(total: int, mode: str) -> Iterator[Callable[[int], None] | None]:
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


def _chinese_names(value: object) -> object:
    """Facts under their Chinese names only (each has an English twin)."""
    if isinstance(value, dict):
        chinese = {k: v for k, v in value.items() if not k.isascii()} or value
        return {k: _chinese_names(v) for k, v in chinese.items()}
    if isinstance(value, list):
        return [_chinese_names(v) for v in value]
    return value


def _write_report(path: Path, entries: list[_Entry]) -> None:
    from ..atomic import write_atomic

    report = {"documents": [asdict(entry) for entry in entries],
              "written": sum(entry.status == "written" for entry in entries),
              "failed": sum(entry.status == "failed" for entry in entries)}
    try:
        write_atomic(path, (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    except GongwenError as exc:
        _error(exc)


@contextmanager
def _warnings_shown() -> Iterator[None]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield
        finally:
            # A plan rendered in several pagination passes warns once.
            for message in dict.fromkeys(str(w.message) for w in caught):
                click.echo(_("warning: {message}").format(message=message), err=True)


def _error(exc: GongwenError, name: str | None = None) -> None:
    """An error as the user reads it; a batch names the document when the message does not."""
    message = str(exc)
    if name and exc.location is None:
        message = f"{name}: {message}"
    click.echo(_("error: {message}").format(message=message), err=True)


def _first_clash(paths: list[Path]) -> Path | None:
    seen: set[Path] = set()
    for path in paths:
        resolved = path.resolve()
        if resolved in seen:
            return path
        seen.add(resolved)
    return None


def main() -> None:
    """The console entry: SIGTERM unwinds like Ctrl-C (temporary folders and LibreOffice go with
    it), and a bug in gongwen is one line naming it, never a traceback (GONGWEN_DEBUG=1 shows it)."""
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    try:
        make_cli()(prog_name="gongwen", standalone_mode=True)
    except Exception as exc:   # anything not already a GongwenError turned into a message
        if os.environ.get("GONGWEN_DEBUG"):
            raise
        click.echo(_("error: internal error ({kind}: {reason}); please report it with the plan file, "
                     "or run with GONGWEN_DEBUG=1 to see where").format(kind=type(exc).__name__, reason=exc),
                   err=True)
        sys.exit(1)


if __name__ == "__main__":
    sys.exit(main())
