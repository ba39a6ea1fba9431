"""Messages the core shows to people: written in Vietnamese, translated from a catalog.

The Qt layer has its own translations (``.ts``/``.qm``); this module serves the
command line and the error messages raised by the core.
"""

import json
import os
from functools import cache

from minutes_app import APP_NAME, APP_NAME_EN
from minutes_app.package_data import resource

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"

_language = os.environ.get("MINUTES_APP_LANG", DEFAULT_LANGUAGE)


def set_language(lang: str) -> None:
    global _language
    _language = lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def language() -> str:
    return _language


@cache
def catalog(lang: str) -> dict[str, str]:
    """The translations of the Vietnamese messages into ``lang``."""
    if lang == DEFAULT_LANGUAGE:
        return {}
    text = resource("i18n", f"{lang}.json").read_text(encoding="utf-8")
    translations: dict[str, str] = json.loads(text)
    return translations


def _(message: str) -> str:
    """``message`` (Vietnamese) in the current language."""
    if _language == DEFAULT_LANGUAGE:
        return message
    return catalog(_language).get(message, message)


def app_name() -> str:
    """The app's name in the current language: window titles start with it."""
    return APP_NAME if _language == DEFAULT_LANGUAGE else APP_NAME_EN


def N_(message: str) -> str:
    """Mark a message for translation where it is defined; ``_()`` translates it where used."""
    return message
