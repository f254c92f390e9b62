"""The server's figures (issue 20), against ``gongwen serve`` on a free loopback port:
- a .docx through the API for one client (no pagination, and paginated): p50, p95;
- the preview of a one-page notice refreshed after an edit, warm worker: p50, p95;
- 20 concurrent PDF renders on 2 print workers: none lost, p50/p95 latency, peak memory of the
  server and everything it started (workers, LibreOffice).
Run: .venv/bin/python benchmarks/serve.py"""
from __future__ import annotations

import statistics
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from test_serve import _post, _rss_mb, _tree, running_server  # noqa: E402  (the tests' own helpers)

PLAN = (ROOT / "fixtures" / "one-page.yaml").read_text(encoding="utf-8")


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"p50 {statistics.median(ordered) * 1000:7.0f} ms   p95 {p95 * 1000:7.0f} ms   (n={len(ordered)})"


def preview(base: str, n: int) -> list[float]:
    """Each edit a different body line, so nothing is served from a cache."""
    samples = []
    for i in range(n):
        plan = PLAN.replace("现就做好", f"现就做好（第{i}次修改）")
        boundary = "gongwenbenchmark"
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"plan\"; filename=\"plan.yaml\"\r\n"
                f"Content-Type: application/yaml\r\n\r\n{plan}\r\n--{boundary}--\r\n").encode()
        request = urllib.request.Request(base + "/api/preview", data=body, headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}"})
        started = time.monotonic()
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
        samples.append(time.monotonic() - started)
    return samples


def main() -> None:
    with running_server(2) as (base, server):
        time.sleep(3)                              # the workers' offices started
        for paginate in ("false", "true"):
            samples = [_post(f"{base}/api/render?paginate={paginate}", PLAN.encode())[1] for _ in range(30)]
            print(f".docx, one client, paginate={paginate:<5}  {percentiles(samples)}")
        print(f"preview refreshed after an edit        {percentiles(preview(base, 20))}")
        peak, statuses, times = 0.0, [], []
        with ThreadPoolExecutor(max_workers=20) as pool:
            futures = [pool.submit(_post, base + "/api/render?format=pdf", PLAN.encode()) for _ in range(20)]
            while not all(f.done() for f in futures):
                peak = max(peak, _rss_mb(_tree(server.pid)))
                time.sleep(0.1)
        for future in futures:
            status, seconds = future.result()
            statuses.append(status)
            times.append(seconds)
        print(f"20 concurrent PDFs on 2 workers: {statuses.count(200)} done, "
              f"{sum(s in (429, 503) for s in statuses)} refused, {20 - len(statuses)} lost; {percentiles(times)}; "
              f"peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
