"""The ASGI application: the page, its assets, the API and /openapi.json, behind the guard."""
from __future__ import annotations

from contextlib import asynccontextmanager
from importlib.resources import files

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..errors import GongwenError
from . import api
from .openapi import document
from .page import page
from .pool import PrintPool
from .problems import MEDIA_TYPE, problem, problem_of
from .security import Guard

MAX_BODY = 20 * 2 ** 20          # a plan, an upload, a campaign with its data tables


def create_app(*, workers: int = 2, waiting: int | None = None, time_limit: float = 120.0, token: str | None = None,
               max_body: int = MAX_BODY) -> Guard:
    """The server: ``workers`` print processes (each with its own LibreOffice), ``waiting``
    requests in line beyond them (default: ten per worker), ``time_limit`` seconds a request
    may take, ``token`` asked of every API call when given, ``max_body`` bytes a request may send."""

    @asynccontextmanager
    async def lifespan(app: Starlette):
        app.state.pool = PrintPool(workers, 10 * workers if waiting is None else waiting, time_limit)
        try:
            yield
        finally:
            app.state.pool.close()

    async def openapi(request: Request) -> JSONResponse:
        return JSONResponse(document())

    routes = [
        Route("/", page), Route("/healthz", api.health), Route("/openapi.json", openapi),
        Route("/api/render", api.render, methods=["POST"]), Route("/api/preview", api.preview, methods=["POST"]),
        Route("/api/check", api.check, methods=["POST"]), Route("/api/import", api.import_, methods=["POST"]),
        Route("/api/format", api.format_, methods=["POST"]), Route("/api/campaign", api.campaign, methods=["POST"]),
        Route("/api/plan-data", api.plan_data, methods=["POST"]),
        Route("/api/plan-text", api.plan_text, methods=["POST"]),
        Route("/api/kinds", api.kinds), Route("/api/schema/{which}", api.schema),
        Route("/api/starter/{kind}", api.starter),
        Mount("/static", StaticFiles(directory=str(files("gongwen.serve") / "static")), name="static"),
    ]
    app = Starlette(routes=routes, lifespan=lifespan, exception_handlers={
        GongwenError: _gongwen_error, HTTPException: _http_error, Exception: _server_error})
    app.state.token = token
    return Guard(app, max_body, token)


async def _gongwen_error(request: Request, exc: GongwenError) -> JSONResponse:
    found = problem_of(exc)
    return JSONResponse(found, status_code=found["status"], media_type=MEDIA_TYPE)


async def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
    return JSONResponse(problem(exc.status_code, str(exc.detail), str(exc.detail), "http"), status_code=exc.status_code,
                        media_type=MEDIA_TYPE)


async def _server_error(request: Request, exc: Exception) -> JSONResponse:
    detail = f"{type(exc).__name__}: {exc}"
    return JSONResponse(problem(500, "internal error", detail, "internal"), status_code=500, media_type=MEDIA_TYPE)
