"""Weight stability intervals: how far one criterion's or group's weight may move before the leader changes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import numpy.typing as npt

from partnerfit.engine.dispatch import preferences_of
from partnerfit.engine.matrix import DecisionMatrix, FloatArray
from partnerfit.engine.method import Method, Table
from partnerfit.engine.output import MethodOptions
from partnerfit.engine.ranking import competition_ranks
from partnerfit.engine.registry import DEFAULT, get
from partnerfit.errors import IncompleteScoresError
from partnerfit.mcda.promethee import Preference
from partnerfit.result.model import TIE_TOLERANCE

Level = Literal["criterion", "group"]
DECISIVE = 0.05  # a criterion is decisive when the leader changes within ±0.05 of its weight
RESOLUTION = 1e-4  # numeric bounds are bisected to this precision
GRID = 100  # numeric path: evaluations across [0, 1] before bisecting
_SLOPE = 1e-12  # a score difference that changes less than this per unit of weight is constant
IntArray = npt.NDArray[np.int64]
Bounds = tuple[float, float, float, float, int | None, int | None]  # low, high, top low, top high, below, above


@dataclass(frozen=True)
class Problem:
    """The eligible candidates as arrays a method can be re-run on with other weights or scores.

    ``values`` are raw scores, the scale's worst point where a missing score counts as worst,
    NaN where a missing score is left out (a method that accepts gaps, under ``missing: ignore``).
    """

    ids: tuple[str, ...]
    criteria: tuple[str, ...]
    values: FloatArray
    weights: FloatArray
    low: FloatArray
    high: FloatArray
    lower: npt.NDArray[np.bool_]
    groups: tuple[tuple[str, tuple[int, ...]], ...]
    method: str = DEFAULT
    options: MethodOptions = field(default_factory=MethodOptions)
    preferences: tuple[Preference, ...] = ()

    @property
    def spec(self) -> Method:
        """The registered method the problem is scored with."""
        return get(self.method)

    @property
    def additive(self) -> bool:
        """Whether scores are the weighted sum of scale-anchored values, linear in the weights."""
        return self.spec.additive

    @property
    def exact(self) -> bool:
        """Whether scores are linear in the weights (an additive method on complete scores): closed-form intervals."""
        return self.additive and not bool(np.isnan(self.values).any())

    def normalised(self, values: FloatArray | None = None) -> FloatArray:
        """Scale-anchored 0–1 values (1 = best point of the scale), NaN where missing."""
        v = ((self.values if values is None else values) - self.low) / (self.high - self.low)
        result: FloatArray = np.where(self.lower, 1.0 - v, v)
        return result

    def scores(self, weights: FloatArray, values: FloatArray | None = None) -> FloatArray:
        """0–100 scores under ``weights`` (one vector, or one per row: then one row of scores per row)."""
        if self.additive:  # the closed form an additive method declares: every row of weights at once
            v = self.normalised(values)
            counted = ~np.isnan(v)
            w = np.atleast_2d(weights)
            total = w @ counted.T
            points = 100.0 * (w @ np.nan_to_num(v).T) / np.where(total > 0, total, 1.0)
            result = np.clip(np.where(total > 0, points, 0.0), 0.0, 100.0)
            return result if weights.ndim == 2 else result[0]
        table = self.values if values is None else values
        if weights.ndim == 2:
            return np.array([self._rerun(w, table) for w in weights]).reshape(len(weights), len(self.ids))
        return self._rerun(weights, table)

    def _rerun(self, weights: FloatArray, values: FloatArray) -> FloatArray:
        """One run of the method, as the engine scores it, under other weights or scores."""
        if not len(values):
            return np.empty(0)
        v, prefs = self.options.vikor_v, self.preferences
        table = Table(self.ids, self.criteria, values, weights, self.low, self.high, self.lower, v, prefs)
        score = self.spec.run(table).score
        assert score is not None
        return score

    def order(self, scores: FloatArray) -> list[int]:
        """Row indices in ranking order (the engine's competition ranking, ties listed by id)."""
        return [row for row, _ in competition_ranks(self.ids, scores.tolist(), [True] * len(self.ids))]


def eligible_problem(matrix: DecisionMatrix, method: str = DEFAULT, options: MethodOptions | None = None) -> Problem:
    """The candidates of ``matrix`` that are not excluded, ready to be re-scored by ``method``."""
    options = options or MethodOptions()
    rows = [i for i, reasons in enumerate(matrix.reasons) if not reasons]
    values = matrix.values[rows]
    gaps = np.isnan(values)
    if gaps.any() and (options.missing == "worst" or get(method).needs_complete):
        if options.missing != "worst":
            raise IncompleteScoresError(f"{method} compares candidates with each other, so every score is needed")
        values = np.where(gaps, np.where(matrix.lower_is_better, matrix.high, matrix.low), values)
    index = {cid: j for j, cid in enumerate(matrix.criteria.ids)}
    groups = tuple((g.id, tuple(index[c] for c in g.criteria)) for g in matrix.criteria.groups)
    preferences = preferences_of(matrix.criteria)
    ids = tuple(matrix.ids[i] for i in rows)
    low, high, lower = matrix.low, matrix.high, matrix.lower_is_better
    return Problem(
        ids, matrix.criteria.ids, values, matrix.weights, low, high, lower, groups, method, options, preferences
    )


@dataclass(frozen=True)
class WeightInterval:
    """The effective weights of one criterion or group over which the leader (and the top-K set) stay put.

    The other weights are rescaled in proportion so that the total stays 1. ``below``/``above``
    name who leads just past ``low``/``high``; None when the leader never changes on that side
    (the bound is then 0 or 1).
    """

    id: str
    level: Level
    weight: float
    low: float
    high: float
    top_low: float
    top_high: float
    below: str | None = None
    above: str | None = None

    @property
    def decisive(self) -> bool:
        """Whether the leader changes within ±DECISIVE of the declared weight."""
        return (self.below is not None and self.low > self.weight - DECISIVE) or (
            self.above is not None and self.high < self.weight + DECISIVE
        )


@dataclass(frozen=True)
class Stability:
    """Weight stability intervals of every group and criterion around the declared weights."""

    method: str
    exact: bool
    top_k: int
    leader: str | None
    top: tuple[str, ...]
    runner_up: str | None
    margin: float | None  # the leader's lead over the runner-up, in points of the 0–100 score
    intervals: tuple[WeightInterval, ...]


def _directions(problem: Problem) -> list[tuple[str, Level, tuple[int, ...]]]:
    """Every group then its criteria (file order); a group or criterion holding all the weight has none."""
    groups = problem.groups or (("", tuple(range(len(problem.criteria)))),)
    items: list[tuple[str, Level, tuple[int, ...]]] = []
    for gid, cols in groups:
        items += [(gid, "group", cols)] if gid else []
        items += [(problem.criteria[j], "criterion", (j,)) for j in cols]
    return [item for item in items if problem.weights[list(item[2])].sum() < 1.0 - 1e-12]


def _path(weights: FloatArray, cols: tuple[int, ...]) -> tuple[float, FloatArray, FloatArray]:
    """(W, a, b): weights(x) = x·a + (1 − x)·b moves the total of ``cols`` to x, the rest in proportion."""
    inside = np.zeros_like(weights)
    inside[list(cols)] = weights[list(cols)]
    total = float(inside.sum())
    return total, inside / total, (weights - inside) / (1.0 - total)


def weight_stability(problem: Problem, top_k: int = 3) -> Stability:
    """Stability intervals of the leader and of the top-``top_k`` set for every group and criterion.

    Exact for an additive method on complete scores (scores are linear in the weights: each rival
    gives one linear inequality); otherwise the method is re-run on a grid of GRID steps and bounds are bisected to
    RESOLUTION. The leader stays first while no one scores more than 1e-9 above it (the engine's tie rule).
    """
    n = len(problem.ids)
    scores = problem.scores(problem.weights)
    order = problem.order(scores)
    top_rows = order[: min(top_k, n)]
    leader = order[0] if order else None
    runner = order[1] if n > 1 else None
    margin = float(scores[leader] - scores[runner]) if leader is not None and runner is not None else None
    intervals = []
    for item, level, cols in _directions(problem):
        weight, a, b = _path(problem.weights, cols)
        if leader is None or runner is None:
            bounds: Bounds = (0.0, 1.0, 0.0, 1.0, None, None)
        else:
            bounds = (_exact if problem.exact else _numeric)(problem, weight, a, b, leader, top_rows)
        low, high, top_low, top_high, below, above = bounds
        who = [None if row is None else problem.ids[row] for row in (below, above)]
        intervals.append(WeightInterval(item, level, weight, low, high, top_low, top_high, *who))
    return Stability(
        problem.method,
        problem.exact,
        top_k,
        None if leader is None else problem.ids[leader],
        tuple(problem.ids[i] for i in top_rows),
        None if runner is None else problem.ids[runner],
        margin,
        tuple(intervals),
    )


def bounds_along(problem: Problem, weight: float, a: FloatArray, b: FloatArray, leader: int, top: list[int]) -> Bounds:
    """The bounds of x on another path weights(x) = x·a + (1 − x)·b, x in [0, 1], as ``weight_stability`` finds them."""
    return (_exact if problem.exact else _numeric)(problem, weight, a, b, leader, top)


def _linear_bounds(c0: FloatArray, c1: FloatArray, weight: float) -> tuple[float, float, IntArray, IntArray]:
    """The x in [0, 1] where every c0 + c1·x ≤ 1e-9 holds, and the constraints binding below and above."""
    with np.errstate(divide="ignore", invalid="ignore"):
        cross = (TIE_TOLERANCE - c0) / c1
    rising, falling = c1 > _SLOPE, c1 < -_SLOPE
    highs, lows = np.where(rising, cross, np.inf), np.where(falling, cross, -np.inf)
    high, low = float(min(highs.min(initial=np.inf), 1.0)), float(max(lows.max(initial=-np.inf), 0.0))
    below = np.flatnonzero(falling & (lows >= low - 1e-12)) if low > 0.0 else np.empty(0, dtype=np.int64)
    above = np.flatnonzero(rising & (highs <= high + 1e-12)) if high < 1.0 else np.empty(0, dtype=np.int64)
    return min(low, weight), max(high, weight), below, above


def _exact(problem: Problem, weight: float, a: FloatArray, b: FloatArray, leader: int, top: list[int]) -> Bounds:
    """Closed form: S_i(x) = x·A_i + (1 − x)·B_i for every candidate i, so each rival bounds x on one side."""
    v = problem.normalised()
    at_one, at_zero = 100.0 * (v @ a), 100.0 * (v @ b)
    c0 = at_zero - at_zero[leader]
    c1 = (at_one - at_one[leader]) - c0
    low, high, below, above = _linear_bounds(c0, c1, weight)
    first_below, first_above = _steepest(below, -c1, problem.ids), _steepest(above, c1, problem.ids)
    others = np.setdiff1d(np.arange(len(problem.ids)), top)
    slope = at_one - at_zero
    pair_c0 = (at_zero[others][:, None] - at_zero[top][None, :]).ravel()
    pair_c1 = (slope[others][:, None] - slope[top][None, :]).ravel()
    top_low, top_high, _, _ = _linear_bounds(pair_c0, pair_c1, weight)
    return low, high, top_low, top_high, first_below, first_above


def _steepest(rows: IntArray, slope: FloatArray, ids: tuple[str, ...]) -> int | None:
    """Past a bound, the steepest of the rivals that caught up leads (listed by id among equal slopes)."""
    if not len(rows):
        return None
    best = float(slope[rows].max())
    steepest: list[int] = [r for r in rows.tolist() if slope[r] >= best - 1e-9]
    return min(steepest, key=ids.__getitem__)


def _numeric(problem: Problem, weight: float, a: FloatArray, b: FloatArray, leader: int, top: list[int]) -> Bounds:
    """Re-run the method on a grid of the weight, then bisect each side's first change to RESOLUTION."""
    xs = np.union1d(np.linspace(0.0, 1.0, GRID + 1), [weight])
    grid = problem.scores(np.outer(xs, a) + np.outer(1.0 - xs, b))
    others = np.setdiff1d(np.arange(len(problem.ids)), top)

    def leads(s: FloatArray) -> npt.NDArray[np.bool_]:
        return np.asarray(s[..., leader] >= s.max(axis=-1) - TIE_TOLERANCE)

    def holds(s: FloatArray) -> npt.NDArray[np.bool_]:
        if not len(others):
            return np.ones(s.shape[:-1], dtype=bool)
        return np.asarray(s[..., top].min(axis=-1) >= s[..., others].max(axis=-1) - TIE_TOLERANCE)

    def at(x: float) -> FloatArray:
        return problem.scores(x * a + (1.0 - x) * b)

    start = int(np.searchsorted(xs, weight))
    found: list[tuple[float, int | None]] = []
    for test in (leads, holds):
        ok = test(grid)
        for step in (-1, 1):
            k = start
            while 0 <= k + step < len(xs) and ok[k + step]:
                k += step
            if not 0 <= k + step < len(xs):
                found.append((float(xs[k]), None))
                continue
            good, bad = _bisect(test, at, float(xs[k]), float(xs[k + step]))
            found.append((good, problem.order(at(bad))[0]))
    (low, below), (high, above), (top_low, _), (top_high, _) = found
    return min(low, weight), max(high, weight), min(top_low, weight), max(top_high, weight), below, above


def _bisect(
    test: Callable[[FloatArray], npt.NDArray[np.bool_]], at: Callable[[float], FloatArray], good: float, bad: float
) -> tuple[float, float]:
    """Narrow [good, bad] (in either order) to RESOLUTION, ``test`` holding at ``good`` and failing at ``bad``."""
    while abs(bad - good) > RESOLUTION:
        middle = (good + bad) / 2
        if test(at(middle)):
            good = middle
        else:
            bad = middle
    return good, bad
