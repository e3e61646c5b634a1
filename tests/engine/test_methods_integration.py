"""The scoring methods through the engine: partnerfit.score(project, method=...) on real files.

Each relative method must give exactly what its mcda function gives on the eligible rows' matrix
(knock-outs and gates exclude candidates first); the conventions that trip other libraries (ties,
one or two candidates, a constant criterion, missing scores) each have one defined outcome, with no
NaN anywhere in the JSON document.
"""

from __future__ import annotations

import json
import math
import random
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import partnerfit
from partnerfit.contract.candidates import CandidatesFile
from partnerfit.contract.criteria_set import resolve
from partnerfit.contract.models import CriteriaFile
from partnerfit.engine.run import score as run_score
from partnerfit.errors import MethodError
from partnerfit.mcda import Preference, promethee2, topsis, vikor, wpm
from partnerfit.project.loading import Project
from partnerfit.render import render_bytes
from partnerfit.result.model import Result

METHODS = ("wsm", "wpm", "topsis", "vikor", "promethee")
RELATIVE = ("wpm", "topsis", "vikor", "promethee")
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- a small hand-made problem: 5 eligible candidates, one knocked out, one gated ---------------

CRITERIA: dict[str, Any] = {
    "name": "small",
    "scale": [1, 5],
    "criteria": {
        "quality": {"weight": 3},
        "cost": {"weight": 2, "direction": "lower", "preference": {"type": "linear", "q": 0.5, "p": 2}},
        "reach": {"weight": 1, "minimum": 2},
    },
    "gates": {"banned": {}},
}
IDS = ("quality", "cost", "reach")
WEIGHTS = np.array([3, 2, 1]) / 6
BENEFIT = np.array([True, False, True])
LOW, HIGH = 1.0, 5.0
ROWS: dict[str, tuple[float, float, float]] = {
    "a": (5, 2, 4),
    "b": (3, 1, 3),
    "c": (4, 4, 1),  # reach 1 < minimum 2: knocked out
    "d": (5, 1, 5),  # gate banned: true (it would win everything)
    "e": (2, 3, 5),
    "f": (4, 3, 3),
    "g": (3, 2, 2),
}
ELIGIBLE = ("a", "b", "e", "f", "g")


def candidates_of(rows: dict[str, tuple[float, ...]], ids: tuple[str, ...] = IDS) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for cid, values in rows.items():
        entry: dict[str, Any] = {"name": cid.upper(), "scores": dict(zip(ids, values, strict=True))}
        entry["gates"] = {"banned": cid == "d"}
        out[cid] = entry
    return out


@pytest.fixture
def small(load_problem) -> Project:
    return load_problem(CRITERIA, candidates_of(ROWS))


def eligible_matrix() -> np.ndarray:
    return np.array([ROWS[cid] for cid in ELIGIBLE], dtype=float)


def expected_scores(method: str, x: np.ndarray) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    """(0–100 score, the method's own value, details) computed straight from the mcda functions."""
    if method == "wsm":  # FORMAT.md: anchored on each criterion's scale
        v = np.where(BENEFIT, (x - LOW) / (HIGH - LOW), (HIGH - x) / (HIGH - LOW))
        score = 100 * v @ WEIGHTS
        return score, score, {}
    if method == "wpm":
        product = wpm(x, WEIGHTS, BENEFIT)
        return 100 * product / product.max(), product, {}
    if method == "topsis":
        t = topsis(x, WEIGHTS, BENEFIT)
        return 100 * t.closeness, t.closeness, {"d_plus": t.d_plus, "d_minus": t.d_minus}
    if method == "vikor":
        r = vikor(x, WEIGHTS, BENEFIT, 0.5)
        return 100 * (1 - r.q), r.q, {"s": r.s, "r": r.r, "q": r.q}
    prefs = [Preference(), Preference("linear", 0.5, 2.0), Preference()]
    p = promethee2(x, WEIGHTS, BENEFIT, prefs)
    return 50 * (p.phi + 1), p.phi, {"phi_plus": p.phi_plus, "phi_minus": p.phi_minus}


