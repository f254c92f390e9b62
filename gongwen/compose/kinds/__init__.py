"""How each kind of document is laid out: one module per kind of :mod:`gongwen.plan.kinds`,
under the kind's English name.

A kind's module has ``write(writer)``, which calls the shared parts of
:class:`~gongwen.compose.writer.Writer` in the kind's order and holds the parts no other kind
prints (the 简报's 报头 and 报尾, the 信函's head, the 令's head and signature …); and, when the
kind lays out the page differently, ``profile(base)``, the profile as the kind uses it.  Kinds
never import each other (an import-linter contract).
"""
from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

from ...plan import kinds

if TYPE_CHECKING:
    from ...profile import Profile


def module(name: str) -> ModuleType:
    """The module that lays out kind ``name`` (English or Chinese)."""
    return importlib.import_module(f"{__name__}.{kinds.get(name).name}")


def adapted(name: str, profile: Profile) -> Profile:
    """The profile as the kind lays it out (a 令 moves its mark up): the kind module's
    ``profile(profile)`` if it has one.  Adapting twice changes nothing."""
    adapt = getattr(module(name), "profile", None)
    return adapt(profile) if adapt else profile
