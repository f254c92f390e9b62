"""What the pagination decides and what it traces: the layout choices that only a rendered page
can make, and the record of each paragraph written."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

BanjiPlacement = Literal["flow", "new-page", "blank-page"]


@dataclass(frozen=True)
class Layout:
    """What only the rendered page can decide (:mod:`gongwen.printing.paginate` measures and chooses).
    The default is a document that was never measured."""

    break_at: tuple[int, int] | None = None  # (body block, character index): these lines go with the signature
    to_in_banji: bool = False                # 主送 too long for page 1: printed in the 版记
    banji: BanjiPlacement = "flow"           # after the text / on a new page / after a blank page
    banji_pages: int = 0                     # a 版记 that runs over pages: at least this many
    hanging: bool = True                     # punctuation may hang (off when LibreOffice dropped a mark)


@dataclass(frozen=True)
class Written:
    """One paragraph as written, so the pages of a PDF can be traced back to the plan."""

    role: str          # title, to, body, attachment-note, signature, date, note, attachment, scan, banji
    text: str
    block: int | None = None
