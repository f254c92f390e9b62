"""The numbers Word prints before paragraphs numbered by its lists (w:numPr, numbering.xml): a
heading numbered 一、 by a list shows no 一、 in its text, yet a reader sees one, and the
reviewer's numbering and face rules must too.  Each list counts its levels as Word does (a
level restarts under a higher one; ``w:start`` and ``w:startOverride`` set the first number)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..chinese import numeral

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class _Level:
    format: str      # w:numFmt: decimal, chineseCounting …
    text: str        # w:lvlText: "%1、", "（%2）"
    start: int


class ListNumbers:
    """The printed numbers of one document's list paragraphs, in reading order."""

    def __init__(self, document, chains) -> None:
        self.levels: dict[str, dict[int, _Level]] = {}      # numId → its levels
        self.abstract: dict[str, str] = {}                  # numId → abstractNumId (lists share counters)
        self.counters: dict[str, dict[int, int]] = {}
        self.chains = chains
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstracts = {a.get(f"{_W}abstractNumId"): _levels(a) for a in numbering.iter(f"{_W}abstractNum")}
        for num in numbering.iter(f"{_W}num"):
            num_id = num.get(f"{_W}numId")
            abstract = num.find(f"{_W}abstractNumId")
            abstract_id = abstract.get(f"{_W}val") if abstract is not None else None
            levels = dict(abstracts.get(abstract_id, {}))
            restarts = False
            for override in num.iter(f"{_W}lvlOverride"):
                start = override.find(f"{_W}startOverride")
                level = int(override.get(f"{_W}ilvl") or 0)
                if start is not None and level in levels:
                    old = levels[level]
                    levels[level] = _Level(old.format, old.text, int(start.get(f"{_W}val") or 1))
                    restarts = True
            self.levels[num_id] = levels
            # lists of one definition count on together, unless a list restarts its numbers
            self.abstract[num_id] = num_id if restarts or abstract_id is None else abstract_id

    def prefix(self, p, style_id: str | None) -> str:
        """The number Word prints before paragraph ``p`` (a w:p), counting it; "" for none."""
        num_id, level = _num_pr(p.pPr)
        if num_id is None:
            for style in self.chains(style_id):       # a heading style may carry the list
                num_id, style_level = _num_pr(style.element.pPr)
                if num_id is not None:
                    level = level if level is not None else style_level
                    break
        if num_id is None or num_id == "0" or num_id not in self.levels:
            return ""
        level = level or 0
        levels = self.levels[num_id]
        counters = self.counters.setdefault(self.abstract[num_id], {})
        counters[level] = counters.get(level, levels[level].start - 1 if level in levels else 0) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]                        # a higher level restarts the lower ones
        if level not in levels:
            return ""
        return re.sub(r"%(\d)", lambda m: _formatted(
            counters.get(int(m.group(1)) - 1, levels.get(int(m.group(1)) - 1, _Level("", "", 1)).start),
            levels.get(int(m.group(1)) - 1, levels[level]).format), levels[level].text)


def _levels(abstract) -> dict[int, _Level]:
    found = {}
    for level in abstract.iter(f"{_W}lvl"):
        fmt, text, start = level.find(f"{_W}numFmt"), level.find(f"{_W}lvlText"), level.find(f"{_W}start")
        found[int(level.get(f"{_W}ilvl") or 0)] = _Level(
            fmt.get(f"{_W}val") if fmt is not None else "decimal", text.get(f"{_W}val") if text is not None else "",
            int(start.get(f"{_W}val")) if start is not None else 1)
    return found


def _num_pr(ppr) -> tuple[str | None, int | None]:
    num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
    if num_pr is None:
        return None, None
    num_id, level = num_pr.find(f"{_W}numId"), num_pr.find(f"{_W}ilvl")
    return (num_id.get(f"{_W}val") if num_id is not None else None,
            int(level.get(f"{_W}val")) if level is not None else None)


def _formatted(number: int, fmt: str) -> str:
    if fmt.startswith(("chineseCounting", "ideographTraditional", "taiwaneseCounting", "japaneseCounting")):
        return numeral(number) if number > 0 else str(number)
    if fmt == "none":
        return ""
    return str(number)
