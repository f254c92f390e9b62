"""Break a title into lines at phrase boundaries, in a trapezoid or diamond (§7.3.1: 词意完整).

The title is cut into tokens that are never split — an issuer's name, a number with its unit
(2026年度, 第三季度), the closing 的+kind (的通知) — and words of a Chinese segmenter (rjieba,
loaded only when a title needs breaking and the plan gave no breaks) for the rest.  Each
boundary between tokens has a price: a break between two words of one phrase (社会 / 组织),
after a preposition or 关于, before a 的 that is not the kind's, or inside quotation marks or a
《》 title costs much; a break after the issuer or before 关于 earns a bonus; a break next to a
conjunction or after the verb that follows 关于 costs nothing.  The lines are then chosen by
dynamic programming: each line costs its squared distance from the mean width, a line that
widens again after the outline began to narrow (an hourglass) costs a penalty, so does a short
last line, and the boundaries' prices are added.  The fewest lines that fit win.  The numbers
are the profile's (``title``); widths count what prints full width as full (curly quotes).
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from .. import user_cache
from ..chinese import em_width as width
from ..errors import PlanWarning, warn
from ..i18n import _
from ..profile import Title, load_profile

_OPENING = "“‘《（〔【(["
_CLOSING = "”’》）〕】)]，、。：；！？"
_SPACES = " \u3000\t"
# Words that hold a title's phrases together: a break may stand next to them
_CONJUNCTIONS = {"和", "及", "与", "暨", "并", "或", "以及"}
# Words that belong with what follows them: a line does not end with them
_PREPOSITIONS = {"关于", "在", "对", "为", "由", "从", "向", "将", "把", "被", "对于", "按照", "根据"}
# Kinds a title ends with, kept with their 的
_KINDS = ("会议纪要", "紧急通知", "补充通知", "实施方案", "实施意见", "实施细则", "工作报告", "调研报告", "通知", "通报",
          "报告", "请示", "批复", "意见", "决定", "纪要", "函", "公告", "公示", "答复", "办法", "方案", "规定", "要点",
          "规划", "命令", "令", "简报")
_UNITS = "年度|周年|年|月|日|期|号|家|名|个|项|次|届|批|季度|%"
# Never split: numbers with their unit (2026年度, 2026—2030年, 56号), ordinals (第三季度, 第十次)
_FIXED = re.compile(rf"\d+(?:[—–-]\d+)?(?:{_UNITS})?|第[\d一二三四五六七八九十百零〇]+(?:{_UNITS})?"
                    rf"|的(?:{'|'.join(_KINDS)})$")
# Words of the field that the segmenter would cut (社会 / 组织)
_WORDS = ("社会组织", "党组织", "党建工作", "年报", "年检", "社区社会组织", "行业协会", "商会", "慈善总会",
          "登记管理", "等级评估", "党群服务中心", "党建工作指导员", "联络员", "工作专班", "乡村振兴", "清理整顿",
          "人大代表", "政协", "联合开展", "登记审批")
# The verbs a title's object begins with: a phrase starts before them and goes on after them
_VERBS = {"开展", "做好", "加强", "推进", "印发", "转发", "申请", "研究", "召开", "表彰", "表扬", "调整", "规范",
          "报送", "清理整顿", "拨付", "建立", "成立", "撤销", "公布", "同意", "请求", "解决", "参与", "选派",
          "加快", "征求", "商请", "商洽", "报请", "审定", "推荐", "进行", "落实", "实施", "进一步", "协助",
          "联合开展", "公示", "批准", "下达", "部署", "组织开展", "深入开展", "切实", "认真", "全面", "列入",
          "参加", "开展", "所提", "提出", "办理"}


class TitleTooLong(ValueError):
    """The title needs more lines than the profile allows."""


@dataclass(frozen=True)
class Token:
    text: str
    price: float = 0.0          # of a break after it (before the next token)


def tokens(text: str, keep: list[str], rule: Title) -> list[Token]:
    """The title cut into tokens that are never split, each with the price of a break after it."""
    keep = sorted({k for k in keep if k and k in text}, key=len, reverse=True)
    fixed = [m.span() for m in _FIXED.finditer(text)]
    spans: list[tuple[int, int, str]] = []           # (start, end, "organ" for a kept organ's name)
    taken = [False] * len(text)
    for phrase in keep:
        for m in re.finditer(re.escape(phrase), text):
            if not any(taken[m.start():m.end()]):
                spans.append((m.start(), m.end(), "organ"))
                taken[m.start():m.end()] = [True] * (m.end() - m.start())
    for a, b in fixed:
        if not any(taken[a:b]):
            spans.append((a, b, ""))
            taken[a:b] = [True] * (b - a)
    pieces: list[tuple[str, str]] = []               # (word, "organ", "person" or "")
    position = 0
    for a, b, kind in sorted(spans):
        pieces += _tagged(text[position:a])
        pieces.append((text[a:b], kind))
        position = b
    pieces += _tagged(text[position:])
    # punctuation glued to its neighbour, spaces to the word before them (never a line's start)
    glued: list[tuple[str, str]] = []
    pending = ""
    for word, kind in pieces:
        if not word:
            continue
        if all(ch in _OPENING for ch in word):
            pending += word
        elif glued and not pending and all(ch in _CLOSING or ch in _SPACES for ch in word):
            glued[-1] = (glued[-1][0] + word, glued[-1][1])
        else:
            glued.append((pending + word, kind))
            pending = ""
    if pending:
        glued.append((pending, ""))
    return [Token(word, _price(glued, i, rule)) for i, (word, _kind) in enumerate(glued)]


def _tagged(text: str) -> list[tuple[str, str]]:
    """The segmenter's words of ``text``, each with its kind: kept per text in the user's cache,
    so a title seen before costs no segmenter (whose dictionary takes 0.1 s to load)."""
    if not text:
        return []
    known = _segments()
    if text not in known:
        import rjieba

        _teach_segmenter()
        kinds = {"nr": "person", "v": "verb"}
        known[text] = [(word, kinds.get(tag, "") if len(word) > 1 else "") for word, tag in rjieba.tag(text)]
        _keep_segments(known)
    return [tuple(pair) for pair in known[text]]


@cache
def _teach_segmenter() -> None:
    """The field's words, known to the segmenter once per process."""
    import rjieba

    for word in _WORDS:
        rjieba.add_word(word, None, None)


