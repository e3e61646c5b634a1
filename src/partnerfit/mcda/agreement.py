"""Agreement between two rankings: Kendall's tau-b and Sałabun & Urbaniak's WS similarity coefficient."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]


def _rankings(a: Sequence[float], b: Sequence[float], what: str) -> tuple[FloatArray, FloatArray]:
    """Both rankings as 1-D float arrays of the same non-zero length with finite values."""
    x, y = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    if x.ndim != 1 or y.ndim != 1 or x.shape != y.shape or x.size == 0:
        raise ValueError(f"{what}: need two non-empty 1-D rankings of the same length, got {x.shape} and {y.shape}")
    for name, r in (("first", x), ("second", y)):
        for i in np.flatnonzero(~np.isfinite(r)).tolist()[:1]:
            raise ValueError(f"{what}: the {name} ranking has a non-finite value at position {i}: {r[i]}")
    return x, y


def _tied_pairs(r: FloatArray) -> int:
    """Number of pairs i < j with r_i == r_j."""
    counts = np.unique(r, return_counts=True)[1].astype(np.int64)
    return int((counts * (counts - 1) // 2).sum())


def kendall_tau(a: Sequence[float], b: Sequence[float]) -> float:
    """Kendall's tau-b between two rankings of the same items (rank numbers; ties allowed).

    tau_b = (concordant - discordant) / sqrt((n0 - t_a) (n0 - t_b)) with n0 = n (n - 1) / 2 pairs and
    t_a, t_b the pairs tied in a and in b; a pair tied in either ranking is neither concordant nor
    discordant. Symmetric in a and b, in [-1, 1]; 1.0 for identical rankings, -1.0 for exactly
    reversed ones without ties. The direction convention (lower = better or the reverse) does not
    matter as long as both rankings use the same one.

    Degenerate cases (the formula would divide by 0): when either ranking is constant (every item
    tied, n = 1 included) the result is 1.0 if both are constant and 0.0 otherwise.
    O(n^2) time in n numpy passes of O(n) memory each: about a tenth of a second for n = 5,000.
    """
    x, y = _rankings(a, b, "kendall_tau")
    n = x.size
    pairs = n * (n - 1) // 2
    tied_x, tied_y = _tied_pairs(x), _tied_pairs(y)
    if tied_x == pairs or tied_y == pairs:
        return 1.0 if tied_x == pairs and tied_y == pairs else 0.0
    s = 0  # sum over i < j of sign(x_j - x_i) * sign(y_j - y_i), exact in integers
    for i in range(n - 1):
        sx = (x[i + 1 :] > x[i]).astype(np.int64) - (x[i + 1 :] < x[i])
        sy = (y[i + 1 :] > y[i]).astype(np.int64) - (y[i + 1 :] < y[i])
        s += int(sx @ sy)
    tau = s / math.sqrt((pairs - tied_x) * (pairs - tied_y))
    return min(1.0, max(-1.0, tau))


def ws_coefficient(x: Sequence[float], y: Sequence[float]) -> float:
    """Sałabun & Urbaniak's WS rank similarity coefficient (ICCS 2020, LNCS 12138, 632-645).

    WS = 1 - sum_i 2^(-x_i) |x_i - y_i| / max(|x_i - 1|, |x_i - N|) with x the reference ranking
    and y the tested one, both rank numbers in [1, N] (1 = best), N = len(x). A difference at the
    top of the reference ranking costs more than one at the bottom; WS is not symmetric.

    Values: 1.0 when y == x; for a reference without ties WS lies in [2^-N, 1]. With average
    ranks for ties (1.5, 1.5, 3) it stays in (0, 1]; with 'min' or 'dense' tied ranks in x
    (1, 1, 2) the sum of 2^(-x_i) can exceed 1 and WS can fall below 0 (not clipped).
    Degenerate case: N == 1 gives 1.0 (the only ranking there is).

    Hand-computed examples (N = 5, x = 1, 2, 3, 4, 5):
      y = 2, 1, 3, 4, 5: 1 - (1/2 * 1/4 + 1/4 * 1/3) = 1 - 5/24 = 0.7916666...
      y = 1, 2, 3, 5, 4: 1 - (1/16 * 1/3 + 1/32 * 1/4) = 1 - 11/384 = 0.9713541...
      y = 5, 4, 3, 2, 1: 1 - (1/2 + 1/4 * 2/3 + 0 + 1/16 * 2/3 + 1/32) = 1 - 0.7395833... = 0.2604166...
    """
    rx, ry = _rankings(x, y, "ws_coefficient")
    n = rx.size
    for name, r in (("x", rx), ("y", ry)):
        for i in np.flatnonzero((r < 1) | (r > n)).tolist()[:1]:
            raise ValueError(f"ws_coefficient: {name}[{i}] = {r[i]} is not a rank number between 1 and {n}")
    if n == 1:
        return 1.0
    reach = np.maximum(rx - 1.0, n - rx)  # the largest error possible at this rank, >= (N - 1) / 2 > 0
    return float(1.0 - (np.exp2(-rx) * np.abs(rx - ry) / reach).sum())
