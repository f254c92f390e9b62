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


_VALIDATION = {
    "missing": N_("this field is required"),
    "extra_forbidden": N_("unknown key"),
    "string_type": N_("expected text"),
    "int_type": N_("expected a whole number"),
    "int_parsing": N_("expected a whole number"),
    "int_from_float": N_("expected a whole number"),
    "float_type": N_("expected a number"),
    "float_parsing": N_("expected a number"),
    "list_type": N_("expected a list"),
    "tuple_type": N_("expected a list"),
    "dict_type": N_("expected a mapping of keys"),
    "model_type": N_("expected a mapping of keys"),
    "model_attributes_type": N_("expected a mapping of keys"),
    "literal_error": N_("expected one of: {expected}"),
    "greater_than": N_("must be greater than {gt}"),
    "greater_than_equal": N_("must be at least {ge}"),
    "less_than": N_("must be less than {lt}"),
    "less_than_equal": N_("must be at most {le}"),
    "too_short": N_("must not be empty"),
    "string_too_short": N_("must not be empty"),
    "too_long": N_("has too many items"),
    "date_type": N_("expected a date such as 2011-02-16"),
    "bool_type": N_("expected true or false"),
    "bool_parsing": N_("expected true or false"),
}


def validation_message(error: dict) -> str:
    """One pydantic error in the user's language: our own validators' messages as they are,
    pydantic's known kinds translated, anything else named as an invalid value."""
    kind, context = error["type"], error.get("ctx") or {}
    if kind == "value_error":
        return str(context.get("error", error["msg"]))
    if kind in _VALIDATION:
        return _(_VALIDATION[kind]).format(**context)
    return _("invalid value ({detail})").format(detail=error["msg"])


def ngettext(singular: str, plural: str, n: int) -> str:
    """Chinese has one form: the catalog translates the singular; English keeps both."""
    translated = _(singular)
    if translated != singular:
        return translated
    return singular if n == 1 else plural
