"""partnerfit.analysis.smaa and .sensitivity: rank acceptability, score ranges, the report and the close call."""

from __future__ import annotations

from typing import Any

import numpy as np
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerfit.analysis import smaa
from partnerfit.analysis.sensitivity import CLOSE_MARGIN, close_call, sensitivity, smallest_change
from partnerfit.analysis.smaa import (
    ScoreRanges,
    additive_scores,
    concentration,
    method_scores,
    rank_acceptability,
    sample_ranks,
    score_ranges,
)
from partnerfit.analysis.stability import Problem, eligible_problem
from partnerfit.contract.candidates import CandidatesFile
from partnerfit.contract.criteria_set import resolve
from partnerfit.contract.models import CriteriaFile
from partnerfit.engine.matrix import build_matrix
from partnerfit.engine.output import MethodOptions
from partnerfit.engine.run import score
from partnerfit.errors import MethodError
from partnerfit.project.loading import Project
from partnerfit.render.sensitivity import sensitivity_json

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
METHODS = ("wsm", "wpm", "topsis", "vikor", "promethee")
THREE = {"groups": {"g": {"weight": 2, "criteria": {"a": {"weight": 3}, "b": {}}}, "h": {"criteria": {"c": {}}}}}


def project_of(criteria: dict[str, Any], rows: dict[str, dict[str, Any]]) -> Project:
    """A project from an inline criteria mapping and candidates."""
    file = CandidatesFile.model_validate({"candidates": rows})
    return Project("t.yaml", file, resolve(CriteriaFile.model_validate(criteria), "t", "t"), "ignore")


def problem_of(project: Project, method: str = "wsm", missing: str = "ignore") -> Problem:
    """The eligible problem of a project."""
    return eligible_problem(build_matrix(project.file.candidates, project.criteria), method, MethodOptions(missing))


def accept(project: Project, method: str = "wsm", **options: Any) -> smaa.Acceptability:
    """Rank acceptability of a project, its score ranges included (seed 7 unless given)."""
    problem = problem_of(project, method, "worst" if method != "wsm" else "ignore")
    options.setdefault("seed", 7)
    options.setdefault("samples", 2000)
    return rank_acceptability(problem, score_ranges(problem, project.file.candidates), **options)


@st.composite
def problems(draw: st.DrawFn) -> dict[str, dict[str, Any]]:
    """2–6 candidates on the three criteria of THREE, scores 1–5, some with a ± uncertainty."""
    rows = {}
    for i in range(draw(st.integers(2, 6))):
        scores: dict[str, Any] = {}
        for cid in ("a", "b", "c"):
            value = draw(st.floats(1, 5))
            scores[cid] = {"score": value, "uncertainty": 1.0} if draw(st.booleans()) else value
        rows[f"p{i}"] = {"scores": scores}
    return rows


# --- probabilities -----------------------------------------------------------------------------------


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("uniform", [False, True])
def test_a_dominating_candidate_is_always_first(method: str, uniform: bool) -> None:
    rows = {
        "best": {"scores": {"a": 5, "b": {"score": 5, "uncertainty": 0.4}, "c": 5}},
        "mid": {"scores": {"a": 3, "b": {"score": 3, "uncertainty": 1}, "c": 4}},
        "low": {"assessments": {"x": {"a": 1, "b": 2, "c": 2}, "y": {"a": 3, "b": 1, "c": 3}}},
    }
    result = accept(project_of(THREE, rows), method, uniform=uniform, samples=500)
    assert result.ids[0] == "best"
    assert result.ranks(0) == [1.0, 0.0, 0.0]
    assert result.top_share(0) == 1.0
    assert result.uncertain == 5  # best.b, mid.b, low.a, low.b, low.c


@SETTINGS
@given(problems(), st.sampled_from(METHODS), st.integers(1, 4))
def test_probabilities_sum_to_one(rows: dict[str, dict[str, Any]], method: str, top_k: int) -> None:
    # each candidate has one rank per sample; competition ranks put at least r candidates in the first r ranks
    result = accept(project_of(THREE, rows), method, samples=200, top_k=top_k)
    n = len(rows)
    assert result.counts.shape == (n, n)
    assert result.counts.sum(axis=1).tolist() == [200] * n
    columns = result.counts.sum(axis=0)
    assert columns.sum() == 200 * n and all(np.cumsum(columns) >= 200 * np.arange(1, n + 1))
    distinct = len({repr(sorted(row["scores"].items())) for row in rows.values()}) == n
    if distinct and method in ("wsm", "wpm", "topsis"):  # distinct candidates almost never tie
        assert columns.tolist() == [200] * n
    for k in range(n):
        assert result.top_share(k) == pytest.approx(sum(result.ranks(k)[:top_k]))
        central = result.central_weights(k)
        assert (central is None) == (result.counts[k, 0] == 0)
        if central is not None:
            assert sum(central.values()) == pytest.approx(1.0)


