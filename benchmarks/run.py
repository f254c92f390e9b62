"""Every benchmark, one command: each fixture rendered N times in-process and as a whole CLI
process (medians, and where the in-process time goes: load, render, save), title breaking by
length, importing drafts, then the speed figures beside their floors (benchmarks/speed.py).
Run: .venv/bin/python benchmarks/run.py [N]"""
from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import gongwen

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted(ROOT.glob("fixtures/*.yaml")) + sorted(ROOT.glob("fixtures/seeds/*.yaml"))


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:7.1f}"


def main(n: int = 20) -> None:
    out = Path(tempfile.mkdtemp())
    for plan_path in FIXTURES:       # warm caches (profile, imports, segmenter)
        gongwen.save(gongwen.render(gongwen.load_plan(plan_path)), out / "warm.docx")
    print(f"{'fixture':<14}{'load ms':>9}{'render ms':>11}{'save ms':>9}{'total ms':>10}{'CLI s':>8}")
    for plan_path in FIXTURES:
        load, render, save = [], [], []
        for _run in range(n):
            t0 = time.perf_counter()
            plan = gongwen.load_plan(plan_path)
            t1 = time.perf_counter()
            document = gongwen.render(plan)
            t2 = time.perf_counter()
            gongwen.save(document, out / f"{plan_path.stem}.docx")
            t3 = time.perf_counter()
            load.append(t1 - t0), render.append(t2 - t1), save.append(t3 - t2)
        total = [a + b + c for a, b, c in zip(load, render, save)]
        cli = []
        for _run in range(max(3, n // 4)):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "gongwen.cli", "render", str(plan_path), "-o", str(out),
                            "--no-paginate"],
                           check=True, capture_output=True)
            cli.append(time.perf_counter() - t0)
        print(f"{plan_path.stem:<14}{median_ms(load):>9}{median_ms(render):>11}{median_ms(save):>9}"
              f"{median_ms(total):>10}{statistics.median(cli):>8.2f}")
    titles(n)
    drafts(out, n)


def drafts(out: Path, n: int) -> None:
    """Importing drafts: each fixture's .docx as written above, and the text and Markdown drafts
    of tests/drafts (read and structured, no plan validation)."""
    from gongwen.drafts import read_draft

    sources = [out / f"{p.stem}.docx" for p in FIXTURES] + sorted((ROOT / "tests" / "drafts").glob("notice.*[dt]"))
    for source in sources:
        samples = []
        for _run in range(n):
            t0 = time.perf_counter()
            read_draft(source)
            samples.append(time.perf_counter() - t0)
        print(f"import {source.name:<18}{median_ms(samples)} ms")


def titles(n: int) -> None:
    """Title breaking by length (the combinatorial search it replaced took 34 s at 120 characters
    and never finished at 140)."""
    from gongwen.compose.titles import TitleTooLong, break_title

    phrase = "关于在全市社会组织中开展党组织百日集中组建活动并加强党建工作指导员队伍建设的通知"
    for length in (40, 80, 120, 140, 300):
        text = (phrase * 10)[:length]
        samples = []
        for _run in range(n):
            t0 = time.perf_counter()
            try:
                break_title(text, 20)
                outcome = "broken in"
            except TitleTooLong:
                outcome = "refused in"   # beyond the profile's title.max_lines
            samples.append(time.perf_counter() - t0)
        print(f"title of {length:>3} characters {outcome} {median_ms(samples)} ms")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:]))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import speed

    speed.main()