def _segments_file() -> Path:
    """The cache of segmented texts, named after what segments them (the segmenter's version
    and the field's words): a change to either starts a new one."""
    from importlib.metadata import version

    key = hashlib.sha256(f"{version('rjieba')}|{'|'.join(_WORDS)}".encode()).hexdigest()[:16]
    return user_cache.folder() / f"segments-{key}.json"


@cache
def _segments() -> dict[str, list]:
    try:
        loaded = json.loads(_segments_file().read_text(encoding="utf-8"))
        return loaded if isinstance(loaded, dict) else {}
    except (OSError, ValueError):
        return {}


def _keep_segments(known: dict[str, list]) -> None:
    """Write the cache (the newest 5,000 texts); a cache that cannot be written is done without."""
    kept = dict(list(known.items())[-5000:])
    with contextlib.suppress(OSError):
        user_cache.keep(_segments_file(), json.dumps(kept, ensure_ascii=False).encode("utf-8"))


def _price(glued: list[tuple[str, str]], i: int, rule: Title) -> float:
    """What a break after token ``i`` costs (negative: a boundary a drafter prefers)."""
    if i == len(glued) - 1:
        return 0.0
    (a, kind), (b, next_kind) = glued[i], glued[i + 1]
    core_a, core_b = a.strip(_SPACES + _OPENING + _CLOSING), b.strip(_SPACES + _OPENING + _CLOSING)
    before = "".join(word for word, _kind in glued[:i + 1])
    quoted = before.count("“") > before.count("”")           # a campaign's name: a fixed phrase
    titled = before.count("《") > before.count("》")           # a document's title: phrases inside
    price = rule.quote_penalty if quoted else rule.book_title_penalty if titled else 0.0
    if core_a in _PREPOSITIONS:
        return price + rule.quote_penalty                   # …关于 / 做好: a preposition and its object
    if core_b == "关于" or kind == "organ" and next_kind != "organ":
        return price - rule.phrase_bonus                    # after the issuer, before 关于
    if core_b.startswith("的") and not _FIXED.fullmatch(core_b):
        return price + rule.word_penalty                    # … / 的
    if (core_a in _CONJUNCTIONS or core_b in _CONJUNCTIONS or core_a == "的" or core_a in _VERBS
            or core_b in _VERBS or "person" in (kind, next_kind) or b[0] in "“《（" or a[-1] in "》）"
            or _FIXED.fullmatch(core_b) and core_b.startswith("的")):
        return price                    # next to 和, after 的, around a verb or a name, by a quotation
    if kind == "verb" and i > 0 and glued[i - 1][0].strip(_SPACES) == "关于":
        return price                    # 关于商洽 / …: after the verb 关于 governs
    if _FIXED.fullmatch(core_a) or _FIXED.fullmatch(core_b):
        return price + rule.word_penalty / 2      # a number and what it dates or counts (2026年度 / 财务状况)
    return price + rule.word_penalty


