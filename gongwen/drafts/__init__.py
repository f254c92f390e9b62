"""The drafts people already have → a plan: a .docx made in Word, WPS or LibreOffice (or by
gongwen, then edited), text pasted from a chat or an e-mail, Markdown from another tool.

``word`` and ``text`` read each form into the same :class:`~gongwen.drafts.lines.Draft` (lines
with what their look says); ``structure`` (with ``zones`` and ``brief``) finds the elements as
the reviewer's reading finds them on a page; ``plan_file`` writes the commented plan;
``importing`` joins them (:func:`import_draft`).
"""
from __future__ import annotations

from .importing import Imported, import_draft, read_draft
from .lines import DraftError, Leftover

__all__ = ["DraftError", "Imported", "Leftover", "import_draft", "read_draft"]
