"""``gongwen render``: plan files, folders of them and campaign files to .docx (and PDF)."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click

from ..errors import GongwenError
from ..i18n import _
from .output import error, warnings_shown
from .profile import given as given_profile
from .profile import option as profile_option
from .report import Entry


def command() -> click.Command:
    """The command, built with the group (its help in the locale in force then)."""
    @click.command("render", help=_("Render plan files to .docx (OUTDIR/<plan stem>.docx), paginated on the "
                                    "page LibreOffice lays out."))
    @click.argument("plans", nargs=-1, required=True, type=click.Path(path_type=Path), metavar=_("PLANS..."))
    @click.option("-o", "--output-dir", "output_dir", type=click.Path(file_okay=False, path_type=Path),
                  help=_("Folder for the documents (default: next to each plan)."))
    @profile_option(_("Layout profile: a bundled name ({names}) or a .yaml file (found from the current folder; "
                      "a plan's 版式: is found from the plan's folder)."))
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
    @click.option("--set", "sets", multiple=True, metavar="KEY=VALUE",
                  help=_("A fact for the plans' templates, over the campaign's (期号=5, 统计.目标=60%); repeatable."))
    @click.option("--only", "only", multiple=True, metavar="NAME",
                  help=_("Render only the document of this name (a plan file's name or stem); repeatable."))
    @click.option("--strict", is_flag=True, help=_("Exit 3 when any document has a warning or a finding."))
    @click.option("--timings", is_flag=True, help=_("Put each document's time into the report (it then differs "
                                                    "from run to run)."))
    def render_command(plans: tuple[Path, ...], output_dir: Path | None, profile: str | None,
                       template: Path | None, want_pdf: bool, no_paginate: bool, allow_outside: bool,
                       report_path: Path | None, workers: int, sets: tuple[str, ...], only: tuple[str, ...],
                       strict: bool, timings: bool) -> None:
        given = facts_given(sets)
        chosen = given_profile(profile)
        printing = want_pdf or not no_paginate       # a .docx alone needs nothing of LibreOffice
        if printing:
            from ..printing.converter import soffice, start_converter
        if workers == 1 and printing and soffice() is not None:
            # LibreOffice loads while the rest is imported, the plans read and the documents
            # rendered (a plan with faces of its own restarts it below)
            start_converter([chosen] if chosen else [])
        from ..compose.jobs import Job
        from ..plan.load import load_plan
        from .batch import render_and_exit

        jobs, entries, matched = [], [], set()
        for plan_path, facts in plan_files(plans, allow_outside, entries):
            if only and not {plan_path.name, plan_path.stem} & set(only):
                continue
            matched |= {plan_path.name, plan_path.stem}
            try:
                with warnings_shown() as said:
                    plan = load_plan(plan_path, allow_outside=allow_outside,
                                     facts=merged(facts, given) if facts is not None or given else None)
                jobs.append(Job(plan, plan_path.stem, chosen, template, plan_path.parent, plan_path, said))
            except GongwenError as exc:
                entries.append(Entry(plan_path.stem, str(plan_path), "failed", error=str(exc)))
                error(exc)
        missing = [name for name in only if name not in matched]
        if missing:
            raise click.UsageError(_("no document named {names}").format(names="、".join(missing)))
        targets = {id(job): (output_dir or job.base_dir) / f"{job.name}.docx" for job in jobs}
        clash = first_clash(list(targets.values()))
        if clash:
            raise click.UsageError(_("two plans would write {path}").format(path=clash))
        office = soffice() if printing else None
        paginate_now = not no_paginate and office is not None
        if not paginate_now and not no_paginate:
            click.echo(_("warning: LibreOffice not found: pagination skipped (版记 page, signature page and "
                         "blank pages are not adjusted); run scripts/setup.sh"), err=True)
        if want_pdf and office is None:
            raise click.ClickException(_("--pdf needs LibreOffice; run scripts/setup.sh"))
        if jobs and (paginate_now or want_pdf) and workers == 1:
            start_converter(list({job.resolved_profile() for job in jobs}))
        render_and_exit(jobs, targets, paginate_now, want_pdf, entries, workers, report_path, timings, strict)

    return render_command


def plan_files(inputs: tuple[Path, ...], allow_outside: bool,
               entries: list[Entry]) -> Iterator[tuple[Path, dict[str, object] | None]]:
    """The plan files to render, with the campaign facts each may use: a folder gives its .yaml
    files in name order, a campaign file the documents it lists."""
    from ..plan.campaign import is_campaign, load_campaign

    for path in inputs:
        if path.is_dir():
            yield from plan_files(tuple(sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml"))),
                                  allow_outside, entries)
        elif path.suffix in (".yaml", ".yml") and path.is_file() and is_campaign(path):
            try:
                campaign = load_campaign(path, allow_outside=allow_outside)
            except GongwenError as exc:
                entries.append(Entry(path.stem, str(path), "failed", error=str(exc)))
                error(exc)
                continue
            for document in campaign.documents:
                yield document.plan, campaign.facts_for(document)
        else:
            yield path, None


def facts_given(sets: tuple[str, ...]) -> dict[str, object]:
    """``--set KEY=VALUE`` as facts: a dotted key goes into a fact's part, a value that reads as
    a whole or decimal number is one."""
    facts: dict[str, object] = {}
    for item in sets:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(_("write KEY=VALUE, not {item!r}").format(item=item), param_hint="--set")
        parts = key.strip().split(".")
        into = facts
        for part in parts[:-1]:
            into = into.setdefault(part, {})
            if not isinstance(into, dict):
                raise click.BadParameter(_("{key} is set twice in different ways").format(key=key), param_hint="--set")
        into[parts[-1]] = _number(value.strip())
    return facts


def _number(text: str) -> object:
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            continue
    return text


def merged(facts: dict[str, object] | None, given: dict[str, object]) -> dict[str, object]:
    """The campaign's facts with those given on the command line over them (part by part)."""
    out = dict(facts or {})
    for key, value in given.items():
        out[key] = merged(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def first_clash(paths: list[Path]) -> Path | None:
    seen: set[Path] = set()
    for path in paths:
        resolved = path.resolve()
        if resolved in seen:
            return path
        seen.add(resolved)
    return None
