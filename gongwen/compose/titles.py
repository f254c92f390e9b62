"""Break a title into lines at word boundaries, in a trapezoid or diamond (§7.3.1).

Words come from a Chinese segmenter (rjieba, loaded only when a title needs breaking and the
plan gave no breaks).  The breaks are chosen by dynamic programming over the word boundaries:
each line costs its squared distance from the mean width, a line that widens again after the
outline began to narrow (an hourglass) costs a penalty, and a line that begins with 关于 earns
a bonus.  The fewest lines that fit win.  The work is polynomial in the title's length (about
20 ms at 140 characters) and bounded by the profile's ``title.max_lines``.
"""
from __future__ import annotations

import math
import re
import warnings

from ..chinese import em_width as width
from ..errors import PlanWarning
from ..i18n import _
from ..profile import Title, load_profile

_OPENING = "“‘《（〔【(["
_CLOSING = "”’》）〕】)]，、。：；！？"
_SPACES = " \u3000\t"


class TitleTooLong(ValueError):
    """The title needs more lines than the profile allows."""


def words(text: str, keep: list[str] = (), max_width: float = math.inf) -> list[str]:
    """Tokens that may not be split: the ``keep`` phrases (issuer names), quoted phrases that
    fit on a line, and segmenter words, with punctuation glued to its neighbour and spaces to
    the word before them (a space never begins a line)."""
    import rjieba

    quoted = [q for q in re.findall(r"“[^”]*”|《[^》]*》", text) if width(q) <= max_width]
    phrases = sorted({p for p in [*keep, *quoted] if p and width(p) <= max_width}, key=len, reverse=True)
    pieces = re.split("(" + "|".join(map(re.escape, phrases)) + ")", text) if phrases else [text]
    raw: list[str] = []
    for i, piece in enumerate(pieces):
        raw.extend([piece] if i % 2 else rjieba.cut(piece))
    tokens: list[str] = []
    pending = ""
    for token in filter(None, raw):
        if all(ch in _OPENING for ch in token):
            pending += token
        elif tokens and not pending and all(ch in _CLOSING or ch in _SPACES for ch in token):
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


def _line(tokens: list[str], start: int, end: int) -> str:
    return "".join(tokens[start:end]).strip(_SPACES)


def break_title(text: str, max_width: float, keep: list[str] = (), rule: Title | None = None) -> list[str]:
    """The lines of ``text``, none wider than ``max_width`` characters, shaped by ``rule`` (the
    profile's title section: at most ``max_lines``, the hourglass penalty, the 关于 bonus)."""
    rule = rule or load_profile().title
    max_lines = rule.max_lines
    text = text.strip(_SPACES)
    if width(text) <= max_width:
        return [text]
    needed = math.ceil(width(text) / max_width)
    if needed > max_lines:
        raise TitleTooLong(needed)
    tokens = words(text, keep, max_width)
    if any(width(token.strip(_SPACES)) > max_width for token in tokens):
        return _hard_wrap(text, max_width)
    # Every line a token range [start, end) that fits: at most max_width tokens per start.
    fits: list[list[tuple[int, float]]] = []
    for start in range(len(tokens)):
        ends = []
        for end in range(start + 1, len(tokens) + 1):
            w = width(_line(tokens, start, end))
            if w > max_width:
                break
            ends.append((end, w))
        fits.append(ends)
    last = min(needed + rule.extra_lines, len(tokens), max_lines)
    for count in range(needed, last + 1):
        lines = _best_breaks(tokens, fits, count, width(text) / count, rule)
        if lines is not None:
            return lines
    if last < max_lines:
        return _hard_wrap(text, max_width)   # no word-respecting breaks in the counts tried
    raise TitleTooLong(last + 1)


def _best_breaks(tokens: list[str], fits: list[list[tuple[int, float]]], count: int,
                 mean: float, rule: Title) -> list[str] | None:
    """Cheapest ``count`` lines covering every token, or None.  A state is (tokens used, width
    of the last line, whether the outline has begun to narrow); its value is the cheapest cost
    and the state it came from."""
    layer: dict[tuple[int, float, bool], tuple[float, tuple | None]] = {(0, math.inf, False): (0.0, None)}
    history = [layer]
    for line_number in range(count):
        following: dict[tuple[int, float, bool], tuple[float, tuple | None]] = {}
        lines_left = count - line_number - 1
        for state, (cost, _back) in layer.items():
            start, previous, narrowing = state
            if start == len(tokens):
                continue
            for end, w in fits[start]:
                if (end == len(tokens)) != (lines_left == 0):
                    continue
                step = (w - mean) ** 2
                if line_number and tokens[start].startswith("关于"):
                    step -= rule.guanyu_bonus
                widening = line_number > 0 and w > previous
                if narrowing and widening:
                    step += rule.hourglass_penalty
                key = (end, w, narrowing or (line_number > 0 and w < previous))
                total = cost + step
                if key not in following or total < following[key][0]:
                    following[key] = (total, state)
        layer = following
        history.append(layer)
    finals = [(value[0], key) for key, value in layer.items() if key[0] == len(tokens)]
    if not finals:
        return None
    _cost, key = min(finals)
    ends = []
    for depth in range(count, 0, -1):
        ends.append(key[0])
        key = history[depth][key][1]
    bounds = [0, *reversed(ends)]
    return [_line(tokens, a, b) for a, b in zip(bounds, bounds[1:])]


def _hard_wrap(text: str, max_width: float) -> list[str]:
    """Last resort for a single word wider than a line."""
    lines, current = [], ""
    for ch in text:
        if width(current + ch) > max_width:
            lines.append(current)
            current = ""
        current += ch
    return [line.strip(_SPACES) for line in lines + [current] if line.strip(_SPACES)]


def title_lines(text: str, given: list[str] | None, max_width: float, keep: list[str] = (),
                rule: Title | None = None) -> list[str]:
    """The lines to print; the drafter's own breaks win, with a warning for an hourglass."""
    lines = [line.strip(_SPACES) for line in given] if given else break_title(text, max_width, keep, rule)
    lengths = [width(line) for line in lines]
    if is_hourglass(lengths):
        warnings.warn(PlanWarning(_("the title's lines form an hourglass ({lengths}); "
                                    "GB/T 9704 asks for a trapezoid or diamond").format(
            lengths="/".join(f"{n:g}" for n in lengths))), stacklevel=2)
    if any(n > max_width for n in lengths):
        warnings.warn(PlanWarning(_("a title line is wider than the 版心 and will wrap")), stacklevel=2)
    return lines
