"""A draft file (or its bytes) → the plan: read by its form (.docx, plain text, Markdown),
structured into the plan's fields, the seal kept beside the plan, validated as a plan file is."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import Location, PlanWarning, warn
from ..i18n import _
from .lines import Draft, DraftError, Leftover
from .patterns import Change
from .structure import Found, structure

if TYPE_CHECKING:
    from ..plan.model import Plan

FORMS = ("docx", "txt", "md")
MAX_TEXT = 10 * 1024 * 1024         # a text draft past this is not a document
_MARKDOWN = re.compile(r"^(#{1,6}\s|\|.*\|\s*$|[-*+]\s|```)", re.MULTILINE)


@dataclass
class Imported:
    """What an import found: the plan's fields, the draft's text, what was left over and what
    was written in the standard's form, and the seal's file name once saved."""

    found: Found
    draft: Draft
    form: str

    @property
    def fields(self) -> dict:
        return self.found.fields

    @property
    def leftovers(self) -> list[Leftover]:
        return self.found.leftovers

    @property
    def changes(self) -> list[Change]:
        return self.found.changes

    def seal_file(self, folder: Path | None, stem: str = "印章") -> dict[Path, bytes]:
        """The seal image as a file for ``folder`` (named in the plan's 落款 from now on); none
        without a folder — then the seal is a leftover, since a plan can only name a file."""
        seal = self.found.seal
        if seal is None or "signature" not in self.fields:
            return {}
        if folder is None:
            self.found.leftovers.append(Leftover(_("[seal image: not kept, give an output folder]"), "signature"))
            return {}
        path = Path(folder) / f"{stem}.{seal.extension}"
        self.fields["signature"]["seal"] = path.name
        return {path: seal.data}


def read_draft(source: str | Path | bytes, kind: str | None = None, form: str | None = None) -> Imported:
    """The draft at ``source`` (a path, or the file's bytes) structured; ``form`` says docx, txt
    or md when bytes or an unusual suffix leave it open."""
    from .text import decode, read_markdown, read_text
    from .word import read_docx

    where = Location(Path(source)) if not isinstance(source, bytes) else None
    if isinstance(source, bytes):
        data = source
    else:
        path = Path(source)
        if not path.is_file():
            raise DraftError(_("file not found"), where)
        suffix = path.suffix.lower().lstrip(".")
        form = form or {"markdown": "md", "text": "txt"}.get(suffix, suffix if suffix in FORMS else None)
        data = b"" if form == "docx" else path.read_bytes()[:MAX_TEXT + 1]
    if form is None:
        form = "docx" if data.startswith(b"PK") else None
    if form == "docx":
        if isinstance(source, bytes):
            import tempfile

            with tempfile.TemporaryDirectory(prefix="gongwen-import-") as folder:
                staged = Path(folder) / "draft.docx"
                staged.write_bytes(source)
                draft = read_docx(staged)
        else:
            draft = read_docx(Path(source))
    else:
        if len(data) > MAX_TEXT:
            raise DraftError(_("a text draft of more than {mb} MB is not a document").format(mb=MAX_TEXT >> 20), where)
        text = decode(data, where)
        if form is None:
            form = "md" if len(_MARKDOWN.findall(text)) >= 2 else "txt"
        if form not in ("txt", "md"):
            raise DraftError(_("gongwen import reads .docx, .txt and .md drafts"), where)
        draft = read_markdown(text) if form == "md" else read_text(text)
    if not draft.text.strip():
        raise DraftError(_("the draft has no text"), where)
    return Imported(structure(draft, kind), draft, form)


def import_draft(source: str | Path | bytes, kind: str | None = None, *, form: str | None = None,
                 folder: str | Path | None = None) -> tuple[Plan, list[Leftover]]:
    """The plan a draft makes, and what of its text no element took: ``(Plan, leftovers)``.
    The seal, if any, is written into ``folder`` (the plan names it there); what the draft wrote
    in a form the standard does not allow is said as a :class:`~gongwen.errors.PlanWarning`."""
    from ..atomic import write_together
    from ..plan.load import plan_from_data

    imported = read_draft(source, kind, form)
    write_together(imported.seal_file(Path(folder) if folder is not None else None))
    for change in imported.changes:
        warn(PlanWarning(str(change)))
    plan = plan_from_data(imported.fields, base_dir=Path(folder) if folder is not None else None)
    return plan, imported.leftovers
