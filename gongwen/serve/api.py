"""The HTTP API: the command line's work over HTTP (described in /openapi.json).  Plans and
drafts come as the request body or as multipart fields (with the files a plan names: a seal, a
table); documents go back as files, reviews and imports as JSON, errors as problem details."""
from __future__ import annotations

import base64
import io
import json
import zipfile
from concurrent.futures.process import BrokenProcessPool

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response

from ..errors import GongwenError, collected_warnings
from ..i18n import _
from . import work
from .pool import Busy, TimedOut
from .problems import MEDIA_TYPE, problem, problem_of

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MAX_FILES = 64
MAX_PLAN = 2 * 2 ** 20          # a plan's text; drafts, documents and data tables share the body's limit


def problem_response(found: dict) -> JSONResponse:
    return JSONResponse(found, status_code=found["status"], media_type=MEDIA_TYPE)


def _flag(request: Request, name: str, default: bool) -> bool:
    value = request.query_params.get(name)
    return default if value is None else value.lower() not in ("0", "false", "no", "off", "")


async def _upload(request: Request, main: str) -> tuple[bytes, str, dict[str, bytes], dict[str, str]]:
    """The request's main content (the multipart field ``main``, else the body), its file name,
    the other files sent with it, and the other fields."""
    content_type = request.headers.get("content-type", "")
    if not content_type.startswith("multipart/form-data"):
        name = request.query_params.get("filename") or main
        return await request.body(), name, {}, {}
    form = await request.form(max_files=MAX_FILES, max_fields=MAX_FILES)
    files, fields, content, name = {}, {}, None, main
    for key, value in form.multi_items():
        if isinstance(value, str):
            fields[key] = value
        elif key == main and content is None:
            content, name = await value.read(), value.filename or main
        else:
            files[work.safe_name(value.filename or key)] = await value.read()
    if content is None and main in fields:
        content = fields.pop(main).encode("utf-8")
    if content is None:
        raise GongwenError(_("send the {field} as the request body or as the multipart field “{field}”").format(
            field=main))
    return content, name, files, fields


async def _printed(request: Request, function, *args, **kwargs) -> dict | Response:
    """``function`` run by a print worker; the pool's refusals as problem responses."""
    pool = request.app.state.pool
    try:
        return await pool.run(function, *args, **kwargs)
    except Busy:
        found = problem(429, _("every print worker is busy"), _("every print worker is busy and the queue is full: "
                                                                "try again in a moment"), "busy")
        return JSONResponse(found, status_code=429, media_type=MEDIA_TYPE, headers={"Retry-After": "2"})
    except TimedOut:
        found = problem(503, _("the document took too long"),
                        _("laying the document out took longer than {s} s and was cancelled").format(
                            s=round(pool.time_limit)), "timeout")
        return problem_response(found)
    except BrokenProcessPool:
        return problem_response(problem(503, _("the print worker stopped"), _("the print worker stopped; it has "
                                                                              "been restarted: try again"), "worker"))


def _document(outcome: dict, kind: str, stem: str) -> Response:
    """The .docx, the PDF, or both in a .zip with the findings and warnings (report.json)."""
    if kind == "pdf":
        return Response(outcome["pdf"], media_type="application/pdf", headers=_attachment(f"{stem}.pdf"))
    if kind == "zip":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(f"{stem}.docx", outcome["docx"])
            archive.writestr(f"{stem}.pdf", outcome["pdf"])
            archive.writestr("report.json", json.dumps({"findings": outcome["findings"],
                                                        "warnings": outcome["warnings"]}, ensure_ascii=False, indent=2))
        return Response(buffer.getvalue(), media_type="application/zip", headers=_attachment(f"{stem}.zip"))
    return Response(outcome["docx"], media_type=DOCX, headers={
        **_attachment(f"{stem}.docx"), "X-Gongwen-Findings": str(len(outcome["findings"])),
        "X-Gongwen-Warnings": str(len(outcome["warnings"]))})


def _attachment(name: str) -> dict[str, str]:
    from urllib.parse import quote

    return {"Content-Disposition": f"attachment; filename=\"document{name[name.rfind('.'):]}\"; "
                                   f"filename*=UTF-8''{quote(name)}"}


