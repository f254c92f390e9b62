"""Break a title into lines at word boundaries, in a trapezoid or diamond (§7.3.1).

Words come from a Chinese segmenter (rjieba, loaded only when a title needs breaking and the
plan gave no breaks).  Among all breaks that fit, the most even outline that is not an
hourglass wins.
"""
from __future__ import annotations

import itertools
import math
import re
import warnings

from .errors import PlanWarning
from .geometry import is_wide
from .i18n import _

_OPENING = "“‘《（〔【(["
_CLOSING = "”’》）〕】)]，、。：；！？"


def width(text: str) -> float:
    """Width in characters of the title's size: wide characters 1, others ½."""
    return sum(1 if is_wide(ch) else 0.5 for ch in text)


def words(text: str, keep: list[str] = (), max_width: float = math.inf) -> list[str]:
    """Tokens that may not be split: the ``keep`` phrases (issuer names), quoted phrases that
    fit on a line, and segmenter words, with punctuation glued to its neighbour."""
    import rjieba

    quoted = [q for q in re.findall(r"“[^”]*”|《[^》]*》", text) if width(q) <= max_width]
    phrases = sorted({p for p in [*keep, *quoted] if p}, key=len, reverse=True)
    pieces = re.split("(" + "|".join(map(re.escape, phrases)) + ")", text) if phrases else [text]
    raw: list[str] = []
    for i, piece in enumerate(pieces):
        raw.extend([piece] if i % 2 else rjieba.cut(piece))
    tokens: list[str] = []
    pending = ""
    for token in filter(None, raw):
        if all(ch in _OPENING for ch in token):
            pending += token
        elif tokens and all(ch in _CLOSING for ch in token):
            tokens[-1] += token
        else:
            tokens.append(pending + token)
            pending = ""
    if pending:
        tokens.append(pending)
    return tokens


def is_hourglass(lengths: list[float]) -> bool:
    """An inner line shorter than both its neighbours."""
    return any(lengths[i] < lengths[i - 1] and lengths[i] < lengths[i + 1] for i in range(1, len(lengths) - 1))


def break_title(text: str, max_width: float, keep: list[str] = ()) -> list[str]:
    if width(text) <= max_width:
        return [text]
    tokens = words(text, keep, max_width)
    lines_needed = math.ceil(width(text) / max_width)
    for count in range(lines_needed, min(lines_needed + 2, len(tokens)) + 1):
        best: tuple[float, list[str]] | None = None
        for cuts in itertools.combinations(range(1, len(tokens)), count - 1):
            bounds = (0, *cuts, len(tokens))
            lines = ["".join(tokens[a:b]) for a, b in zip(bounds, bounds[1:])]
            lengths = [width(line) for line in lines]
            if max(lengths) > max_width:
                continue
            mean = sum(lengths) / count
            score = sum((n - mean) ** 2 for n in lengths) + (1000 if is_hourglass(lengths) else 0)
            score -= 10 * sum(line.startswith("关于") for line in lines[1:])   # the usual break
            if best is None or score < best[0]:
                best = (score, lines)
        if best is not None:
            return best[1]
    return _hard_wrap(text, max_width)


def _hard_wrap(text: str, max_width: float) -> list[str]:
    """Last resort for a single word wider than a line."""
    lines, current = [], ""
    for ch in text:
        if width(current + ch) > max_width:
            lines.append(current)
            current = ""
        current += ch
    return lines + [current]


def title_lines(text: str, given: list[str] | None, max_width: float, keep: list[str] = ()) -> list[str]:
    """The lines to print; the drafter's own breaks win, with a warning for an hourglass."""
    lines = given or break_title(text, max_width, keep)
    lengths = [width(line) for line in lines]
    if is_hourglass(lengths):
        warnings.warn(PlanWarning(_("the title's lines form an hourglass ({lengths}); "
                                    "GB/T 9704 asks for a trapezoid or diamond").format(
            lengths="/".join(f"{n:g}" for n in lengths))), stacklevel=2)
    if any(n > max_width for n in lengths):
        warnings.warn(PlanWarning(_("a title line is wider than the 版心 and will wrap")), stacklevel=2)
    return lines
