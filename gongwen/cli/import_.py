"""``gongwen import``: a draft (.docx, .txt, .md) → a commented plan file the drafter keeps
editing; what could not be placed is listed here and left as comments in the plan."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import GongwenError
from ..i18n import _
from ..plan import kinds
from .output import error, show_warning, warnings_shown

FORM = click.Choice(["docx", "txt", "md"])


def command() -> click.Command:
    """The command, built with the group (its help in the locale in force then)."""
    @click.command("import", help=_("Read a draft (.docx from Word or WPS, .txt, .md) into a commented plan file "
                                    "(to standard output without -o)."))
    @click.argument("draft", type=click.Path(dir_okay=False, path_type=Path), metavar=_("DRAFT"))
    @click.option("-o", "--output", "plan_path", type=click.Path(dir_okay=False, path_type=Path),
                  help=_("The plan file to write (the seal image goes beside it)."))
    @click.option("--kind", type=click.Choice(kinds.names()), help=_("The document kind, when the draft does not "
                                                                     "show it."))
    @click.option("--form", type=FORM, help=_("Read the draft as this form, whatever its suffix."))
    @click.option("--english-keys", "english", is_flag=True, help=_("Write the plan with English keys."))
    @click.option("--force", is_flag=True, help=_("Overwrite an existing plan file."))
    def import_command(draft: Path, plan_path: Path | None, kind: str | None, form: str | None, english: bool,
                       force: bool) -> None:
        from ..plan.load import load_plan, plan_from_data
        from ..plan.source import parse_yaml

        if plan_path is not None and plan_path.exists() and not force:
            raise click.UsageError(_("{path} exists: choose another name or pass --force").format(path=plan_path))
        try:
            text = write_plan(draft, plan_path, kind, form, english)
            with warnings_shown():      # the plan is checked as render would check it
                if plan_path is None:
                    click.echo(text, nl=False)
                    plan_from_data(*parse_yaml(text))
                else:
                    load_plan(plan_path)
                    click.echo(str(plan_path))
        except GongwenError as exc:
            error(exc)
            raise SystemExit(1) from None

    return import_command


def write_plan(draft: Path, plan_path: Path | None, kind: str | None, form: str | None, english: bool) -> str:
    """Import ``draft``; write the plan (and its seal) to ``plan_path`` when given; say what was
    changed and what was left over; the plan's text."""
    from ..atomic import write_together
    from ..drafts import read_draft
    from ..drafts.plan_file import plan_text

    imported = read_draft(draft, kind, form)
    seal = imported.seal_file(plan_path.parent if plan_path else None, f"{plan_path.stem}-印章" if plan_path else "")
    text = plan_text(imported.fields, imported.leftovers, imported.changes, draft.name, english)
    if plan_path is not None:
        write_together({plan_path: text.encode("utf-8"), **seal})
    for change in imported.changes:
        show_warning(str(change))
    for leftover in imported.leftovers:
        show_warning(_("not placed (left as a comment in the plan): {text}").format(
            text=leftover.text.replace("\n", " ")))
    return text
