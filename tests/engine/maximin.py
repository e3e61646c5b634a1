"""A toy scoring method that only the tests register: maximin, each candidate's worst criterion decides.

It is added the way docs/architecture.md ("Adding a scoring method") shows, through the registry only:
this module and one ``Method`` entry. It scores each candidate on its own (a gap is left out), is not
additive, reports one detail per candidate and brings its own words.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from partnerfit.engine.method import Figures, Method, Table

FloatArray = npt.NDArray[np.float64]


def maximin(table: Table) -> Figures:
    """Value: the candidate's lowest scale-anchored value (0 worst … 1 best); detail: its best minus its worst."""
    v = table.anchored()
    scored = ~np.isnan(v).all(axis=1)
    worst = np.where(scored, np.min(np.where(np.isnan(v), np.inf, v), axis=1), 0.0)
    best = np.where(scored, np.max(np.where(np.isnan(v), -np.inf, v), axis=1), 0.0)
    return Figures(worst, details={"range": best - worst})


def to_score(value: FloatArray) -> FloatArray:
    """Score = 100 × the worst value."""
    result: FloatArray = 100.0 * value
    return result


METHOD = Method(
    "maximin",
    maximin,
    to_score,
    needs_complete=False,
    details=("range",),
    texts={
        "maximin": {
            "en": "maximin: the worst criterion decides (maximin)",
            "fr": "maximin : le pire critère décide (maximin)",
        },
        "report_formula_maximin": {
            "en": "v = (x − min)/(max − min) on each criterion's scale; score = 100 × the lowest v (weights unused).",
            "fr": "v = (x − min)/(max − min) sur l'échelle de chaque critère ; score = 100 × le plus petit v (sans poids).",
        },
    },
)
