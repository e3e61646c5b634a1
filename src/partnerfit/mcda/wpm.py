"""The weighted product model (WPM) on the sum-normalised matrix, as a product and as its log10."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from partnerfit.mcda.wsum import check_inputs


def _log10_scores(
    matrix: NDArray[np.float64], weights: NDArray[np.float64], benefit: NDArray[np.bool_]
) -> NDArray[np.float64]:
    """sum_j w_j log10(r_ij) after the positivity check."""
    x, w, b = check_inputs(matrix, weights, benefit)
    bad = np.argwhere(x <= 0)
    if bad.size:
        i, j = (int(k) for k in bad[0])
        raise ValueError(f"the weighted product needs positive scores: row {i}, column {j} is {x[i, j]}")
    # log10 of the shares straight from log10(x): finite even where the share itself would underflow
    top = x.max(axis=0)
    low = x.min(axis=0)
    log_x = np.log10(x)
    logs = np.where(
        b,
        log_x - np.log10(top) - np.log10((x / top).sum(axis=0)),
        np.log10(low) - log_x - np.log10((low / x).sum(axis=0)),
    )
    result: NDArray[np.float64] = logs @ w
    return result


def wpm_log10(
    matrix: NDArray[np.float64], weights: NDArray[np.float64], benefit: NDArray[np.bool_]
) -> NDArray[np.float64]:
    """log10 of the weighted product: sum_j w_j log10(r_ij), higher (closer to 0) is better; <= 0.

    This is the figure scikit-criteria reports for WeightedProductModel. Same normalisation,
    weights and degenerate cases as wpm; a single candidate gets 0, n equal candidates -log10 n.
    Computed from log10(x), so always finite for positive finite scores.
    """
    return _log10_scores(matrix, weights, benefit)


def wpm(matrix: NDArray[np.float64], weights: NDArray[np.float64], benefit: NDArray[np.bool_]) -> NDArray[np.float64]:
    """Weighted product: prod_j r_ij ** w_j with weights scaled to sum 1; higher is better; in (0, 1].

    r = x / sum(x) over the candidates for benefit criteria, (1/x) / sum(1/x) for cost criteria.
    Every score must be > 0: ValueError naming the first offending row and column otherwise.
    Computed as 10 ** wpm_log10: a weighted geometric mean of shares, so >= the smallest share; only
    shares below ~1e-308 (scores spanning more than 300 orders of magnitude) underflow to 0.0.

    Degenerate cases (never NaN): a constant column gives every candidate the share 1/n, a common
    factor that changes no order; a single candidate scores 1.0; n candidates all equal score 1/n
    each; two candidates: shares r and 1 - r per column.
    """
    result: NDArray[np.float64] = np.power(10.0, _log10_scores(matrix, weights, benefit))
    return result
