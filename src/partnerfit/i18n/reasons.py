"""Exclusion reasons and notes in words: a result holds their codes and values, renderers word them here."""

from __future__ import annotations

from functools import lru_cache
from typing import Protocol

from partnerfit.i18n.catalog import t
from partnerfit.i18n.numerals import figure

# codes whose catalogue key is prefixed (the notes' codes are their own keys)
_PREFIXED = frozenset({"minimum", "maximum", "gate", "no_scores"})


class ReasonFields(Protocol):
    """What a reason holds (partnerfit.result.model.Reason is one): i18n reads it without importing the result."""

    @property
    def code(self) -> str: ...
    @property
    def subject(self) -> str: ...
    @property
    def value(self) -> float | None: ...
    @property
    def bound(self) -> float | None: ...


def reason_text(reason: ReasonFields, lang: str = "en", label: str | None = None) -> str:
    """The reason in words, e.g. ``loyalty 1 < minimum 2`` or ``gate: sanctions_listed``.

    ``label`` names the criterion or gate instead of its id (the JSON and CSV outputs keep the id).
    """
    return _words(reason.code, reason.subject, reason.value, reason.bound, lang, label)


def _num(value: float | None, lang: str) -> str:
    return "" if value is None else figure("value", value, lang)


@lru_cache(maxsize=4096)
def _words(code: str, subject: str, value: float | None, bound: float | None, lang: str, label: str | None) -> str:
    # cached: a large file repeats the same few reasons and notes thousands of times
    name = label or subject
    key = f"reason_{code}" if code in _PREFIXED else code
    return t(key, lang, criterion=name, gate=name, value=_num(value, lang), bound=_num(bound, lang))
