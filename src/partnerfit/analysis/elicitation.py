"""Weight elicitation's arithmetic: the questions, AHP consistency and the fix to suggest, swing and ROC weights."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from partnerfit.contract.models import Weighting
from partnerfit.contract.weighting import AHP_CR_LIMIT, WeightOrigin, derive

# Saaty's scale, 1/9 … 1/2, 1 … 9: every value a judgement may take
SAATY: tuple[float, ...] = tuple(1.0 / k for k in range(9, 1, -1)) + tuple(float(k) for k in range(1, 10))

Comparison = tuple[str, str, float]  # (a, b, v): a is v times as important as b


@dataclass(frozen=True)
class Fix:
    """The judgement to revisit: replacing ``given`` by ``value`` brings CR down to ``cr``."""

    first: str
    second: str
    given: float
    value: float
    cr: float


def questions(items: Sequence[str]) -> list[tuple[str, str]]:
    """Every pair (a, b) to ask about, a before b in file order: row after row of the upper triangle."""
    return [(a, b) for k, a in enumerate(items) for b in items[k + 1 :]]


def snap(ratio: float) -> float:
    """The value of Saaty's scale nearest ``ratio`` on a log scale (ties to the smaller value)."""
    target = math.log(ratio)
    return min(SAATY, key=lambda v: (abs(math.log(v) - target), v))


def saaty_text(value: float) -> str:
    """A judgement as written in the file: 3, or "1/3" (a text, as the format reads fractions)."""
    if value >= 1:
        return str(round(value))
    return f"1/{round(1 / value)}"


def read_saaty(text: str) -> float | None:
    """A value of Saaty's scale typed as 3, 1/3 or 0.333…; None when it is not on the scale."""
    try:
        value = float(Fraction(text.strip().replace(",", ".")))
    except (ValueError, ZeroDivisionError):
        return None
    near = snap(value) if value > 0 else 0.0
    return near if value > 0 and abs(near - value) <= 1e-3 * near else None


def ahp(items: Sequence[str], comparisons: Sequence[Comparison], scope: str = "") -> WeightOrigin:
    """Weights, CR and worst judgements exactly as `weights` and `check` compute them (contract.weighting.derive)."""
    weighting = Weighting(method="ahp", comparisons=[(a, b, v) for a, b, v in comparisons])
    return derive(weighting, list(items), {}, scope)


def suggest_fix(items: Sequence[str], comparisons: Sequence[Comparison]) -> Fix | None:
    """The judgement whose replacement lowers CR most, when CR > 0.10; None when consistent or nothing helps.

    The rule: each given judgement a/b is, in turn, replaced by the value its current weights imply,
    w_a / w_b rounded to Saaty's scale (``snap``), and CR recomputed; the replacement giving the
    lowest CR wins (ties: the first asked). A judgement already at its implied value is not a fix.
    """
    current = ahp(items, comparisons)
    if current.cr is None or current.cr <= AHP_CR_LIMIT:
        return None
    best: Fix | None = None
    for k, (a, b, given) in enumerate(comparisons):
        value = snap(current.weights[a] / current.weights[b])
        if math.isclose(value, given, rel_tol=1e-9):
            continue
        changed = [*comparisons[:k], (a, b, value), *comparisons[k + 1 :]]
        cr = ahp(items, changed).cr or 0.0
        if cr < current.cr and (best is None or cr < best.cr - 1e-12):
            best = Fix(a, b, given, value, cr)
    return best


def swing(ratings: Mapping[str, float]) -> dict[str, float]:
    """Swing weights: each rating (the top swing is 100) over their sum."""
    total = sum(ratings.values())
    if total <= 0 or any(r <= 0 for r in ratings.values()):
        raise ValueError("swing: every rating must be above 0")
    return {name: r / total for name, r in ratings.items()}


def roc(order: Sequence[str], scope: str = "") -> WeightOrigin:
    """Rank-order-centroid weights of ``order`` (most important first), as `weights` derives them."""
    return derive(Weighting(method="roc", order=list(order)), list(order), {}, scope)