def ranks_of(result: Result) -> dict[str, int | None]:
    return {c.id: c.rank for c in result.ranking}


def no_nan(document: dict[str, Any]) -> None:
    json.dumps(document, allow_nan=False)  # raises ValueError on NaN or infinity


# --- each method against its mcda function ---------------------------------------------------------


@pytest.mark.parametrize("method", METHODS)
def test_method_equals_its_mcda_function_on_the_eligible_rows(small: Project, method: str) -> None:
    result = partnerfit.score(small, method=method)
    assert result.method == method
    score, value, details = expected_scores(method, eligible_matrix())
    assert len(set(np.round(score, 9))) == len(ELIGIBLE)  # no tie: the order below is strict
    order = [ELIGIBLE[k] for k in np.argsort(-score, kind="stable")]
    assert [c.id for c in result.ranked] == order
    assert [c.rank for c in result.ranked] == [1, 2, 3, 4, 5]
    for k, cid in enumerate(ELIGIBLE):
        entry = result.candidate(cid)
        assert entry.score == pytest.approx(float(np.clip(score[k], 0, 100)), abs=1e-9)
        assert entry.value == pytest.approx(float(value[k]), abs=1e-12)
        for name, column in details.items():
            assert entry.details[name] == pytest.approx(float(column[k]), abs=1e-12), name
    no_nan(result.to_dict())


@pytest.mark.parametrize("method", METHODS)
def test_excluded_candidates_are_left_out_before_the_method_runs(small: Project, method: str) -> None:
    result = partnerfit.score(small, method=method)
    assert [c.id for c in result.excluded] == (["d", "c"] if method == "wsm" else ["c", "d"])
    for entry in result.excluded:
        assert entry.rank is None
        if method == "wsm":  # the additive method keeps the excluded candidate's own score
            assert entry.score is not None
        else:
            assert entry.score is None
            assert entry.value is None
            assert all(v is None for v in entry.details.values())
    document = result.to_dict()
    for item in document["ranking"][len(ELIGIBLE) :]:
        assert item["rank"] is None and item["excluded"] is True
        if method != "wsm":
            assert item["score"] is None and item["value"] is None
    # d would win under every method: excluding it first must change the others' figures
    everyone = np.array(list(ROWS.values()), dtype=float)
    if method != "wsm":
        with_d = expected_scores(method, everyone)[1][list(ROWS).index("a")]
        assert result.candidate("a").value != pytest.approx(float(with_d), abs=1e-9)


def test_vikor_reports_its_acceptance_conditions(small: Project) -> None:
    result = partnerfit.score(small, method="vikor", vikor_v=0.3)
    expected = vikor(eligible_matrix(), WEIGHTS, BENEFIT, 0.3)
    details = result.to_dict()["method_details"]
    assert details == {
        "v": 0.3,
        "acceptable_advantage": expected.acceptable_advantage,
        "acceptable_stability": expected.acceptable_stability,
        "compromise": [ELIGIBLE[k] for k in expected.compromise],
    }
    assert result.candidate("a").value == pytest.approx(float(expected.q[0]))
    for method in ("wsm", "wpm", "topsis", "promethee"):
        assert "method_details" not in partnerfit.score(small, method=method).to_dict()


@pytest.mark.parametrize("v", [0.0, 1.0])
def test_vikor_v_accepts_its_bounds(small: Project, v: float) -> None:
    result = partnerfit.score(small, method="vikor", vikor_v=v)
    assert result.method_details["v"] == v
    no_nan(result.to_dict())


@pytest.mark.parametrize("v", [-0.01, 1.01, float("nan"), float("inf")])
def test_vikor_v_out_of_range_is_a_method_error(small: Project, v: float) -> None:
    with pytest.raises(MethodError, match="vikor_v"):
        partnerfit.score(small, method="vikor", vikor_v=v)


def test_unknown_method_is_a_method_error(small: Project) -> None:
    with pytest.raises(MethodError, match="unknown method 'ahp'"):
        partnerfit.score(small, method="ahp")


