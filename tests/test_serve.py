"""The HTTP API as other systems call it: through the ASGI test client for what each endpoint
says, and through uvicorn on a socket for the server itself — its start and stop, and twenty
concurrent renders on two print workers."""
from __future__ import annotations

import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest
from clerk import clerk_document
from conftest import FIXTURES
from docx import Document
from starlette.testclient import TestClient

from gongwen.serve import create_app

ONE_PAGE = (FIXTURES / "one-page.yaml").read_text(encoding="utf-8")
DRAFTS = Path(__file__).parent / "drafts"
YAML = {"content-type": "application/yaml"}


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(workers=1, time_limit=90)) as test_client:
        yield test_client


def text_of(docx: bytes) -> str:
    return "".join(p.text for p in Document(io.BytesIO(docx)).paragraphs)


def test_a_plan_renders_to_docx_pdf_or_both(client):
    docx = client.post("/api/render", content=ONE_PAGE.encode(), headers=YAML)
    assert docx.status_code == 200 and docx.headers["x-gongwen-findings"] == "0"
    assert "三门峡市民政局关于做好" in text_of(docx.content)
    assert "filename*=UTF-8''%E5%85%AC%E6%96%87.docx" in docx.headers["content-disposition"]
    pdf = client.post("/api/render?format=pdf", content=ONE_PAGE.encode(), headers=YAML)
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    both = client.post("/api/render?format=zip", files={"plan": ("p.yaml", ONE_PAGE.encode())})
    names = zipfile.ZipFile(io.BytesIO(both.content)).namelist()
    assert sorted(names) == ["report.json", "公文.docx", "公文.pdf"]
    # a plan as JSON, English keys
    data = {"kind": "notice", "issuers": ["某局"], "title": "某局关于某事的通知", "body": "特此通知。",
            "signature": {"date": "2026-12-07"}}
    assert client.post("/api/render?paginate=false", json=data).status_code == 200


def test_a_plan_names_its_seal_sent_beside_it(client):
    image = (Path(__file__).parent / "cases" / "signature-stamp.png").read_bytes()
    plan = ONE_PAGE.replace("signature:\n", "signature:\n  seal: 章.png\n")
    assert "seal" in plan
    done = client.post("/api/render?paginate=false", files=[("plan", ("p.yaml", plan.encode())),
                                                            ("files", ("章.png", image))])
    assert done.status_code == 200
    package = zipfile.ZipFile(io.BytesIO(done.content))
    assert any(package.read(n) == image for n in package.namelist() if n.startswith("word/media/"))
    # a name is a name in the request's folder, never a path on the server
    escape = client.post("/api/render?paginate=false", files=[("plan", ("p.yaml", plan.replace("章.png",
                                                                                               "../章.png").encode())),
                                                              ("files", ("../../章.png", image))])
    assert escape.status_code == 422 and escape.json()["line"]


@pytest.mark.parametrize("plan, line, words", [
    ("标题: [\n", 2, "YAML"),
    ("标题: 关于某事的通知\n未知键: 1\n", 2, "未知键"),
    ("标题: 关于某事的通知\n发文机关: [某局]\n正文: 甲。\n落款: {日期: 2026-02-30}\n", 4, "2月"),
])
def test_a_bad_plan_is_a_problem_with_the_cli_message_and_its_line(client, plan, line, words, tmp_path):
    found = client.post("/api/render", content=plan.encode(), headers=YAML)
    assert found.status_code == 422 and found.headers["content-type"] == "application/problem+json"
    problem = found.json()
    assert problem["status"] == 422 and problem["line"] == line and words in problem["detail"]
    # the same words the command line prints for the same file
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    cli = subprocess.run([sys.executable, "-m", "gongwen.cli", "render", "plan.yaml", "--no-paginate"],
                         cwd=tmp_path, capture_output=True, text=True)
    assert problem["message"] in cli.stderr


def test_what_a_client_sends_is_never_a_server_error(client):
    for body in (b"\xff\xfe\x00", b"[1, 2]", b"", b"- a\n- b\n", "标题: 某事\n".encode() * 3):
        found = client.post("/api/render", content=body, headers=YAML)
        assert 400 <= found.status_code < 500, (body[:20], found.text)
    assert client.post("/api/render?format=odt", content=ONE_PAGE.encode()).status_code == 422
    assert client.post("/api/check", content=b"PK\x03\x04 not really").status_code == 422
    assert client.post("/api/import", content=b"").status_code == 422
    assert client.get("/api/schema/other").status_code == 404 and client.get("/api/starter/other").status_code == 404


