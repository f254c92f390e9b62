"""``gongwen serve``: the drafting-room page and the HTTP API, run by uvicorn."""
from __future__ import annotations

import ipaddress
import secrets

import click

from ..i18n import _


def command() -> click.Command:
    """The command, built with the group (its help in the locale in force then)."""
    @click.command("serve", help=_("Serve the drafting-room page and the HTTP API (open http://HOST:PORT/)."))
    @click.option("--host", default="127.0.0.1", show_default=True,
                  help=_("Address to listen on; beyond this machine a token is required."))
    @click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
    @click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 32),
                  help=_("Print workers, each with its own LibreOffice."))
    @click.option("--token", envvar="GONGWEN_TOKEN",
                  help=_("The token every API call must send (default: GONGWEN_TOKEN; made up and printed when "
                         "listening beyond this machine without one)."))
    @click.option("--time-limit", "time_limit", default=120.0, show_default=True, type=click.FloatRange(1, 3600),
                  help=_("Seconds a request may take before it is cancelled."))
    def serve_command(host: str, port: int, workers: int, token: str | None, time_limit: float) -> None:
        import uvicorn

        from ..serve import create_app

        if not _loopback(host) and not token:
            token = secrets.token_urlsafe(18)
            click.echo(_("listening beyond this machine: the token is {token} (send “Authorization: Bearer TOKEN”; "
                         "the page asks for it)").format(token=token), err=True)
        click.echo(_("gongwen serves on http://{host}:{port}/ ({n} print workers); Ctrl-C stops it").format(
            host=host if ":" not in host else f"[{host}]", port=port, n=workers), err=True)
        uvicorn.run(create_app(workers=workers, token=token, time_limit=time_limit), host=host, port=port,
                    log_level="warning")

    return serve_command


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
