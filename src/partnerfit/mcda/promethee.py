"""PROMETHEE II: the six Brans preference functions and the leaving, entering and net outranking flows."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, get_args

import numpy as np
from numpy.typing import NDArray

from partnerfit.mcda.wsum import check_inputs

PreferenceKind = Literal["usual", "u-shape", "v-shape", "level", "linear", "gaussian"]
PREFERENCE_KINDS: tuple[PreferenceKind, ...] = get_args(PreferenceKind)


@dataclass(frozen=True)
class Preference:
    """A preference function and its thresholds: q indifference, p strict preference, s gaussian spread."""

    kind: PreferenceKind = "usual"
    q: float = 0.0
    p: float = 0.0
    s: float = 0.0


@dataclass(frozen=True)
class PrometheeResult:
    """Leaving flow phi+, entering flow phi- (both in [0, 1]) and net flow phi = phi+ - phi- in [-1, 1]."""

    phi_plus: NDArray[np.float64]
    phi_minus: NDArray[np.float64]
    phi: NDArray[np.float64]


def check_preference(pref: Preference, column: int) -> None:
    """Raise ValueError when a preference's kind or thresholds are invalid (column names it in the message)."""
    where = f"preference for column {column}"
    if not isinstance(pref, Preference):
        raise ValueError(f"{where} must be a Preference, got {type(pref).__name__}")
    if pref.kind not in PREFERENCE_KINDS:
        raise ValueError(f"{where}: kind must be one of {', '.join(PREFERENCE_KINDS)}, got {pref.kind!r}")
    for name in ("q", "p", "s"):
        value = getattr(pref, name)
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float | np.integer | np.floating)
            or not math.isfinite(value)
            or value < 0
        ):
            raise ValueError(f"{where}: {name} must be a finite number >= 0, got {value!r}")
    if pref.kind in ("linear", "level") and not pref.q <= pref.p:
        raise ValueError(f"{where}: {pref.kind} needs 0 <= q <= p, got q={pref.q}, p={pref.p}")
    if pref.kind == "v-shape" and not pref.p > 0:
        raise ValueError(f"{where}: v-shape needs p > 0, got p={pref.p}")
    if pref.kind == "gaussian" and not pref.s > 0:
        raise ValueError(f"{where}: gaussian needs s > 0, got s={pref.s}")


def preference_degree(d: NDArray[np.float64], pref: Preference) -> NDArray[np.float64]:
    """P(d) in [0, 1] for differences d in the preferred direction; P = 0 whenever d <= 0."""
    kind, q, p = pref.kind, float(pref.q), float(pref.p)
    if kind == "usual":
        return (d > 0).astype(np.float64)
    if kind == "u-shape":
        return (d > q).astype(np.float64)
    if kind == "v-shape":
        return np.clip(d / p, 0.0, 1.0)
    if kind == "level":
        return np.where(d > p, 1.0, np.where(d > q, 0.5, 0.0))
    if kind == "linear":
        if p == q:
            return (d > q).astype(np.float64)
        return np.clip((d - q) / (p - q), 0.0, 1.0)
    positive = np.maximum(d, 0.0)
    return -np.expm1(-(positive * positive) / (2.0 * float(pref.s) ** 2))


def promethee2(
    matrix: NDArray[np.float64],
    weights: NDArray[np.float64],
    benefit: NDArray[np.bool_],
    preferences: Sequence[Preference] | None = None,
) -> PrometheeResult:
    """PROMETHEE II net flows (Brans & Vincke 1985) with weights scaled to sum 1.

    For each criterion j, d = x_aj - x_bj for benefit (x_bj - x_aj for cost) and P_j(a, b) is the
    criterion's preference function (default "usual"):
      usual P = [d > 0]; u-shape P = [d > q]; v-shape P = min(d / p, 1) for d > 0;
      level P = 0 for d <= q, 1/2 for q < d <= p, 1 for d > p;
      linear P = 0 for d <= q, (d - q) / (p - q) for q < d <= p, 1 for d > p (q == p: a step, [d > q]);
      gaussian P = 1 - exp(-d^2 / (2 s^2)) for d > 0.
    pi(a, b) = sum_j w_j P_j(a, b); phi+(a) = sum_b pi(a, b) / (n - 1), phi-(a) = sum_b pi(b, a) / (n - 1).
    Works one criterion at a time on an n x n array (never n x n x m).

    Degenerate cases (never NaN): a constant column contributes 0 to every flow; a single
    candidate gets all flows 0; all candidates equal get all flows 0; two candidates get
    phi(a) = pi(a, b) - pi(b, a) = -phi(b). Net flows always sum to 0.
    Thresholds are validated (ValueError): all finite and >= 0, q <= p for linear and level,
    p > 0 for v-shape, s > 0 for gaussian; one Preference per column.
    """
    x, w, b = check_inputs(matrix, weights, benefit)
    n, m = x.shape
    prefs = [Preference()] * m if preferences is None else list(preferences)
    if len(prefs) != m:
        raise ValueError(f"preferences must have one entry per criterion ({m}), got {len(prefs)}")
    for j, pref in enumerate(prefs):
        check_preference(pref, j)
    phi_plus = np.zeros(n)
    phi_minus = np.zeros(n)
    if n > 1:
        for j in range(m):
            if w[j] == 0:
                continue
            col = x[:, j] if b[j] else -x[:, j]
            degree = preference_degree(col[:, None] - col[None, :], prefs[j])
            phi_plus += w[j] * degree.sum(axis=1)
            phi_minus += w[j] * degree.sum(axis=0)
        # rounding may overshoot the [0, 1] bounds by an ulp
        phi_plus = np.clip(phi_plus / (n - 1), 0.0, 1.0)
        phi_minus = np.clip(phi_minus / (n - 1), 0.0, 1.0)
    return PrometheeResult(phi_plus=phi_plus, phi_minus=phi_minus, phi=phi_plus - phi_minus)
