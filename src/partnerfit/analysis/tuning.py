"""Walking weights: the state behind `tune` — current weights, moves with the siblings rescaled, undo, re-rank, intervals."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from partnerfit.analysis.sensitivity import judge
from partnerfit.analysis.stability import (
    Problem,
    Stability,
    WeightInterval,
    eligible_problem,
    weight_stability,
)
from partnerfit.analysis.tuning_paths import GRID, SCREEN, Item, Level, along_keys, coarse_stability, line, moved, tree
from partnerfit.contract.models import MissingPolicy
from partnerfit.engine.matrix import Aggregate, FloatArray, build_matrix
from partnerfit.engine.output import MethodOptions
from partnerfit.engine.ranking import competition_ranks
from partnerfit.engine.registry import METHODS
from partnerfit.engine.run import validate
from partnerfit.project.loading import Project
from partnerfit.result.close_call import CloseCall

STEP = 0.01  # one key press moves a weight by one point of the total
FLOOR = 0.001  # no weight reaches 0: a file's weight must stay above 0 (and the others need something to rescale)

__all__ = ["FLOOR", "GRID", "SCREEN", "STEP", "Item", "Level", "Row", "Tuning", "View", "line", "moved", "tree"]


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

    def reach(self, item: Item) -> float:
        """The most ``item`` can hold: its group's total now for a nested criterion, else the whole (1)."""
        return float(self.weights[list(item.pool)].sum()) if item.nested else 1.0

    def move(self, item: Item, delta: float = STEP) -> bool:
        """Move ``item``'s share by ``delta`` (its siblings rescaled in proportion); False when nothing moved.

        A nested criterion moves within its group (the group's total stays); a group, or a criterion
        of a flat set, moves against all the others; its share stays in [FLOOR, reach − FLOOR × siblings].
        """
        now, reach = self.share(item), self.reach(item)
        top = reach - FLOOR * (len(item.pool) - 1) if item.nested else 1.0 - FLOOR
        to = min(max(now + delta, FLOOR), top)
        if now >= reach - 1e-12 or top <= FLOOR or abs(to - now) < 1e-12:
            return False
        self._push()
        self.weights = moved(self.weights, item.cols, to, item.pool)
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
        overall = weight_stability(problem, top_k=1) if problem.exact or self.method == "wsm" else None
        stability = along_keys(problem, self.items, overall) if overall and problem.exact else None
        stability = stability or coarse_stability(problem, self.items)
        # with wsm (cheap even when scores are missing) the verdict's smallest change is measured as
        # `score` and `sensitivity` measure it, so the same weights read the same sentence everywhere;
        # the bands follow the keys. Other methods judge along the bands, to stay interactive.
        verdict = judge(overall if overall is not None else stability)
        shares = {item.id: self.share(item) for item in self.items}
        return View(self.method, shares, rows, stability, verdict)
