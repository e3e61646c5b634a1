"""Which language to speak without --lang: PARTNERFIT_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else English."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from partnerfit.i18n.catalog import LANGUAGES

# POSIX order: LC_ALL overrides LC_MESSAGES, which overrides LANG
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


class Choice(NamedTuple):
    """The language chosen, and the PARTNERFIT_LANG value refused (None when there was nothing to refuse)."""

    lang: str
    refused: str | None = None


def language_of(value: str) -> str | None:
    """The supported language a setting names (``fr``, ``FR``, ``fr_FR.UTF-8``, ``fr-CA`` → ``fr``), else None."""
    code = value.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].strip().lower()
    return code if code in LANGUAGES else None


def choose_language(environ: Mapping[str, str]) -> Choice:
    """The language of the interface when the command line names none.

    An unsupported PARTNERFIT_LANG is refused (English, and the caller says so: it was set for partnerfit);
    an unsupported locale (``de_DE``, ``C``) is simply English.
    """
    wanted = environ.get("PARTNERFIT_LANG", "").strip()
    if wanted:
        lang = language_of(wanted)
        return Choice(lang) if lang else Choice("en", wanted)
    for name in _LOCALE_VARIABLES:
        value = environ.get(name, "").strip()
        if value:
            return Choice(language_of(value) or "en")
    return Choice("en")
