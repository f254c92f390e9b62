"""``gongwen schema``: the JSON Schema of plan, campaign and profile files, for editors, and of
the report pipelines read."""
from __future__ import annotations

import json

import click

from ..i18n import _


def command() -> click.Command:
    """The command, built with the group (its help in the locale in force then)."""
    @click.command("schema", help=_("Print the JSON Schema of plan, campaign or profile files (for editor "
                                    "completion), or of the report of gongwen render --report."))
    @click.argument("what", type=click.Choice(["plan", "campaign", "profile", "report"]), default="plan", metavar=_("WHAT"))
    def schema_command(what: str) -> None:
        from ..plan.schema import campaign_schema, plan_schema
        from ..profile import profile_schema
        from .report_schema import report_schema

        schemas = {"plan": plan_schema, "campaign": campaign_schema, "profile": profile_schema,
                   "report": report_schema}
        click.echo(json.dumps(schemas[what](), ensure_ascii=False, indent=2))

    return schema_command
