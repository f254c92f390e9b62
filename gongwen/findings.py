"""A finding: one departure from GB/T 9704 that a rule found, with what was expected and what
the document shows.  Shared by the plan's warnings, the page checks and the review of any .docx."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .i18n import N_, _

SEVERITIES = {"fatal": N_("fatal"), "error": N_("error"), "warning": N_("warning")}


@dataclass(frozen=True)
class Finding:
    """One departure from the standard: what was expected and what the page shows."""

    id: str
    clause: str
    page: int | None
    expected: str
    measured: str
    message: str
    # "fatal": the PDF does not print what the plan says; "error": departs from the standard;
    # "warning": worth a look
    severity: str = "error"
    where: str = ""       # an excerpt of the paragraph or line concerned

    def __str__(self) -> str:
        where = _("page {n}").format(n=self.page) if self.page else _("document")
        line = _("{where}: {severity} [{id}] {message} (expected {expected}, measured {measured}; {clause})").format(
            where=where, severity=_(SEVERITIES[self.severity]), id=self.id, message=_(self.message),
            expected=self.expected, measured=self.measured, clause=self.clause_ids)
        return line + (_(" at “{excerpt}”").format(excerpt=self.where) if self.where else "")

    @property
    def clause_ids(self) -> str:
        return clause_ids(self.clause)

    def as_dict(self) -> dict[str, object]:
        return {"id": self.id, "severity": self.severity, "clause": self.clause, "page": self.page,
                "expected": self.expected, "measured": self.measured, "message": _(self.message), "where": self.where}


def clause_ids(clause: str) -> str:
    """The clause numbers alone (GB/T 9704-2012 §7.4, or the project's spec §2): a profile's
    clause text is English notes, the full text goes into the JSON report."""
    ids = re.findall(r"(?:spec )?§\d+(?:\.\d+)*", clause)
    if not ids:
        return clause
    return "、".join(dict.fromkeys(("GB/T 9704-2012 " + i) if not i.startswith("spec") else
                                  _("gongwen spec {clause}").format(clause=i[5:]) for i in ids))
