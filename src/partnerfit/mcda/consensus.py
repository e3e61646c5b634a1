"""AHP group judgements: aggregation of individual judgements (geometric mean) and Goepel's consensus S*.

Aggregation of individual judgements (AIJ): each entry of the group matrix is the geometric mean
of the participants' judgements of that pair (Aczél & Saaty 1983, "Procedures for synthesizing
ratio judgements", J. Math. Psychology 27(1):93-102); a pair nobody judged stays a gap (NaN).

Consensus: Goepel's AHP consensus indicator, the relative homogeneity of the participants'
priority vectors from Shannon entropy (K. D. Goepel, "Implementing the Analytic Hierarchy Process
as a Standard Method for Multi-Criteria Decision Making in Corporate Enterprises", ISAHP 2013;
"Implementation of an Online Software Tool for the AHP (AHP-OS)", IJAHP 10(3), 2018), for K
participants' priority vectors w_k over n items:

    H_alpha = (1/K) sum_k sum_j -w_kj ln w_kj          (mean entropy of the participants)
    H_gamma = sum_j -m_j ln m_j,  m_j = (1/K) sum_k w_kj  (entropy of the mean priorities)
    D_beta  = exp(H_gamma - H_alpha)                    (Shannon beta diversity)
    S       = 1 / D_beta                                (relative homogeneity, 1/K..1)
    D_alpha_min = exp(H of one item M times as important as each other: M/(M+n-1), 1/(M+n-1)...)
    S*      = (S - D_alpha_min / n) / (1 - D_alpha_min / n)   (0 = none, 1 = full consensus)

with M = 9, the top of Saaty's scale (AHP-OS uses D_gamma_max = n).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]
SCALE_MAX = 9.0  # the top of Saaty's fundamental scale


@dataclass(frozen=True)
class Homogeneity:
    """The group's relative homogeneity S and Goepel's AHP consensus S* (both 1 when all agree)."""

    homogeneity: float
    consensus: float


def geometric_mean_judgements(matrices: FloatArray) -> FloatArray:
    """The K×n×n stack of pairwise matrices (NaN: not judged) merged entry by entry (AIJ)."""
    stack = np.asarray(matrices, dtype=float)
    if stack.ndim != 3 or stack.shape[1] != stack.shape[2]:
        raise ValueError(f"expected K square matrices, got shape {stack.shape}")
    given = ~np.isnan(stack)
    count = given.sum(axis=0)
    logs = np.where(given, np.log(np.where(given, stack, 1.0)), 0.0).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, np.exp(logs / np.maximum(count, 1)), np.nan)


def _entropy(weights: FloatArray) -> FloatArray:
    """Shannon entropy (nats) of each row; 0 · ln 0 counts as 0."""
    w = np.asarray(weights, dtype=float)
    safe = np.where(w > 0, w, 1.0)
    return np.asarray(-(w * np.log(safe)).sum(axis=-1), dtype=float)


def alpha_min(n: int, scale_max: float = SCALE_MAX) -> float:
    """D_alpha_min: the diversity of the most one-sided priorities the scale allows (one item M times each other)."""
    shares = np.array([scale_max] + [1.0] * (n - 1)) / (scale_max + n - 1)
    return float(np.exp(_entropy(shares)))


def homogeneity(weights: FloatArray, scale_max: float = SCALE_MAX) -> Homogeneity:
    """S and S* of K participants' priority vectors (a K×n array, rows summing to 1), n >= 2."""
    w = np.asarray(weights, dtype=float)
    if w.ndim != 2 or w.shape[0] < 1 or w.shape[1] < 2:
        raise ValueError(f"expected K >= 1 priority vectors over n >= 2 items, got shape {w.shape}")
    h_alpha = float(_entropy(w).mean())
    h_gamma = float(_entropy(w.mean(axis=0)))
    relative = float(np.exp(h_alpha - h_gamma))  # 1 / D_beta
    floor = alpha_min(w.shape[1], scale_max) / w.shape[1]
    return Homogeneity(relative, (relative - floor) / (1.0 - floor))
