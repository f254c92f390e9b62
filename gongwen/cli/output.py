"""What every command says the same way: an error as the user reads it, and a plan's warnings
printed once each."""
from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import click

from ..errors import GongwenError
from ..i18n import _


@contextmanager
def warnings_shown() -> Iterator[None]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield
        finally:
            # A plan rendered in several pagination passes warns once.
            for message in dict.fromkeys(str(w.message) for w in caught):
                click.echo(_("warning: {message}").format(message=message), err=True)


def error(exc: GongwenError, name: str | None = None) -> None:
    """An error as the user reads it; a batch names the document when the message does not."""
    message = str(exc)
    if name and exc.location is None:
        message = f"{name}: {message}"
    click.echo(_("error: {message}").format(message=message), err=True)
