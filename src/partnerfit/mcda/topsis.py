"""TOPSIS: closeness to the ideal solution on the vector-normalised, weighted matrix."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from partnerfit.mcda.wsum import check_inputs


@dataclass(frozen=True)
class TopsisResult:
    """Per candidate: closeness C in [0, 1] (higher is better) and the two Euclidean distances."""

    closeness: NDArray[np.float64]
    d_plus: NDArray[np.float64]
    d_minus: NDArray[np.float64]


def topsis(matrix: NDArray[np.float64], weights: NDArray[np.float64], benefit: NDArray[np.bool_]) -> TopsisResult:
    """TOPSIS with vector normalisation (Hwang & Yoon; the textbook and paper variant).

    r_ij = x_ij / sqrt(sum_i x_ij^2), v_ij = w_j r_ij with weights scaled to sum 1; the ideal
    takes the best v per column by direction (max for benefit, min for cost), the anti-ideal the
    worst; D+ and D- are Euclidean distances to them and C = D- / (D+ + D-).

    Degenerate cases (never NaN):
      - an all-zero column stays 0 after normalisation; any constant column has ideal == anti-ideal
        and so adds nothing to either distance;
      - D+ + D- == 0 happens exactly when every candidate is equal on every weighted criterion
        (in particular a single candidate): then D+ = D- = 0 and C = 0.5 for all;
      - two candidates: C_a + C_b = 1 (each one's D+ is the other's D-); a dominating one gets 1.
    Scores may be any finite reals (vector normalisation keeps the order of negative values).
    """
    x, w, b = check_inputs(matrix, weights, benefit)
    norm = np.sqrt((x * x).sum(axis=0))
    v = x / np.where(norm > 0, norm, 1.0) * w
    top = v.max(axis=0)
    low = v.min(axis=0)
    ideal = np.where(b, top, low)
    anti = np.where(b, low, top)
    d_plus = np.sqrt(((v - ideal) ** 2).sum(axis=1))
    d_minus = np.sqrt(((v - anti) ** 2).sum(axis=1))
    total = d_plus + d_minus
    closeness = np.where(total > 0, d_minus / np.where(total > 0, total, 1.0), 0.5)
    return TopsisResult(closeness=closeness, d_plus=d_plus, d_minus=d_minus)
