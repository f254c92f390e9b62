"""PDF time per document: one document cold (LibreOffice's first start in this process) and
warm, 100 documents in one LibreOffice run, and the whole pagination loop for 100 plans.
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
    print(f"single .docx → PDF, cold (first LibreOffice start): {cold:6.2f} s")
    print(f"single .docx → PDF, warm:                           {warm:6.2f} s")
    print(f"{n} documents in one LibreOffice run:               {converted:6.2f} s  ({converted / n:.3f} s/doc)")
    print(f"{n} plans paginated ({passes} passes at most):       {paginated:6.2f} s  ({paginated / n:.3f} s/doc)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:]))