def _format(request: Request) -> str:
    kind = request.query_params.get("format", "docx")
    if kind not in ("docx", "pdf", "zip"):
        raise GongwenError(_("format is docx, pdf or zip, not {value!r}").format(value=kind))
    return kind


def _plan_text(content: bytes) -> str:
    if len(content) > MAX_PLAN:
        raise GongwenError(_("a plan of more than {mb} MB is not a document").format(mb=MAX_PLAN >> 20))
    return content.decode("utf-8", "replace")


async def render(request: Request) -> Response:
    kind = _format(request)
    content, _name, files, _fields = await _upload(request, "plan")
    outcome = await _printed(request, work.render, _plan_text(content), files,
                             paginate=_flag(request, "paginate", True), pdf=kind != "docx")
    if isinstance(outcome, Response):
        return outcome
    return problem_response(outcome["problem"]) if "problem" in outcome else _document(outcome, kind, "公文")


async def preview(request: Request) -> Response:
    """The page's live preview: the printed pages as PNG, the findings with their boxes."""
    content, _name, files, _fields = await _upload(request, "plan")
    outcome = await _printed(request, work.render, _plan_text(content), files, pages=True)
    if isinstance(outcome, Response):
        return outcome
    if "problem" in outcome:
        return problem_response(outcome["problem"])
    return JSONResponse({"pages": [_png(image) for image in outcome.get("pages", [])], "sizes": outcome.get("sizes", []),
                         "findings": outcome["findings"], "warnings": outcome["warnings"]})


