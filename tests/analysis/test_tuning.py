"""The state behind `tune`: moves keep the total, undo and reset are exact, rankings and bands agree with the engine."""

from __future__ import annotations

import dataclasses
import json
from functools import cache
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from partnerfit.analysis.stability import bounds_along, weight_stability
from partnerfit.analysis.tuning import FLOOR, Tuning, line, moved
from partnerfit.cli.app import app
from partnerfit.errors import IncompleteScoresError
from partnerfit.project.loading import Project, load

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "examples" / "packaging.yaml"

moves = st.lists(st.tuples(st.integers(0, 17), st.floats(-0.3, 0.3)), min_size=1, max_size=12)


@cache
def project() -> Project:
    return load(PACKAGING)


def test_the_tree_lists_every_group_then_its_criteria() -> None:
    tuning = Tuning.of(project())
    ids = [item.id for item in tuning.items]
    assert ids[:2] == ["competences", "complementary_expertise"]
    assert len(ids) == len(project().criteria.groups) + len(project().criteria.criteria)
    assert [item.nested for item in tuning.items[:2]] == [False, True]


@settings(max_examples=60, deadline=None)
@given(moves)
def test_a_move_keeps_the_total_and_undo_restores_exactly(steps: list[tuple[int, float]]) -> None:
    tuning = Tuning.of(project())
    history = [tuning.weights.copy()]
    for index, delta in steps:
        item = tuning.items[index]
        before = tuning.share(item)
        if tuning.move(item, delta):
            history.append(tuning.weights.copy())
            top = tuning.reach(item) - FLOOR * (len(item.pool) - 1) if item.nested else 1 - FLOOR
            assert tuning.share(item) == pytest.approx(min(max(before + delta, FLOOR), top), abs=1e-12)
        assert tuning.weights.sum() == pytest.approx(1.0, abs=1e-12)
        assert (tuning.weights > 0).all()
    while len(history) > 1:
        assert np.array_equal(tuning.weights, history.pop())
        assert tuning.undo()
    assert np.array_equal(tuning.weights, history[0])
    assert not tuning.undo()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0.01, 10.0), min_size=3, max_size=8), st.floats(0.0, 1.0))
def test_the_others_keep_their_proportions(raw: list[float], to: float) -> None:
    weights = np.array(raw) / sum(raw)
    after = moved(weights, (0,), to)
    assert after.sum() == pytest.approx(1.0)
    assert after[0] == pytest.approx(to)
    ratio = after[1:] / weights[1:]
    assert np.allclose(ratio, ratio[0])


@settings(max_examples=60, deadline=None)
@given(moves, st.integers(0, 17), st.floats(-0.3, 0.3))
def test_a_criterion_moves_within_its_group(steps: list[tuple[int, float]], index: int, delta: float) -> None:
    tuning = Tuning.of(project())
    for k, d in steps:
        tuning.move(tuning.items[k], d)
    item = tuning.items[index]
    before, share = tuning.weights.copy(), tuning.share(item)
    if not tuning.move(item, delta):
        return
    after = tuning.weights
    assert after.sum() == pytest.approx(1.0, abs=1e-12)
    if not item.nested:  # a group moves against the other groups, as before
        assert np.array_equal(after, _old_moved(before, item.cols, min(max(share + delta, FLOOR), 1 - FLOOR)))
        return
    pool, j = list(item.pool), item.cols[0]
    outside = [c for c in range(len(before)) if c not in pool]
    assert after[pool].sum() == pytest.approx(before[pool].sum(), abs=1e-12)
    assert np.array_equal(after[outside], before[outside])
    siblings = [c for c in pool if c != j]
    assert np.allclose(after[siblings] / after[siblings].sum(), before[siblings] / before[siblings].sum())
    assert FLOOR - 1e-12 <= after[j] <= before[pool].sum() - FLOOR * len(siblings) + 1e-12


def _old_moved(weights: np.ndarray, cols: tuple[int, ...], to: float) -> np.ndarray:
    """The rule before nested criteria moved within their group: every other weight rescaled."""
    inside = np.zeros_like(weights)
    inside[list(cols)] = weights[list(cols)]
    share, total = inside.sum(), weights.sum()
    result: np.ndarray = inside * (to / share) + (weights - inside) * ((total - to) / (total - share))
    return result