def test_ties_share_the_better_rank() -> None:
    # twins always tie for first: each is first in every sample; the second column stays empty
    rows = {
        "twin_a": {"scores": {"a": 5, "b": 4, "c": 5}},
        "twin_b": {"scores": {"a": 5, "b": 4, "c": 5}},
        "last": {"scores": {"a": 1, "b": 1, "c": 1}},
    }
    result = accept(project_of(THREE, rows), samples=300)
    assert result.counts.tolist() == [[300, 0, 0], [300, 0, 0], [0, 0, 300]]
    assert result.counts.sum(axis=0).tolist() == [600, 0, 300]  # columns sum to the candidates, 3 per sample


def test_sample_ranks_are_competition_ranks() -> None:
    scores = np.array([[3.0, 1.0, 3.0, 2.0], [1.0, 2.0, 3.0, 4.0], [5.0, 5.0 - 1e-10, 5.0, 0.0]])
    assert sample_ranks(scores).tolist() == [[0, 3, 0, 2], [3, 2, 1, 0], [0, 0, 0, 3]]


def test_an_uncertain_score_splits_first_place() -> None:
    flat = {"criteria": {"a": {}}}
    fixed = {"x": {"scores": {"a": 3}}, "y": {"scores": {"a": {"score": 3, "uncertainty": 1}}}}
    result = accept(project_of(flat, fixed), samples=4000)
    assert result.uncertain == 1
    assert result.counts[0, 0] / 4000 == pytest.approx(0.5, abs=0.03)
    spread = {"x": {"scores": {"a": 3}}, "y": {"assessments": {"one": {"a": 2}, "two": {"a": 4}}}}
    assert accept(project_of(flat, spread), samples=4000).counts[0, 0] / 4000 == pytest.approx(0.5, abs=0.03)


def test_score_ranges() -> None:
    criteria = {"criteria": {"a": {"scale": [0, 10]}, "b": {}, "c": {"minimum": 2}}}
    rows = {
        "x": {"scores": {"a": {"score": 9, "uncertainty": 2}, "b": {"score": 3, "note": "no range"}, "c": 3}},
        "out": {"scores": {"a": {"score": 5, "uncertainty": 1}, "c": 1}},
        "y": {
            "assessments": {
                "one": {"a": {"score": 1, "uncertainty": 2}, "b": 2, "c": 3},
                "two": {"a": 2, "b": 5, "c": 3},
            }
        },
    }
    project = project_of(criteria, rows)
    ranges = score_ranges(problem_of(project), project.file.candidates)
    cells = list(
        zip(ranges.rows.tolist(), ranges.cols.tolist(), ranges.low.tolist(), ranges.high.tolist(), strict=True)
    )
    assert cells == [(0, 0, 7.0, 10.0), (1, 0, 0.0, 3.0), (1, 1, 2.0, 5.0)]  # clipped to the scale; "out" excluded
    wpm = score_ranges(problem_of(project, "wpm", "worst"), project.file.candidates)
    assert wpm.low.min() > 0.0


def test_weights_are_dirichlet_around_the_declared_ones() -> None:
    assert concentration(0.1) == pytest.approx(99.0)
    with pytest.raises(ValueError, match="spread"):
        concentration(1.0)
    rows = {"x": {"scores": {"a": 5, "b": 1, "c": 1}}, "y": {"scores": {"a": 1, "b": 5, "c": 5}}}
    project = project_of(THREE, rows)
    result = accept(project, samples=4000, spread=0.05)
    # x wins when a's weight (0.5 declared) stays above 0.5: about half the time
    assert result.central_weights(result.ids.index("x"))["a"] > 0.5
    assert result.counts[:, 0].sum() == 4000