def _png(image: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(image).decode()


async def check(request: Request) -> Response:
    content, name, _files, _fields = await _upload(request, "file")
    pages = _flag(request, "pages", False)
    outcome = await _printed(request, work.check, content, name if name.endswith(".docx") else "document.docx",
                             pdf=_flag(request, "pdf", False), pages=pages)
    if isinstance(outcome, Response):
        return outcome
    if "problem" in outcome:
        return problem_response(outcome["problem"])
    report = outcome["report"]
    if pages:
        report["pages"] = [_png(image) for image in outcome.get("pages", [])]
    return JSONResponse(report)


async def import_(request: Request) -> Response:
    content, name, _files, _fields = await _upload(request, "file")
    found = await run_in_threadpool(_imported, content, name, request.query_params.get("kind"),
                                    request.query_params.get("form"))
    return problem_response(found["problem"]) if "problem" in found else JSONResponse(found)


def _imported(content: bytes, name: str, kind: str | None, form: str | None, seal: bool = False) -> dict:
    """A draft → the plan's text and data, what was left over and what was changed."""
    from ..drafts import read_draft
    from ..drafts.plan_file import plan_text

    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else None
    try:
        imported = read_draft(content, kind, form or (suffix if suffix in ("docx", "txt", "md") else None))
        files = {path.name: data for path, data in imported.seal_file(work.Path("."), "印章").items()} if seal else {}
        return {"yaml": plan_text(imported.fields, imported.leftovers, imported.changes, name),
                "leftovers": [{"text": left.text, "near": left.near} for left in imported.leftovers],
                "changes": [str(change) for change in imported.changes], "files": files}
    except GongwenError as exc:
        return {"problem": problem_of(exc)}


async def format_(request: Request) -> Response:
    kind = _format(request)
    content, name, _files, _fields = await _upload(request, "file")
    found = await run_in_threadpool(_imported, content, name, request.query_params.get("kind"),
                                    request.query_params.get("form"), True)
    if "problem" in found:
        return problem_response(found["problem"])
    outcome = await _printed(request, work.render, found["yaml"], found["files"], pdf=kind != "docx")
    if isinstance(outcome, Response):
        return outcome
    if "problem" in outcome:
        return problem_response(outcome["problem"])
    outcome["warnings"] = found["changes"] + [_("not placed: {text}").format(text=left["text"])
                                              for left in found["leftovers"]] + outcome["warnings"]
    return _document(outcome, kind, name.rsplit(".", 1)[0] or "公文")


async def campaign(request: Request) -> Response:
    """A campaign file with its plans and data tables (multipart files; the field ``campaign``
    names the campaign file when there are several) → every document in a .zip with the report;
    ``?facts=true``: the facts its plans may use."""
    form = await request.form(max_files=MAX_FILES, max_fields=MAX_FILES)
    files = {work.safe_name(v.filename or k): await v.read() for k, v in form.multi_items() if not isinstance(v, str)}
    name = form.get("campaign")
    outcome = await _printed(request, work.campaign, files, str(name) if name else None,
                             pdf=_flag(request, "pdf", False))
    if isinstance(outcome, Response):
        return outcome
    if "problem" in outcome:
        return problem_response(outcome["problem"])
    if _flag(request, "facts", False):
        return JSONResponse({"facts": outcome["facts"], "documents": outcome["report"]})
    return Response(outcome["zip"], media_type="application/zip", headers=_attachment("活动.zip"))


async def plan_data(request: Request) -> Response:
    """A plan's text (YAML, Chinese or English keys; with the files it names) → its data with
    English keys (the page's form), or the problem at its line."""
    content, _name, files, _fields = await _upload(request, "plan")
    found = await run_in_threadpool(_data_of, _plan_text(content), files)
    return problem_response(found["problem"]) if "problem" in found else JSONResponse(found)


def _data_of(text: str, files: dict[str, bytes]) -> dict:
    from ..plan.load import plan_from_data
    from ..plan.source import parse_yaml

    try:
        with work.request_folder(files) as folder, collected_warnings() as said:
            data, positions = parse_yaml(text, work.Path(work.PLAN_NAME))
            plan = plan_from_data(data, positions, base_dir=folder, root=folder)
            found = plan.model_dump(mode="json", exclude_defaults=True)
            if plan.doc_number is not None:
                found["doc_number"] = str(plan.doc_number)      # as drafters write it
        return {"data": _relative(found, str(folder)), "warnings": [str(w) for w in said]}
    except GongwenError as exc:
        return {"problem": problem_of(exc)}


def _relative(value, folder: str):
    """Paths of the request's folder back to the names the plan gave."""
    if isinstance(value, dict):
        return {k: _relative(v, folder) for k, v in value.items()}
    if isinstance(value, list):
        return [_relative(v, folder) for v in value]
    return value.removeprefix(folder + "/") if isinstance(value, str) else value


async def plan_text(request: Request) -> Response:
    """The page's form data (English keys) → the plan's text with Chinese keys."""
    from ..drafts.plan_file import plan_text as text_of

    try:
        data = json.loads(await request.body())
    except ValueError as exc:
        return problem_response(problem(422, _("not JSON"), str(exc), "json"))
    if not isinstance(data, dict):
        return problem_response(problem(422, _("not JSON"), _("a plan is a mapping of keys"), "json"))
    return PlainTextResponse(text_of(data, [], [], None, english=_flag(request, "english", False)))


async def kinds(request: Request) -> Response:
    from ..plan import kinds as registry

    return JSONResponse([{"name": k.name, "zh": k.zh, "upward": k.upward, "required": list(k.required),
                          "own": list(k.own), "refused": list(k.refused)} for k in registry.KINDS.values()])


async def schema(request: Request) -> Response:
    from ..plan.schema import campaign_schema, plan_schema

    which = request.path_params["which"]
    if which not in ("plan", "campaign"):
        return problem_response(problem(404, _("no such schema"), _("the schemas are plan and campaign"), "schema"))
    return JSONResponse(plan_schema() if which == "plan" else campaign_schema())


async def starter(request: Request) -> Response:
    from ..plan import kinds as registry

    try:
        kind = registry.get(request.path_params["kind"]).name
    except KeyError:
        return problem_response(problem(404, _("no such kind"), "、".join(registry.names()), "kind"))
    from importlib.resources import files

    return PlainTextResponse((files("gongwen") / "starters" / f"{kind}.yaml").read_text(encoding="utf-8"))


async def health(request: Request) -> Response:
    pool = request.app.state.pool
    return JSONResponse({"status": "ok", "workers": pool.workers, "busy": pool.busy, "waiting": pool.waiting})
