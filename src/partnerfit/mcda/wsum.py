"""The weighted sum model (WSM) and the input checks every MCDA method in this package shares."""

from __future__ import annotations

from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

Normalisation = Literal["sum", "max", "minmax", "vector"]
NORMALISATIONS: tuple[Normalisation, ...] = ("sum", "max", "minmax", "vector")


def check_inputs(
    matrix: ArrayLike, weights: ArrayLike, benefit: ArrayLike
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.bool_]]:
    """Validate a decision problem and return (matrix, weights scaled to sum 1, benefit) as fresh arrays.

    Raises ValueError when the matrix is not 2-D, has no candidate or no criterion, holds a
    non-finite value; when weights are not a finite, non-negative length-m vector with a positive
    sum; when benefit is not a bool vector of length m (1/-1 codes are refused on purpose: -1 would
    silently read as True).
    """
    x = np.array(matrix, dtype=np.float64)
    if x.ndim != 2:
        raise ValueError(f"matrix must be 2-D (candidates x criteria), got shape {x.shape}")
    n, m = x.shape
    if n == 0:
        raise ValueError("matrix has no candidates (n == 0)")
    if m == 0:
        raise ValueError("matrix has no criteria (m == 0)")
    bad = np.argwhere(~np.isfinite(x))
    if bad.size:
        i, j = (int(k) for k in bad[0])
        raise ValueError(f"matrix must be finite: row {i}, column {j} is {x[i, j]} ({len(bad)} non-finite value(s))")
    w = np.array(weights, dtype=np.float64)
    if w.shape != (m,):
        raise ValueError(f"weights must have shape ({m},) to match the matrix's {m} criteria, got {w.shape}")
    if not np.all(np.isfinite(w)) or np.any(w < 0):
        raise ValueError(f"weights must be finite and non-negative, got {w.tolist()}")
    total = w.sum()
    if not total > 0:
        raise ValueError("weights must not all be zero")
    b = np.asarray(benefit)
    if b.dtype != np.bool_:
        raise ValueError(f"benefit must be a bool array (True = higher is better), got dtype {b.dtype}")
    if b.shape != (m,):
        raise ValueError(f"benefit must have shape ({m},) to match the matrix's {m} criteria, got {b.shape}")
    return x, w / total, b.copy()


def sum_normalise(x: NDArray[np.float64], benefit: NDArray[np.bool_]) -> NDArray[np.float64]:
    """Column shares: x / sum(x) for benefit, (1/x) / sum(1/x) for cost; an all-zero benefit column gives 1/n.

    Benefit scores must be >= 0 and cost scores > 0 (ValueError otherwise). Columns are rescaled
    by their max (benefit) or min (cost) first, which leaves the shares unchanged and keeps 1/x
    and the sums from overflowing.
    """
    _require(x, benefit, "sum")
    n = x.shape[0]
    top = x.max(axis=0)
    low = x.min(axis=0)
    safe_top = np.where(top > 0, top, 1.0)
    scaled = np.where(benefit, x / safe_top, low / np.where(benefit, 1.0, x))
    totals = scaled.sum(axis=0)
    shares = scaled / np.where(totals > 0, totals, 1.0)
    result: NDArray[np.float64] = np.where(totals > 0, shares, 1.0 / n)
    return result


def _require(x: NDArray[np.float64], benefit: NDArray[np.bool_], how: str) -> None:
    """Raise ValueError naming the first cell a ratio normalisation cannot take (benefit < 0, cost <= 0)."""
    bad = np.argwhere(np.where(benefit, x < 0, x <= 0))
    if bad.size:
        i, j = (int(k) for k in bad[0])
        kind = "benefit criteria need scores >= 0" if benefit[j] else "cost criteria need scores > 0"
        raise ValueError(f"{how} normalisation: {kind}; row {i}, column {j} is {x[i, j]}")


def normalise(x: NDArray[np.float64], benefit: NDArray[np.bool_], how: Normalisation) -> NDArray[np.float64]:
    """The normalised matrix under ``how`` (higher is better in every column); see weighted_sum for the rules."""
    if how == "sum":
        return sum_normalise(x, benefit)
    top = x.max(axis=0)
    low = x.min(axis=0)
    if how == "max":
        _require(x, benefit, "max")
        r = np.where(benefit, x / np.where(top > 0, top, 1.0), low / np.where(benefit, 1.0, x))
        result: NDArray[np.float64] = np.where(benefit & (top == 0), 1.0, r)
        return result
    if how == "minmax":
        span = top - low
        safe = np.where(span > 0, span, 1.0)
        r = np.where(benefit, (x - low) / safe, (top - x) / safe)
        result = np.where(span > 0, r, 1.0)
        return result
    if how == "vector":
        norm = np.sqrt((x * x).sum(axis=0))
        r = np.where(norm > 0, x / np.where(norm > 0, norm, 1.0), 0.0)
        result = np.where(benefit, r, 1.0 - r)
        return result
    raise ValueError(f"normalisation must be one of {', '.join(NORMALISATIONS)}, got {how!r}")


def weighted_sum(
    matrix: NDArray[np.float64],
    weights: NDArray[np.float64],
    benefit: NDArray[np.bool_],
    normalisation: Normalisation = "sum",
) -> NDArray[np.float64]:
    """Score = sum_j w_j r_ij with weights scaled to sum 1; higher is better.

    Normalisations (each maps a column so that higher is better):
      - "sum": x / sum(x) for benefit, (1/x) / sum(1/x) for cost. Needs benefit scores >= 0 and
        cost scores > 0. A constant column gives 1/n to everyone (an all-zero benefit column too).
        Scores then sum to 1 over the candidates.
      - "max": x / max for benefit, min / x for cost; same sign requirements as "sum". A constant
        column (an all-zero benefit column too) gives 1.
      - "minmax": (x - min) / (max - min), cost reversed (max - x) / (max - min); any finite
        scores. A constant column gives 1 to everyone (same as "max"), so it shifts every score
        equally and never changes the order.
      - "vector": x / sqrt(sum x^2), cost as 1 - r; any finite scores. An all-zero column gives 0
        (benefit) or 1 (cost).
    A single candidate, or candidates all equal, get one common score: 1.0 except under "sum"
    (1/n) and under "vector" (depends on the values). Never NaN.
    """
    x, w, b = check_inputs(matrix, weights, benefit)
    result: NDArray[np.float64] = normalise(x, b, normalisation) @ w
    return result
