"""The writer a kind writes its document with: the shared parts of every zone of GB/T 9704 §5.

A kind (:mod:`gongwen.compose.kinds`) calls these parts in its own order and adds the parts only
it prints; each part reads its numbers from the profile and records the paragraphs it wrote, so
that the pagination can trace them on the rendered pages.
"""
from __future__ import annotations

from .attachments import AttachmentParts
from .banji import BanjiParts
from .head import HeadParts
from .main import MainParts


class Writer(HeadParts, MainParts, AttachmentParts, BanjiParts):
    """版头, 主体, attachments and 版记, written from the top of page 1 down."""

    def general(self) -> None:
        """The general format (§7): 版头, 主体, the attachment pages, 版记."""
        self.head()
        self.main()
        self.attachments()
        self.banji()