def is_hourglass(lengths: list[float]) -> bool:
    """An inner line shorter than both its neighbours."""
    return any(lengths[i] < lengths[i - 1] and lengths[i] < lengths[i + 1] for i in range(1, len(lengths) - 1))


def _line(items: list[Token], start: int, end: int) -> str:
    return "".join(token.text for token in items[start:end]).strip(_SPACES)


def break_title(text: str, max_width: float, keep: list[str] = (), rule: Title | None = None) -> list[str]:
    """The lines of ``text``, none wider than ``max_width`` characters, shaped by ``rule`` (the
    profile's title section: at most ``max_lines``, the prices of breaks and shapes)."""
    return list(_broken(text, max_width, tuple(keep), rule or load_profile().title))


@lru_cache(maxsize=1024)
def _broken(text: str, max_width: float, keep: tuple[str, ...], rule: Title) -> list[str]:
    """:func:`break_title`, worked out once per title, width, kept names and rule (a document
    breaks its title for each size it tries; a batch repeats titles)."""
    max_lines = rule.max_lines
    text = text.strip(_SPACES)
    if width(text) <= max_width:
        return [text]
    needed = math.ceil(width(text) / max_width)
    if needed > max_lines:
        raise TitleTooLong(needed)
    items = tokens(text, list(keep), rule)
    if any(width(token.text.strip(_SPACES)) > max_width for token in items):
        return _hard_wrap(text, max_width)
    # Every line a token range [start, end) that fits: at most max_width tokens per start.
    fits: list[list[tuple[int, float]]] = []
    for start in range(len(items)):
        ends = []
        for end in range(start + 1, len(items) + 1):
            w = width(_line(items, start, end))
            if w > max_width:
                break
            ends.append((end, w))
        fits.append(ends)
    last = min(needed + rule.extra_lines, len(items), max_lines)
    best = None
    for count in range(needed, last + 1):
        found = _best_breaks(items, fits, count, width(text) / count, max_width, rule)
        # a line more (page 1's room) only when it saves a break inside a phrase or a bad shape
        if found is not None and (best is None or found[0] + rule.word_penalty < best[0]):
            best = found
    if best is not None:
        return best[1]
    if last < max_lines:
        return _hard_wrap(text, max_width)   # no token-respecting breaks in the counts tried
    raise TitleTooLong(last + 1)


def _best_breaks(items: list[Token], fits: list[list[tuple[int, float]]], count: int,
                 mean: float, max_width: float, rule: Title) -> tuple[float, list[str]] | None:
    """Cheapest ``count`` lines covering every token, with their cost, or None.  A state is
    (tokens used, width of the last line, whether the outline has begun to narrow); its value is
    the cheapest cost and the state it came from."""
    layer: dict[tuple[int, float, bool], tuple[float, tuple | None]] = {(0, math.inf, False): (0.0, None)}
    history = [layer]
    for line_number in range(count):
        following: dict[tuple[int, float, bool], tuple[float, tuple | None]] = {}
        lines_left = count - line_number - 1
        for state, (cost, _back) in layer.items():
            start, previous, narrowing = state
            if start == len(items):
                continue
            for end, w in fits[start]:
                if (end == len(items)) != (lines_left == 0):
                    continue
                step = (w - mean) ** 2 + (items[end - 1].price if end < len(items) else 0.0)
                if line_number and items[start].text.startswith("关于"):
                    step -= rule.guanyu_bonus
                widening = line_number > 0 and w > previous
                if narrowing and widening:
                    step += rule.hourglass_penalty
                if lines_left == 0 and line_number and w < rule.short_last_ratio * max_width:
                    step += rule.hourglass_penalty / 2       # a lone short last line
                key = (end, w, narrowing or (line_number > 0 and w < previous))
                total = cost + step
                if key not in following or total < following[key][0]:
                    following[key] = (total, state)
        layer = following
        history.append(layer)
    finals = [(value[0], key) for key, value in layer.items() if key[0] == len(items)]
    if not finals:
        return None
    cost, key = min(finals)
    ends = []
    for depth in range(count, 0, -1):
        ends.append(key[0])
        key = history[depth][key][1]
    bounds = [0, *reversed(ends)]
    return cost, [_line(items, a, b) for a, b in zip(bounds, bounds[1:])]


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
        warn(PlanWarning(_("the title's lines form an hourglass ({lengths}); "
                           "GB/T 9704 asks for a trapezoid or diamond").format(
            lengths="/".join(f"{n:g}" for n in lengths))), stacklevel=2)
    if any(n > max_width for n in lengths):
        warn(PlanWarning(_("a title line is wider than the 版心 and will wrap")), stacklevel=2)
    return lines
