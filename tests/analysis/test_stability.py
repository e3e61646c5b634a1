"""partnerfit.analysis.stability: weight stability intervals against brute force on random problems."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerfit.analysis.stability import (
    DECISIVE,
    RESOLUTION,
    Problem,
    Stability,
    WeightInterval,
    eligible_problem,
    weight_stability,
)
from partnerfit.contract.candidates import CandidatesFile
from partnerfit.contract.criteria_set import resolve
from partnerfit.contract.models import CriteriaFile
from partnerfit.engine.dispatch import run_method
from partnerfit.engine.matrix import build_matrix
from partnerfit.engine.output import MethodOptions
from partnerfit.engine.ranking import competition_ranks
from partnerfit.engine.registry import get
from partnerfit.errors import MethodError
from partnerfit.project.loading import Project

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
METHOD_NAMES = ("wsm", "wpm", "topsis", "vikor", "promethee")


def project_of(criteria: dict[str, Any], rows: dict[str, dict[str, Any]]) -> Project:
    """A project from an inline criteria mapping and candidates."""
    file = CandidatesFile.model_validate({"candidates": rows})
    return Project("t.yaml", file, resolve(CriteriaFile.model_validate(criteria), "t", "t"), "ignore")


def problem_of(project: Project, method: str = "wsm", missing: str = "ignore") -> Problem:
    """The eligible problem of a project."""
    matrix = build_matrix(project.file.candidates, project.criteria)
    return eligible_problem(matrix, method, MethodOptions(missing))


def path_weights(project: Project, interval: WeightInterval, x: float) -> np.ndarray:
    """The effective weights with the interval's criterion or group set to x, the others rescaled in proportion."""
    criteria = project.criteria
    w = np.array([c.effective_weight for c in criteria.criteria])
    if interval.level == "group":
        members = set(next(g for g in criteria.groups if g.id == interval.id).criteria)
    else:
        members = {interval.id}
    inside = np.array([c.id in members for c in criteria.criteria])
    total = w[inside].sum()
    return np.where(inside, w * x / total, w * (1 - x) / (1 - total))


def engine_order(
    project: Project, weights: np.ndarray, method: str = "wsm", missing: str = "ignore"
) -> list[tuple[str, int]]:
    """(id, rank) of the eligible candidates as the engine ranks them under ``weights`` (slow: a few checks only)."""
    criteria = project.criteria
    resolved = tuple(replace(c, effective_weight=float(w)) for c, w in zip(criteria.criteria, weights, strict=True))
    matrix = build_matrix(project.file.candidates, replace(criteria, criteria=resolved))
    scores = run_method(get(method), matrix, MethodOptions(missing)).score
    eligible = [not reasons for reasons in matrix.reasons]
    return [
        (matrix.ids[row], rank) for row, rank in competition_ranks(matrix.ids, np.nan_to_num(scores).tolist(), eligible)
    ]


def grid_orders(
    project: Project, problem: Problem, interval: WeightInterval, xs: list[float]
) -> list[list[tuple[str, int]]]:
    """(id, rank) of the eligible candidates at each weight x of the interval's item (re-scored all at once)."""
    scores = problem.scores(np.array([path_weights(project, interval, x) for x in xs]))
    every = [True] * len(problem.ids)
    return [[(problem.ids[r], k) for r, k in competition_ranks(problem.ids, row.tolist(), every)] for row in scores]


def leader_first(order: list[tuple[str, int]], leader: str) -> bool:
    return dict(order)[leader] == 1


def top_same(order: list[tuple[str, int]], top: tuple[str, ...]) -> bool:
    return {cid for cid, _ in order[: len(top)]} == set(top)


