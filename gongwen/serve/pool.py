"""The server's print workers: a fixed number of processes, each with its own LibreOffice and
one request at a time (as ``render --jobs`` runs them); requests beyond them wait in a bounded
line and are refused beyond it (HTTP 429).  A request past its time limit is cancelled: its
process is stopped with its office and a fresh one takes its place."""
from __future__ import annotations

import asyncio
import functools
import multiprocessing
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, Callable

from ..printing.processes import stop_pool, worker_started


class Busy(Exception):
    """Every worker is busy and the line of waiting requests is full."""


class TimedOut(Exception):
    """The request ran past the time limit and was cancelled."""


def _warm() -> bool:
    """Start this worker's LibreOffice now, so the first request does not wait for it."""
    from ..printing.converter import soffice, start_converter
    from ..profile import load_profile

    if soffice() is not None:
        start_converter([load_profile()])
    return True


class PrintPool:
    def __init__(self, workers: int, waiting: int, time_limit: float):
        self.workers, self.max_waiting, self.time_limit = workers, waiting, time_limit
        self.folder = tempfile.mkdtemp(prefix="gongwen-serve-")
        self.context = multiprocessing.get_context("spawn")     # no threads of the server copied into a worker
        self.slots = [self._start() for _ in range(workers)]
        self.free: asyncio.Queue[int] | None = None
        self.waiting = 0
        self.busy = 0

    def _start(self) -> ProcessPoolExecutor:
        executor = ProcessPoolExecutor(max_workers=1, mp_context=self.context, initializer=worker_started,
                                       initargs=(self.folder,))
        executor.submit(_warm)
        return executor

    async def run(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``function(*args, **kwargs)`` in a free worker; :class:`Busy` when the line is full,
        :class:`TimedOut` past the time limit (waiting included)."""
        if self.free is None:
            self.free = asyncio.Queue()
            for index in range(self.workers):
                self.free.put_nowait(index)
        if self.free.empty() and self.waiting >= self.max_waiting:
            raise Busy
        loop = asyncio.get_running_loop()
        started = loop.time()
        self.waiting += 1
        try:
            index = await asyncio.wait_for(self.free.get(), self.time_limit)
        except TimeoutError:
            raise Busy from None
        finally:
            self.waiting -= 1
        self.busy += 1
        try:
            future = self.slots[index].submit(functools.partial(function, *args, **kwargs))
            left = max(1.0, self.time_limit - (loop.time() - started))
            return await asyncio.wait_for(asyncio.wrap_future(future), left)
        except TimeoutError:
            await self._replace(index)
            raise TimedOut from None
        except BrokenProcessPool:
            await self._replace(index)
            raise
        finally:
            self.busy -= 1
            self.free.put_nowait(index)

    async def _replace(self, index: int) -> None:
        old = self.slots[index]
        self.slots[index] = self._start()
        await asyncio.get_running_loop().run_in_executor(None, stop_pool, old)

    def close(self) -> None:
        from ..printing.office_profile import stop_recorded

        for executor in self.slots:
            stop_pool(executor)
        stop_recorded(Path(self.folder))
        shutil.rmtree(self.folder, ignore_errors=True)