def test_a_request_past_the_size_limit_is_refused_whole(client):
    with TestClient(create_app(workers=1, max_body=1000)) as small:
        refused = small.post("/api/render", content=b"x" * 5000, headers=YAML)
        assert refused.status_code == 413 and "MB" in refused.json()["detail"]
    plan = client.post("/api/render", content=b"# " + b"x" * (3 * 2 ** 20), headers=YAML)
    assert plan.status_code == 422 and "MB" in plan.json()["detail"]


def test_check_gives_the_report_of_check_json(client, tmp_path):
    clerk_document(tmp_path / "faulty.docx", number="三民[2026]3号")
    found = client.post("/api/check", files={"file": ("faulty.docx", (tmp_path / "faulty.docx").read_bytes())})
    assert found.status_code == 200
    cli = subprocess.run([sys.executable, "-m", "gongwen.cli", "check", "faulty.docx", "--json"], cwd=tmp_path,
                         capture_output=True, text=True)
    want = json.loads(cli.stdout)
    got = found.json()
    for entry in got["documents"]:
        entry.pop("sizes")
    assert got == want
    printed = client.post("/api/check?pdf=true&pages=true", content=(tmp_path / "faulty.docx").read_bytes()).json()
    finding = printed["documents"][0]["findings"][0]
    assert finding["page"] == 1 and len(finding["box"]) == 4 and printed["pages"][0].startswith("data:image/png")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (300 * 1024 * 1024))
    refused = client.post("/api/check", content=bomb.getvalue())
    assert refused.status_code == 422 and "zip" in refused.json()["detail"]


def test_import_and_format_take_a_draft(client):
    imported = client.post("/api/import", files={"file": ("notice.md", (DRAFTS / "notice.md").read_bytes())}).json()
    assert "文号: 三民〔2026〕5号" in imported["yaml"] and imported["leftovers"] == []
    formatted = client.post("/api/format?format=zip", files={"file": ("notice.txt",
                                                                      (DRAFTS / "notice.txt").read_bytes())})
    package = zipfile.ZipFile(io.BytesIO(formatted.content))
    assert sorted(package.namelist()) == ["notice.docx", "notice.pdf", "report.json"]
    assert json.loads(package.read("report.json"))["findings"] == []


def test_schema_kinds_starters_and_the_openapi_document(client):
    assert client.get("/api/schema/plan").json()["title"]
    kinds = {k["name"]: k for k in client.get("/api/kinds").json()}
    assert kinds["request"]["upward"] and "issued" in kinds["forward"]["own"]
    assert client.get("/api/starter/通知").text.startswith("# gongwen")
    described = client.get("/openapi.json").json()
    assert described["openapi"].startswith("3.1")
    assert {"/api/render", "/api/check", "/api/import", "/api/format", "/api/schema/{which}", "/api/kinds",
            "/healthz"} <= set(described["paths"])
    health = client.get("/healthz").json()
    assert health["status"] == "ok" and health["workers"] == 1


def test_the_page_and_its_headers(client):
    page = client.get("/", headers={"accept-language": "en-US,en;q=0.9"})
    assert "Download .docx" in page.text and "script-src 'self'" in page.headers["content-security-policy"]
    assert "下载 .docx" in client.get("/").text
    assert "<script>" not in page.text            # no inline script: the policy allows none
    assert client.get("/static/app.js").status_code == 200


def test_a_page_of_another_site_cannot_post_here(client):
    crossed = client.post("/api/render", content=ONE_PAGE.encode(), headers={"origin": "http://example.org", **YAML})
    assert crossed.status_code == 403
    fetched = client.post("/api/render?paginate=false", content=ONE_PAGE.encode(),
                          headers={"origin": "http://testserver", "sec-fetch-site": "same-origin", **YAML})
    assert fetched.status_code == 200