@st.composite
def problems(
    draw: st.DrawFn, missing: bool = False, groups: bool | None = None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Random criteria (flat or in two groups, integer weights) and 2–6 candidates with integer scores 1–5."""
    m = draw(st.integers(2, 5))
    n = draw(st.integers(2, 6))
    ids = [f"c{j}" for j in range(m)]
    crit = {
        cid: {"weight": draw(st.integers(1, 9)), "direction": draw(st.sampled_from(["higher", "lower"]))} for cid in ids
    }
    grouped = draw(st.booleans()) if groups is None else groups
    if grouped:
        split = draw(st.integers(1, m - 1))
        criteria: dict[str, Any] = {
            "groups": {
                "g0": {"weight": draw(st.integers(1, 9)), "criteria": {c: crit[c] for c in ids[:split]}},
                "g1": {"weight": draw(st.integers(1, 9)), "criteria": {c: crit[c] for c in ids[split:]}},
            }
        }
    else:
        criteria = {"criteria": crit}
    rows = {}
    for i in range(n):
        scores = {cid: draw(st.integers(1, 5)) for cid in ids}
        if missing:
            kept = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=m, unique=True))
            scores = {cid: scores[cid] for cid in kept}
        rows[f"p{i}"] = {"scores": scores}
    return criteria, rows


def check_against_brute_force(project: Project, problem: Problem, stability: Stability) -> None:
    """On a grid and just past each bound: the leader is first inside the interval and not outside."""
    assert stability.leader is not None
    for interval in stability.intervals:
        assert 0.0 <= interval.low <= interval.weight <= interval.high <= 1.0
        assert 0.0 <= interval.top_low <= interval.weight <= interval.top_high <= 1.0
        xs = set(np.linspace(0.0, 1.0, 201).tolist())
        xs |= {b + d for b in (interval.low, interval.high, interval.top_low, interval.top_high) for d in (-1e-4, 1e-4)}
        xs = sorted(x for x in xs if 0.0 <= x <= 1.0)
        for x, order in zip(xs, grid_orders(project, problem, interval, xs), strict=True):
            if interval.low + 1e-6 <= x <= interval.high - 1e-6:
                assert leader_first(order, stability.leader), (interval, x)
            elif x < interval.low - 5e-5 or x > interval.high + 5e-5:
                assert not leader_first(order, stability.leader), (interval, x)
            if interval.top_low + 1e-6 <= x <= interval.top_high - 1e-6:
                assert all(dict(order)[cid] <= stability.top_k for cid in stability.top), (interval, x)
            elif x < interval.top_low - 5e-5 or x > interval.top_high + 5e-5:
                assert not top_same(order, stability.top), (interval, x)


def walked_bounds(grid: np.ndarray, weight: float, holds: list[bool]) -> tuple[float, float]:
    """The bounds of the run of grid points around ``weight`` where the condition holds."""
    start = int(np.searchsorted(grid, weight))
    bounds = []
    for step in (-1, 1):
        k = start
        while 0 <= k + step < len(grid) and holds[k + step]:
            k += step
        bounds.append(float(grid[k]))
    return bounds[0], bounds[1]


def check_numeric(project: Project, problem: Problem, stability: Stability) -> None:
    """Numeric bounds within 1e-3 of the run of a grid of step 1e-3 around the declared weight."""
    leader, top = stability.leader, stability.top
    assert leader is not None
    for interval in stability.intervals:
        grid = np.union1d(np.linspace(0.0, 1.0, 1001), [interval.weight])
        orders = grid_orders(project, problem, interval, grid.tolist())
        low, high = walked_bounds(grid, interval.weight, [leader_first(order, leader) for order in orders])
        assert (interval.low, interval.high) == (pytest.approx(low, abs=1.1e-3), pytest.approx(high, abs=1.1e-3))
        low, high = walked_bounds(grid, interval.weight, [top_same(order, top) for order in orders])
        assert (interval.top_low, interval.top_high) == (
            pytest.approx(low, abs=1.1e-3),
            pytest.approx(high, abs=1.1e-3),
        )


@SETTINGS
@given(problems(), st.integers(1, 3))
def test_exact_wsm_intervals_match_brute_force(problem: tuple[dict[str, Any], dict[str, Any]], top_k: int) -> None:
    project = project_of(*problem)
    stability = weight_stability(problem_of(project), top_k)
    assert stability.exact
    check_against_brute_force(project, problem_of(project), stability)


@SETTINGS
@given(problems(groups=True))
def test_group_intervals_match_brute_force(problem: tuple[dict[str, Any], dict[str, Any]]) -> None:
    project = project_of(*problem)
    stability = weight_stability(problem_of(project))
    groups = [i for i in stability.intervals if i.level == "group"]
    assert [i.id for i in groups] == ["g0", "g1"]
    check_against_brute_force(project, problem_of(project), stability)


@SETTINGS
@given(problems())
def test_who_leads_past_an_exact_bound(problem: tuple[dict[str, Any], dict[str, Any]]) -> None:
    project = project_of(*problem)
    stability = weight_stability(problem_of(project))
    for interval in stability.intervals:
        for bound, step, named in ((interval.low, -1e-6, interval.below), (interval.high, 1e-6, interval.above)):
            assert (named is None) == (bound in (0.0, 1.0))
            if named is not None:
                order = engine_order(project, path_weights(project, interval, bound + step))
                assert order[0][0] == named


@SETTINGS
@given(problems(missing=True))
def test_numeric_wsm_intervals_with_missing_scores_match_brute_force(
    problem: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    project = project_of(*problem)
    stability = weight_stability(problem_of(project))
    if stability.leader is not None and not stability.exact:
        check_numeric(project, problem_of(project), stability)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems(groups=False))
def test_numeric_topsis_intervals_within_1e_3_of_a_grid(problem: tuple[dict[str, Any], dict[str, Any]]) -> None:
    project = project_of(*problem)
    topsis = problem_of(project, "topsis", "worst")
    stability = weight_stability(topsis)
    assert not stability.exact
    check_numeric(project, topsis, stability)


@SETTINGS
@given(problems(missing=True), st.sampled_from(METHOD_NAMES), st.lists(st.floats(0.01, 1.0), min_size=5, max_size=5))
def test_problem_scores_are_the_engines_under_any_weights(
    problem: tuple[dict[str, Any], dict[str, Any]], method: str, raw: list[float]
) -> None:
    project = project_of(*problem)
    missing = "ignore" if method == "wsm" else "worst"
    weights = np.array(raw[: len(project.criteria.ids)])
    weights /= weights.sum()
    order = engine_order(project, weights, method, missing)
    every = [True] * len(problem_of(project).ids)
    prepared = problem_of(project, method, missing)
    mine = competition_ranks(prepared.ids, prepared.scores(weights).tolist(), every)
    assert [(prepared.ids[row], rank) for row, rank in mine] == order


@SETTINGS
@given(problems())
def test_the_numeric_path_agrees_with_the_closed_form(problem: tuple[dict[str, Any], dict[str, Any]]) -> None:
    project = project_of(*problem)
    exact = weight_stability(problem_of(project))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Problem, "exact", property(lambda self: False))
        numeric = weight_stability(problem_of(project))
    assert not numeric.exact
    for a, b in zip(exact.intervals, numeric.intervals, strict=True):
        for x, y in ((a.low, b.low), (a.high, b.high), (a.top_low, b.top_low), (a.top_high, b.top_high)):
            assert x == pytest.approx(y, abs=RESOLUTION + 1e-9)
        assert (a.below, a.above) == (b.below, b.above)


@pytest.mark.parametrize("method", METHOD_NAMES)
def test_problem_scores_are_the_engines(method: str) -> None:
    criteria = {"criteria": {"a": {"weight": 3}, "b": {"weight": 2, "direction": "lower"}, "c": {"minimum": 2}}}
    rows = {
        "x": {"scores": {"a": 5, "b": 2, "c": 4}},
        "y": {"scores": {"a": 3, "b": 1, "c": 3}},
        "out": {"scores": {"a": 5, "b": 1, "c": 1}},
        "z": {"scores": {"a": 2, "b": 4, "c": 5}},
    }
    project = project_of(criteria, rows)
    problem = problem_of(project, method)
    matrix = build_matrix(project.file.candidates, project.criteria)
    engine = run_method(get(method), matrix, MethodOptions())
    assert problem.ids == ("x", "y", "z")
    assert problem.scores(problem.weights).tolist() == engine.score[[0, 1, 3]].tolist()
    both = problem.scores(np.array([problem.weights, problem.weights]))
    assert both.shape == (2, 3)


def test_relative_methods_need_every_score_unless_worst() -> None:
    project = project_of(
        {"criteria": {"a": {}, "b": {}}}, {"x": {"scores": {"a": 1}}, "y": {"scores": {"a": 2, "b": 3}}}
    )
    with pytest.raises(MethodError, match="every score is needed"):
        problem_of(project, "topsis")
    assert problem_of(project, "topsis", "worst").values[0].tolist() == [1.0, 1.0]
    assert np.isnan(problem_of(project).values[0, 1])


# --- hand-made cases -----------------------------------------------------------------------------------

TWO = {"criteria": {"quality": {"weight": 1}, "price": {"weight": 1}}}


def test_a_hand_computed_interval() -> None:
    # x scores 100·(q·1 + (1 − q)·0) = 100q, y scores 100·(q·0.5 + (1 − q)·0.75) = 75 − 25q: x leads while q ≥ 0.6
    rows = {"x": {"scores": {"quality": 5, "price": 1}}, "y": {"scores": {"quality": 3, "price": 4}}}
    project = project_of({"criteria": {"quality": {"weight": 7}, "price": {"weight": 3}}}, rows)
    stability = weight_stability(problem_of(project), top_k=1)
    quality, price = stability.intervals
    assert stability.leader == "x" and stability.runner_up == "y"
    assert stability.margin == pytest.approx(70.0 - 57.5)
    assert (quality.low, quality.high) == (pytest.approx(0.6, abs=1e-9), 1.0)
    assert (quality.below, quality.above) == ("y", None)
    assert (price.low, price.high) == (0.0, pytest.approx(0.4, abs=1e-9))
    assert not quality.decisive  # 0.6 is 0.1 below 0.7


def test_decisive_flag() -> None:
    rows = {"x": {"scores": {"quality": 5, "price": 1}}, "y": {"scores": {"quality": 3, "price": 4}}}
    close = project_of({"criteria": {"quality": {"weight": 63}, "price": {"weight": 37}}}, rows)
    quality, _ = weight_stability(problem_of(close)).intervals
    assert quality.low == pytest.approx(0.6, abs=1e-9)
    assert quality.weight - quality.low < DECISIVE and quality.decisive
    # a bound of 0 or 1 is no change: a small weight is not decisive for being near 0
    rows = {"x": {"scores": {"quality": 5, "price": 5}}, "y": {"scores": {"quality": 1, "price": 1}}}
    far = project_of({"criteria": {"quality": {"weight": 1}, "price": {"weight": 99}}}, rows)
    assert not any(i.decisive for i in weight_stability(problem_of(far)).intervals)


def test_identical_rivals_past_a_bound_are_named_by_id() -> None:
    rows = {
        "x": {"scores": {"quality": 5, "price": 1}},
        "b_twin": {"scores": {"quality": 3, "price": 4}},
        "a_twin": {"scores": {"quality": 3, "price": 4}},
    }
    project = project_of({"criteria": {"quality": {"weight": 7}, "price": {"weight": 3}}}, rows)
    quality, _ = weight_stability(problem_of(project)).intervals
    assert quality.below == "a_twin"


def test_one_candidate_and_no_candidate() -> None:
    single = weight_stability(problem_of(project_of(TWO, {"x": {"scores": {"quality": 2, "price": 3}}})))
    assert single.leader == "x" and single.runner_up is None and single.margin is None
    assert all((i.low, i.high, i.below, i.above) == (0.0, 1.0, None, None) for i in single.intervals)
    gated = {"criteria": {"quality": {"minimum": 3}, "price": {}}}
    nobody = weight_stability(problem_of(project_of(gated, {"x": {"scores": {"quality": 1, "price": 3}}})))
    assert nobody.leader is None and nobody.top == ()


def test_a_criterion_or_group_holding_all_the_weight_has_no_interval() -> None:
    rows = {"x": {"scores": {"a": 1, "b": 2}}, "y": {"scores": {"a": 3, "b": 1}}}
    grouped = {"groups": {"only": {"criteria": {"a": {}, "b": {}}}}}
    assert [i.id for i in weight_stability(problem_of(project_of(grouped, rows))).intervals] == ["a", "b"]
    flat = {"criteria": {"a": {}}}
    assert (
        weight_stability(problem_of(project_of(flat, {"x": {"scores": {"a": 1}}, "y": {"scores": {"a": 2}}}))).intervals
        == ()
    )


def test_a_top_set_of_everyone_never_changes() -> None:
    rows = {"x": {"scores": {"quality": 5, "price": 1}}, "y": {"scores": {"quality": 3, "price": 4}}}
    stability = weight_stability(problem_of(project_of(TWO, rows)), top_k=5)
    assert stability.top == ("x", "y") or stability.top == ("y", "x")
    assert all((i.top_low, i.top_high) == (0.0, 1.0) for i in stability.intervals)
