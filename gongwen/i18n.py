"""Messages in Chinese by default and in English when the locale asks for it.

The catalogs are gettext ``.po`` files under ``gongwen/locale`` managed with Babel
(``scripts/i18n.sh`` extracts, updates and compiles them); msgids are English.
"""
from __future__ import annotations

import gettext
import os
from functools import cache
from importlib.resources import files

DOMAIN = "gongwen"
LOCALE_DIR = files("gongwen") / "locale"


def language() -> str:
    """``en`` when the first locale variable set says English, else ``zh_CN``."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "en" if value.split(":")[0].lower().startswith("en") else "zh_CN"
    return "zh_CN"


@cache
def _catalog(lang: str) -> gettext.NullTranslations:
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=[lang], fallback=True)


def _(message: str) -> str:
    """Translate ``message`` for the current locale (looked up at call time, not import time)."""
    return _catalog(language()).gettext(message)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it yet."""
    return message
