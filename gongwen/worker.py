"""Task-queue workers (Celery) for when one machine is not enough: one task renders one document
(its .docx and, paginated through LibreOffice, its PDF) and writes both together into the folder
it is given — a folder every worker and the caller share.

    GONGWEN_BROKER=redis://queue:6379/0 celery -A gongwen.worker worker --concurrency 2

Each worker process starts a LibreOffice of its own on its first document and keeps it.  A task
is acknowledged when it is done (``acks_late``), one at a time per process, so a task whose
worker died is given to another; the offices of a killed process are stopped when the worker
shuts down.  Results are small JSON: the outputs written, findings and warnings.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from celery import Celery, signals

from .atomic import write_together
from .compose.jobs import Job
from .compose.render import document_bytes
from .errors import GongwenError, collected_warnings
from .plan.load import load_plan
from .printing.office_profile import stop_recorded
from .printing.paginate import paginate


def make_app(broker: str, backend: str | None = None) -> Celery:
    """A Celery app whose task ``gongwen.render_document`` renders one plan file."""
    app = Celery("gongwen", broker=broker, backend=backend or broker)
    app.conf.update(task_acks_late=True, task_reject_on_worker_lost=True, worker_prefetch_multiplier=1,
                    task_serializer="json", result_serializer="json", accept_content=["json"],
                    broker_connection_retry_on_startup=True, worker_hijack_root_logger=False)
    app.task(name="gongwen.render_document")(render_document)
    return app


def render_document(plan: str, output_dir: str, pdf: bool = True, facts: dict | None = None,
                    profile: str | None = None) -> dict:
    """Render the plan file ``plan`` into ``output_dir`` (<stem>.docx, and <stem>.pdf); the
    outputs appear together or not at all, and not at all when a finding is fatal (as in
    ``gongwen render``).  GongwenError goes back to the caller as the task's error."""
    path = Path(plan)
    with collected_warnings() as said:
        job = Job(load_plan(path, facts=facts), path.stem, profile, base_dir=path.parent, path=path)
        (result,) = paginate([job])
    if result.fatal:        # the PDF would not print what the plan says (an empty box, lost text)
        raise GongwenError("; ".join(str(f) for f in result.fatal))
    target = Path(output_dir) / f"{path.stem}.docx"
    outputs = {target: document_bytes(result.document)}
    if pdf:
        outputs[target.with_suffix(".pdf")] = result.pdf_bytes
    write_together(outputs)
    return {"name": path.stem, "outputs": [str(p) for p in outputs],
            "findings": [f.as_dict() for f in result.findings],
            "warnings": [str(w) for w in said] + result.warnings}


@signals.worker_init.connect
def _note_offices(**_kwargs: object) -> None:
    """The offices this worker's processes start are noted in one folder, so that the main
    process stops them at shutdown even when the process that started one was killed."""
    if not os.environ.get("GONGWEN_OFFICE_PIDS"):
        os.environ["GONGWEN_OFFICE_PIDS"] = tempfile.mkdtemp(prefix="gongwen-worker-")


@signals.worker_shutdown.connect
def _stop_offices(**_kwargs: object) -> None:
    folder = Path(os.environ.get("GONGWEN_OFFICE_PIDS", ""))
    if folder.name:
        stop_recorded(folder)
    if folder.name.startswith("gongwen-worker-"):
        shutil.rmtree(folder, ignore_errors=True)


app = make_app(os.environ.get("GONGWEN_BROKER", "redis://127.0.0.1:6379/0"))
