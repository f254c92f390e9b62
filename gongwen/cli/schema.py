"""``gongwen schema``: the JSON Schema of plan files or campaign files, for editors."""
from __future__ import annotations

import json

import click

from ..i18n import _


def command() -> click.Command:
    """The command, built with the group (its help in the locale in force then)."""
    @click.command("schema", help=_("Print the JSON Schema of plan files, or of campaign files (for editor "
                                    "completion)."))
    @click.argument("what", type=click.Choice(["plan", "campaign"]), default="plan")
    def schema_command(what: str) -> None:
        from ..plan.schema import campaign_schema, plan_schema

        click.echo(json.dumps(plan_schema() if what == "plan" else campaign_schema(), ensure_ascii=False, indent=2))

    return schema_command
