"""Criterion weights: AHP eigenvector (Harker's method for gaps), ROC, rank-sum, entropy and CRITIC."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]

# Saaty's random consistency index RI(n) (mean CI of random reciprocal matrices) for n = 1..15, as tabulated in
# T. L. Saaty, "The Analytic Hierarchy Process", McGraw-Hill, 1980; RI(6) = 1.24 gives Wang & Chin's CR 0.2290.
SAATY_RI: dict[int, float] = {
    1: 0.0, 2: 0.0, 3: 0.58, 4: 0.90, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41,
    9: 1.45, 10: 1.49, 11: 1.51, 12: 1.48, 13: 1.56, 14: 1.57, 15: 1.59,
}  # fmt: skip

_LOW, _HIGH = 1.0 / 9.0, 9.0  # Saaty's scale
_SLACK = 1e-9  # relative rounding slack on the scale bounds and the diagonal
_RECIPROCAL_RTOL = 1e-3  # a[i, j] * a[j, i] must be 1 within this when both are given


@dataclass(frozen=True)
class Inconsistency:
    """One given judgement a[row, column] against the ratio w[row] / w[column] the weights imply."""

    row: int
    column: int
    given: float
    implied: float
    error: float  # max(given / implied, implied / given) >= 1


@dataclass(frozen=True)
class AhpResult:
    """AHP weights (sum 1), principal eigenvalue, consistency index and ratio, judgements worst first."""

    weights: FloatArray
    lambda_max: float
    ci: float
    cr: float
    worst: tuple[Inconsistency, ...]


def _in_scale(value: FloatArray | float) -> NDArray[np.bool_]:
    """Within Saaty's scale [1/9, 9], with a relative rounding slack; False for NaN and inf."""
    return np.asarray((value >= _LOW * (1 - _SLACK)) & (value <= _HIGH * (1 + _SLACK)))


def _judgements(pairwise: FloatArray) -> FloatArray:
    """Validated, reciprocal copy of ``pairwise``: 1 on the diagonal, NaN where a pair is missing."""
    a = np.asarray(pairwise, dtype=np.float64)
    if a.ndim != 2 or a.shape[0] != a.shape[1] or not 1 <= a.shape[0] <= max(SAATY_RI):
        raise ValueError(f"ahp: pairwise must be a square matrix of 1 to {max(SAATY_RI)} items, got shape {a.shape}")
    n, t = a.shape[0], a.T
    for d in np.flatnonzero(~(np.abs(np.diagonal(a) - 1.0) <= _SLACK)).tolist()[:1]:
        raise ValueError(f"ahp: the diagonal must be 1, pairwise[{d}, {d}] = {a[d, d]}")
    for i, j in np.argwhere(~np.isnan(a) & ~_in_scale(a)).tolist()[:1]:
        raise ValueError(f"ahp: pairwise[{i}, {j}] = {a[i, j]} is outside Saaty's scale [1/9, 9]")
    for i, j in np.argwhere(~np.isnan(a) & ~np.isnan(t) & ~(np.abs(a * t - 1.0) <= _RECIPROCAL_RTOL)).tolist()[:1]:
        raise ValueError(f"ahp: pairwise[{i}, {j}] = {a[i, j]}, pairwise[{j}, {i}] = {t[i, j]}: not reciprocal")
    # one cell given: the other is its reciprocal; both given: their geometric mean sqrt(a_ij / a_ji)
    v = np.where(np.isnan(a), 1.0 / t, np.where(np.isnan(t), a, np.sqrt(a / t)))
    out: FloatArray = np.where(np.tri(n, k=-1, dtype=bool), 1.0 / v.T, v)
    return out


def _components(given: NDArray[np.bool_]) -> list[list[int]]:
    """Connected components of the graph whose edges are the given comparisons."""
    label = np.full(given.shape[0], -1)
    for start in range(given.shape[0]):
        if label[start] < 0:
            frontier = [start]
            label[start] = start
            while frontier:
                new = np.flatnonzero(given[frontier].any(axis=0) & (label < 0))
                label[new] = start
                frontier = new.tolist()
    return [np.flatnonzero(label == k).tolist() for k in np.unique(label)]


