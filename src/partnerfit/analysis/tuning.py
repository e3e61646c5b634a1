"""Walking weights: the state behind `tune` — current weights, moves with the others rescaled, undo, re-rank, intervals."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from partnerfit.analysis.sensitivity import judge
from partnerfit.analysis.stability import Problem, Stability, WeightInterval, eligible_problem, weight_stability
from partnerfit.contract.models import MissingPolicy
from partnerfit.engine.matrix import Aggregate, FloatArray, build_matrix
from partnerfit.engine.output import MethodOptions
from partnerfit.engine.ranking import competition_ranks
from partnerfit.engine.registry import METHODS
from partnerfit.engine.run import validate
from partnerfit.project.loading import Project
from partnerfit.result.close_call import CloseCall
from partnerfit.result.model import TIE_TOLERANCE

SCREEN = 1e-3  # numeric bounds are bisected to a tenth of a point: finer than a band can show
GRID = 25  # numeric path: method runs across [0, 1] before bisecting (`sensitivity` runs 100, to 1e-4)
STEP = 0.01  # one key press moves a weight by one point of the total
FLOOR = 0.001  # no weight reaches 0: a file's weight must stay above 0 (and the others need something to rescale)
Level = Literal["criterion", "group"]


@dataclass(frozen=True)
class Item:
    """One line of the criteria tree: a group (its criteria's columns) or a criterion (one column)."""

    id: str
    level: Level
    cols: tuple[int, ...]
    nested: bool  # a criterion inside a group


@dataclass(frozen=True)
class Row:
    """One ranked candidate: its rank now, and its rank under the file's weights (same method)."""

    id: str
    rank: int
    score: float
    was: int | None

    @property
    def moved(self) -> int:
        """Places gained (> 0) or lost (< 0) since the file's weights; 0 for a newcomer or no move."""
        return 0 if self.was is None else self.was - self.rank


@dataclass(frozen=True)
class View:
    """What the screen shows after a key press: the weights, the ranking, the intervals and the verdict."""

    method: str
    weights: dict[str, float]  # item id -> its share of the total (groups and criteria)
    rows: tuple[Row, ...]
    stability: Stability
    close_call: CloseCall | None

    def interval(self, item: str) -> WeightInterval | None:
        """The leader's stability interval of ``item`` (None when it holds all the weight)."""
        return next((i for i in self.stability.intervals if i.id == item), None)


def tree(problem: Problem) -> tuple[Item, ...]:
    """Every group then its criteria, in file order (the criteria alone when the set has no groups)."""
    if not problem.groups:
        return tuple(Item(c, "criterion", (j,), False) for j, c in enumerate(problem.criteria))
    items: list[Item] = []
    for gid, cols in problem.groups:
        items.append(Item(gid, "group", cols, False))
        items += [Item(problem.criteria[j], "criterion", (j,), True) for j in cols]
    return tuple(items)


def moved(weights: FloatArray, cols: tuple[int, ...], to: float) -> FloatArray:
    """``weights`` with the total of ``cols`` set to ``to`` and every other weight rescaled in proportion.

    The path of the stability intervals (analysis/stability.py ``_path``): the band drawn for an
    item is exactly where the leader changes as its keys move it. The total is kept.
    """
    total = float(weights.sum())
    inside = np.zeros_like(weights)
    inside[list(cols)] = weights[list(cols)]
    share = float(inside.sum())
    if share <= 0.0 or share >= total:
        return weights.copy()
    result: FloatArray = inside * (to / share) + (weights - inside) * ((total - to) / (total - share))
    return result


class Tuning:
    """Weights being walked for one loaded file: moves, undo, reset, method switch, and the view after each."""

    def __init__(
        self, project: Project, aggregate: Aggregate, missing: MissingPolicy, vikor_v: float, method: str = "wsm"
    ) -> None:
        self._project, self._aggregate, self._missing = project, aggregate, missing
        self._options = MethodOptions(missing, vikor_v)
        # the decision matrix is built once from the table parsed at load time; every key press reuses it
        self._matrix = build_matrix(project.file.candidates, project.criteria, aggregate, project.table)
        self._problems: dict[str, Problem] = {}
        self.method = method
        base = self._problem(method)
        self.items = tree(base)
        self.initial: FloatArray = base.weights.copy()
        self.weights: FloatArray = base.weights.copy()
        self._undo: list[tuple[FloatArray, str]] = []
        self._baseline: dict[str, dict[str, int]] = {}

    @classmethod
    def of(
        cls,
        project: Project,
        *,
        method: str = "wsm",
        aggregate: Aggregate = "mean",
        missing: MissingPolicy | None = None,
        vikor_v: float = 0.5,
    ) -> Tuning:
        """The tuning state of ``project``, checked as `score` checks it (same errors)."""
        return cls(project, aggregate, missing or project.missing, vikor_v, method)

    def _problem(self, method: str) -> Problem:
        """The eligible candidates as arrays for ``method``, built once (nothing is re-read or re-parsed)."""
        if method not in self._problems:
            options = self._options
            project, aggregate, missing = self._project, self._aggregate, self._missing
            validate(project, method=method, aggregate=aggregate, missing=missing, vikor_v=options.vikor_v)
            self._problems[method] = eligible_problem(self._matrix, method, options)
        return self._problems[method]

    def share(self, item: Item) -> float:
        """The item's share of the total weight now."""
        return float(self.weights[list(item.cols)].sum())

    def move(self, item: Item, delta: float = STEP) -> bool:
        """Move ``item``'s share by ``delta`` (the others rescaled in proportion); False when nothing moved."""
        now = self.share(item)
        to = min(max(now + delta, FLOOR), 1.0 - FLOOR)
        if now >= 1.0 - 1e-12 or abs(to - now) < 1e-12:
            return False
        self._push()
        self.weights = moved(self.weights, item.cols, to)
        return True

    def reset(self) -> bool:
        """Back to the file's weights (undoable); False when already there."""
        if np.array_equal(self.weights, self.initial):
            return False
        self._push()
        self.weights = self.initial.copy()
        return True

    def switch(self, method: str) -> None:
        """Score with ``method`` from now on (undoable); raises what `score` raises when the data does not suit it."""
        if method == self.method:
            return
        self._problem(method)
        self._push()
        self.method = method

    def next_method(self) -> str:
        """The registered method after the current one (the registry's order, wrapping)."""
        names = list(METHODS)
        return names[(names.index(self.method) + 1) % len(names)] if self.method in names else names[0]

    def undo(self) -> bool:
        """Restore exactly the weights and method before the last change; False with nothing to undo."""
        if not self._undo:
            return False
        self.weights, self.method = self._undo.pop()
        return True

    def _push(self) -> None:
        self._undo.append((self.weights.copy(), self.method))

    def overrides(self, digits: int | None = None) -> dict[str, float]:
        """The current weights as `-w`/scenario overrides, in percent: every group's total and every criterion's share."""
        # a criterion's share over its group's total, times the group's share, gives back its effective weight
        values = {item.id: 100.0 * self.share(item) for item in self.items}
        return values if digits is None else {k: round(v, digits) for k, v in values.items()}

    def ranking(self, method: str | None = None, weights: FloatArray | None = None) -> list[tuple[str, int, float]]:
        """(id, rank, score) of the eligible candidates in ranking order, as the engine ranks them."""
        problem = self._problem(method or self.method)
        scores = problem.scores(self.weights if weights is None else weights)
        ranked = competition_ranks(problem.ids, scores.tolist(), [True] * len(problem.ids))
        return [(problem.ids[row], rank, float(scores[row])) for row, rank in ranked]

    def view(self) -> View:
        """Re-rank and recompute the leader's stability intervals under the current weights and method."""
        problem = dataclasses.replace(self._problem(self.method), weights=self.weights)
        if self.method not in self._baseline:
            self._baseline[self.method] = {cid: rank for cid, rank, _ in self.ranking(weights=self.initial)}
        was = self._baseline[self.method]
        rows = tuple(Row(cid, rank, score, was.get(cid)) for cid, rank, score in self.ranking())
        stability = weight_stability(problem, top_k=1) if problem.exact else coarse_stability(problem, self.items)
        shares = {item.id: self.share(item) for item in self.items}
        return View(self.method, shares, rows, stability, judge(stability))


def coarse_stability(problem: Problem, items: tuple[Item, ...]) -> Stability:
    """The leader's stability intervals of a method that is not linear in the weights, at screen resolution.

    As ``weight_stability`` (same path, same tie rule) on a grid of GRID runs bisected to SCREEN,
    so that a key press stays interactive with topsis; `sensitivity` gives the 1e-4 bounds.
    """
    scores = problem.scores(problem.weights)
    order = problem.order(scores)
    leader = order[0] if order else None
    runner = order[1] if len(order) > 1 else None
    margin = None if leader is None or runner is None else float(scores[leader] - scores[runner])
    intervals = []
    for item in items:
        weight = float(problem.weights[list(item.cols)].sum())
        if weight >= 1.0 - 1e-12:
            continue
        low, high, below, above = 0.0, 1.0, None, None
        if leader is not None and runner is not None:
            low, high, below, above = _walk(problem, item.cols, weight, leader)
        who = [None if row is None else problem.ids[row] for row in (below, above)]
        intervals.append(WeightInterval(item.id, item.level, weight, low, high, low, high, *who))
    ids = problem.ids
    return Stability(
        problem.method,
        False,
        1,
        None if leader is None else ids[leader],
        () if leader is None else (ids[leader],),
        None if runner is None else ids[runner],
        margin,
        tuple(intervals),
    )


def _walk(
    problem: Problem, cols: tuple[int, ...], weight: float, leader: int
) -> tuple[float, float, int | None, int | None]:
    """How far the share of ``cols`` may move each way with ``leader`` still first, and who leads past it."""
    ones = np.zeros_like(problem.weights)
    ones[list(cols)] = 1.0
    a = problem.weights * ones / weight
    b = problem.weights * (1.0 - ones) / (1.0 - weight)

    def at(x: float) -> FloatArray:
        return problem.scores(x * a + (1.0 - x) * b)

    def leads(s: FloatArray) -> npt.NDArray[np.bool_]:
        return np.asarray(s[..., leader] >= s.max(axis=-1) - TIE_TOLERANCE)

    xs = np.union1d(np.linspace(0.0, 1.0, GRID + 1), [weight])
    ok = leads(problem.scores(np.outer(xs, a) + np.outer(1.0 - xs, b)))
    start = int(np.searchsorted(xs, weight))
    found: list[tuple[float, int | None]] = []
    for step in (-1, 1):
        k = start
        while 0 <= k + step < len(xs) and ok[k + step]:
            k += step
        if not 0 <= k + step < len(xs):
            found.append((float(xs[k]), None))
            continue
        good, bad = float(xs[k]), float(xs[k + step])
        while abs(bad - good) > SCREEN:
            middle = (good + bad) / 2
            good, bad = (middle, bad) if leads(at(middle)) else (good, middle)
        found.append((good, problem.order(at(bad))[0]))
    (low, below), (high, above) = found
    return min(low, weight), max(high, weight), below, above
