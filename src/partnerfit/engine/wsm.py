"""Scale-anchored values, coverage and group scores: the weighted sum's figures every method's result shows."""

from __future__ import annotations

import numpy as np

from partnerfit.engine.matrix import DecisionMatrix, FloatArray


def normalise(matrix: DecisionMatrix) -> FloatArray:
    """Scale-anchored values in 0–1, 1 being the best point of each scale; NaN where missing."""
    low, high = matrix.low, matrix.high
    v = (matrix.values - low) / (high - low)
    return np.where(matrix.lower_is_better, 1.0 - v, v)


def coverage(matrix: DecisionMatrix) -> FloatArray:
    """Σ effective weight over the criteria each candidate was scored on."""
    scored = ~np.isnan(matrix.values)
    total = (scored * matrix.weights).sum(axis=1)
    result: FloatArray = np.where(np.isclose(total, 1.0, rtol=0.0, atol=1e-12), 1.0, total)  # thirds sum to 0.999…
    return result


def group_scores(matrix: DecisionMatrix, missing: str) -> dict[str, FloatArray]:
    """Each group's own 0–100 score on the criteria's scales, whatever the method (NaN when none counts)."""
    index = {cid: j for j, cid in enumerate(matrix.criteria.ids)}
    counted = np.ones(matrix.values.shape, dtype=bool) if missing == "worst" else ~np.isnan(matrix.values)
    w = np.where(counted, matrix.weights, 0.0)
    v = np.nan_to_num(normalise(matrix))
    result = {}
    for group in matrix.criteria.groups:
        cols = [index[c] for c in group.criteria]
        total = w[:, cols].sum(axis=1)
        points = (w[:, cols] * v[:, cols]).sum(axis=1)
        result[group.id] = np.clip(
            np.where(total > 0, 100.0 * (points / np.where(total > 0, total, 1.0)), np.nan), 0.0, 100.0
        )
    return result
