"""What the server's print workers do, one request at a time in a process with its own
LibreOffice: the request's files in a folder of its own (removed afterwards, named only by their
base names — nothing a client sends names a path on the server), then the same steps as the
command line.  Results go back as plain data (bytes, lists, dicts), errors as problem details."""
from __future__ import annotations

import io
import json
import re
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import GongwenError, collected_warnings
from ..i18n import _
from .problems import problem_of

PLAN_NAME = "plan.yaml"
PREVIEW_SCALE = 1.25        # PNG pixels per PDF point of a previewed page (A4: 744 × 1053)
_HAN = re.compile("[\u3400-\u9fff\U00020000-\U0003134f]+")
_SAFE_NAME = re.compile(r"^[^/\\\x00-\x1f]{1,120}$")


def safe_name(name: str) -> str:
    """A client's file name as a name in the request's folder: its last part, never a path."""
    base = re.split(r"[/\\]", name or "")[-1].strip()
    if not _SAFE_NAME.match(base) or base in (".", "..") or base.startswith("."):
        raise GongwenError(_("not a usable file name: {name!r}").format(name=name))
    return base


@contextmanager
def request_folder(files: dict[str, bytes]) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="gongwen-request-") as folder:
        for name, data in files.items():
            (Path(folder) / safe_name(name)).write_bytes(data)
        yield Path(folder)


def render(plan_text: str, files: dict[str, bytes], *, paginate: bool = True, pdf: bool = False,
           pages: bool = False) -> dict:
    """A plan (YAML or JSON text) → .docx (and the PDF, and PNG pages), with the findings of the
    printed pages and the warnings of the plan."""
    from ..plan.load import plan_from_data
    from ..plan.source import parse_yaml

    try:
        with request_folder(files) as folder, collected_warnings() as said:
            plan_path = folder / PLAN_NAME
            plan_path.write_text(plan_text, encoding="utf-8")
            data, positions = parse_yaml(plan_text, Path(PLAN_NAME))
            plan = plan_from_data(data, positions, base_dir=folder, root=folder)
            out = _laid_out(plan, folder, paginate or pdf or pages)
            out["warnings"] = list(dict.fromkeys([str(w) for w in said] + out["warnings"]))
            if out.get("pdf") and pages:
                out["pages"] = page_images(out["pdf"])
            if not pdf:
                out.pop("pdf", None)
            return out
    except GongwenError as exc:
        return {"problem": problem_of(exc)}


def _laid_out(plan, folder: Path, printed: bool) -> dict:
    from ..compose.jobs import Job
    from ..compose.render import document_bytes
    from ..compose.render import render as compose

    if not printed:
        return {"docx": document_bytes(compose(plan, base_dir=folder)), "findings": [], "warnings": []}
    from ..printing.paginate import paginate

    (result,) = paginate([Job(plan, "document", base_dir=folder)], folder / "print")
    if result.fatal:
        raise GongwenError("; ".join(str(f) for f in result.fatal))
    return {"docx": document_bytes(result.document), "pdf": result.pdf_bytes, "warnings": result.warnings,
            "findings": [_located(f, result.pages) for f in result.findings],
            "sizes": [[round(page.width, 1), round(page.height, 1)] for page in result.pages]}


def check(docx: bytes, name: str, *, pdf: bool = False, pages: bool = False) -> dict:
    """Any .docx reviewed as ``gongwen check [--pdf] --json`` reviews it (and its pages as PNG)."""
    from ..review.document import printed_pages, review

    try:
        with request_folder({name: docx}) as folder:
            path = folder / safe_name(name)
            measured: dict[str, object] = {}

            def printed(target: Path) -> list:
                from ..profile import load_profile

                found = printed_pages(target, folder=folder / "print", profile=load_profile())
                measured["pages"] = found
                return found

            (folder / "print").mkdir()
            found = review(path, None, printed if pdf or pages else None)
            entry = {"document": name, "findings": [_located(f, measured.get("pages", ())) for f in found],
                     "sizes": [[round(p.width, 1), round(p.height, 1)] for p in measured.get("pages", ())]}
            pdfs = sorted((folder / "print").glob("*.pdf")) if pages else []
            return {"report": {"documents": [entry], "findings": len(found), "errors": 0},
                    "pages": page_images(pdfs[0].read_bytes()) if pdfs else []}
    except GongwenError as exc:
        return {"problem": problem_of(exc)}


def campaign(files: dict[str, bytes], campaign_name: str | None, *, pdf: bool = False) -> dict:
    """A campaign file, its plans and data tables → every document, as a .zip with the report."""
    from ..compose.jobs import Job
    from ..compose.render import document_bytes
    from ..plan.campaign import is_campaign, load_campaign
    from ..plan.load import load_plan
    from ..printing.paginate import paginate

    try:
        with request_folder(files) as folder, collected_warnings() as said:
            named = [safe_name(campaign_name)] if campaign_name else [
                n for n in files if n.endswith((".yaml", ".yml")) and is_campaign(folder / n)]
            if len(named) != 1:
                raise GongwenError(_("send one campaign file (with its plans and data tables), or name it in the "
                                     "field “campaign”"))
            loaded = load_campaign(folder / named[0])
            jobs = [Job(load_plan(d.plan, facts=loaded.facts_for(d)), d.plan.stem, base_dir=d.plan.parent)
                    for d in loaded.documents]
            results = paginate(jobs, folder / "print", raise_errors=False)
            buffer, report = io.BytesIO(), []
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                for result in results:
                    entry = {"name": result.job.name, "findings": [f.as_dict() for f in result.findings],
                             "warnings": result.warnings}
                    if result.error is not None:
                        entry["error"] = str(result.error)
                    else:
                        archive.writestr(f"{result.job.name}.docx", document_bytes(result.document))
                        if pdf:
                            archive.writestr(f"{result.job.name}.pdf", result.pdf_bytes)
                    report.append(entry)
                archive.writestr("report.json", json.dumps({"documents": report, "warnings": [str(w) for w in said]},
                                                           ensure_ascii=False, indent=2, default=str))
            return {"zip": buffer.getvalue(), "report": report,
                    "facts": json.loads(json.dumps(loaded.facts_for(), ensure_ascii=False, default=str))}
    except GongwenError as exc:
        return {"problem": problem_of(exc)}


def page_images(pdf: bytes) -> list[bytes]:
    """Each page of ``pdf`` as a PNG (what the page shows beside its findings)."""
    import pypdfium2

    from ..pdfium import LOCK

    images = []
    with LOCK:
        document = pypdfium2.PdfDocument(pdf)
        try:
            for page in document:
                bitmap = page.render(scale=PREVIEW_SCALE)
                buffer = io.BytesIO()
                bitmap.to_pil().save(buffer, format="PNG", optimize=False)
                images.append(buffer.getvalue())
        finally:
            document.close()
    return images


def _located(finding, pages) -> dict:
    """A finding as ``--json`` gives it, with the box (mm from the paper's top left) of the line
    it names on its page, so the page can show where it is."""
    out = finding.as_dict()
    page = next((p for p in pages if p.number == finding.page), None) if finding.page else None
    # the paragraph it names, else the first Chinese characters it says it measured (a glyph
    # printed in another face)
    keys = [re.sub(r"\s", "", finding.where.rstrip("…"))[:12]] if finding.where else \
        _HAN.findall(finding.measured)[:1]
    line = next((line for key in keys for line in (page.lines if page else ())
                 if key and key in re.sub(r"\s", "", line.text)), None)
    if line is not None:
        out["box"] = [round(line.x0, 1), round(line.top, 1), round(line.x1, 1), round(line.bottom, 1)]
    return out
