"""``gongwen serve``: the drafting-room page and the HTTP API other systems call.

``app`` builds the ASGI application (Starlette, run by uvicorn); ``api`` holds the endpoints,
``page`` the page (``templates/``, ``static/``), ``security`` the guard every request passes,
``pool`` the print workers (one LibreOffice each) and ``work`` what they do, ``problems`` the
errors as RFC 9457 problem details, ``openapi`` the API's description.
"""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
