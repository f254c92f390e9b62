"""``gongwen check``: any .docx reviewed against GB/T 9704 — its text, and with ``--pdf`` the
pages LibreOffice prints — with ``--fix`` for the fixes that cannot change its meaning."""
from __future__ import annotations

import functools
import json
import tempfile
from collections.abc import Sequence
from pathlib import Path

import click

from ..errors import GongwenError, Location
from ..i18n import _
from .output import error, warnings_shown
from .profile import given as given_profile
from .profile import option as profile_option


def command() -> click.Command:
    """The command, built with the group (its help in the locale in force then)."""
    @click.command("check", help=_("Review .docx files against GB/T 9704-2012 (any document, ours or typed by "
                                   "hand): exit 0 when clean, 3 with findings, 1 on errors."))
    @click.argument("documents", nargs=-1, type=click.Path(path_type=Path), metavar=_("DOCUMENTS..."))
    @profile_option(_("Layout profile: a bundled name ({names}) or a .yaml file, found from the current folder "
                      "(default: the profile the document records, else the pre-2012 Party format for a document "
                      "with 主题词, else gb9704-2012)."))
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

        loaded = given_profile(profile) or load_profile()
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
                error(exc)
                raise SystemExit(1) from None
            documents = (fixed,)
        report = check_documents(documents, loaded if profile else None, want_pdf, as_json)
        findings = sum(len(entry["findings"]) for entry in report)
        errors = sum("error" in entry for entry in report)
        if as_json:
            click.echo(json.dumps({"documents": report, "findings": findings, "errors": errors},
                                  ensure_ascii=False, indent=2))
        raise SystemExit(1 if errors else 3 if findings else 0)

    return check_command


def check_documents(documents: Sequence[Path], profile, want_pdf: bool, as_json: bool) -> list[dict]:
    """Review each document, printing its findings as they come (unless ``as_json``); with
    ``want_pdf`` each is printed through LibreOffice and its pages measured.  One report entry
    per document."""
    from ..review.document import printed_pages, review
    from ..review.reading import ReviewError

    report: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="gongwen-check-") as work:
        printed = None
        if want_pdf:
            from ..printing.converter import start_converter
            from ..profile import load_profile

            printing = profile or load_profile()
            start_converter([printing])
            printed = functools.partial(printed_pages, folder=Path(work), profile=printing)
        for path in documents:
            try:
                if path.is_dir():
                    raise ReviewError(_("this is a folder: name the .docx files in it"), Location(path))
                with warnings_shown(str(path)) as said:
                    found = review(path, profile, printed)
            except GongwenError as exc:
                error(exc)           # one bad entry: its error line, and the others are reviewed
                report.append({"document": str(path), "error": str(exc), "findings": []})
                continue
            report.append({"document": str(path), "findings": [f.as_dict() for f in found]}
                          | ({"warnings": said} if said else {}))
            if not as_json:
                for finding in found:
                    click.echo(_("{name}: {finding}").format(name=path, finding=finding))
                if not found:
                    click.echo(_("{path}: no findings").format(path=path))
    return report
