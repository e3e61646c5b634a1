"""The compiled gettext catalogues: found in partnerfit/locale, read lazily, once per (lang, domain)."""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path
from typing import Any

from partnerfit.i18n.numerals import Spoken
from partnerfit.i18n.numerals import count as count_text

LANGUAGES = ("en", "fr")
DOMAIN = "partnerfit"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


class _Missing(gettext.NullTranslations):
    """The end of every fallback chain: a key that English lacks is a programming error, as a dict lookup was."""

    def gettext(self, message: str) -> str:
        raise KeyError(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        raise KeyError(msgid1)


def _load(lang: str, domain: str) -> gettext.GNUTranslations:
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.mo"
    try:
        with path.open("rb") as file:
            return gettext.GNUTranslations(file)
    except FileNotFoundError:
        # a source checkout whose catalogues were never compiled: say how, rather than show keys
        raise FileNotFoundError(
            f"{path} is missing: install partnerfit (pip install -e .) or run `python hatch_build.py`"
        ) from None


@cache
def translator(lang: str, domain: str = DOMAIN) -> gettext.NullTranslations:
    """``domain``'s catalogue in ``lang`` (English for an unsupported one), falling back to English key by key.

    A domain is a pair of files src/partnerfit/locale/{en,fr}/LC_MESSAGES/DOMAIN.po (msgid = a stable key, msgstr
    the text with ``{name}`` fields), compiled by hatch_build.py; ``translator(lang, "diagnostics").gettext(key)``.
    A key missing from English raises KeyError.
    """
    if lang not in LANGUAGES:
        return translator("en", domain)
    if lang == "en":
        english = _load("en", domain)
        english.add_fallback(_Missing())
        return english
    found = _load(lang, domain)
    found.add_fallback(translator("en", domain))
    return found


def t(key: str, lang: str = "en", **values: Any) -> str:
    """The interface text ``key`` in ``lang`` (English when missing), formatted with ``values``."""
    text = translator(lang, DOMAIN).gettext(key)
    return text.format(**_spoken(values, lang)) if values else text


def tn(key: str, count: int, lang: str = "en", **values: Any) -> str:
    """The text ``key`` in the plural form ``count`` takes in ``lang`` (French: 0 and 1 singular), formatted with
    ``values`` and ``{count}`` written as ``lang`` groups thousands (``1 234``)."""
    text = translator(lang, DOMAIN).ngettext(key, key, count)
    return text.format(count=count_text(count, lang), **_spoken(values, lang))


def _spoken(values: dict[str, Any], lang: str) -> dict[str, Any]:
    """The values with each float written for ``lang`` wherever the text places it (``{cr:.3f}`` → ``0,123``)."""
    return {k: Spoken(v, lang) if isinstance(v, float) else v for k, v in values.items()}
