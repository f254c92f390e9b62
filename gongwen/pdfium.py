"""pdfium, one thread at a time: the library pypdfium2 wraps is not thread-safe, and the page
measure keeps C buffers per process.  Whoever opens a PDF with it holds :data:`LOCK`."""
from __future__ import annotations

import threading

LOCK = threading.RLock()