# --- missing scores ----------------------------------------------------------------------------

MISSING_CRITERIA: dict[str, Any] = {
    "scale": [1, 10],
    "criteria": {"q": {"weight": 2}, "c": {"direction": "lower"}},
}


def missing_candidates() -> dict[str, Any]:
    return {
        "a": {"scores": {"q": 8, "c": 3}},
        "b": {"scores": {"q": 6}},  # c missing: worst is 10 (lower is better)
        "m": {"scores": {"c": 2}},  # q missing: worst is 1
        "z": {"scores": {"q": 2, "c": 5}},
    }


@pytest.mark.parametrize("method", RELATIVE)
def test_a_missing_score_is_a_method_error_for_relative_methods(load_problem, method: str) -> None:
    project = load_problem(MISSING_CRITERIA, missing_candidates())
    with pytest.raises(MethodError) as caught:
        partnerfit.score(project, method=method)
    message = str(caught.value)
    assert "--missing worst" in message
    assert "b has no score for c" in message
    assert "2 missing" in message


def test_wsm_takes_missing_scores_in_its_stride(load_problem) -> None:
    project = load_problem(MISSING_CRITERIA, missing_candidates())
    result = partnerfit.score(project)
    assert result.candidate("b").coverage == pytest.approx(2 / 3)
    no_nan(result.to_dict())


@pytest.mark.parametrize("method", RELATIVE)
@pytest.mark.parametrize("where", ["argument", "criteria set"])
def test_missing_worst_uses_the_worst_point_of_the_scale(load_problem, method: str, where: str) -> None:
    criteria = {**MISSING_CRITERIA, "missing": "worst"} if where == "criteria set" else MISSING_CRITERIA
    project = load_problem(criteria, missing_candidates())
    result = partnerfit.score(project, method=method, missing="worst" if where == "argument" else None)
    assert result.missing == "worst"
    filled = np.array([[8, 3], [6, 10], [1, 2], [2, 5]], dtype=float)
    weights, benefit = np.array([2 / 3, 1 / 3]), np.array([True, False])
    if method == "topsis":
        expected = topsis(filled, weights, benefit).closeness
    elif method == "vikor":
        expected = vikor(filled, weights, benefit).q
    elif method == "promethee":
        expected = promethee2(filled, weights, benefit).phi
    else:
        expected = wpm(filled, weights, benefit)
    values = [result.candidate(cid).value for cid in ("a", "b", "m", "z")]
    assert values == pytest.approx(expected.tolist(), abs=1e-12)
    # the input stays missing in the document: only the method counted it as the worst point
    entry = next(e for e in result.to_dict()["ranking"] if e["id"] == "b")
    assert entry["scores"] == {"q": 6.0, "c": None}


def test_missing_worst_value_of_topsis_by_hand(load_problem) -> None:
    # two candidates, one criterion on [1, 10] (higher is better): b is missing → 1
    project = load_problem({"scale": [1, 10], "criteria": {"q": {}}}, {"a": {"scores": {"q": 4}}, "b": {}})
    result = partnerfit.score(project, method="topsis", missing="worst")
    # b has no score at all, so it is excluded ("no criterion scored"), and a alone gets C = 0.5
    assert result.candidate("b").rank is None
    assert result.candidate("a").value == 0.5
    project = load_problem(
        {"scale": [1, 10], "criteria": {"q": {}, "r": {}}},
        {"a": {"scores": {"q": 4, "r": 2}}, "b": {"scores": {"r": 2}}},
    )
    result = partnerfit.score(project, method="topsis", missing="worst")
    # q column (4, 1) → vector-normalised (4, 1)/√17, weight 1/2; r is constant
    d = 0.5 * 3 / math.sqrt(17)
    assert result.candidate("a").details == pytest.approx({"d_plus": 0.0, "d_minus": d})
    assert result.candidate("b").details == pytest.approx({"d_plus": d, "d_minus": 0.0})
    assert result.candidate("a").value == 1.0 and result.candidate("b").value == 0.0


