"""``gongwen profile``: the layout profiles — which are bundled, and one profile merged with
what it extends, as gongwen reads it.  Also the ``--profile`` option every command that lays out
or judges a document shares: a file named there is found from the current folder."""
from __future__ import annotations

import io
from collections.abc import Callable
from typing import TYPE_CHECKING

import click

from .. import styles
from ..errors import GongwenError
from ..i18n import _
from .output import error

if TYPE_CHECKING:
    from ..profile import Profile


def option(help_text: str) -> Callable:
    """``--profile NAME|FILE``, its help naming the bundled profiles."""
    return click.option("--profile", metavar=_("NAME|FILE"),
                        help=help_text.format(names=", ".join(styles.names())))


def given(value: str | None) -> Profile | None:
    """The profile ``--profile`` names (a file relative to the current folder), or None; a bad
    one is said as its file, line and key, and the command exits 1."""
    if value is None:
        return None
    from ..profile import load_profile

    try:
        return load_profile(value)
    except GongwenError as exc:
        error(exc)
        raise SystemExit(1) from None


def command() -> click.Group:
    """The command, built with the group (its help in the locale in force then)."""
    @click.group("profile", help=_("Layout profiles: the bundled ones, and one merged with what it extends."))
    def profile_command() -> None:
        pass

    @profile_command.command("list", help=_("List the bundled profiles with their descriptions."))
    def list_command() -> None:
        from ..profile import load_profile

        for name in styles.names():
            click.echo(f"{name:16} {load_profile(name).description}")

    @profile_command.command("show", help=_("Print a profile (a bundled name or a .yaml file) merged with what it "
                                            "extends: every number gongwen lays out and checks with."))
    @click.argument("name", default="gb9704-2012", metavar=_("NAME|FILE"))
    def show_command(name: str) -> None:
        from ruamel.yaml import YAML

        profile = given(name)
        data = profile.model_dump(mode="json", exclude_none=True)
        out = io.StringIO()
        yaml = YAML()
        yaml.width = 120
        yaml.dump(data, out)
        click.echo(out.getvalue(), nl=False)

    return profile_command
