"""Layout profiles (GB/T 9704-2012 and the legacy Party format) shipped as package data."""
from __future__ import annotations

from importlib.resources import files

DEFAULT = "gb9704-2012"      # the profile of a plan that names none


def names() -> list[str]:
    """The bundled profiles, by name (without loading any)."""
    return sorted(p.name[:-5] for p in files(__name__).iterdir() if p.name.endswith(".yaml"))
