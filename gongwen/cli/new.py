"""``gongwen new``: a kind's commented starter plan."""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import click

from ..i18n import _
from ..plan import kinds


def command() -> click.Command:
    """The command, built with the group (its help in the locale in force then)."""
    @click.command("new", help=_("Print a commented starter plan for a document kind."))
    @click.argument("kind", type=click.Choice(kinds.names()), default="notice", metavar=_("KIND"))
    def new_command(kind: str) -> None:
        click.echo(starter_path(kinds.get(kind).name).read_text(encoding="utf-8"), nl=False)

    return new_command


def starter_path(kind: str) -> Path:
    """The commented starter plan of a kind (every registered kind has one; a test checks)."""
    return Path(str(files("gongwen") / "starters" / f"{kind}.yaml"))