def ahp(pairwise: FloatArray) -> AhpResult:
    """AHP priorities: the principal right eigenvector of the pairwise matrix, normalised to sum 1.

    ``pairwise[i, j]`` is the importance of i over j on Saaty's scale [1/9, 9]; the diagonal is 1.
    Give a pair once (the other cell NaN, its reciprocal is implied) or twice as reciprocals (within
    0.1 %; their geometric mean is used). NaN in both cells means the comparison is missing.

    Missing comparisons (Harker 1987): the eigenvector is taken of C with c_ij = a_ij where given,
    0 where missing, and c_ii = 1 + (number of missing comparisons in row i). The given comparisons
    must connect all items (else ValueError naming the groups). lambda_max of C equals that of the
    matrix completed with w_i / w_j, so CI = (lambda_max - n) / (n - 1) keeps its meaning; CR uses
    Saaty's RI (``SAATY_RI``), not an index specific to incomplete matrices.

    Degenerate cases: n = 1 gives weights [1], lambda_max 1; for n <= 2 CI = CR = 0 (RI is 0);
    lambda_max >= n holds in exact arithmetic, so rounding below n is clamped to n (CI >= 0);
    n > 15 raises ValueError (no random index). ``worst`` lists every given pair i < j by error,
    largest first (ties by position); it is empty for n = 1.
    """
    a = _judgements(pairwise)
    n, given = a.shape[0], ~np.isnan(a)
    if len(parts := _components(given)) > 1:
        raise ValueError(f"ahp: the given comparisons leave these groups of items unconnected: {parts}")
    c = np.where(given, a, 0.0)
    np.fill_diagonal(c, 1.0 + (n - given.sum(axis=1)))
    values, vectors = np.linalg.eig(c)
    k = int(np.argmax(values.real))  # the Perron root: C is non-negative and irreducible
    v = np.abs(vectors[:, k].real)  # the Perron vector has one sign and no zero component
    weights: FloatArray = v / v.sum()
    lambda_max = max(float(values[k].real), float(n))
    ci = (lambda_max - n) / (n - 1) if n > 2 else 0.0
    cr = ci / SAATY_RI[n] if SAATY_RI[n] > 0 else 0.0
    worst: list[Inconsistency] = []
    for i, j in zip(*np.nonzero(np.triu(given, k=1)), strict=True):
        g, implied = float(a[i, j]), float(weights[i] / weights[j])
        worst.append(Inconsistency(int(i), int(j), g, implied, max(g / implied, implied / g)))
    worst.sort(key=lambda e: (-e.error, e.row, e.column))
    return AhpResult(weights, lambda_max, ci, cr, tuple(worst))


def _index(value: object, n: int, what: str) -> int:
    """``value`` as an int in 0..n-1 (bools and non-integers refused)."""
    if isinstance(value, int | np.integer) and not isinstance(value, bool) and 0 <= value < n:
        return int(value)
    raise ValueError(f"{what} must be an integer in 0..{n - 1}, got {value!r}")


def _count(n: object, what: str) -> int:
    if isinstance(n, int | np.integer) and not isinstance(n, bool) and n >= 1:
        return int(n)
    raise ValueError(f"{what} must be a positive integer, got {n!r}")


def pairwise_matrix(n: int, comparisons: Iterable[tuple[int, int, float]]) -> FloatArray:
    """The n×n pairwise matrix from judgements (i, j, value): value is the importance of i over j.

    Reciprocals are filled in, the diagonal is 1 and pairs never given are NaN (see ``ahp``).
    ValueError on i == j, an index out of range, a pair given twice in either order, or a value
    outside Saaty's scale [1/9, 9].
    """
    size = _count(n, "pairwise_matrix: n")
    out = np.full((size, size), np.nan)
    np.fill_diagonal(out, 1.0)
    first: dict[tuple[int, int], int] = {}
    for k, item in enumerate(comparisons):
        if len(item) != 3:
            raise ValueError(f"pairwise_matrix: comparison #{k} must be (i, j, value), got {item!r}")
        i = _index(item[0], size, f"pairwise_matrix: comparison #{k}: i")
        j = _index(item[1], size, f"pairwise_matrix: comparison #{k}: j")
        if i == j:
            raise ValueError(f"pairwise_matrix: comparison #{k} compares item {i} with itself")
        if (pair := (min(i, j), max(i, j))) in first:
            raise ValueError(f"pairwise_matrix: comparison #{k} repeats the pair {pair} of comparison #{first[pair]}")
        first[pair] = k
        value = float(item[2])
        if not _in_scale(value):
            raise ValueError(f"pairwise_matrix: comparison #{k} value {value} is outside Saaty's scale [1/9, 9]")
        out[i, j], out[j, i] = value, 1.0 / value
    return out


def rank_order_centroid(n: int) -> FloatArray:
    """Rank-order-centroid weights, most important first: w_k = (1/n) sum_{i=k}^{n} 1/i."""
    size = _count(n, "rank_order_centroid: n")
    weights: FloatArray = np.cumsum(1.0 / np.arange(size, 0, -1, dtype=np.float64))[::-1] / size
    return weights