def test_a_criterion_alone_in_its_group_does_not_move() -> None:
    tuning = Tuning.of(project())
    alone = tuning.items[-1]
    assert alone.nested and len(alone.pool) == 1
    assert not tuning.move(alone, 0.05) and not tuning.undo()
    interval = tuning.view().interval(alone.id)
    assert interval is not None and interval.low == interval.high == tuning.share(alone)


@settings(max_examples=15, deadline=None)
@given(moves, st.integers(0, 17))
def test_a_nested_band_is_where_the_leader_changes_along_its_keys(steps: list[tuple[int, float]], index: int) -> None:
    tuning = Tuning.of(project(), missing="worst")  # complete scores: wsm's exact bands
    for k, d in steps:
        tuning.move(tuning.items[k], d)
    item = tuning.items[index]
    if not item.nested or len(item.pool) == 1:
        return
    view = tuning.view()
    interval, problem = view.interval(item.id), tuning._problem("wsm")
    assert interval is not None and view.stability.leader is not None
    leader, reach, share = problem.ids.index(view.stability.leader), tuning.reach(item), tuning.share(item)

    def leads(x: float) -> bool:
        scores = problem.scores(moved(tuning.weights, item.cols, x, item.pool))
        return bool(scores[leader] >= scores.max() - 1e-9)

    def edge(good: float, bad: float) -> float:
        while abs(bad - good) > 1e-9:
            middle = (good + bad) / 2
            good, bad = (middle, bad) if leads(middle) else (good, middle)
        return good

    xs = np.linspace(0.0, reach, 2001)
    ok = [leads(x) for x in xs]
    at = int(np.searchsorted(xs, share))
    lo, hi = at - 1, min(at, len(xs) - 1)
    while lo >= 0 and ok[lo]:
        lo -= 1
    while hi < len(xs) and ok[hi]:
        hi += 1
    low = 0.0 if lo < 0 else edge(min(share, float(xs[lo + 1])), float(xs[lo]))
    high = reach if hi == len(xs) else edge(max(share, float(xs[hi - 1])), float(xs[hi]))
    assert interval.low == pytest.approx(low, abs=1e-6) and interval.high == pytest.approx(high, abs=1e-6)
    assert (interval.below is None) == (lo < 0) and (interval.above is None) == (hi == len(xs))


def test_reset_gives_the_files_weights_and_can_be_undone() -> None:
    tuning = Tuning.of(project())
    declared = np.array([c.effective_weight for c in project().criteria.criteria])
    assert not tuning.reset()
    tuning.move(tuning.items[3], 0.07)
    tuning.move(tuning.items[0], -0.05)
    changed = tuning.weights.copy()
    assert tuning.reset()
    assert np.array_equal(tuning.weights, declared)
    assert tuning.undo()
    assert np.array_equal(tuning.weights, changed)


