"""Agreement between assessors: Krippendorff's alpha (nominal, ordinal, interval) and Kendall's W."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

FloatArray = NDArray[np.float64]
Metric = Literal["nominal", "ordinal", "interval"]
METRICS: tuple[Metric, ...] = ("nominal", "ordinal", "interval")


def _reliability_data(data: ArrayLike) -> FloatArray:
    """The coders × units matrix as floats; NaN is a missing value, any other non-finite value an error."""
    x = np.asarray(data, dtype=np.float64)
    if x.ndim != 2:
        raise ValueError(f"krippendorff_alpha: need a 2-D coders × units array, got shape {x.shape}")
    if np.isinf(x).any():
        raise ValueError("krippendorff_alpha: the data hold an infinite value (use NaN for a missing one)")
    return x


def _scale(x: FloatArray, values: Sequence[float] | ArrayLike | None) -> FloatArray:
    """The sorted distinct scale points: the given ones, or those observed."""
    observed = np.unique(x[~np.isnan(x)])
    if values is None:
        return observed
    scale = np.unique(np.asarray(values, dtype=np.float64))
    if scale.ndim != 1 or not np.isfinite(scale).all():
        raise ValueError("krippendorff_alpha: `values` must be a flat sequence of finite numbers")
    outside = np.setdiff1d(observed, scale)
    if outside.size:
        raise ValueError(f"krippendorff_alpha: the value {outside[0]:g} is not one of the scale's `values`")
    return scale


def value_counts(data: ArrayLike, values: Sequence[float] | ArrayLike | None = None) -> tuple[FloatArray, FloatArray]:
    """The scale points and, per pairable unit (two values or more), how many coders gave each point.

    Returns ``(scale, counts)`` with ``counts`` of shape units × len(scale); the units with fewer than
    two values are dropped here, as Krippendorff leaves them out (they cannot be paired).
    """
    x = _reliability_data(data)
    scale = _scale(x, values)
    coder, unit = np.nonzero(~np.isnan(x))
    point = np.searchsorted(scale, x[coder, unit])
    n_units, n_points = x.shape[1], scale.size
    # one bincount over (unit, point) instead of a loop over units: the whole matrix in one pass
    flat = np.bincount(unit * n_points + point, minlength=n_units * n_points)
    counts = flat.reshape(n_units, n_points).astype(np.float64)
    return scale, counts[counts.sum(axis=1) >= 2]


def coincidences(counts: FloatArray) -> FloatArray:
    """Krippendorff's coincidence matrix o[c, k] from the units' value counts (all pairable).

    o[c, k] = Σ_u n_uc (n_uk − [c = k]) / (m_u − 1): every ordered pair of values of different
    coders within a unit, each unit weighing 1 in total per value it holds.
    """
    weighted = counts / (counts.sum(axis=1, keepdims=True) - 1.0)
    # a matrix product sums over units; the diagonal correction removes each value paired with itself
    o: FloatArray = weighted.T @ counts
    o[np.diag_indices_from(o)] -= weighted.sum(axis=0)
    return o


def distances(metric: Metric, scale: FloatArray, marginals: FloatArray) -> FloatArray:
    """The squared difference δ²(c, k) of two scale points under the metric.

    Ordinal (Krippendorff 2011): δ(c, k) = Σ_{g=c..k} n_g − (n_c + n_k)/2, which is the distance
    between the mid-ranks of c and k in the pooled values — so it depends only on the order of the
    points and on the marginals, never on the numbers used as labels.
    """
    if metric == "nominal":
        return 1.0 - np.eye(scale.size)
    if metric == "interval":
        position = scale
    elif metric == "ordinal":
        position = np.cumsum(marginals) - marginals / 2.0
    else:
        raise ValueError(f"krippendorff_alpha: unknown metric {metric!r}; use one of {', '.join(METRICS)}")
    diff = position[:, None] - position[None, :]
    squared: FloatArray = diff * diff
    return squared


def krippendorff_alpha(
    data: ArrayLike,
    metric: Metric = "ordinal",
    values: Sequence[float] | ArrayLike | None = None,
) -> float | None:
    """Krippendorff's alpha of coders × units reliability data, NaN for a missing value.

    ``values`` are the scale's points (only their order matters for the ordinal metric); when
    None, the values observed. Units with fewer than two values are left out. Returns None where
    alpha is undefined: no pairable value, or no variation (expected disagreement 0).
    """
    scale, counts = value_counts(data, values)
    if counts.shape[0] == 0:
        return None
    o = coincidences(counts)
    marginals = o.sum(axis=1)
    n = float(marginals.sum())
    delta = distances(metric, scale, marginals)
    observed = float((o * delta).sum())
    expected = float(marginals @ delta @ marginals)
    # expected == 0 also when every value is the same: alpha is then 0/0, not 1
    if not expected > 0.0:
        return None
    return 1.0 - (n - 1.0) * observed / expected


def _average_ranks(row: FloatArray) -> tuple[FloatArray, float]:
    """Ranks 1..n of one assessor's row (ties share the mean of their positions) and Σ(t³ − t) over ties."""
    _, inverse, sizes = np.unique(row, return_inverse=True, return_counts=True)
    mid = np.cumsum(sizes) - (sizes - 1) / 2.0
    t = sizes.astype(np.float64)
    return mid[inverse], float((t**3 - t).sum())


def kendall_w(rankings: ArrayLike) -> float | None:
    """Kendall's coefficient of concordance W of m assessors × n items, with the tie correction.

    Each row is one assessor's ranking (or scores: they are turned into average ranks, so any
    strictly increasing relabelling gives the same W; all rows must run the same way). Returns None
    when undefined: fewer than two assessors or items, or every ranking ties everything.
    """
    r = np.asarray(rankings, dtype=np.float64)
    if r.ndim != 2:
        raise ValueError(f"kendall_w: need a 2-D assessors × items array, got shape {r.shape}")
    if not np.isfinite(r).all():
        raise ValueError("kendall_w: every assessor must rank every item (a value is missing or not finite)")
    m, n = r.shape
    if m < 2 or n < 2:
        return None
    ranked = [_average_ranks(row) for row in r]
    totals = np.sum([ranks for ranks, _ in ranked], axis=0)
    ties = sum(t for _, t in ranked)
    s = float(((totals - totals.mean()) ** 2).sum())
    denominator = m * m * (n**3 - n) - m * ties
    if not denominator > 0.0:
        return None
    return 12.0 * s / float(denominator)