def rank_sum(n: int) -> FloatArray:
    """Rank-sum weights, most important first: w_k = 2 (n + 1 - k) / (n (n + 1))."""
    size = _count(n, "rank_sum: n")
    weights: FloatArray = 2.0 * np.arange(size, 0, -1, dtype=np.float64) / (size * (size + 1))
    return weights


def _decision_matrix(matrix: FloatArray, what: str) -> FloatArray:
    x = np.asarray(matrix, dtype=np.float64)
    if x.ndim != 2 or x.shape[0] < 2 or x.shape[1] < 1:
        raise ValueError(f"{what}: need a 2-D matrix with at least 2 candidates (rows) and 1 criterion, got {x.shape}")
    for i, j in np.argwhere(~np.isfinite(x)).tolist()[:1]:
        raise ValueError(f"{what}: matrix[{i}, {j}] = {x[i, j]} is not a finite number")
    return x


def _normalise_or_equal(scores: FloatArray) -> FloatArray:
    total = float(scores.sum())
    if total <= 0.0:
        return np.full(scores.shape[0], 1.0 / scores.shape[0])
    weights: FloatArray = scores / total
    return weights


def entropy_weights(matrix: FloatArray) -> FloatArray:
    """Shannon-entropy weights of the columns of an m×n matrix (m candidates, n criteria).

    p_ij = x_ij / sum_i x_ij, E_j = -(1 / ln m) sum_i p_ij ln p_ij (0 ln 0 = 0), w_j ∝ 1 - E_j.
    Needs m >= 2 and non-negative values. A column whose values are all equal (all-zero included)
    gets weight exactly 0; if every column is constant the weights are equal (1/n each).
    """
    x = _decision_matrix(matrix, "entropy_weights")
    if (x < 0).any():
        raise ValueError("entropy_weights: values must be non-negative")
    with np.errstate(over="ignore"):
        totals = x.sum(axis=0)
    if not np.isfinite(totals).all():
        raise ValueError("entropy_weights: a column sum overflows")
    p = x / np.where(totals > 0, totals, 1.0)
    entropy = -(p * np.log(np.where(p > 0, p, 1.0))).sum(axis=0) / math.log(x.shape[0])  # 0 ln 0 = 0
    constant = (x == x[0]).all(axis=0)
    return _normalise_or_equal(np.where(constant, 0.0, np.clip(1.0 - entropy, 0.0, None)))


def critic_weights(matrix: FloatArray, benefit: NDArray[np.bool_]) -> FloatArray:
    """CRITIC weights (Diakoulaki, Mavrotas & Papayannakis 1995) of an m×n matrix, m >= 2.

    Columns are min-max normalised by direction (benefit: (x - min) / (max - min), cost:
    (max - x) / (max - min)); C_j = sigma_j * sum_k (1 - r_jk) with r the Pearson correlation
    between normalised columns and w_j ∝ C_j. sigma is the population standard deviation; the
    factor sqrt(m / (m - 1)) of the sample one is common to every C_j and cancels in w.

    Degenerate cases: a constant column has sigma 0 (so weight 0) and its correlation with any
    column is taken as 0; 1 - r_jk below 1e-12 is rounding and counts as 0; when every C_j is 0
    (every column constant, a single criterion, or all columns perfectly correlated) the weights
    are equal. ``benefit`` must be a boolean array of length n.
    """
    x = _decision_matrix(matrix, "critic_weights")
    b = np.asarray(benefit)
    if b.dtype != np.bool_ or b.shape != (x.shape[1],):
        raise ValueError(f"critic_weights: benefit must be {x.shape[1]} booleans, got {b.dtype} of shape {b.shape}")
    low, high = x.min(axis=0), x.max(axis=0)
    with np.errstate(over="ignore"):
        span = high - low
    if not np.isfinite(span).all():
        raise ValueError("critic_weights: a column's range overflows")
    safe = np.where(span > 0, span, 1.0)
    v = np.where(span > 0, np.where(b, (x - low) / safe, (high - x) / safe), 0.0)
    z = v - v.mean(axis=0)
    norms = np.sqrt((z * z).sum(axis=0))
    ok = norms > 0  # False only for constant columns: their correlations are taken as 0
    scale = np.where(ok, norms, 1.0)
    r = np.where(np.outer(ok, ok), (z.T @ z) / np.outer(scale, scale), 0.0)
    conflict = 1.0 - np.clip(r, -1.0, 1.0)
    conflict[conflict < 1e-12] = 0.0
    sigma = norms / math.sqrt(x.shape[0])
    return _normalise_or_equal(sigma * conflict.sum(axis=1))
