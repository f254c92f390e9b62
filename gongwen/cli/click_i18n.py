"""Click's own words (Usage:, Options, Missing argument …) in the user's language.

Click translates through the standard ``gettext`` functions it imports into each module, from a
domain it never binds; a Chinese user would read English usage errors.  :func:`install` points
those functions at gongwen's catalog, which carries the messages a command-line user meets
(listed below so that extraction keeps them in the catalog).
"""
from __future__ import annotations

import importlib

from ..i18n import N_, _, ngettext

CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui", "utils")

MESSAGES = (
    N_("Usage:"), N_("Options"), N_("Commands"), N_("Show this message and exit."),
    N_("Show the version and exit."), N_("Error: {message}"), N_("Missing argument"), N_("Missing option"),
    N_("Missing parameter"), N_("Missing command."), N_("Missing {param_type}"),
    N_("Try '{command} {option}' for help."), N_("No such command {name!r}."), N_("No such option {name!r}."),
    N_("Invalid value for {param_hint}: {message}"), N_("Invalid value: {message}"), N_("Aborted!"),
    N_("Option {name!r} does not take a value."), N_("Choose from:\n\t{choices}"),
    N_("{name} {filename!r} does not exist."), N_("{name} {filename!r} is a directory."),
    N_("{name} {filename!r} is a file."), N_("file"), N_("directory"), N_("path"),
    N_("Did you mean {possibility}?"), N_("Got unexpected extra argument ({args})"),
    N_("Option {name!r} requires an argument."), N_("{value!r} is not {choice}."),
)


def install() -> None:
    for name in CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = _
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext
