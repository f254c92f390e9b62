"""``gongwen facts``: the facts a campaign's plans may use, by their Chinese names."""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import GongwenError
from ..i18n import _
from .output import error


def command() -> click.Command:
    """The command, built with the group (its help in the locale in force then)."""
    @click.command("facts", help=_("Print the facts a campaign's plans may use (its statistics by name)."))
    @click.argument("campaign", type=click.Path(dir_okay=False, path_type=Path), metavar=_("CAMPAIGN"))
    def facts_command(campaign: Path) -> None:
        from ..plan.campaign import load_campaign

        try:
            loaded = load_campaign(campaign)
        except GongwenError as exc:
            error(exc)
            raise SystemExit(1) from None
        click.echo(json.dumps(chinese_names(loaded.facts_for()), ensure_ascii=False, indent=2, default=str))

    return facts_command


def chinese_names(value: object) -> object:
    """Facts under their Chinese names only (each has an English twin)."""
    if isinstance(value, dict):
        chinese = {k: v for k, v in value.items() if not k.isascii()} or value
        return {k: chinese_names(v) for k, v in chinese.items()}
    if isinstance(value, list):
        return [chinese_names(v) for v in value]
    return value