def test_a_missing_score_of_an_excluded_candidate_does_not_stop_a_relative_method(load_problem) -> None:
    criteria = {"criteria": {"q": {"minimum": 3}, "c": {}}}
    candidates = {"a": {"scores": {"q": 4, "c": 3}}, "b": {"scores": {"q": 5, "c": 2}}, "x": {"scores": {"q": 1}}}
    for method in RELATIVE:
        result = partnerfit.score(load_problem(criteria, candidates), method=method)
        assert ranks_of(result)["x"] is None


# --- wpm needs positive scores -----------------------------------------------------------------


def test_wpm_refuses_a_zero_score(load_problem) -> None:
    criteria = {"scale": [0, 10], "criteria": {"q": {}, "c": {"direction": "lower"}}}
    project = load_problem(criteria, {"a": {"scores": {"q": 0, "c": 3}}, "b": {"scores": {"q": 5, "c": 2}}})
    with pytest.raises(MethodError, match=r"wpm .*positive.*a has 0 for q"):
        partnerfit.score(project, method="wpm")
    for method in ("wsm", "topsis", "vikor", "promethee"):  # the others take a zero
        no_nan(partnerfit.score(project, method=method).to_dict())


def test_wpm_refuses_a_negative_score_and_a_missing_worst_of_zero(load_problem) -> None:
    criteria = {"scale": [-5, 5], "criteria": {"q": {}}}
    project = load_problem(criteria, {"a": {"scores": {"q": -1}}, "b": {"scores": {"q": 2}}})
    with pytest.raises(MethodError, match="positive"):
        partnerfit.score(project, method="wpm")
    criteria = {"scale": [0, 10], "criteria": {"q": {}, "r": {}}}
    project = load_problem(criteria, {"a": {"scores": {"q": 3, "r": 4}}, "b": {"scores": {"r": 2}}})
    with pytest.raises(MethodError, match="b has 0 for q"):
        partnerfit.score(project, method="wpm", missing="worst")


def test_wpm_ignores_a_zero_on_an_excluded_candidate(load_problem) -> None:
    criteria = {"scale": [0, 10], "criteria": {"q": {"minimum": 1}, "c": {}}}
    candidates = {
        "a": {"scores": {"q": 4, "c": 3}},
        "b": {"scores": {"q": 5, "c": 2}},
        "x": {"scores": {"q": 0, "c": 9}},
    }
    result = partnerfit.score(load_problem(criteria, candidates), method="wpm")
    assert ranks_of(result)["x"] is None
    assert result.ranked[0].score == 100.0


# --- the conventions that trip other libraries ------------------------------------------------------


@pytest.mark.parametrize("method", METHODS)
def test_tied_candidates_share_a_rank_and_are_listed_by_id(load_problem, method: str) -> None:
    rows = {"t2": (4, 2, 3), "low": (1, 5, 2), "t1": (4, 2, 3), "top": (5, 1, 5)}
    result = partnerfit.score(load_problem(CRITERIA, candidates_of(rows)), method=method)
    assert [(c.id, c.rank) for c in result.ranked] == [("top", 1), ("t1", 2), ("t2", 2), ("low", 4)]
    assert result.ties == [["t1", "t2"]]
    assert result.candidate("t1").score == result.candidate("t2").score
    assert result.to_dict()["ties"] == [["t1", "t2"]]


@pytest.mark.parametrize("method", METHODS)
def test_all_candidates_equal_tie_at_rank_one(load_problem, method: str) -> None:
    rows = {"x": (3, 3, 3), "y": (3, 3, 3), "z": (3, 3, 3)}
    result = partnerfit.score(load_problem(CRITERIA, candidates_of(rows)), method=method)
    assert [(c.id, c.rank) for c in result.ranked] == [("x", 1), ("y", 1), ("z", 1)]
    expected = {"wsm": 50.0, "wpm": 100.0, "topsis": 50.0, "vikor": 100.0, "promethee": 50.0}[method]
    assert [c.score for c in result.ranked] == pytest.approx([expected] * 3)
    no_nan(result.to_dict())