def test_a_token_is_asked_of_every_api_call_when_set():
    with TestClient(create_app(workers=1, token="s3cret")) as guarded:
        assert guarded.get("/api/kinds").status_code == 401
        assert guarded.get("/api/kinds", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert guarded.get("/api/kinds", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        assert guarded.get("/api/kinds", headers={"X-Gongwen-Token": "s3cret"}).status_code == 200
        assert guarded.get("/").status_code == 200 and guarded.get("/healthz").status_code == 200


def test_a_request_past_its_time_limit_is_cancelled_and_the_worker_replaced():
    long_body = "\n".join(f"第{n}段。" + "社会组织党建工作" * 40 for n in range(1500))
    plan = ONE_PAGE.split("body:")[0] + "body: |\n" + "\n".join("  " + line for line in long_body.splitlines()) + \
        "\nsignature:\n  date: 2026-11-24\n"
    with TestClient(create_app(workers=1, time_limit=1)) as hurried:
        started = time.monotonic()
        cancelled = hurried.post("/api/render?format=pdf", content=plan.encode(), headers=YAML)
        assert cancelled.status_code == 503 and cancelled.json()["type"].endswith(":timeout")
        assert time.monotonic() - started < 15
        again = hurried.post("/api/render?paginate=false", content=ONE_PAGE.encode(), headers=YAML)
        assert again.status_code == 200


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _post(url: str, body: bytes) -> tuple[int, float]:
    started = time.monotonic()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/yaml"})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            response.read()
            return response.status, time.monotonic() - started
    except urllib.error.HTTPError as refused:
        return refused.code, time.monotonic() - started


def _tree(pid: int) -> list[int]:
    """A process and all its descendants (the print workers and their LibreOffice)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += children.get(current, [])
    return found


def _rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            total += int((Path("/proc") / str(pid) / "statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            pass
    return total / 2 ** 20


@contextmanager
def running_server(workers: int) -> Iterator[tuple[str, subprocess.Popen]]:
    """``gongwen serve`` on a free loopback port, answering; stopped with Ctrl-C afterwards."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "gongwen.cli", "serve", "--port", str(port), "--workers",
                               str(workers)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        yield base, server
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(60)


def test_uvicorn_serves_twenty_concurrent_renders_on_two_workers_and_stops_clean():
    with running_server(2) as (base, server):
        peak, tree = 0.0, set()
        with ThreadPoolExecutor(max_workers=20) as pool:
            futures = [pool.submit(_post, base + "/api/render?format=pdf", ONE_PAGE.encode()) for _ in range(20)]
            while not all(f.done() for f in futures):
                pids = _tree(server.pid)
                tree |= set(pids)
                peak = max(peak, _rss_mb(pids))
                time.sleep(0.2)
        statuses = [f.result()[0] for f in futures]
        assert len(statuses) == 20 and set(statuses) <= {200, 429, 503}, statuses
        assert statuses.count(200) == 20          # the line holds ten a worker: none refused here
        assert peak < 1536, peak
        assert any("soffice" in _command(pid) for pid in tree)      # the workers' offices were measured
    time.sleep(1)
    assert [pid for pid in tree if _command(pid)] == []          # nothing of the server is left


def _command(pid: int) -> str:
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def test_a_campaign_uploaded_with_its_plans_and_tables_gives_its_facts_and_documents(client):
    folder = FIXTURES / "campaign"
    files = [("files", (path.name, path.read_bytes())) for path in sorted(folder.iterdir())]
    facts = client.post("/api/campaign?facts=true", files=files).json()
    assert facts["facts"]["统计"]["社会组织总数"] == 48
    assert [d["name"] for d in facts["documents"]] == ["实施方案", "简报", "通报", "年度工作报告"]
    archive = zipfile.ZipFile(io.BytesIO(client.post("/api/campaign", files=files).content))
    assert sorted(archive.namelist()) == sorted(["report.json", "实施方案.docx", "简报.docx", "通报.docx",
                                                 "年度工作报告.docx"])
    # nothing without the campaign file
    missing = client.post("/api/campaign", files=[f for f in files if f[1][0] != "campaign.yaml"])
    assert missing.status_code == 422


def test_serve_beyond_this_machine_makes_up_a_token_and_says_it(monkeypatch):
    import uvicorn
    from click.testing import CliRunner

    from gongwen.cli import make_cli

    given = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: given.update(app=app, **kwargs))
    monkeypatch.delenv("GONGWEN_TOKEN", raising=False)
    result = CliRunner().invoke(make_cli(), ["serve", "--host", "0.0.0.0", "--port", "9"])
    assert result.exit_code == 0 and given["host"] == "0.0.0.0"
    token = given["app"].token
    assert token and token in result.stderr and "Bearer" in result.stderr
    local = CliRunner().invoke(make_cli(), ["serve"])
    assert local.exit_code == 0 and given["app"].token is None and given["host"] == "127.0.0.1"
