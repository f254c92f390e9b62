"""The registry of document kinds: what a plan's ``kind`` may name, and how each is laid out."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    name: str
    zh: str
    template: str      # file in templates/
    upward: bool       # 上行文: 文号 left, 签发人 right (GB/T 9704-2012 §7.2.5)


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("notice", "通知", "document.docx", upward=False),
        Kind("request", "请示", "document.docx", upward=True),
        Kind("report", "报告", "document.docx", upward=True),
    )
}


def names() -> list[str]:
    """Every accepted name: English and Chinese."""
    return [n for kind in KINDS.values() for n in (kind.name, kind.zh)]


def get(name: str) -> Kind:
    for kind in KINDS.values():
        if name in (kind.name, kind.zh):
            return kind
    raise KeyError(name)
