"""PDF time per document: one document cold (LibreOffice's first start in this process) and
warm, 100 documents in one LibreOffice run, the whole pagination loop for 100 plans, and
drawing a two-page scanned attachment into a converted document.
Run: .venv/bin/python benchmarks/pdf.py [N]   (N documents in the batches, default 100)"""
from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

import gongwen
from gongwen.paginate import Job, paginate
from gongwen.pdf import convert
from gongwen.scans import Scan, overlay

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted(ROOT.glob("fixtures/*.yaml")) + sorted(ROOT.glob("fixtures/seeds/*.yaml"))


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main(n: int = 100) -> None:
    work = Path(tempfile.mkdtemp(prefix="gongwen-bench-"))
    plans = [(p, gongwen.load_plan(p)) for p in FIXTURES]
    sources = []
    for path, plan in plans:
        target = work / f"{path.stem}.docx"
        gongwen.save(gongwen.render(plan, base_dir=path.parent), target)
        sources.append(target)
    single = sources[0]
    cold = timed(lambda: convert([single], work / "cold"))
    warm = min(timed(lambda: convert([single], work / "warm")) for _ in range(3))
    batch = []
    for i in range(n):
        copy = work / "batch" / f"{i:03d}-{sources[i % len(sources)].name}"
        copy.parent.mkdir(exist_ok=True)
        shutil.copy2(sources[i % len(sources)], copy)
        batch.append(copy)
    converted = timed(lambda: convert(batch, work / "batch-pdf"))
    jobs = [Job(plans[i % len(plans)][1], f"{i:03d}", base_dir=plans[i % len(plans)][0].parent) for i in range(n)]
    results: list = []
    paginated = timed(lambda: results.extend(paginate(jobs, work / "paginate")))
    passes = max(r.passes for r in results)
    report = next(r for r in results if r.job.plan.attachments and r.job.plan.attachments[-1].pdf)
    scans = [Scan(report.job.plan.attachments[-1].pdf, (4, 5), top_mm=77.85)]
    base = report.pdf.read_bytes()

    def draw() -> None:
        target = work / "scan.pdf"
        target.write_bytes(base)
        overlay(target, scans, report.job.resolved_profile())

    draw()   # pypdf's import is paid once, as in a run
    drawn = min(timed(draw) for _ in range(5))
    print(f"single .docx → PDF, cold (first LibreOffice start): {cold:6.2f} s")
    print(f"single .docx → PDF, warm:                           {warm:6.2f} s")
    print(f"{n} documents in one LibreOffice run:               {converted:6.2f} s  ({converted / n:.3f} s/doc)")
    print(f"{n} plans paginated ({passes} passes at most):       {paginated:6.2f} s  ({paginated / n:.3f} s/doc)")
    print(f"two-page scan drawn into a converted document:      {drawn:6.3f} s")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:]))
