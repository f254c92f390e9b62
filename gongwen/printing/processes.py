"""Worker processes that print: each has its own LibreOffice, writes its temporary files under
a folder of its pool, leaves Ctrl-C to the main process, and on SIGTERM stops its office and
ends at once.  Shared by ``--jobs`` batches and the server's pool."""
from __future__ import annotations

import os
import signal
import sys
import tempfile


def worker_started(folder: str) -> None:
    """A pool's initializer: temporary files (and the offices' pid notes) under ``folder``."""
    os.environ["TMPDIR"] = os.environ["GONGWEN_OFFICE_PIDS"] = tempfile.tempdir = folder
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _worker_stopped)


def _worker_stopped(signum: int, frame: object) -> None:
    converter = sys.modules.get("gongwen.printing.converter")
    if converter is not None:
        converter.stop_listeners()
    os._exit(128 + signum)


def stop_pool(pool) -> None:
    """Stop a ProcessPoolExecutor now: pending work cancelled, each worker sent SIGTERM (it stops
    its LibreOffice and ends), killed when it does not end in a few seconds."""
    processes = list((pool._processes or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(5)
        if process.is_alive():
            process.kill()
            process.join(1)
