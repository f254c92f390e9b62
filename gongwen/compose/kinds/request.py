"""请示 (request): an upward document in the general format — 签发人 beside the 文号 (§7.2.5),
one 主送, 附注 with the contact person and telephone (§7.3.6)."""
from __future__ import annotations

from ..writer import Writer


def write(w: Writer) -> None:
    w.general()
