"""A scoring method's words: the ones it brings, else the catalogues' (labels of files come from the files)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, Protocol

from partnerfit.i18n.catalog import t


class MethodWords(Protocol):
    """What the words of a scoring method are found by (partnerfit.engine.method.Method is one)."""

    @property
    def label(self) -> str: ...
    @property
    def formula(self) -> str: ...
    @property
    def texts(self) -> Mapping[str, Mapping[str, str]]: ...


def method_text(method: MethodWords, which: Literal["label", "formula"], lang: str = "en", **values: Any) -> str:
    """A scoring method's name (``label``) or formula in ``lang``: the words it brings, else the catalogues'."""
    key = method.label if which == "label" else method.formula
    entry = method.texts.get(key)
    if entry is None:
        return t(key, lang, **values)
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text
