"""The speed figures of issue 12, each beside its floor and the ratio, in one run:

- in-process .docx of seed 000 (load + render + save) vs a plain docxtpl render of our
  template vs the zip floor (writing the same parts into a zip);
- the CLI writing that .docx vs ``python -c pass``;
- one paginated PDF through the CLI: cold (a LibreOffice profile made anew) and with the
  cached profile; warm (the converter already running in the process);
- N plans with ``--pdf`` in one CLI call, per document;
- measuring a PDF of 10 pages vs 500 pages, per page;
- reviewing (``gongwen check``, text rules) a .docx of 1,000 vs 100,000 paragraphs, per paragraph.

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
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import gongwen
from gongwen.compose.render import document_bytes, template_path
from gongwen.printing.measure import measure
from gongwen.printing.paginate import Job, paginate

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seeds" / "000.yaml"
FIXTURES = sorted(ROOT.glob("fixtures/*.yaml")) + sorted(ROOT.glob("fixtures/seeds/*.yaml"))
PYTHON = sys.executable


def median(action: Callable[[], object], runs: int) -> float:
    samples = []
    for _run in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def row(label: str, ours: float, floor: float, floor_label: str, unit: str = "ms") -> None:
    scale, digits = (1000, 1) if unit == "ms" else (1, 3)
    print(f"{label:<46}{ours * scale:9.{digits}f} {unit}   {floor_label:<30}{floor * scale:9.{digits}f} {unit}   "
          f"× {ours / floor:5.2f}")


def cli(*args: str, env: dict[str, str] | None = None) -> None:
    subprocess.run([PYTHON, "-m", "gongwen.cli", *args], check=True, capture_output=True, env=env)


def docx_figures(out: Path) -> None:
    plan = gongwen.load_plan(SEED)
    ours = median(lambda: document_bytes(gongwen.render(gongwen.load_plan(SEED))), 30)
    render_only = median(lambda: document_bytes(gongwen.render(plan)), 30)
    from docxtpl import DocxTemplate

    def docxtpl_floor() -> None:
        template = DocxTemplate(str(template_path("notice")))
        template.render({})
        template.save(io.BytesIO())

    with zipfile.ZipFile(io.BytesIO(document_bytes(gongwen.render(plan)))) as made:
        parts = {name: made.read(name) for name in made.namelist()}

    def zip_floor() -> None:
        with zipfile.ZipFile(io.BytesIO(), "w", zipfile.ZIP_DEFLATED) as archive:
            for name, blob in parts.items():
                archive.writestr(name, blob)

    docxtpl = median(docxtpl_floor, 30)
    row("in-process .docx, seed 000 (load+render+save)", ours, docxtpl, "plain docxtpl, our template")
    row("in-process .docx, seed 000 (render+save)", render_only, docxtpl, "plain docxtpl, our template")
    row("in-process .docx, seed 000 (render+save)", render_only, median(zip_floor, 30), "zip floor (same parts)")
    process = median(lambda: cli("render", str(SEED), "-o", str(out), "--no-paginate"), 9)
    row("CLI .docx, seed 000", process, median(lambda: subprocess.run([PYTHON, "-c", "pass"], check=True), 9),
        "python -c pass", "s")


def pdf_figures(out: Path, n: int) -> None:
    cache = Path(tempfile.mkdtemp(prefix="gongwen-bench-cache-"))
    env = dict(os.environ, XDG_CACHE_HOME=str(cache))
    start = time.perf_counter()
    cli("render", str(SEED), "-o", str(out), "--pdf", env=env)        # a LibreOffice profile made anew
    cold = time.perf_counter() - start
    cached = median(lambda: cli("render", str(SEED), "-o", str(out), "--pdf", env=env), 3)
    shutil.rmtree(cache, ignore_errors=True)
    job = Job(gongwen.load_plan(SEED), "000", base_dir=SEED.parent)
    paginate([job], out / "first")                                      # the converter starts here
    warm = median(lambda: paginate([job], out / "warm"), 5)
    print(f"one paginated PDF (seed 000, {paginate([job], out / 'passes')[0].passes} passes):")
    print(f"  CLI, cold (LibreOffice profile made anew)   {cold:6.2f} s")
    print(f"  CLI, cached LibreOffice profile             {cached:6.2f} s")
    print(f"  in process, converter running (warm)        {warm:6.2f} s")
    batch = out / "batch"
    batch.mkdir()
    plans = []
    for i in range(n):
        source = FIXTURES[i % len(FIXTURES)]
        target = batch / f"{i:03d}-{source.name}"
        shutil.copy2(source, target)
        plans.append(target)
        for asset in source.parent.iterdir():        # seals, tables, scans named by the plans
            if asset.suffix in (".png", ".csv", ".pdf") and not (batch / asset.name).exists():
                shutil.copy2(asset, batch / asset.name)
    start = time.perf_counter()
    cli("render", *map(str, plans), "-o", str(out / "batch-out"), "--pdf")
    took = time.perf_counter() - start
    print(f"{n} plans with --pdf in one CLI call            {took:6.2f} s   ({took / n:.3f} s per document)")


def measure_figures(out: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    source = paginate([Job(gongwen.load_plan(ROOT / "fixtures/seeds/001.yaml"), "001",
                           base_dir=ROOT / "fixtures/seeds")], out / "measure")[0].pdf
    pages = PdfReader(source).pages
    for count in (10, 500):
        writer = PdfWriter()
        for i in range(count):
            writer.add_page(pages[i % len(pages)])
        target = out / f"pages-{count}.pdf"
        with target.open("wb") as handle:
            writer.write(handle)
        took = median(lambda target=target: measure(target), 3 if count == 500 else 9)
        print(f"measuring {count:>3} pages                            {took:6.2f} s   "
              f"({took / count * 1000:.2f} ms per page)")


def review_figures(out: Path) -> None:
    """The review grows with the document's paragraphs and nothing else (issue 18: style lookups
    once per document)."""
    import copy

    from docx import Document

    from gongwen.profile import load_profile
    from gongwen.review.document import review

    plan = gongwen.load_plan(SEED)
    gongwen.save(gongwen.render(plan), out / "base.docx")
    for count in (1_000, 100_000):
        document = Document(str(out / "base.docx"))
        body = next(p for p in document.paragraphs if p.style.style_id == "GwBody")
        for _i in range(count):
            body._p.addnext(copy.deepcopy(body._p))
        target = out / f"review-{count}.docx"
        document.save(str(target))
        took = median(lambda target=target: review(target, load_profile()), 3 if count > 1_000 else 9)
        print(f"reviewing {count:>7,} paragraphs                {took:6.2f} s   "
              f"({took / count * 1000:.3f} ms per paragraph)")


def main(n: int = 50) -> None:
    out = Path(tempfile.mkdtemp(prefix="gongwen-speed-"))
    try:
        docx_figures(out)
        pdf_figures(out, n)
        measure_figures(out)
        review_figures(out)
    finally:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:]))
