"""Column widths of a table from its content, in twips of the 版心."""
from __future__ import annotations

from collections.abc import Sequence

from ..plan.tables import Rows
from ..profile import Profile
from .geometry import text_width


def column_widths(rows: Rows, total: int, size_pt: float, profile: Profile, min_chars: float = 2,
                  padding: int = 0) -> list[int]:
    """Widths in twips that add up to ``total``: each column as wide as its longest cell (at
    ``size_pt``), never narrower than ``min_chars`` characters; when the content is wider than
    the table, the wide columns give way first."""
    count = max(len(r) for r in rows)
    floor = round(min_chars * size_pt * 20) + padding
    wanted = [max(floor, max(text_width(r[c], size_pt, profile) for r in rows if c < len(r)) + padding)
              for c in range(count)]
    if sum(wanted) <= total:
        extra = total - sum(wanted)
        widths = [w + extra * w // sum(wanted) for w in wanted]
    else:
        widths = _shrink(wanted, total, floor)
    widths[-1] += total - sum(widths)
    return widths


def _shrink(wanted: Sequence[int], total: int, floor: int) -> list[int]:
    """Cap the widest columns at one width so that everything fits (cells then wrap)."""
    if floor * len(wanted) >= total:
        return [total // len(wanted)] * len(wanted)
    low, high = floor, max(wanted)
    while high - low > 1:
        cap = (low + high) // 2
        if sum(min(w, cap) for w in wanted) > total:
            high = cap
        else:
            low = cap
    widths = [min(w, low) for w in wanted]
    return widths
