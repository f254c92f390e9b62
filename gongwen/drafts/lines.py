"""A draft as the importer reads it, whatever file it came from: the lines a reader sees, in
order, each with what its look says about it (centred, set large, red, at the right, a style
named for its role), the tables that hold data, and the pictures.  A .docx fills every hint it
can; plain text and Markdown fill only what typing shows (a heading's #, a line pushed right
with spaces)."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import GongwenError


class DraftError(GongwenError):
    """The draft cannot be read (not a .docx, .txt or .md, undecodable, too large, empty)."""


@dataclass(frozen=True)
class Line:
    text: str                      # one paragraph; a line break inside it (a title's) as \n
    role: str | None = None        # the element a style names (gongwen's own, or Word's headings)
    centred: bool = False
    right: bool = False
    size_pt: float | None = None
    red: bool = False
    new_page: bool = False         # it starts a page (a page break or a section before it)
    level: int | None = None       # a heading's level (1–4) its style or # gives, numbered by the plan
    continues: bool = False        # the end of the paragraph before it, set flush left (gongwen keeps a
    #                                paragraph's last lines with the signature this way)


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[str, ...], ...]
    header_rows: int = 0
    new_page: bool = False


@dataclass(frozen=True)
class Picture:
    data: bytes
    extension: str                 # png, jpeg …
    name: str = ""                 # what the document calls it (gongwen's seal is "seal")
    anchored: bool = False         # floating over the text, as a seal is


Item = Line | Table | Picture


@dataclass(frozen=True)
class Leftover:
    """Text of the draft no element of the plan took, and the plan field it stood by (its
    comment goes there)."""

    text: str
    near: str


@dataclass
class Draft:
    """What a draft holds, and its title as the file's properties give it (a 令 prints none)."""

    items: list[Item] = field(default_factory=list)
    property_title: str = ""
    typed: bool = False            # plain text or Markdown: no look to read, only the text

    @property
    def text(self) -> str:
        """Every character of the draft's text, in order (what the importer must not drop)."""
        parts = []
        for item in self.items:
            if isinstance(item, Line):
                parts.append(item.text)
            elif isinstance(item, Table):
                parts.extend(cell for row in item.rows for cell in row)
        return "\n".join(parts)
