"""The team as a mixed-integer program over arrays (binary x_i per candidate), solved exactly by HiGHS.

Candidates are indices 0..n−1 in sorted id order, so "the lexicographically smallest sorted id
list" of the tie rule is the smallest sorted index list. Every constraint is a group with an id:
a ``Linear`` row low ≤ Σ coef·x ≤ high (size, budget, covers, mix bounds, include, exclude,
never_together) or a ``Distinct`` rule (binary y_v ≤ Σ_{i has v} x_i, Σ y_v ≥ k). The value is
Σ score_i·x_i (total) or 100·Σ_c w_c·max_i v_ic·x_i (complementarity, linearised with
0 ≤ z_ic ≤ x_i, Σ_i z_ic ≤ 1). highspy is imported lazily: only a team needs it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
TIE = 1e-9  # FORMAT.md: values within 1e-9 of each other are equal
_TOL = 1e-9  # the solver's feasibility tolerances, as tight as the tie


@dataclass(frozen=True)
class Linear:
    """low ≤ Σ coef_i·x_i over ``idx`` ≤ high."""

    id: str
    idx: IntArray
    coef: FloatArray
    low: float = -np.inf
    high: float = np.inf

    def holds(self, x: FloatArray) -> bool:
        """Whether the 0/1 vector ``x`` meets it."""
        total = float(self.coef @ x[self.idx])
        return self.low - _TOL <= total <= self.high + _TOL


@dataclass(frozen=True)
class Distinct:
    """The members show at least ``k`` of the classes (each class: the indices sharing one value)."""

    id: str
    classes: tuple[IntArray, ...]
    k: int

    def holds(self, x: FloatArray) -> bool:
        """Whether the 0/1 vector ``x`` meets it."""
        return sum(bool(x[c].any()) for c in self.classes) >= self.k


Group = Linear | Distinct


def count(group_id: str, idx: Iterable[int], low: float = -np.inf, high: float = np.inf) -> Linear:
    """low ≤ how many of ``idx`` are members ≤ high."""
    found = np.fromiter(idx, dtype=np.int64)
    return Linear(group_id, found, np.ones(len(found)), low, high)


@dataclass(frozen=True)
class Portfolio:
    """A team problem: n candidates, the constraint groups, and the value of a team."""

    n: int
    groups: tuple[Group, ...]
    score: FloatArray | None = None  # total: the value is Σ score_i over the members
    values: FloatArray | None = None  # complementarity: (n, C) values in [0, 1] …
    weights: FloatArray | None = None  # … and (C,) weights: 100·Σ_c w_c·max over members of v_ic

    def vector(self, members: Iterable[int]) -> FloatArray:
        """The 0/1 vector of a team."""
        x = np.zeros(self.n)
        x[list(members)] = 1.0
        return x

    def value(
        self, members: Sequence[int], score: FloatArray | None = None, weights: FloatArray | None = None
    ) -> float:
        """The value of a team, computed exactly (optionally under other scores or weights)."""
        idx = list(members)
        if self.values is None:
            s = self.score if score is None else score
            assert s is not None
            return float(np.sum(s[idx]))
        w = self.weights if weights is None else weights
        assert w is not None
        return 0.0 if not idx else 100.0 * float(w @ self.values[idx].max(axis=0))

    def feasible(self, members: Sequence[int], groups: Iterable[Group] | None = None) -> bool:
        """Whether a team meets every group (or the ``groups`` given)."""
        x = self.vector(members)
        return all(g.holds(x) for g in (self.groups if groups is None else groups))


def _highs(presolve: bool) -> Any:
    import highspy

    # the bare core class: the Python wrapper's constructor prints a banner to stdout (HiGHS 1.16)
    cls = getattr(getattr(highspy, "_core", None), "_Highs", None) or highspy.Highs
    h = cls()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("log_to_console", False)
    for name, value in (
        ("mip_rel_gap", 0.0),
        ("mip_abs_gap", 0.0),
        ("mip_feasibility_tolerance", _TOL),
        ("primal_feasibility_tolerance", _TOL),
        ("threads", 1),
        ("random_seed", 0),
        ("presolve", "on" if presolve else "off"),
    ):
        h.setOptionValue(name, value)
    return h


def _members(x: FloatArray) -> tuple[int, ...]:
    return tuple(int(i) for i in np.flatnonzero(x > 0.5))


class Solver:
    """One HiGHS model of a Portfolio, built once: groups switched off and on, objectives and rows changed."""

    def __init__(self, p: Portfolio, *, presolve: bool = False) -> None:
        """Build the model; ``presolve`` pays off on a model solved few times with cuts (alternatives), not per sample."""
        import highspy

        self.p, self._h, self._ncol = p, _highs(presolve), 0
        self._optimal = highspy.HighsModelStatus.kOptimal
        self._infeasible = (highspy.HighsModelStatus.kInfeasible, highspy.HighsModelStatus.kUnboundedOrInfeasible)
        self._x = self._cols(p.n, integer=True)
        self._rows: list[list[tuple[int, float, float]]] = [self._group(g) for g in p.groups]
        if p.values is None:
            assert p.score is not None
            self._obj_cols, self._obj_coef = self._x, np.asarray(p.score, dtype=float)
        else:
            self._obj_cols, self._obj_coef = self._linearise(p.values)
        self._value_row = self._row(self._obj_cols, self._obj_coef)
        self._value_coef = self._obj_coef
        self._count_row = self._row(self._x, np.ones(p.n))

    def _cols(self, k: int, *, integer: bool) -> npt.NDArray[np.int32]:
        cols = np.arange(self._ncol, self._ncol + k, dtype=np.int32)
        self._h.addVars(k, np.zeros(k), np.ones(k))
        if integer and k:
            self._h.changeColsIntegrality(k, cols, np.ones(k, dtype=np.uint8))
        self._ncol += k
        return cols

    def _row(self, cols: Any, coef: Any, low: float = -np.inf, high: float = np.inf) -> int:
        r = int(self._h.getNumRow())
        cols = np.asarray(cols, dtype=np.int32)
        self._h.addRow(low, high, len(cols), cols, np.asarray(coef, dtype=np.float64))
        return r

    def _group(self, g: Group) -> list[tuple[int, float, float]]:
        if isinstance(g, Linear):
            return [(self._row(self._x[g.idx], g.coef, g.low, g.high), g.low, g.high)]
        y = self._cols(len(g.classes), integer=True)
        for yv, members in zip(y, g.classes, strict=True):  # y_v ≤ Σ_{i has v} x_i
            self._row([yv, *self._x[members]], [1.0, *(-np.ones(len(members)))], high=0.0)
        return [(self._row(y, np.ones(len(y)), float(g.k)), float(g.k), np.inf)]

    def _linearise(self, values: FloatArray) -> tuple[npt.NDArray[np.int32], FloatArray]:
        assert self.p.weights is not None
        rows, cols = np.nonzero(values > 0)  # a zero value never adds: no z for it
        z = self._cols(len(rows), integer=False)
        for zc, i in zip(z, rows, strict=True):  # z_ic ≤ x_i
            self._row([zc, self._x[i]], [1.0, -1.0], high=0.0)
        for c in np.unique(cols):  # Σ_i z_ic ≤ 1: one member brings criterion c
            self._row(z[cols == c], np.ones(int(np.sum(cols == c))), high=1.0)
        self._z_rows, self._z_cols = rows, cols
        return z, 100.0 * self.p.weights[cols] * values[rows, cols]

    def _run(self) -> FloatArray | None:
        self._h.run()
        status = self._h.getModelStatus()
        if status == self._optimal:
            return np.asarray(self._h.getSolution().col_value[: self.p.n])
        if status in self._infeasible:
            return None
        raise RuntimeError(f"the solver stopped: {self._h.modelStatusToString(status)}")

    def _objective(self, kind: str, coef: FloatArray | None = None) -> None:
        import highspy

        n = self._ncol
        self._h.changeColsCost(n, np.arange(n, dtype=np.int32), np.zeros(n))
        if kind == "value":
            c = self._obj_coef if coef is None else coef
            self._h.changeColsCost(len(self._obj_cols), self._obj_cols, c)
        elif kind == "size":
            self._h.changeColsCost(self.p.n, self._x, np.ones(self.p.n))
        sense = highspy.ObjSense.kMinimize if kind == "size" else highspy.ObjSense.kMaximize
        self._h.changeObjectiveSense(sense)

    def switch(self, group: int, on: bool) -> None:
        """Enforce a group, or relax it (its rows free)."""
        for r, low, high in self._rows[group]:
            self._h.changeRowBounds(r, low if on else -np.inf, high if on else np.inf)

    def feasible(self) -> bool:
        """Whether some team meets every group switched on (and every row added)."""
        self._objective("none")
        return self._run() is not None

    def add(
        self, idx: Iterable[int], coef: Sequence[float] | FloatArray, low: float = -np.inf, high: float = np.inf
    ) -> int:
        """Add a row on the members (a no-good cut, a forced member); ``drop`` removes the last rows added."""
        return self._row(self._x[np.fromiter(idx, dtype=np.int64)], coef, low, high)

    def drop(self, row: int) -> None:
        """Remove a row added last (rows after it keep their index)."""
        self._h.deleteRows(1, np.array([row], dtype=np.int32))

    def cut(self, team: Sequence[int]) -> int:
        """A no-good cut: every team but ``team`` stays possible."""
        coef = -np.ones(self.p.n)
        coef[list(team)] = 1.0
        return self.add(range(self.p.n), coef, high=len(team) - 1)

    def maximise(self, coef: FloatArray) -> tuple[int, ...] | None:
        """An optimal team under other objective coefficients (per objective column), no tie rule."""
        self._objective("value", coef)
        x = self._run()
        return None if x is None else _members(x)

    def sample_coef(self, score: FloatArray | None = None, weights: FloatArray | None = None) -> FloatArray:
        """The objective coefficients under other scores (total) or weights (complementarity)."""
        if self.p.values is None:
            assert score is not None
            return np.asarray(score, dtype=float)
        assert weights is not None
        return 100.0 * weights[self._z_cols] * self.p.values[self._z_rows, self._z_cols]

    def best(self, score: FloatArray | None = None, weights: FloatArray | None = None) -> tuple[int, ...] | None:
        """The optimal team under the tie rule, or None when no team meets every group switched on.

        The tie rule, exactly: V = the optimum; m = the smallest size of a team worth ≥ V − TIE;
        then, in index (sorted id) order, each candidate is a member if some team of size m worth
        ≥ V − TIE has it with the decisions already taken: the lexicographically smallest list.
        """
        coef = self._obj_coef if score is None and weights is None else self.sample_coef(score, weights)
        if coef is not self._value_coef:  # the value row follows the objective (sampled weights)
            for col, c in zip(self._obj_cols, coef, strict=True):
                self._h.changeCoeff(self._value_row, int(col), float(c))
            self._value_coef = coef
        team = self.maximise(coef)
        if team is None:
            return None
        self._h.changeRowBounds(self._value_row, self.p.value(team, score, weights) - TIE, np.inf)
        try:
            if self._alone(team):  # the usual case: one more solve proves no other team is as good
                return team
            self._objective("size")
            smaller = self._run()
            if smaller is not None and len(_members(smaller)) < len(team):
                team = _members(smaller)
            self._h.changeRowBounds(self._count_row, len(team), len(team))
            return self._first(team)
        finally:
            self._h.changeRowBounds(self._value_row, -np.inf, np.inf)
            self._h.changeRowBounds(self._count_row, -np.inf, np.inf)

    def _alone(self, team: tuple[int, ...]) -> bool:
        """Whether no other team of at most the same size reaches the value row's bound."""
        self._objective("none")
        self._h.changeRowBounds(self._count_row, -np.inf, len(team))
        other = self.cut(team)
        alone = self._run() is None
        self.drop(other)
        self._h.changeRowBounds(self._count_row, -np.inf, np.inf)
        return alone

    def _first(self, team: tuple[int, ...]) -> tuple[int, ...]:
        """The lexicographically smallest team of the same size and value as ``team`` (value, size rows set)."""
        self._objective("none")
        chosen: list[int] = []
        fixed: list[int] = []
        pos, incumbent = 0, team
        try:
            while len(chosen) < len(team):
                t = min(i for i in incumbent if i >= pos)
                if t > pos:
                    row = self.add(range(pos, t), np.ones(t - pos), low=1.0)
                    x = self._run()
                    self.drop(row)
                    found = None if x is None else _members(x)
                    if found is not None and any(pos <= i < t for i in found):
                        incumbent = found
                        continue
                    for j in range(pos, t):
                        self._h.changeColBounds(int(self._x[j]), 0.0, 0.0)
                    fixed.extend(range(pos, t))
                self._h.changeColBounds(int(self._x[t]), 1.0, 1.0)
                fixed.append(t)
                chosen.append(t)
                pos = t + 1
        finally:
            for j in fixed:
                self._h.changeColBounds(int(self._x[j]), 0.0, 1.0)
        return tuple(chosen)

    def irreducible(self) -> list[int]:
        """A smallest set of groups that cannot hold together (deletion filtering: drop each one that is not needed).

        Call it only when no team is feasible; rows added stay enforced. Removing any one group of
        the answer leaves a feasible problem.
        """
        kept = list(range(len(self.p.groups)))
        for g in range(len(self.p.groups)):
            self.switch(g, False)
            if self.feasible():
                self.switch(g, True)
            else:
                kept.remove(g)
        for g in range(len(self.p.groups)):
            self.switch(g, True)
        return kept
