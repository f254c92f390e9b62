"""通报 (bulletin): commends, criticises or makes known a situation (《党政机关公文处理工作条例》
第八条); laid out in the general format of GB/T 9704-2012 §7, like a 通知."""
from __future__ import annotations

from ..writer import Writer


def write(w: Writer) -> None:
    w.general()
