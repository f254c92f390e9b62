"""One document of a batch: its plan and how to lay it out.  Apart from the pagination, so that
a command that only writes .docx files needs nothing of LibreOffice or PDF measuring."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..plan.model import Plan
from ..profile import Profile, load_profile
from . import kinds


@dataclass
class Job:
    """One document of a batch."""

    plan: Plan
    name: str                          # file stem, unique in the batch
    profile: Profile | str | None = None
    template: str | Path | None = None
    base_dir: Path | None = None
    path: Path | None = None           # the plan file, when there is one
    said: list[str] = field(default_factory=list)   # what loading its plan warned of

    def resolved_profile(self) -> Profile:
        """The profile the document is laid out and checked with (as its kind adapts it)."""
        profile = self.profile if isinstance(self.profile, Profile) else \
            load_profile(self.profile or self.plan.profile, self.base_dir)
        return kinds.adapted(self.plan.kind, profile)
