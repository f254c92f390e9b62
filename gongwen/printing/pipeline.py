"""One pass of a batch at LibreOffice's pace: with an office listening, the documents are
converted one after another in a thread of their own while the caller composes the next one and
measures the last (the thread only waits on the office, so both go on at once).  Without one
(``soffice --convert-to``, one run per batch) they are converted together once the last is in;
either way one broken document never spoils the others and its error names it."""
from __future__ import annotations

import queue
import threading
from collections.abc import Hashable, Iterator, Sequence
from pathlib import Path

from ..errors import ConvertError
from ..profile import Profile
from .converter import convert, listening

Converted = tuple[Hashable, Path | BaseException]      # a document's key, and its PDF or what went wrong


class Pipeline:
    """Documents given with :meth:`put` come back from :meth:`results` as (key, PDF or error),
    in the order given."""

    def __init__(self, profiles: Sequence[Profile]):
        # every document of the pass is converted under the faces of all: one office for the pass
        self.profiles = list(dict.fromkeys(profiles))
        self.given: list[tuple[Hashable, Path]] = []
        self.threaded = listening()
        if self.threaded:
            self.todo: queue.SimpleQueue = queue.SimpleQueue()
            self.done: queue.SimpleQueue = queue.SimpleQueue()
            threading.Thread(target=self._work, daemon=True).start()

    def put(self, key: Hashable, document: Path) -> None:
        self.given.append((key, document))
        if self.threaded:
            self.todo.put((key, document))

    def results(self) -> Iterator[Converted]:
        if not self.threaded:
            yield from self._together()
            return
        self.todo.put(None)
        for _document in self.given:
            yield self.done.get()

    def _work(self) -> None:
        while (item := self.todo.get()) is not None:
            key, document = item
            try:
                self.done.put((key, convert([document], profiles=self.profiles)[0]))
            except BaseException as error:      # handed to the caller's thread, which raises or reports it
                self.done.put((key, error))

    def _together(self) -> Iterator[Converted]:
        """One LibreOffice run for the pass; when it fails, one run per document."""
        if not self.given:
            return
        try:
            pdfs = convert([document for _key, document in self.given], profiles=self.profiles)
        except ConvertError as error:
            if len(self.given) == 1:
                yield self.given[0][0], error
                return
        else:
            yield from ((key, pdf) for (key, _document), pdf in zip(self.given, pdfs))
            return
        for key, document in self.given:
            try:
                yield key, convert([document], profiles=self.profiles)[0]
            except ConvertError as error:
                yield key, error
