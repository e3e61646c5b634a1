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

from partnerfit.analysis.stability import weight_stability
from partnerfit.analysis.tuning import FLOOR, Tuning, moved
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
            assert tuning.share(item) == pytest.approx(min(max(before + delta, FLOOR), 1 - FLOOR), abs=1e-12)
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
    stability = tuning.view().stability
    assert stability.exact and stability == weight_stability(problem, top_k=1)


def test_the_numeric_band_agrees_with_sensitivity_at_screen_resolution() -> None:
    tuning = Tuning.of(project(), method="topsis", missing="worst")
    tuning.move(tuning.items[5], 0.03)
    fine = weight_stability(dataclasses.replace(tuning._problem("topsis"), weights=tuning.weights), top_k=1)
    coarse = tuning.view().stability
    assert not coarse.exact and coarse.leader == fine.leader and coarse.margin == pytest.approx(fine.margin)
    for ours, theirs in zip(coarse.intervals, fine.intervals, strict=True):
        assert ours.id == theirs.id
        assert ours.low == pytest.approx(theirs.low, abs=2e-3) and ours.high == pytest.approx(theirs.high, abs=2e-3)
        assert (ours.below, ours.above) == (theirs.below, theirs.above)


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
