"""``gongwen format``: a draft (or a gongwen .docx edited since) laid out anew — imported,
rendered and paginated — as a standard document; the original is never touched."""
from __future__ import annotations

import tempfile
from pathlib import Path

import click

from ..errors import GongwenError
from ..i18n import _
from ..plan import kinds
from .import_ import FORM, write_plan
from .output import error, warnings_shown
from .profile import given as given_profile
from .profile import option as profile_option
from .report import Entry


def command() -> click.Command:
    """The command, built with the group (its help in the locale in force then)."""
    @click.command("format", help=_("Lay a draft (.docx, .txt, .md) out as a standard document: import, render and "
                                    "paginate it, with the plan's warnings and the check's findings."))
    @click.argument("draft", type=click.Path(dir_okay=False, path_type=Path), metavar=_("DRAFT"))
    @click.option("-o", "--output", "target", required=True, type=click.Path(dir_okay=False, path_type=Path),
                  help=_("The document to write (.docx; with --pdf the .pdf beside it)."))
    @click.option("--kind", type=click.Choice(kinds.names()), help=_("The document kind, when the draft does not "
                                                                     "show it."))
    @click.option("--form", type=FORM, help=_("Read the draft as this form, whatever its suffix."))
    @profile_option(_("Layout profile: a bundled name ({names}) or a .yaml file (found from the current folder; "
                      "a plan's 版式: is found from the plan's folder)."))
    @click.option("--plan", "plan_path", type=click.Path(dir_okay=False, path_type=Path),
                  help=_("Keep the plan file the draft made here (to edit and render again)."))
    @click.option("--pdf", "want_pdf", is_flag=True, help=_("Also write the PDF beside the .docx."))
    @click.option("--no-paginate", "no_paginate", is_flag=True,
                  help=_("Skip the LibreOffice pagination pass (faster; 版记 parity and the signature page "
                         "are not checked)."))
    @click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
                  help=_("Write a JSON report: one entry per document (status, outputs, findings)."))
    @click.option("--strict", is_flag=True, help=_("Exit 3 when the document has a warning or a finding."))
    def format_command(draft: Path, target: Path, kind: str | None, form: str | None, profile: str | None,
                       plan_path: Path | None, want_pdf: bool, no_paginate: bool, report_path: Path | None,
                       strict: bool) -> None:
        from ..compose.jobs import Job
        from ..plan.load import load_plan
        from ..printing.converter import soffice
        from .batch import render_and_exit

        if target.suffix.lower() != ".docx":
            raise click.UsageError(_("the output is a .docx: {path}").format(path=target))
        if draft.exists() and target.resolve() in (draft.resolve(), draft.resolve().with_suffix(".docx")) or (
                plan_path is not None and plan_path.resolve() == draft.resolve()):
            raise click.UsageError(_("the draft is never overwritten: write the document to another file"))
        if want_pdf and soffice() is None:
            raise click.ClickException(_("--pdf needs LibreOffice; run scripts/setup.sh"))
        chosen = given_profile(profile)
        if (want_pdf or not no_paginate) and soffice() is not None:
            from ..printing.converter import start_converter

            start_converter([chosen] if chosen else [])    # LibreOffice loads while the draft is read
        entries: list[Entry] = []
        with tempfile.TemporaryDirectory(prefix="gongwen-format-") as work:
            plan_file = plan_path or Path(work) / f"{target.stem}.yaml"
            try:
                write_plan(draft, plan_file, kind, form, english=False)
                with warnings_shown() as said:
                    plan = load_plan(plan_file)
            except GongwenError as exc:
                error(exc)
                raise SystemExit(1) from None
            job = Job(plan, target.stem, chosen, None, plan_file.parent, plan_file, said)
            render_and_exit([job], {id(job): target}, not no_paginate and soffice() is not None, want_pdf, entries,
                            1, report_path, False, strict)

    return format_command
