"""The team's mixed-integer program against exhaustive enumeration: optimum, tie rule, alternatives, conflicts."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerfit.mcda.portfolio import TIE, Distinct, Group, Linear, Portfolio, Solver, count

KINDS = ("size", "budget", "cover", "at_least", "at_most", "distinct", "include", "exclude", "never_together")


def key(p: Portfolio, team: tuple[int, ...]) -> tuple[float, int, tuple[int, ...]]:
    return (-p.value(team), len(team), team)


def ranked(p: Portfolio, groups: Sequence[Group] | None = None) -> list[tuple[int, ...]]:
    """Every feasible team, best first under FORMAT.md's tie rule (values within TIE are equal)."""
    teams = [t for k in range(p.n + 1) for t in itertools.combinations(range(p.n), k) if p.feasible(t, groups)]
    teams.sort(key=lambda t: key(p, t))  # exact sort, then merge values within TIE
    out: list[tuple[int, ...]] = []
    rest = teams
    while rest:
        top = -key(p, rest[0])[0]
        level = [t for t in rest if p.value(t) >= top - TIE]
        level.sort(key=lambda t: (len(t), t))
        out.extend(level)
        rest = [t for t in rest if p.value(t) < top - TIE]
    return out


@st.composite
def subsets(draw: st.DrawFn, n: int, low: int = 0) -> list[int]:
    return sorted(draw(st.sets(st.integers(0, n - 1), min_size=min(low, n), max_size=n)))


@st.composite
def portfolios(draw: st.DrawFn, kinds: Sequence[str] = KINDS) -> Portfolio:
    n = draw(st.integers(1, 10))
    chosen = draw(st.sets(st.sampled_from(kinds), max_size=len(kinds))) if len(kinds) > 1 else set(kinds)
    groups: list[Group] = []
    if "size" in chosen:
        lo = draw(st.integers(0, n))
        groups.append(count("size", range(n), lo, draw(st.integers(lo, n))))
    if "budget" in chosen:
        cost = np.array(draw(st.lists(st.integers(0, 6), min_size=n, max_size=n)), dtype=float)
        groups.append(Linear("budget", np.arange(n), cost, high=float(draw(st.integers(0, 20)))))
    if "cover" in chosen:
        groups.append(count("cover", draw(subsets(n)), draw(st.integers(1, 3))))
    if "at_least" in chosen:
        groups.append(count("at_least", draw(subsets(n)), draw(st.integers(0, 3))))
    if "at_most" in chosen:
        groups.append(count("at_most", draw(subsets(n)), high=draw(st.integers(0, 3))))
    if "distinct" in chosen:
        labels = draw(st.lists(st.integers(-1, 3), min_size=n, max_size=n))  # -1: no value
        classes = tuple(np.flatnonzero(np.array(labels) == v) for v in range(4) if v in labels)
        groups.append(Distinct("distinct", classes, draw(st.integers(0, 4))))
    if "include" in chosen:
        groups.append(count("include", [draw(st.integers(0, n - 1))], 1.0))
    if "exclude" in chosen:
        groups.append(count("exclude", [draw(st.integers(0, n - 1))], high=0.0))
    if "never_together" in chosen:
        groups.append(count("never_together", draw(subsets(n, 2)), high=1.0))
    if draw(st.booleans()):  # total: scores on a grid of quarters, so that ties are frequent and exact
        score = np.array(draw(st.lists(st.integers(0, 12), min_size=n, max_size=n)), dtype=float) * 0.25
        return Portfolio(n, tuple(groups), score=score)
    c = draw(st.integers(1, 4))
    values = np.array(draw(st.lists(st.integers(0, 4), min_size=n * c, max_size=n * c)), dtype=float).reshape(n, c) / 4
    weights = np.array(draw(st.lists(st.integers(1, 8), min_size=c, max_size=c)), dtype=float) / 8
    return Portfolio(n, tuple(groups), values=values, weights=weights)


def check_best(p: Portfolio) -> None:
    oracle = ranked(p)
    solver = Solver(p)
    found = solver.best()
    if not oracle:
        assert found is None
        return
    assert found == oracle[0], (found, oracle[0], p.value(found or ()), p.value(oracle[0]))


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(portfolios())
def test_the_solver_finds_the_enumerated_optimum_with_the_tie_rule(p: Portfolio) -> None:
    check_best(p)


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_constraint_kind_alone(kind: str, data: st.DataObject) -> None:
    check_best(data.draw(portfolios((kind,))))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(portfolios(), st.integers(1, 4))
def test_alternatives_by_no_good_cuts_are_the_next_teams_in_order(p: Portfolio, k: int) -> None:
    oracle = ranked(p)
    solver = Solver(p)
    found = []
    for _ in range(k + 1):
        team = solver.best()
        if team is None:
            break
        found.append(team)
        solver.cut(team)
    assert found == oracle[: k + 1]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(portfolios())
def test_a_conflict_is_infeasible_and_minimal(p: Portfolio) -> None:
    if ranked(p):
        return
    solver = Solver(p)
    kept = solver.irreducible()
    conflict = [p.groups[g] for g in kept]
    assert not ranked(p, conflict), "the reported set cannot hold together"
    for drop in range(len(conflict)):
        assert ranked(p, conflict[:drop] + conflict[drop + 1 :]), "removing any one makes it feasible"
    assert solver.best() is None  # the model is left as it was: still infeasible


def test_a_known_conflict_is_named_exactly() -> None:
    groups = (
        count("size", range(4), 2, 2),
        count("cover", [0], 1.0),
        count("include", [1], 1.0),
        count("never_together", [0, 1], high=1.0),
        count("harmless", [2, 3], high=2.0),
    )
    kept = Solver(Portfolio(4, groups, score=np.ones(4))).irreducible()
    assert [groups[g].id for g in kept] == ["cover", "include", "never_together"]


def test_ties_go_to_the_smaller_team_then_the_smallest_ids() -> None:
    # a zero-score member adds nothing: {1, 2, 3} and {0, 1, 2, 3} are worth 4, the smaller wins
    p = Portfolio(4, (count("size", range(4), 1, 4),), score=np.array([0.0, 2.0, 1.0, 1.0]))
    assert Solver(p).best() == (1, 2, 3)
    # {1, 2, 4} and {1, 3, 4} are worth 5: the smallest sorted list wins
    p = Portfolio(5, (count("size", range(5), 1, 3),), score=np.array([0.0, 2.0, 1.0, 1.0, 2.0]))
    assert Solver(p).best() == (1, 2, 4)
    same = Portfolio(4, (count("size", range(4), 2, 2),), score=np.ones(4))
    assert Solver(same).best() == (0, 1)


def test_complementarity_counts_each_criterion_once() -> None:
    values = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 0.5]])
    p = Portfolio(3, (count("size", range(3), 2, 2),), values=values, weights=np.array([0.5, 0.5]))
    assert Solver(p).best() == (0, 2)
    assert p.value((0, 2)) == pytest.approx(75.0)


def test_a_solve_prints_nothing(capfd: pytest.CaptureFixture[str]) -> None:
    p = Portfolio(3, (count("size", range(3), 1, 2),), score=np.array([3.0, 2.0, 1.0]))
    solver = Solver(p)
    assert solver.best() == (0, 1)
    solver.irreducible()
    out, _ = capfd.readouterr()
    assert out == ""
