"""The ``gongwen`` command: one module per command, the batch runner and its report.  Errors
become messages and exit codes here and nowhere else: 0 done, 1 an input or render error,
2 usage, 3 findings (``check``).

Each command imports what it uses when it runs: ``gongwen new`` needs no LibreOffice, a .docx
needs no PDF measuring.
"""
from __future__ import annotations

import atexit
import contextlib
import os
import signal
import sys
import tempfile
import threading

import click

from ..i18n import _
from . import check, click_i18n, doctor, facts, format, import_, new, profile, render, schema, serve, template
from .new import starter_path

__all__ = ["main", "make_cli", "starter_path"]


def make_cli() -> click.Group:
    """Build the command group; help texts (and click's own words) are translated for the locale
    in force now."""
    click_i18n.install()

    @click.group(help=_("Chinese official documents (党政机关公文) laid out to GB/T 9704-2012."))
    @click.version_option(package_name="gongwen", prog_name="gongwen", message="%(prog)s %(version)s")
    def cli() -> None:
        pass

    for module in (render, import_, format, check, serve, doctor, new, schema, profile, template, facts):
        cli.add_command(module.command())
    return cli


def _terminate(signum: int, _frame: object) -> None:
    """SIGTERM unwinds as SystemExit.  Where Python cannot raise (a value converted inside a
    compiled validator) the exit is swallowed and printed: the signal is then sent again, until
    one takes (seen once in CI: a render killed while it read its plan ran on)."""
    again = threading.Timer(2.0, os.kill, (os.getpid(), signum))
    again.daemon = True
    again.start()
    sys.exit(128 + signum)


def main() -> None:
    """The console entry: SIGTERM unwinds like Ctrl-C (temporary folders and LibreOffice go with
    it), and a bug in gongwen is one line naming it, never a traceback (GONGWEN_DEBUG=1 shows it)."""
    # Python finds its temporary folder by writing and removing a probe file there: done before
    # SIGTERM may unwind, so a signal cannot leave the probe behind (seen once in CI)
    tempfile.gettempdir()
    signal.signal(signal.SIGTERM, _terminate)
    try:
        make_cli()(prog_name="gongwen", standalone_mode=True)
    except SystemExit as done:
        _leave(done.code)
    except Exception as exc:   # anything not already a GongwenError turned into a message
        if os.environ.get("GONGWEN_DEBUG"):
            raise
        click.echo(_("error: internal error ({kind}: {reason}); please report it with the plan file, "
                     "or run with GONGWEN_DEBUG=1 to see where").format(kind=type(exc).__name__, reason=exc),
                   err=True)
        _leave(1)


def _leave(code: object) -> None:
    """End the process as Python would, without then freeing every object one by one (80 ms of
    a 0.4 s command): threads still working are waited for, exit handlers run (LibreOffice
    stopped, temporary folders removed) and the output is flushed first.  Under a profiler or
    a tracer (which write what they saw when Python ends) it ends as Python does."""
    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(code)
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    for thread in threading.enumerate():
        if not thread.daemon and thread is not threading.current_thread():
            thread.join()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code or 0)


if __name__ == "__main__":
    sys.exit(main())
