"""Numbers for people: one rounding rule, one precision per kind of figure, the reader's typography.

Every human-facing renderer (tables, Markdown, HTML, explanations) writes its numbers here; the
machine outputs (JSON, CSV, XLSX) keep ``render/decimals.py``. The rule: a number is rounded once,
half-up on its decimal value (the value JSON writes, ``Decimal(repr(round(x, 10)))``, so ``0.125`` →
``0.13`` and ``58.25`` → ``58.3``, never the binary float's ``58.2``; halves away from zero, so
``-0.05`` → ``-0.1``), to the decimals of its kind (:data:`PRECISION`), and a figure that rounds to
zero is written without a sign (never ``-0.0``; ``+0.00`` when signed).
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Final

# The decimals of each kind of figure, in every human-facing output. A column holds one kind,
# so it has one number of decimals.
PRECISION: Final[dict[str, int]] = {
    "score": 1,  # a 0–100 score; a result may need more to tell ranks apart (render.common.score_digits)
    "group": 1,  # a group's 0–100 sub-score
    "points": 2,  # points of a score: contributions, gaps between scores, differences
    "value": 2,  # a score on a criterion's own scale, at most: shown as written (no trailing zeros added)
    "weight": 1,  # a weight, in %
    "share": 1,  # a probability, in %
    "coverage": 0,  # the share of the weight a candidate was assessed on, in %
    "ratio": 3,  # a figure on 0–1: a consistency ratio (AHP CR), a rank correlation, a method's D⁺, Q, φ
}

NO_VALUE: Final = "–"
NARROW_NBSP: Final = "\u202f"  # CLDR fr: thousands separator and the space before %
WRITTEN: Final = 10  # decimals of the machine outputs (render/decimals.py:DECIMALS)
_CONTEXT: Final = Context(prec=400)  # room for every float's digits: quantize never raises


def rounded(value: float, digits: int, scale: int = 0) -> Decimal:
    """``value`` × 10^``scale`` rounded half-up on its decimal value to ``digits`` decimals; a zero is +0."""
    # the decimal value is the one JSON writes (10 decimals, render/decimals.py): a difference such as
    # 79.0 - 78.37500000000001 reads as the 0.625 it stands for, then rounds half-up like 0.625 itself
    exact = Decimal(value) if isinstance(value, int) else Decimal(repr(round(float(value), WRITTEN)))
    result = exact.scaleb(scale).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP, context=_CONTEXT)
    return result.copy_abs() if result.is_zero() else result


def number(
    value: float | None, lang: str = "en", digits: int = 1, *, signed: bool = False, trim: bool = False, scale: int = 0
) -> str:
    """``value`` for a reader of ``lang``: ``1,234.5`` / ``1 234,5``; ``signed`` adds ``+``.

    ``trim`` drops trailing zeros (a value shown as written: ``3.5``, ``4``); None reads ``–``.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return NO_VALUE
    if isinstance(value, float) and math.isinf(value):
        return ("-" if value < 0 else "+" if signed else "") + "∞"
    shown = rounded(value, digits, scale)
    if trim and shown != shown.to_integral_value():
        shown = shown.normalize(context=_CONTEXT)
    elif trim:
        shown = shown.quantize(Decimal(1))
    text = format(shown, "+,f" if signed else ",f")
    return _localised(text, lang)


def figure(kind: str, value: float | None, lang: str = "en", *, signed: bool = False) -> str:
    """``value`` to the decimals of its kind (:data:`PRECISION`); values on a scale are trimmed."""
    return number(value, lang, PRECISION[kind], signed=signed, trim=kind == "value")


def percent(share: float | None, lang: str = "en", digits: int = 1, *, signed: bool = False, sign: bool = True) -> str:
    """A fraction as a percentage: ``0.632`` → ``63.2%`` / ``63,2 %`` (narrow no-break space).

    ``sign=False`` leaves the ``%`` out, for a column whose heading says it.
    """
    if share is None:
        return NO_VALUE
    return number(share, lang, digits, signed=signed, scale=2) + (percent_sign(lang) if sign else "")


def percent_sign(lang: str) -> str:
    """``%`` as ``lang`` writes it after a number."""
    return f"{NARROW_NBSP}%" if lang == "fr" else "%"


def count(value: int, lang: str = "en") -> str:
    """A whole number with thousands grouped: ``10,000`` / ``10 000``."""
    return _localised(f"{value:,}", lang)


def _localised(text: str, lang: str) -> str:
    if lang != "fr":
        return text
    return text.replace(",", NARROW_NBSP).replace(".", ",")


class Spoken:
    """A number placed in a catalogue text: ``{cr:.3f}`` and ``{v:g}`` written for a reader of ``lang``.

    ``.Nf`` follows the one display rule (half-up, :func:`number`); any other format is Python's,
    then given ``lang``'s separators, so no text of a catalogue writes ``0.1`` in French.
    """

    __slots__ = ("lang", "value")

    def __init__(self, value: float, lang: str) -> None:
        self.value = value
        self.lang = lang

    def __format__(self, spec: str) -> str:
        if len(spec) >= 3 and spec[0] == "." and spec[-1] == "f" and spec[1:-1].isdigit():
            return number(self.value, self.lang, int(spec[1:-1]))
        return _localised(format(self.value, spec), self.lang)

    def __str__(self) -> str:
        return self.__format__("")
