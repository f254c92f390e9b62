"""The ``gongwen`` command.  Errors become messages and exit codes here and nowhere else:
0 done, 1 an input or render error, 2 usage."""
from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import click_i18n, kinds, styles
from .errors import GongwenError
from .i18n import _

if TYPE_CHECKING:
    from docx.document import Document

    from .jobs import Job

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
    def render_command(plans: tuple[Path, ...], output_dir: Path | None, profile: str | None,
                       template: Path | None, want_pdf: bool, no_paginate: bool, allow_outside: bool) -> None:
        from .jobs import Job
        from .load import load_plan
        from .pdf import soffice

        jobs, failed = [], 0
        for plan_path in plans:
            try:
                with _warnings_shown():
                    plan = load_plan(plan_path, allow_outside=allow_outside)
                    jobs.append(Job(plan, plan_path.stem, profile, template, plan_path.parent))
            except GongwenError as exc:
                failed += 1
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
        if jobs and (paginate_now or want_pdf):
            from .pdf import start_converter

            # LibreOffice loads while the documents are rendered.
            start_converter(list({job.resolved_profile() for job in jobs}))
        try:
            failed += _render_jobs(jobs, targets, paginate_now, want_pdf)
        except GongwenError as exc:
            _error(exc)
            raise SystemExit(1) from None
        if failed:
            raise SystemExit(1)

    @cli.command("doctor", help=_("Show what LibreOffice and the fonts resolve to, and what is missing."))
    def doctor_command() -> None:
        from .fonts import fontconfig_file
        from .pdf import converter_mode, libreoffice_version, resolve_faces, soffice
        from .profile import load_profile

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

    @cli.command("schema", help=_("Print the JSON Schema of plan files (for editor completion)."))
    def schema_command() -> None:
        from .schema import plan_schema

        click.echo(json.dumps(plan_schema(), ensure_ascii=False, indent=2))

    return cli


def starter_path(kind: str) -> Path:
    """The commented starter plan of a kind (every registered kind has one; a test checks)."""
    return Path(str(files("gongwen") / "starters" / f"{kind}.yaml"))


def _render_jobs(jobs: list[Job], targets: dict[int, Path], paginate_now: bool, want_pdf: bool) -> int:
    """Render (and paginate in one batch) every job; write each job's outputs together, and only
    for jobs that succeeded.  Returns how many failed."""
    from .atomic import write_together
    from .render import document_bytes, render

    failed = 0
    with tempfile.TemporaryDirectory(prefix="gongwen-") as work:
        made: list[tuple[Job, Document, Path | None, list]] = []
        if paginate_now or want_pdf:
            from .paginate import paginate

            if len(jobs) > 1:
                click.echo((_("paginating {n} documents with LibreOffice…") if paginate_now else
                            _("converting {n} documents with LibreOffice…")).format(n=len(jobs)), err=True)
            with _warnings_shown():
                # --no-paginate --pdf: one conversion, measured and checked, nothing moved.
                results = paginate(jobs, work, adjust=paginate_now, raise_errors=False)
            for result in results:
                if result.error is not None:
                    failed += 1
                    _error(result.error, result.job.name)
                elif result.fatal:
                    failed += 1
                    for finding in result.fatal:
                        click.echo(_("error: {name}: {finding}").format(name=result.job.name, finding=finding),
                                   err=True)
                else:
                    if paginate_now and not result.settled:
                        click.echo(_("warning: {name}: pagination did not settle").format(name=result.job.name),
                                   err=True)
                    made.append((result.job, result.document, result.pdf, result.findings))
        else:
            for job in jobs:
                try:
                    with _warnings_shown():
                        made.append((job, render(job.plan, profile=job.profile, template=job.template,
                                                 base_dir=job.base_dir), None, []))
                except GongwenError as exc:
                    failed += 1
                    _error(exc, job.name)
        for job, document, pdf, findings in made:
            target = targets[id(job)]
            outputs = {target: document_bytes(document)}
            if want_pdf:
                outputs[target.with_suffix(".pdf")] = Path(pdf).read_bytes()
            try:
                write_together(outputs)
            except GongwenError as exc:
                failed += 1
                _error(exc, job.name)
                continue
            for finding in findings:
                click.echo(_("warning: {name}: {finding}").format(name=job.name, finding=finding), err=True)
            for path in outputs:
                click.echo(str(path))
    return failed


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