def _score(args: list[str]) -> list[tuple[str, int]]:
    result = CliRunner().invoke(app, ["score", str(PACKAGING), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return [(c["id"], c["rank"]) for c in json.loads(result.stdout)["ranking"] if not c["excluded"]]


@pytest.mark.parametrize("method", ["wsm", "topsis"])
@settings(max_examples=8, deadline=None)
@given(steps=moves)
def test_the_ranking_is_the_score_commands_under_the_same_weights(method: str, steps: list[tuple[int, float]]) -> None:
    missing = None if method == "wsm" else "worst"
    tuning = Tuning.of(project(), method=method, missing=missing)
    for index, delta in steps:
        tuning.move(tuning.items[index], delta)
    pairs = [f"{key}={value!r}" for key, value in tuning.overrides().items()]
    options = ["-m", method, *(["--missing", missing] if missing else [])]
    expected = _score([*options, *(arg for pair in pairs for arg in ("-w", pair))])
    assert [(cid, rank) for cid, rank, _ in tuning.ranking()] == expected
    rows = tuning.view().rows
    assert [(row.id, row.rank) for row in rows] == expected


def test_rank_moves_are_counted_from_the_files_weights() -> None:
    tuning = Tuning.of(project())
    assert all(row.moved == 0 for row in tuning.view().rows)
    vision = next(item for item in tuning.items if item.id == "shared_vision")
    tuning.move(vision, 0.05)
    rows = {row.id: row for row in tuning.view().rows}
    assert rows["startup_fibre"].rank == 1 and rows["startup_fibre"].moved == 1
    assert rows["lab_biopolymers"].moved == -1


def test_the_exact_band_is_the_sensitivity_interval() -> None:
    tuning = Tuning.of(project(), missing="worst")  # complete scores: wsm is linear in the weights
    tuning.move(tuning.items[1], 0.02)
    problem = dataclasses.replace(tuning._problem("wsm"), weights=tuning.weights)
    stability, full = tuning.view().stability, weight_stability(problem, top_k=1)
    nested = {item.id for item in tuning.items if item.nested}
    assert stability.exact and dataclasses.replace(stability, intervals=()) == dataclasses.replace(full, intervals=())
    ours = [i for i in stability.intervals if i.level == "group"]
    assert ours and ours == [i for i in full.intervals if i.level == "group"]  # groups: the `sensitivity` path
    assert {i.id for i in stability.intervals if i.level == "criterion"} == nested


def test_the_numeric_band_agrees_with_sensitivity_at_screen_resolution() -> None:
    tuning = Tuning.of(project(), method="topsis", missing="worst")
    tuning.move(tuning.items[5], 0.03)
    fine = weight_stability(dataclasses.replace(tuning._problem("topsis"), weights=tuning.weights), top_k=1)
    coarse = tuning.view().stability
    assert not coarse.exact and coarse.leader == fine.leader and coarse.margin == pytest.approx(fine.margin)
    problem = dataclasses.replace(tuning._problem("topsis"), weights=tuning.weights)
    leader = problem.ids.index(fine.leader or "")
    for ours, theirs, item in zip(coarse.intervals, fine.intervals, tuning.items, strict=True):
        assert ours.id == theirs.id == item.id
        if item.nested and len(item.pool) == 1:  # alone in its group: its keys cannot move it
            assert ours.low == ours.high == ours.weight
            continue
        if item.nested:  # along its keys, within its group: `sensitivity`'s re-runs on that path
            reach, x, a, b = line(tuning.weights, item)
            low, high, _, _, below, above = bounds_along(problem, x, a, b, leader, [leader])
            who = {"below": _id(problem.ids, below), "above": _id(problem.ids, above)}
            theirs = dataclasses.replace(theirs, low=low * reach, high=high * reach, **who)
        assert ours.low == pytest.approx(theirs.low, abs=2e-3) and ours.high == pytest.approx(theirs.high, abs=2e-3)
        assert (ours.below, ours.above) == (theirs.below, theirs.above)


def _id(ids: tuple[str, ...], row: int | None) -> str | None:
    return None if row is None else ids[row]


def test_the_verdict_follows_the_weights() -> None:
    tuning = Tuning.of(project())
    verdict = tuning.view().close_call
    assert verdict is not None and verdict.close and verdict.leader == "lab_biopolymers"
    assert verdict.change is not None and verdict.change.leader == "startup_fibre"
    attitude = next(item for item in tuning.items if item.id == "competences")
    for _ in range(20):
        tuning.move(attitude, -0.01)
    assert tuning.view().close_call.leader != "lab_biopolymers"  # type: ignore[union-attr]


def test_a_method_the_data_does_not_suit_is_refused_and_nothing_changes() -> None:
    tuning = Tuning.of(project())
    with pytest.raises(IncompleteScoresError):
        tuning.switch("topsis")
    assert tuning.method == "wsm" and not tuning.undo()
    complete = Tuning.of(project(), missing="worst")
    assert complete.next_method() == "wpm"
    complete.switch("topsis")
    assert complete.view().method == "topsis"
    assert complete.undo() and complete.method == "wsm"


@pytest.mark.parametrize("name", ["packaging.yaml", "consortium-assessments/candidates.yaml"])
def test_the_verdict_at_start_is_the_score_commands(name: str) -> None:
    """Before any key press, `tune` says the same smallest change as `score` does for the same weights (wsm)."""
    from partnerfit.analysis.close_call import score
    from partnerfit.project.loading import load

    project = load(Path(__file__).resolve().parents[2] / "examples" / name)
    said_by_score = score(project, close_call=True).close_call
    said_by_tune = Tuning.of(project).view().close_call
    assert said_by_score is not None and said_by_tune is not None
    assert said_by_tune.change == said_by_score.change
    assert said_by_tune.margin == said_by_score.margin
