"""Errors as the HTTP API says them: RFC 9457 problem details carrying what the command line
says (the same message, with the file, line, column and field it names), 4xx for anything the
client sent, 5xx only for what went wrong on the server."""
from __future__ import annotations

from ..errors import GongwenError
from ..i18n import _

MEDIA_TYPE = "application/problem+json"
# what went wrong → (status, a short title)
_STATUS = {"PlanError": 422, "DataError": 422, "ProfileError": 422, "TemplateError": 422, "DraftError": 422,
           "ReviewError": 422, "RenderError": 422, "CheckFailed": 422, "ConvertError": 503, "GongwenError": 422}


def problem(status: int, title: str, detail: str, kind: str = "request", **extra: object) -> dict:
    return {"type": f"urn:gongwen:problem:{kind}", "title": title, "status": status, "detail": detail, **extra}


def problem_of(exc: GongwenError) -> dict:
    """A GongwenError as a problem: its message as the CLI prints it (``detail``), and where."""
    kind = type(exc).__name__
    where = exc.location
    extra = {"message": exc.message}
    if where is not None:
        places = (("file", where.file and where.file.name), ("line", where.line), ("column", where.column),
                  ("key", where.key))
        extra.update({key: value for key, value in places if value})
    if exc.field:
        extra["field"] = exc.field
    if exc.hint:
        extra["hint"] = exc.hint
    slug = "".join("-" + c.lower() if c.isupper() else c for c in kind).lstrip("-")
    status = _STATUS.get(kind, 422)
    title = _("the server could not print the document") if status >= 500 else _("the input cannot be used")
    return problem(status, title, str(exc), slug, **extra)
