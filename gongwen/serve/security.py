"""What every request passes before it reaches a handler: a size limit on its body, the token
when the server listens beyond this machine, no cross-site writes (a page elsewhere cannot
make a browser post here), and headers that keep the page's scripts its own."""
from __future__ import annotations

import hmac
import json

from ..i18n import _
from .problems import MEDIA_TYPE, problem

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]
_OPEN = ("/", "/healthz", "/openapi.json")      # what answers without the token (the page asks for it)


class Guard:
    """ASGI middleware: ``limit`` bytes of body at most, ``token`` (None: none asked) as a
    bearer token or the X-Gongwen-Token header, same-origin writes only, security headers."""

    def __init__(self, app, limit: int, token: str | None):
        self.app, self.limit, self.token = app, limit, token

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        path, method = scope["path"], scope["method"]
        if method not in ("GET", "HEAD") and _cross_site(headers):
            return await _refuse(send, 403, _("a page of another site may not send requests to this server"))
        if self.token and path not in _OPEN and not path.startswith("/static/") and not _given(headers, self.token):
            return await _refuse(send, 401, _("this server asks for its token: send it as "
                                              "“Authorization: Bearer TOKEN” (the page asks for it once)"))
        length = headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            return await _refuse(send, 413, _too_large(self.limit))
        received = 0
        started = False

        async def limited_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise _TooLarge
            return message

        async def secured_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = {**message, "headers": list(message.get("headers", [])) + HEADERS}
            await send(message)

        try:
            await self.app(scope, limited_receive, secured_send)
        except _TooLarge:
            if not started:
                await _refuse(send, 413, _too_large(self.limit))


class _TooLarge(Exception):
    pass


def _too_large(limit: int) -> str:
    return _("the request is larger than {mb} MB").format(mb=round(limit / 2 ** 20, 1))


def _given(headers: dict[str, str], token: str) -> bool:
    said = headers.get("x-gongwen-token") or headers.get("authorization", "").removeprefix("Bearer ").strip()
    return bool(said) and hmac.compare_digest(said.encode(), token.encode())


def _cross_site(headers: dict[str, str]) -> bool:
    """A write a browser makes for a page of another origin (curl and other programs send
    neither header)."""
    if headers.get("sec-fetch-site") == "cross-site":
        return True
    origin = headers.get("origin")
    if origin in (None, "null"):
        return origin == "null"
    host = headers.get("host", "")
    return origin.split("://", 1)[-1] != host


async def _refuse(send, status: int, detail: str) -> None:
    body = json.dumps(problem(status, detail, detail), ensure_ascii=False).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", MEDIA_TYPE.encode()), (b"content-length", str(len(body)).encode()),
                            *HEADERS]})
    await send({"type": "http.response.body", "body": body})