def test_vectorised_wsm_equals_one_run_per_sample() -> None:
    rows = {
        "x": {"scores": {"a": {"score": 4, "uncertainty": 1}, "b": 2}},
        "y": {"assessments": {"one": {"a": 1, "b": 4, "c": 2}, "two": {"a": 3, "c": 5}}},
        "z": {"scores": {"b": {"score": 3, "uncertainty": 2}, "c": 1}},
    }
    project = project_of(THREE, rows)
    problem = problem_of(project)
    ranges = score_ranges(problem, project.file.candidates)
    rng = np.random.default_rng(3)
    weights = rng.dirichlet(np.ones(3), 50)
    sampled = ranges.low + (ranges.high - ranges.low) * rng.random((50, len(ranges)))
    assert additive_scores(problem, weights, ranges, sampled) == pytest.approx(
        method_scores(problem, weights, ranges, sampled)
    )


# --- reproducibility -------------------------------------------------------------------------------------


def test_a_fixed_seed_gives_the_same_result_however_samples_are_chunked(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = {
        f"p{i}": {"scores": {"a": 1 + i % 5, "b": {"score": 1 + (i * 3) % 5, "uncertainty": 1}, "c": 3}}
        for i in range(6)
    }
    project = project_of(THREE, rows)
    first = accept(project, samples=1500, seed=11)
    assert accept(project, samples=1500, seed=11).counts.tolist() == first.counts.tolist()
    monkeypatch.setattr(smaa, "CHUNK", 4)  # fewer than the 6 candidates: counted the other way too
    assert accept(project, samples=1500, seed=11).counts.tolist() == first.counts.tolist()
    assert accept(project, samples=1500, seed=12).counts.tolist() != first.counts.tolist()


def test_without_a_seed_one_is_drawn_and_reported() -> None:
    project = project_of(THREE, {"x": {"scores": {"a": 1, "b": 2, "c": 3}}, "y": {"scores": {"a": 3, "b": 2, "c": 1}}})
    problem = problem_of(project)
    drawn = rank_acceptability(problem, samples=300)
    again = rank_acceptability(problem, samples=300, seed=drawn.seed)
    assert again.counts.tolist() == drawn.counts.tolist()


def test_the_json_document_is_byte_identical_with_a_fixed_seed() -> None:
    rows = {
        "x": {"scores": {"a": 4, "b": {"score": 2, "uncertainty": 1}, "c": 4}},
        "y": {"assessments": {"one": {"a": 3, "b": 4, "c": 2}, "two": {"a": 5, "b": 3, "c": 4}}},
        "z": {"scores": {"a": 5, "b": 1, "c": 4}},
    }
    project = project_of(THREE, rows)
    first = sensitivity_json(sensitivity(project, samples=3000, seed=5))
    assert sensitivity_json(sensitivity(project, samples=3000, seed=5)) == first
    document = orjson.loads(first)
    assert document["seed"] == 5 and document["samples"] == 3000
    assert list(document["acceptability"]) == ["z", "x", "y"]


def test_progress_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(smaa, "CHUNK", 400)
    project = project_of(THREE, {"x": {"scores": {"a": 1, "b": 2, "c": 3}}, "y": {"scores": {"a": 3, "b": 2, "c": 1}}})
    calls: list[tuple[int, int]] = []
    rank_acceptability(
        problem_of(project), samples=1000, seed=1, progress=lambda done, total: calls.append((done, total))
    )
    assert calls == [(0, 1000), (400, 1000), (800, 1000), (1000, 1000)]


# --- the report and the close call ------------------------------------------------------------------------


NEAR_TIE = {
    "x": {"name": "Ex", "scores": {"a": 5, "b": 1, "c": 3}},
    "y": {"name": "Why", "scores": {"a": 4, "b": 3, "c": 3}},
    "z": {"scores": {"a": 1, "b": 1, "c": 1}},
}


def test_close_call_on_a_near_tie() -> None:
    # weights a 1/2, b 1/6, c 1/3: x = 100·(1/2 + 1/6·0.5) = 66.67, y = 100·(1/2·0.75 + 1/6·0.5 + 1/3·0.5) = 62.5
    project = project_of(THREE, NEAR_TIE)
    verdict = close_call(project, samples=0)
    assert verdict is not None and verdict.leader == "x" and verdict.runner_up == "y"
    assert verdict.margin == pytest.approx(100 * (2 / 3 - 0.625))
    assert verdict.margin > CLOSE_MARGIN and verdict.first_rank is None and not verdict.close
    change = verdict.change
    assert change is not None and change.leader == "y"
    # b at t: x = 0.8(1 − t), y = 0.5t + 0.65(1 − t), equal at t = 3/13 (a must fall to 0.4: a larger change)
    assert (change.id, change.level, change.weight) == ("b", "criterion", pytest.approx(1 / 6))
    assert change.to == pytest.approx(3 / 13, abs=1e-9)
    sampled = close_call(project)
    assert sampled is not None and sampled.first_rank is not None and 0 < sampled.first_rank < 1


def test_a_tie_is_a_close_call_and_a_dominating_leader_is_not() -> None:
    tie = {"x": {"scores": {"a": 5, "b": 1, "c": 3}}, "y": {"scores": {"a": 1, "b": 5, "c": 3}}}
    rows = {"x": {"scores": {"a": 5, "b": 5, "c": 5}}, "y": {"scores": {"a": 1, "b": 1, "c": 1}}}
    tied = close_call(project_of({"criteria": {"a": {}, "b": {}, "c": {}}}, tie))
    assert tied is not None and tied.close and tied.margin == pytest.approx(0.0, abs=1e-9)
    clear = close_call(project_of(THREE, rows))
    assert clear is not None and not clear.close and clear.first_rank == 1.0 and clear.change is None


def test_report_to_dict() -> None:
    project = project_of(THREE, NEAR_TIE)
    report = sensitivity(project, samples=500, seed=3, top_k=2)
    document = report.to_dict()
    assert list(document)[:6] == ["method", "top_k", "leader", "top", "exact", "resolution"]
    assert document["leader"] == "x" and document["top"] == ["x", "y"] and document["exact"] is True
    assert list(document["stability"]) == ["g", "a", "b", "h", "c"]
    assert {e["level"] for e in document["stability"].values()} == {"group", "criterion"}
    b = document["stability"]["b"]
    assert set(b) == {"level", "weight", "low", "high", "top_k_low", "top_k_high", "decisive"} | {
        "leader_below",
        "leader_above",
    }
    assert b["high"] == pytest.approx(3 / 13) and b["leader_above"] == "y" and b["leader_below"] is None
    assert list(document["acceptability"]) == ["x", "y", "z"]
    assert document["acceptability"]["z"] == {"ranks": [0.0, 0.0, 1.0], "top_k": 0.0, "central_weights": None}
    assert document["weighting"] == {"law": "dirichlet", "spread": 0.1, "concentration": pytest.approx(99.0)}
    assert document["close_call"]["change"]["id"] == "b"
    assert smallest_change(report.stability) == report.close_call.change  # type: ignore[union-attr]
    uniform = sensitivity(project, samples=500, seed=3, uniform=True).to_dict()
    assert uniform["weighting"] == {"law": "uniform"}


def test_a_group_named_like_a_criterion_keeps_both_entries() -> None:
    criteria = {"groups": {"a": {"criteria": {"a": {}, "b": {}}}, "c": {"criteria": {"c": {}}}}}
    rows = {"x": {"scores": {"a": 5, "b": 1, "c": 3}}, "y": {"scores": {"a": 4, "b": 3, "c": 2}}}
    document = sensitivity(project_of(criteria, rows), samples=100, seed=1).to_dict()
    assert list(document["stability"]) == ["group:a", "a", "b", "group:c", "c"]


def test_the_report_checks_the_data_as_score_does() -> None:
    project = project_of(THREE, {"x": {"scores": {"a": 5}}, "y": {"scores": {"a": 4, "b": 3, "c": 3}}})
    with pytest.raises(MethodError) as expected:
        score(project, method="topsis")
    with pytest.raises(MethodError) as raised:
        sensitivity(project, method="topsis", samples=100)
    assert str(raised.value) == str(expected.value)
    assert sensitivity(project, method="topsis", missing="worst", samples=100, seed=1).stability.leader in ("x", "y")


def test_nobody_eligible() -> None:
    gated = {"criteria": {"a": {"minimum": 3}, "b": {}}}
    report = sensitivity(project_of(gated, {"x": {"scores": {"a": 1, "b": 3}}}), samples=100, seed=1)
    assert report.close_call is None
    assert report.to_dict()["acceptability"] == {} and report.to_dict()["leader"] is None
    assert ScoreRanges.none().rows.tolist() == []
