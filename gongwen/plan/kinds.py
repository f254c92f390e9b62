"""The registry of document kinds: what a plan's ``kind`` may name, and how each is laid out.

Each kind is a small module of this package with a ``write(writer)`` that calls the parts of
:mod:`gongwen.compose.writer` in the kind's order (and, when the kind has rules of its own, a
``check(plan)`` that returns warnings).  The registry is plain data, so the model can name the
kinds without importing the renderer.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..profile import Profile


@dataclass(frozen=True)
class Kind:
    name: str
    zh: str
    template: str      # file in templates/
    upward: bool       # 上行文: 文号 left, 签发人 right (GB/T 9704-2012 §7.2.5)

    @property
    def module(self) -> ModuleType:
        return importlib.import_module(f"{__name__}.{self.name}")


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("notice", "通知", "document.docx", upward=False),
        Kind("forward", "印发通知", "document.docx", upward=False),
        Kind("plan", "实施方案", "document.docx", upward=False),
        Kind("brief", "简报", "document.docx", upward=False),
        Kind("letter", "函", "document.docx", upward=False),
        Kind("minutes", "纪要", "document.docx", upward=False),
        Kind("order", "命令", "document.docx", upward=False),
        Kind("request", "请示", "document.docx", upward=True),
        Kind("report", "报告", "document.docx", upward=True),
        Kind("annual", "年度工作报告", "document.docx", upward=True),
    )
}


def adapted(name: str, profile: Profile) -> Profile:
    """The profile as the kind lays it out (a 令 moves its mark up): the kind module's
    ``profile(profile)`` if it has one.  Adapting twice changes nothing."""
    adapt = getattr(get(name).module, "profile", None)
    return adapt(profile) if adapt else profile


def names() -> list[str]:
    """Every accepted name: English and Chinese."""
    return [n for kind in KINDS.values() for n in (kind.name, kind.zh)]


def get(name: str) -> Kind:
    for kind in KINDS.values():
        if name in (kind.name, kind.zh):
            return kind
    raise KeyError(name)
