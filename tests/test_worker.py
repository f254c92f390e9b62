"""The task-queue recipe with its real parts: Debian's redis-server on a free loopback port, a
`celery worker` of two processes, 40 documents, one worker process killed mid-run; the PDFs are
those of a serial run and no LibreOffice is left afterwards."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES

import gongwen
from gongwen import paginate
from gongwen.compose.jobs import Job
from gongwen.plan.load import load_plan
from gongwen.worker import make_app

COUNT = 40


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(p) for p in (task / "children").read_text().split()]
    return found


def offices_marked(marker: str) -> list[int]:
    """Running LibreOffice processes whose environment carries ``marker``."""
    alive = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if "soffice" in (proc / "cmdline").read_text() and marker.encode() in (proc / "environ").read_bytes():
                alive.append(int(proc.name))
        except OSError:
            continue
    return alive


@pytest.fixture
def plans(tmp_path) -> list[Path]:
    """40 one-page notices, each with its own number and date."""
    text = (FIXTURES / "one-page.yaml").read_text(encoding="utf-8")
    folder = tmp_path / "plans"
    folder.mkdir()
    made = []
    for n in range(1, COUNT + 1):
        path = folder / f"通知{n:02d}.yaml"
        path.write_text(text.replace("三民〔2026〕3号", f"三民〔2026〕{n}号")
                        .replace("date: 2026-11-24", f"date: 2026-11-{n % 24 + 1:02d}"), encoding="utf-8")
        made.append(path)
    return made


@pytest.fixture
def broker(tmp_path):
    port = free_port()
    server = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                               "--appendonly", "no", "--dir", str(tmp_path)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    url = f"redis://127.0.0.1:{port}/0"
    for _ in range(100):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.05)
    yield url
    server.terminate()
    server.wait(10)


def test_forty_documents_through_two_worker_processes_one_killed(tmp_path, plans, broker):
    marker = str(tmp_path / "offices")
    os.mkdir(marker)
    log = tmp_path / "worker.log"
    env = dict(os.environ, GONGWEN_BROKER=broker, GONGWEN_OFFICE_PIDS=marker)
    worker = subprocess.Popen([sys.executable, "-m", "celery", "-A", "gongwen.worker", "worker", "--concurrency",
                               "2", "--loglevel", "INFO", "--hostname", "test@%h"],
                              env=env, stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True)
    out = tmp_path / "out"
    out.mkdir()
    try:
        app = make_app(broker)
        sent = [app.send_task("gongwen.render_document", args=[str(p), str(out)]) for p in plans]
        # one worker process is killed while it renders: its task goes back to the queue
        deadline = time.monotonic() + 240
        while len(list(out.glob("*.pdf"))) < 3 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(list(out.glob("*.pdf"))) >= 3, log.read_text()
        processes = children(worker.pid)
        assert len(processes) == 2, processes
        os.kill(processes[0], signal.SIGKILL)
        replies = [task.get(timeout=300) for task in sent]
        sent.clear()        # the results' subscriptions end while the broker still runs
        assert processes[0] not in children(worker.pid)
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
            raise
    assert "WorkerLostError" in log.read_text() or "exited with" in log.read_text()
    assert [r["findings"] for r in replies] == [[]] * COUNT
    wanted = [f"通知{n:02d}.{suffix}" for n in range(1, COUNT + 1) for suffix in ("docx", "pdf")]
    assert sorted(p.name for p in out.iterdir()) == wanted
    # the same documents laid out in this process, one batch: the same PDFs, byte for byte
    serial = paginate([Job(load_plan(p), p.stem, base_dir=p.parent, path=p) for p in plans])
    assert [(out / f"{r.job.name}.pdf").read_bytes() == r.pdf_bytes for r in serial] == [True] * COUNT
    # every office the worker's processes started is stopped, the killed process's too
    assert list(Path(marker).glob("office-*.pid"))
    time.sleep(0.5)
    assert offices_marked(marker) == []


def test_a_fatal_finding_writes_nothing_and_is_the_tasks_error(tmp_path, monkeypatch):
    # as `gongwen render` refuses a PDF with an empty box, the task does not write one either
    import gongwen.worker as worker
    from gongwen.findings import Finding

    fatal = Finding("font.missing-glyph", "spec §2", 1, "a face", "镕 U+9555", "no face has it", "fatal")
    monkeypatch.setattr(worker, "paginate", lambda jobs: [type("Result", (), {"fatal": [fatal]})()])
    with pytest.raises(gongwen.GongwenError, match="font.missing-glyph"):
        worker.render_document(str(FIXTURES / "one-page.yaml"), str(tmp_path))
    assert list(tmp_path.iterdir()) == []
