"""The speed figures of issues 12 and 22, each run interleaved with its floor (ours, floor,
ours, floor … at least five rounds), so that a noisy machine moves both alike: the medians,
their ratio, and the load average before and after.

- in-process .docx of seed 000 (load + render + save) vs a plain docxtpl render of our template;
- 1,000 .docx in one process vs a plain docxtpl loop;
- the CLI writing that .docx vs ``python -c "import docx"``;
- one paginated PDF through the CLI vs one bare ``soffice --convert-to pdf`` of the same .docx,
  cold (profiles made anew, both) and cached;
- growth with length: 1, 10 and 100 pages, ours vs soffice, and the cost of a page more;
- N varied plans with ``--pdf`` in one CLI call vs soffice converting their N .docx in one call,
  with the peak memory of each process tree;
- measuring a PDF, per page, vs pypdfium2 loading each page's text;
- ``gongwen check`` (the text review) of 100 documents, per document;
- the share of documents that settle in one pass (fixtures, cases, trust plans; 200 varied plans
  from ``varied.py``; all together) and the conversions per document.

Run: .venv/bin/python benchmarks/speed.py [N]   (N plans in the batch, default 50)
"""
from __future__ import annotations

import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import gongwen
from gongwen.compose.render import document_bytes, template_path
from gongwen.fonts import environment
from gongwen.printing.converter import soffice
from gongwen.printing.measure import measure
from gongwen.printing.paginate import Job, paginate

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
import varied  # noqa: E402  (beside this file)
from test_serve import _rss_mb, _tree  # noqa: E402  (the tests' own helpers)

SEED = ROOT / "fixtures" / "seeds" / "000.yaml"
FIXTURES = sorted(ROOT.glob("fixtures/*.yaml")) + sorted(ROOT.glob("fixtures/seeds/*.yaml"))
PYTHON = sys.executable
ROUNDS = 5


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def interleaved(label: str, ours: Callable[[], object], floor: Callable[[], object], floor_label: str,
                rounds: int = ROUNDS, unit: str = "s", per: int = 1) -> tuple[float, float]:
    """Run ours and the floor in turns; print and return the medians (divided by ``per``)."""
    mine, theirs = [], []
    for _round in range(rounds):
        mine.append(timed(ours))
        theirs.append(timed(floor))
    a, b = statistics.median(mine) / per, statistics.median(theirs) / per
    row(label, a, b, floor_label, unit)
    return a, b


def row(label: str, ours: float, floor: float, floor_label: str, unit: str = "s") -> None:
    scale, digits = (1000, 1) if unit == "ms" else (1, 3)
    print(f"{label:<44}{ours * scale:9.{digits}f} {unit}  {floor_label:<34}{floor * scale:9.{digits}f} {unit}"
          f"  × {ours / floor:5.2f}", flush=True)


def cli(*args: str, env: dict[str, str] | None = None) -> None:
    subprocess.run([PYTHON, "-m", "gongwen.cli", *args], check=True, capture_output=True, env=env)


def bare_soffice(documents: list[Path], out: Path, profile: Path) -> None:
    """LibreOffice converting ``documents`` to PDF in one call, with our fonts, nothing else."""
    subprocess.run([str(soffice()), f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(out), *map(str, documents)],
                   check=True, capture_output=True, env=environment())