# a single eligible candidate: score (0–100) and the method's own value, as documented
SINGLE = {
    "wpm": (100.0, 1.0),
    "topsis": (50.0, 0.5),
    "vikor": (100.0, 0.0),
    "promethee": (50.0, 0.0),
}


@pytest.mark.parametrize("method", METHODS)
def test_a_single_eligible_candidate(load_problem, method: str) -> None:
    rows = {"only": (4, 2, 3), "c": (4, 4, 1), "d": (5, 1, 5)}  # c knocked out, d gated
    result = partnerfit.score(load_problem(CRITERIA, candidates_of(rows)), method=method)
    assert [(c.id, c.rank) for c in result.ranked] == [("only", 1)]
    only = result.candidate("only")
    if method == "wsm":
        assert only.score == pytest.approx(100 * (3 / 6 * 3 / 4 + 2 / 6 * 3 / 4 + 1 / 6 * 2 / 4))
    else:
        assert (only.score, only.value) == pytest.approx(SINGLE[method])
    if method == "vikor":
        assert result.method_details["acceptable_advantage"] is True
        assert result.method_details["acceptable_stability"] is True
        assert result.method_details["compromise"] == ["only"]
    no_nan(result.to_dict())


@pytest.mark.parametrize("method", RELATIVE)
def test_no_eligible_candidate_gives_an_empty_ranking(load_problem, method: str) -> None:
    rows = {"c": (4, 4, 1), "d": (5, 1, 5)}
    result = partnerfit.score(load_problem(CRITERIA, candidates_of(rows)), method=method)
    assert list(result.ranked) == []
    assert all(c.score is None for c in result.excluded)
    no_nan(result.to_dict())


@pytest.mark.parametrize("method", METHODS)
def test_two_candidates_one_dominating(load_problem, method: str) -> None:
    rows = {"weak": (2, 4, 2), "strong": (4, 2, 4)}
    result = partnerfit.score(load_problem(CRITERIA, candidates_of(rows)), method=method)
    assert [(c.id, c.rank) for c in result.ranked] == [("strong", 1), ("weak", 2)]
    strong, weak = result.candidate("strong"), result.candidate("weak")
    if method in ("topsis", "vikor", "promethee"):  # strict dominance on every criterion
        assert (strong.score, weak.score) == pytest.approx((100.0, 0.0))
    if method == "topsis":
        assert strong.value + weak.value == pytest.approx(1.0)
    if method == "promethee":
        assert (strong.value, weak.value) == pytest.approx((1.0, -1.0))
    if method == "wpm":  # P = (shares)^w: strong 2/3, weak 1/3 on every criterion
        assert (strong.value, weak.value) == pytest.approx((2 / 3, 1 / 3))
        assert (strong.score, weak.score) == pytest.approx((100.0, 50.0))
    no_nan(result.to_dict())


def test_wpm_gives_the_best_candidate_exactly_100(load_problem) -> None:
    rows = {"weak": (2, 4, 2), "strong": (4, 2, 4)}
    result = partnerfit.score(load_problem(CRITERIA, candidates_of(rows)), method="wpm")
    assert result.candidate("strong").score == 100.0


@pytest.mark.parametrize("method", METHODS)
def test_a_constant_criterion_changes_no_order_and_gives_no_nan(load_problem, method: str) -> None:
    base = {"a": (5, 2, 4), "b": (3, 1, 3), "e": (2, 3, 5), "f": (4, 3, 3)}
    constant = {cid: (q, c, 3) for cid, (q, c, _) in base.items()}
    result = partnerfit.score(load_problem(CRITERIA, candidates_of(constant)), method=method)
    no_nan(result.to_dict())
    assert all(c.score is not None and 0 <= c.score <= 100 for c in result.ranked)
    two = {
        "name": "two",
        "scale": [1, 5],
        "criteria": {k: v for k, v in CRITERIA["criteria"].items() if k != "reach"},
        "gates": {"banned": {}},
    }
    without = {cid: (q, c) for cid, (q, c, _) in base.items()}
    reduced = partnerfit.score(load_problem(two, candidates_of(without, IDS[:2])), method=method)
    # the constant column adds nothing (topsis, vikor, promethee) or the same to everyone (wsm, wpm)
    assert [c.id for c in result.ranked] == [c.id for c in reduced.ranked]
    if method in ("topsis", "vikor"):  # and C and Q do not depend on the scale of the weights
        for entry in result.ranked:
            assert entry.value == pytest.approx(reduced.candidate(entry.id).value, abs=1e-12)


