"""The paths a weight walks in `tune`: the tree of items, a move with its siblings rescaled, and the bands along it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from partnerfit.analysis.stability import (
    Bounds,
    Problem,
    Stability,
    WeightInterval,
    bounds_along,
)
from partnerfit.engine.matrix import FloatArray
from partnerfit.result.model import TIE_TOLERANCE

SCREEN = 1e-3  # numeric bounds are bisected to a tenth of a point: finer than a band can show
GRID = 25  # numeric path: method runs across [0, 1] before bisecting (`sensitivity` runs 100, to 1e-4)
Level = Literal["criterion", "group"]


@dataclass(frozen=True)
class Item:
    """One line of the criteria tree: a group (its criteria's columns) or a criterion (one column)."""

    id: str
    level: Level
    cols: tuple[int, ...]
    nested: bool  # a criterion inside a group
    pool: tuple[int, ...] = ()  # a nested criterion's group: the columns whose total its moves keep
    group: str = ""  # a nested criterion's group id


def tree(problem: Problem) -> tuple[Item, ...]:
    """Every group then its criteria, in file order (the criteria alone when the set has no groups)."""
    if not problem.groups:
        return tuple(Item(c, "criterion", (j,), False) for j, c in enumerate(problem.criteria))
    items: list[Item] = []
    for gid, cols in problem.groups:
        items.append(Item(gid, "group", cols, False))
        items += [Item(problem.criteria[j], "criterion", (j,), True, cols, gid) for j in cols]
    return tuple(items)


def moved(weights: FloatArray, cols: tuple[int, ...], to: float, pool: tuple[int, ...] = ()) -> FloatArray:
    """``weights`` with the total of ``cols`` set to ``to``, its siblings in ``pool`` rescaled in proportion.

    ``pool`` (which holds ``cols``) is the columns whose total is kept: a nested criterion's group;
    empty, every column (a group or a criterion of a flat set moves against all the others). Weights
    outside the pool do not move. The path of the bands (``line``): the band drawn for an item is
    exactly where the leader changes as its keys move it.
    """
    inside = np.zeros_like(weights)
    inside[list(cols)] = weights[list(cols)]
    inpool = weights.copy()
    if pool:
        inpool = np.zeros_like(weights)
        inpool[list(pool)] = weights[list(pool)]
    total, share = float(inpool.sum()), float(inside.sum())
    if share <= 0.0 or share >= total:
        return weights.copy()
    siblings = inpool - inside
    result: FloatArray = weights - inpool + inside * (to / share) + siblings * ((total - to) / (total - share))
    return result


def line(weights: FloatArray, item: Item) -> tuple[float, float, FloatArray, FloatArray]:
    """(reach, x, a, b): weights(x) = x·a + (1 − x)·b for x in [0, 1] is ``moved``'s path, the item's share x·reach.

    ``reach`` is the most the item can hold: its group's total for a nested criterion, else 1 (the
    path of analysis/stability.py: the others rescaled in proportion so that the total stays 1).
    """
    inside = np.zeros_like(weights)
    inside[list(item.cols)] = weights[list(item.cols)]
    share = float(weights[list(item.cols)].sum())
    if not item.nested:
        return 1.0, share, inside / share, (weights - inside) / (1.0 - share)
    inpool = np.zeros_like(weights)
    inpool[list(item.pool)] = weights[list(item.pool)]
    reach = float(inpool.sum())
    fixed = weights - inpool
    return reach, share / reach, fixed + inside * (reach / share), fixed + (inpool - inside) * (reach / (reach - share))


def along_keys(problem: Problem, items: tuple[Item, ...], stability: Stability) -> Stability:
    """``stability`` with each nested criterion's interval taken along its keys' path: within its group."""
    rows = {cid: k for k, cid in enumerate(problem.ids)}
    leader = None if stability.leader is None or stability.runner_up is None else rows[stability.leader]

    def bounds(x: float, a: FloatArray, b: FloatArray) -> Bounds:
        return (0.0, 1.0, 0.0, 1.0, None, None) if leader is None else bounds_along(problem, x, a, b, leader, [leader])

    nested = {item.id: _interval(problem, item, bounds) for item in items if item.nested}
    intervals = tuple(nested.get(i.id, i) if i.level == "criterion" else i for i in stability.intervals)
    return dataclasses.replace(stability, intervals=intervals)


def _interval(
    problem: Problem, item: Item, bounds: Callable[[float, FloatArray, FloatArray], Bounds]
) -> WeightInterval:
    """``item``'s interval from ``bounds`` of x on its ``line``, in effective weight (0 to its reach)."""
    share = float(problem.weights[list(item.cols)].sum())
    if item.nested and float(problem.weights[list(item.pool)].sum()) - share <= 1e-12:
        return WeightInterval(item.id, item.level, share, share, share, share, share)  # alone: its keys cannot move it
    reach, x, a, b = line(problem.weights, item)
    low, high, top_low, top_high, below, above = bounds(x, a, b)
    who = [None if row is None else problem.ids[row] for row in (below, above)]
    return WeightInterval(
        item.id, item.level, share, low * reach, high * reach, top_low * reach, top_high * reach, *who
    )


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

    def bounds(x: float, a: FloatArray, b: FloatArray) -> Bounds:
        if leader is None or runner is None:
            return 0.0, 1.0, 0.0, 1.0, None, None
        low, high, below, above = _walk(problem, x, a, b, leader)
        return low, high, low, high, below, above

    whole = [item for item in items if float(problem.weights[list(item.cols)].sum()) < 1.0 - 1e-12]
    intervals = [_interval(problem, item, bounds) for item in whole]
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
    problem: Problem, weight: float, a: FloatArray, b: FloatArray, leader: int
) -> tuple[float, float, int | None, int | None]:
    """How far x may move each way on x·a + (1 − x)·b with ``leader`` still first, and who leads past it."""

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