def peak_memory(command: list[str], env: dict[str, str] | None = None) -> float:
    """Run ``command``; the peak resident memory of its process tree, in MiB."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    peak = 0.0

    def watch() -> None:
        nonlocal peak
        while process.poll() is None:
            peak = max(peak, _rss_mb(_tree(process.pid)))
            time.sleep(0.05)

    watcher = threading.Thread(target=watch)
    watcher.start()
    process.wait()
    watcher.join()
    return peak / 1.048576


def docx_figures(out: Path) -> None:
    from docxtpl import DocxTemplate

    def docxtpl_floor() -> None:
        template = DocxTemplate(str(template_path("notice")))
        template.render({})
        template.save(io.BytesIO())

    interleaved("in-process .docx, seed 000 (load+render+save)",
                lambda: document_bytes(gongwen.render(gongwen.load_plan(SEED))), docxtpl_floor,
                "plain docxtpl, our template", rounds=30, unit="ms")
    plans = [gongwen.load_plan(path) for path in FIXTURES]
    target = out / "thousand"
    target.mkdir()

    def thousand() -> None:
        for i in range(1000):
            gongwen.save(gongwen.render(plans[i % len(plans)]), target / f"{i}.docx")

    def thousand_floor() -> None:
        for i in range(1000):
            template = DocxTemplate(str(template_path("notice")))
            template.render({})
            template.save(str(target / f"floor-{i}.docx"))

    interleaved("1,000 .docx in one process", thousand, thousand_floor, "docxtpl loop ×1000", rounds=3)
    interleaved("CLI .docx, seed 000", lambda: cli("render", str(SEED), "-o", str(out), "--no-paginate"),
                lambda: subprocess.run([PYTHON, "-c", "import docx"], check=True), 'python -c "import docx"',
                rounds=9)


def pdf_figures(out: Path, n: int) -> None:
    cli("render", str(SEED), "-o", str(out), "--no-paginate")
    docx = out / "000.docx"
    fresh = []

    def cold_ours() -> None:
        cache = Path(tempfile.mkdtemp(prefix="gongwen-bench-cache-"))
        fresh.append(cache)
        cli("render", str(SEED), "-o", str(out / "cold"), "--pdf", env=dict(os.environ, XDG_CACHE_HOME=str(cache)))

    def cold_floor() -> None:
        profile = Path(tempfile.mkdtemp(prefix="gongwen-bench-lo-"))
        fresh.append(profile)
        bare_soffice([docx], out / "cold-floor", profile)

    interleaved("paginated PDF, seed 000, cold", cold_ours, cold_floor, "bare soffice, new profile", rounds=3)
    floor_profile = Path(tempfile.mkdtemp(prefix="gongwen-bench-lo-"))
    fresh.append(floor_profile)
    bare_soffice([docx], out / "warm-floor", floor_profile)
    interleaved("paginated PDF, seed 000, cached profile", lambda: cli("render", str(SEED), "-o", str(out), "--pdf"),
                lambda: bare_soffice([docx], out / "warm-floor", floor_profile), "bare soffice, cached profile")
    growth(out, floor_profile)
    batch(out, n, floor_profile)
    for folder in fresh:
        shutil.rmtree(folder, ignore_errors=True)


def growth(out: Path, floor_profile: Path) -> None:
    """Ours and soffice for documents of about 1, 10 and 100 pages; the cost of a page more."""
    paragraph = "为推进社会组织规范化建设，各单位要对照评估标准逐项自评，如实填写申报表，按时报送材料，" * 2
    figures = {}
    for pages in (1, 10, 100):
        folder = out / f"growth-{pages}"
        folder.mkdir()
        body = "\n".join([paragraph] * max(1, pages * 7 - 4))
        path = folder / "plan.yaml"
        path.write_text("发文机关: [三门峡市民政局]\n文号: 三民〔2026〕3号\n标题: 三门峡市民政局关于做好年报工作的通知\n"
                        "主送: [各县（市、区）民政局]\n正文: |\n" + "".join(f"  {line}\n" for line in body.splitlines())
                        + "落款:\n  日期: 2026-11-24\n", encoding="utf-8")
        cli("render", str(path), "-o", str(folder), "--no-paginate")
        figures[pages] = interleaved(
            f"paginated PDF, {pages:>3} page(s)",
            lambda path=path, folder=folder: cli("render", str(path), "-o", str(folder), "--pdf"),
            lambda folder=folder: bare_soffice([folder / "plan.docx"], folder / "floor", floor_profile),
            "bare soffice, same .docx", rounds=3 if pages == 100 else ROUNDS)
    ours = (figures[100][0] - figures[10][0]) / 90
    floor = (figures[100][1] - figures[10][1]) / 90
    row("  a page more (10 → 100 pages)", ours, floor, "soffice, a page more", "ms")


def batch(out: Path, n: int, floor_profile: Path) -> None:
    folder = out / "batch"
    folder.mkdir()
    plans = []
    for i in range(n):
        source = FIXTURES[i % len(FIXTURES)]
        target = folder / f"{i:03d}-{source.name}"
        shutil.copy2(source, target)
        plans.append(target)
        for asset in source.parent.iterdir():        # seals, tables, scans named by the plans
            if asset.suffix in (".png", ".csv", ".pdf", ".xlsx") and not (folder / asset.name).exists():
                shutil.copy2(asset, folder / asset.name)
    cli("render", *map(str, plans), "-o", str(out / "batch-docx"), "--no-paginate")
    documents = sorted((out / "batch-docx").glob("*.docx"))
    interleaved(f"{n} plans --pdf, one call, per document",
                lambda: cli("render", *map(str, plans), "-o", str(out / "batch-out"), "--pdf"),
                lambda: bare_soffice(documents, out / "batch-floor", floor_profile),
                f"soffice, their {n} .docx in one call", rounds=3, per=n)
    ours = peak_memory([PYTHON, "-m", "gongwen.cli", "render", *map(str, plans), "-o", str(out / "batch-mem"),
                        "--pdf"])
    floor = peak_memory([str(soffice()), f"-env:UserInstallation=file://{floor_profile}", "--headless",
                         "--norestore", "--convert-to", "pdf", "--outdir", str(out / "batch-mem-floor"),
                         *map(str, documents)], env=environment())
    print(f"{'  peak memory of that batch (process tree)':<44}{ours:9.0f} MiB  {'soffice':<34}{floor:9.0f} MiB"
          f"  × {ours / floor:5.2f}", flush=True)


def measure_figures(out: Path) -> None:
    import pypdfium2 as pdfium
    from pypdf import PdfReader, PdfWriter

    source = paginate([Job(gongwen.load_plan(ROOT / "fixtures/seeds/001.yaml"), "001",
                           base_dir=ROOT / "fixtures/seeds")], out / "measure")[0].pdf
    pages = PdfReader(source).pages
    for count in (13, 500):
        writer = PdfWriter()
        for i in range(count):
            writer.add_page(pages[i % len(pages)])
        target = out / f"pages-{count}.pdf"
        with target.open("wb") as handle:
            writer.write(handle)

        def floor(target: Path = target) -> None:
            document = pdfium.PdfDocument(target)
            for i in range(len(document)):
                page = document[i]
                text = page.get_textpage()
                text.get_text_range()
                text.close()
                page.close()
            document.close()

        interleaved(f"measuring {count} pages, per page", lambda target=target: measure(target), floor,
                    "pypdfium2 loading each page's text", unit="ms", per=count,
                    rounds=3 if count == 500 else ROUNDS)


def review_figures(out: Path) -> None:
    from gongwen.review.document import review

    documents = []
    for i in range(100):
        path = FIXTURES[i % len(FIXTURES)]
        documents.append(gongwen.save(gongwen.render(gongwen.load_plan(path)), out / f"check-{i}.docx"))
    took = statistics.median(timed(lambda: [review(d) for d in documents]) for _round in range(3)) / 100
    print(f"{'gongwen check (text review), batch of 100':<44}{took * 1000:9.1f} ms per document", flush=True)


def one_pass_share(out: Path, varied_count: int = 200) -> None:
    plans = FIXTURES + sorted((ROOT / "tests" / "cases").glob("*.yaml")) + \
        sorted((ROOT / "tests" / "trust").glob("*.yaml"))
    sets = {"fixtures, cases, trust": [Job(gongwen.load_plan(path, root=ROOT), f"{i}-{path.stem}",
                                           base_dir=path.parent) for i, path in enumerate(plans)],
            f"{varied_count} varied plans": varied.jobs(varied_count)}
    every = []
    for label, jobs in sets.items():
        done = [r for r in paginate(jobs, out / f"passes-{len(jobs)}", raise_errors=False) if r.error is None]
        every += done
        share(label, done)
    share("all of them", every)


def share(label: str, done: list) -> None:
    once = sum(r.passes == 1 for r in done)
    print(f"{'settled in one pass, ' + label:<44}{once:9d} of {len(done)}  ({once / len(done):.0%}), "
          f"{sum(r.passes for r in done) / len(done):.2f} conversions per document", flush=True)


def main(n: int = 50) -> None:
    out = Path(tempfile.mkdtemp(prefix="gongwen-speed-"))
    print(f"load average {os.getloadavg()[0]:.2f} (1 min) on {os.cpu_count()} cores", flush=True)
    try:
        docx_figures(out)
        pdf_figures(out, n)
        measure_figures(out)
        review_figures(out)
        one_pass_share(out)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    print(f"load average {os.getloadavg()[0]:.2f} (1 min) at the end", flush=True)


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:]))
