"""Methods that compare candidates with each other (wpm, topsis, vikor, promethee) on eligible rows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np

from partnerfit.engine.matrix import DecisionMatrix, FloatArray
from partnerfit.engine.output import MethodOptions, MethodOutput
from partnerfit.engine.wsm import coverage
from partnerfit.errors import MethodError


def _eligible_matrix(matrix: DecisionMatrix, options: MethodOptions, method: str) -> tuple[list[int], FloatArray]:
    """Rows not excluded, and their scores; a missing score is the scale's worst point or an error."""
    rows = [i for i, reasons in enumerate(matrix.reasons) if not reasons]
    values = matrix.values[rows]
    gaps = np.isnan(values)
    if gaps.any():
        if options.missing != "worst":
            i, j = (int(k[0]) for k in np.nonzero(gaps))
            raise MethodError(
                f"{method} compares candidates with each other, so every score is needed: "
                f"{matrix.ids[rows[i]]} has no score for {matrix.criteria.ids[j]} "
                f"({int(gaps.sum())} missing in all); use --missing worst or the wsm method"
            )
        worst = np.where(matrix.lower_is_better, matrix.high, matrix.low)
        values = np.where(gaps, worst, values)
    return rows, values


def _spread(rows: list[int], n: int, column: FloatArray) -> FloatArray:
    full = np.full(n, np.nan)
    full[rows] = column
    return full


def _output(
    matrix: DecisionMatrix, rows: list[int], score: FloatArray, value: FloatArray, **details: FloatArray
) -> MethodOutput:
    n = len(matrix.ids)
    nothing = np.full(matrix.values.shape, np.nan)
    return MethodOutput(
        score=_spread(rows, n, np.clip(score, 0.0, 100.0)),
        value=_spread(rows, n, value),
        contributions=nothing,
        counted=np.zeros(matrix.values.shape, dtype=bool),
        coverage=coverage(matrix),
        details={name: _spread(rows, n, column) for name, column in details.items()},
    )


def topsis_method(matrix: DecisionMatrix, options: MethodOptions) -> MethodOutput:
    """TOPSIS with vector normalisation; score = 100 × C."""
    from partnerfit.mcda.topsis import topsis

    rows, values = _eligible_matrix(matrix, options, "topsis")
    if not rows:
        return _output(matrix, rows, np.empty(0), np.empty(0))
    result = topsis(values, matrix.weights, ~matrix.lower_is_better)
    return _output(
        matrix, rows, 100.0 * result.closeness, result.closeness, d_plus=result.d_plus, d_minus=result.d_minus
    )


def vikor_method(matrix: DecisionMatrix, options: MethodOptions) -> MethodOutput:
    """VIKOR with weight v on the group utility; score = 100 × (1 − Q), lower Q is better."""
    from partnerfit.mcda.vikor import vikor

    rows, values = _eligible_matrix(matrix, options, "vikor")
    if not rows:
        return _output(matrix, rows, np.empty(0), np.empty(0))
    result = vikor(values, matrix.weights, ~matrix.lower_is_better, options.vikor_v)
    output = _output(matrix, rows, 100.0 * (1.0 - result.q), result.q, s=result.s, r=result.r, q=result.q)
    summary = {
        "v": options.vikor_v,
        "acceptable_advantage": result.acceptable_advantage,
        "acceptable_stability": result.acceptable_stability,
        "compromise": [matrix.ids[rows[k]] for k in result.compromise],
    }
    return MethodOutput(**{**output.__dict__, "summary": summary})


def promethee_method(matrix: DecisionMatrix, options: MethodOptions) -> MethodOutput:
    """PROMETHEE II net flow with each criterion's preference function; score = 50 × (φ + 1)."""
    from partnerfit.mcda.promethee import Preference, promethee2

    rows, values = _eligible_matrix(matrix, options, "promethee")
    if not rows:
        return _output(matrix, rows, np.empty(0), np.empty(0))
    preferences = [
        Preference(c.preference.type, c.preference.q or 0.0, c.preference.p or 0.0, c.preference.s or 0.0)
        if c.preference is not None
        else Preference()
        for c in matrix.criteria.criteria
    ]
    result = promethee2(values, matrix.weights, ~matrix.lower_is_better, preferences)
    return _output(
        matrix, rows, 50.0 * (result.phi + 1.0), result.phi, phi_plus=result.phi_plus, phi_minus=result.phi_minus
    )


def wpm_method(matrix: DecisionMatrix, options: MethodOptions) -> MethodOutput:
    """Weighted product on sum-normalised scores; score = 100 × P / max P."""
    from partnerfit.mcda.wpm import wpm_log10

    rows, values = _eligible_matrix(matrix, options, "wpm")
    if not rows:
        return _output(matrix, rows, np.empty(0), np.empty(0))
    if (values <= 0).any():
        i, j = (int(k[0]) for k in np.nonzero(values <= 0))
        raise MethodError(
            f"wpm multiplies scores, so every score must be positive: {matrix.ids[rows[i]]} has "
            f"{values[i, j]:g} for {matrix.criteria.ids[j]}; use another method or a scale above 0"
        )
    logs = wpm_log10(values, matrix.weights, ~matrix.lower_is_better)
    product = np.power(10.0, logs)
    score = 100.0 * np.power(10.0, logs - logs.max())  # = 100 P / max P, without dividing underflowed products
    output = _output(matrix, rows, score, product)
    # a product a billion times below the best shows 0: log10 P keeps a dominated candidate below its dominator
    return replace(output, rank_key=_spread(rows, len(matrix.ids), logs))


RELATIVE_METHODS: dict[str, Callable[[DecisionMatrix, MethodOptions], MethodOutput]] = {
    "wpm": wpm_method,
    "topsis": topsis_method,
    "vikor": vikor_method,
    "promethee": promethee_method,
}