@pytest.mark.parametrize("method", METHODS)
def test_two_runs_give_byte_identical_json(write_problem, method: str) -> None:
    path = write_problem(CRITERIA, candidates_of(ROWS))
    first = render_bytes(partnerfit.score(partnerfit.load(path), method=method), "json")
    second = render_bytes(partnerfit.score(partnerfit.load(path), method=method), "json")
    assert first == second
    document = json.loads(first)
    assert document["method"] == method
    no_nan(document)


# --- properties (hypothesis), on projects built in memory -----------------------------------------


@st.composite
def problems(draw: st.DrawFn) -> tuple[dict[str, Any], list[list[int]]]:
    """A flat criteria set on [1, 9] (weights, directions) and a matrix of integer scores."""
    m = draw(st.integers(1, 4))
    n = draw(st.integers(2, 7))
    criteria = {
        f"k{j}": {
            "weight": draw(st.integers(1, 9)),
            "direction": draw(st.sampled_from(["higher", "lower"])),
        }
        for j in range(m)
    }
    rows = draw(st.lists(st.lists(st.integers(1, 9), min_size=m, max_size=m), min_size=n, max_size=n))
    return {"scale": [1, 9], "criteria": criteria}, rows


def project_of(criteria: dict[str, Any], named_rows: list[tuple[str, list[int]]]) -> Project:
    ids = list(criteria["criteria"])
    candidates = {cid: {"scores": dict(zip(ids, row, strict=True))} for cid, row in named_rows}
    file = CandidatesFile.model_validate({"candidates": candidates})
    return Project("t.yaml", file, resolve(CriteriaFile.model_validate(criteria), "t", "t"), "ignore")


def method_ranks(project: Project) -> dict[str, dict[str, int | None]]:
    return {method: ranks_of(run_score(project, method=method)) for method in METHODS}


@SETTINGS
@given(problems(), st.randoms(use_true_random=False))
def test_permuting_candidates_changes_no_rank(problem, rng: random.Random) -> None:
    criteria, rows = problem
    named = [(f"p{i}", row) for i, row in enumerate(rows)]
    shuffled = named[:]
    rng.shuffle(shuffled)
    assert method_ranks(project_of(criteria, shuffled)) == method_ranks(project_of(criteria, named))


@SETTINGS
@given(problems(), st.data())
def test_a_dominating_candidate_never_ranks_below_the_one_it_dominates(problem, data) -> None:
    criteria, rows = problem
    directions = [c["direction"] for c in criteria["criteria"].values()]
    i = data.draw(st.integers(0, len(rows) - 1))
    better = rows[i]
    worse = list(better)
    changed = data.draw(st.sets(st.integers(0, len(better) - 1), min_size=1))
    for j in changed:  # worsen some criteria by at least one point, within the scale
        if directions[j] == "higher":
            worse[j] = data.draw(st.integers(1, better[j])) if better[j] > 1 else 1
        else:
            worse[j] = data.draw(st.integers(better[j], 9)) if better[j] < 9 else 9
    named = [(f"p{k}", row) for k, row in enumerate(rows)] + [("worse", worse)]
    project = project_of(criteria, named)
    for method in ("wsm", "wpm", "topsis", "promethee"):
        ranks = ranks_of(run_score(project, method=method))
        assert ranks[f"p{i}"] <= ranks["worse"], (method, rows, worse)
