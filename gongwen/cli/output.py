"""What every command says the same way: an error as the user reads it, and a plan's warnings
printed once each."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import click

from ..errors import GongwenError, collected_warnings
from ..i18n import _


@contextmanager
def warnings_shown(name: str | None = None) -> Iterator[list[str]]:
    """The plan warnings said in the block, printed once each when it ends (named after the
    document ``name`` in a batch) and left in the list it yields, for the report."""
    said: list[str] = []
    with collected_warnings() as found:
        try:
            yield said
        finally:
            said += [str(w) for w in found]
            for message in said:
                show_warning(message, name)


def show_warning(message: str, name: str | None = None) -> None:
    text = f"{name}: {message}" if name and not message.startswith(("/", name)) else message
    click.echo(_("warning: {message}").format(message=text), err=True)


def error(exc: GongwenError, name: str | None = None) -> None:
    """An error as the user reads it; a batch names the document when the message does not."""
    message = str(exc)
    if name and exc.location is None:
        message = f"{name}: {message}"
    click.echo(_("error: {message}").format(message=message), err=True)
