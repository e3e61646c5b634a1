"""VIKOR: group utility S, individual regret R, compromise index Q and the compromise solution set."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from partnerfit.mcda.wsum import check_inputs

TOLERANCE = 1e-9
"""Slack in every comparison of S, R and Q (all in [0, 1]), so rounding noise never flips a rule or a tie."""


@dataclass(frozen=True)
class VikorResult:
    """S, R and Q per candidate (lower is better), the two acceptance conditions and the compromise set."""

    s: NDArray[np.float64]
    r: NDArray[np.float64]
    q: NDArray[np.float64]
    acceptable_advantage: bool
    acceptable_stability: bool
    compromise: tuple[int, ...]


def _ratio(num: NDArray[np.float64], den: float) -> NDArray[np.float64]:
    """num / den, or zeros when den <= TOLERANCE (every candidate ties on that measure, up to rounding)."""
    if den > TOLERANCE:
        return num / den
    return np.zeros_like(num)


def vikor(
    matrix: NDArray[np.float64],
    weights: NDArray[np.float64],
    benefit: NDArray[np.bool_],
    v: float = 0.5,
) -> VikorResult:
    """VIKOR (Opricovic & Tzeng 2004, 2007) with weights scaled to sum 1 and strategy weight v in [0, 1].

    f*_j / f-_j are the best / worst values of criterion j by direction;
    S_i = sum_j w_j (f*_j - f_ij) / (f*_j - f-_j), R_i = max_j of the same terms,
    Q_i = v (S_i - S*) / (S- - S*) + (1 - v) (R_i - R*) / (R- - R*), S* = min S, S- = max S (same for R).

    Compromise set (indices into the rows, best first; candidates ordered by Q, then S, R, row index):
    with a1, a2 the first two and DQ = 1 / (n - 1),
      C1 acceptable advantage: Q(a2) - Q(a1) >= DQ;
      C2 acceptable stability: a1 is also best (ties allowed) by S or by R;
      both hold -> (a1,); only C2 fails -> (a1, a2, and any candidate tied with a2 on Q);
      C1 fails -> every candidate with Q - Q(a1) < DQ (this includes a1 and a2).
    All comparisons allow TOLERANCE of slack. When several candidates tie for the best Q, C1 fails
    and C2 holds if any of them is best by S or by R.

    Degenerate cases (never NaN):
      - a constant criterion (f* == f-) contributes 0 to S and R;
      - S- == S* (or R- == R*), up to TOLERANCE: that term of Q is 0 (S and R lie in [0, 1] since
        the weights sum to 1; without the slack, sums equal on paper but not in floating point
        would turn a 1e-17 difference into Q = 0 vs 1);
      - a single candidate: S = R = Q = 0, both conditions True, compromise (0,);
      - all candidates equal: S = R = Q = 0, C1 False, C2 True, compromise = all rows in index order;
      - two candidates: DQ = 1, so C1 holds only if Q = (0, 1), e.g. when one dominates the other.
    Published values are reproduced to 3 decimals (Opricovic & Tzeng 2007, four weight sets, v = 0.5).
    """
    if isinstance(v, bool) or not isinstance(v, int | float | np.floating) or not (math.isfinite(v) and 0 <= v <= 1):
        raise ValueError(f"v must be a number in [0, 1], got {v!r}")
    v = float(v)
    x, w, b = check_inputs(matrix, weights, benefit)
    n = x.shape[0]
    top = x.max(axis=0)
    low = x.min(axis=0)
    best = np.where(b, top, low)
    span = np.abs(top - low)
    terms = w * np.abs(best - x) / np.where(span > 0, span, 1.0)
    s = terms.sum(axis=1)
    r = terms.max(axis=1)
    q = v * _ratio(s - s.min(), float(s.max() - s.min())) + (1.0 - v) * _ratio(r - r.min(), float(r.max() - r.min()))
    if n == 1:
        return VikorResult(s=s, r=r, q=q, acceptable_advantage=True, acceptable_stability=True, compromise=(0,))
    order = np.lexsort((np.arange(n), r, s, q))
    dq = 1.0 / (n - 1)
    a1, a2 = int(order[0]), int(order[1])
    leaders = q <= q[a1] + TOLERANCE
    advantage = bool(q[a2] - q[a1] >= dq - TOLERANCE)
    stability = bool(np.any(leaders & ((s <= s.min() + TOLERANCE) | (r <= r.min() + TOLERANCE))))
    if not advantage:
        members = q - q[a1] < dq - TOLERANCE
    elif not stability:
        members = q <= q[a2] + TOLERANCE
    else:
        members = leaders
    compromise = tuple(int(i) for i in order if members[i])
    return VikorResult(
        s=s, r=r, q=q, acceptable_advantage=advantage, acceptable_stability=stability, compromise=compromise
    )
