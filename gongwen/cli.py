"""The ``gongwen`` command.  Errors become messages and exit codes here and nowhere else:
0 done, 1 an input or render error, 2 usage."""
from __future__ import annotations

import json
import sys
import warnings
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

import click

from . import kinds
from .errors import GongwenError
from .i18n import _
from .load import load_plan
from .profile import profile_names
from .render import render, save
from .schema import plan_schema


def make_cli() -> click.Group:
    """Build the command group; help texts are translated for the locale in force now."""

    @click.group(help=_("Chinese official documents (党政机关公文) laid out to GB/T 9704-2012."))
    @click.version_option(version("gongwen"), prog_name="gongwen", message="%(prog)s %(version)s")
    def cli() -> None:
        pass

    @cli.command("render", help=_("Render plan files to .docx (OUTDIR/<plan stem>.docx)."))
    @click.argument("plans", nargs=-1, required=True, type=click.Path(path_type=Path))
    @click.option("-o", "--output-dir", "output_dir", type=click.Path(file_okay=False, path_type=Path),
                  help=_("Folder for the documents (default: next to each plan)."))
    @click.option("--profile", help=_("Layout profile: a bundled name ({names}) or a .yaml file.").format(
        names=", ".join(profile_names())))
    @click.option("--template", type=click.Path(dir_okay=False, path_type=Path),
                  help=_("A .docx template of your own (named styles, page setup, footers)."))
    def render_command(plans: tuple[Path, ...], output_dir: Path | None, profile: str | None,
                       template: Path | None) -> None:
        failed = 0
        for plan_path in plans:
            target = (output_dir or plan_path.parent) / f"{plan_path.stem}.docx"
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                try:
                    plan = load_plan(plan_path)
                    document = render(plan, profile=profile, template=template, base_dir=plan_path.parent)
                    save(document, target)
                except GongwenError as exc:
                    failed += 1
                    click.echo(_("error: {message}").format(message=exc), err=True)
                    continue
                finally:
                    for warning in caught:
                        click.echo(_("warning: {message}").format(message=warning.message), err=True)
            click.echo(str(target))
        if failed:
            raise SystemExit(1)

    @cli.command("new", help=_("Print a commented starter plan for a document kind."))
    @click.argument("kind", type=click.Choice(sorted(kinds.KINDS)), default="notice")
    def new_command(kind: str) -> None:
        starter = files("gongwen") / "starters" / f"{kind}.yaml"
        if not starter.is_file():
            starter = files("gongwen") / "starters" / ("request.yaml" if kinds.get(kind).upward else "notice.yaml")
        click.echo(starter.read_text(encoding="utf-8"), nl=False)

    @cli.command("schema", help=_("Print the JSON Schema of plan files (for editor completion)."))
    def schema_command() -> None:
        click.echo(json.dumps(plan_schema(), ensure_ascii=False, indent=2))

    return cli


def main() -> None:
    make_cli()(prog_name="gongwen")


if __name__ == "__main__":
    sys.exit(main())
