"""partnerfit.analysis.compare: every method's ranks, their agreement with wsm, and the movers."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import partnerfit
from partnerfit.analysis.compare import REFERENCE, compare_methods
from partnerfit.contract.candidates import CandidatesFile
from partnerfit.contract.criteria_set import resolve
from partnerfit.contract.models import CriteriaFile
from partnerfit.project.loading import Project

METHODS = ("wsm", "wpm", "topsis", "vikor", "promethee")
SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

FOUR: dict[str, Any] = {
    "name": "four",
    "scale": [1, 9],
    "criteria": {
        "quality": {"weight": 4},
        "cost": {"weight": 3, "direction": "lower"},
        "reach": {"weight": 2, "minimum": 4},
        "trust": {"weight": 1},
    },
    "gates": {"banned": {}},
}
ROWS = {  # quality, cost, reach, trust
    "p0": (9, 9, 4, 7),
    "p1": (1, 8, 6, 9),
    "p2": (4, 9, 7, 8),
    "p3": (6, 7, 6, 1),
    "p4": (9, 9, 6, 8),
    "x_gate": (9, 1, 9, 9),
    "x_knock": (9, 1, 1, 9),
}


def project_of(criteria: dict[str, Any], rows: dict[str, tuple[float, ...]], missing: str = "ignore") -> Project:
    ids = list(criteria["criteria"])
    candidates = {
        cid: {
            "name": cid.title(),
            "gates": {"banned": cid == "x_gate"} if "gates" in criteria else {},
            "scores": {k: v for k, v in zip(ids, row, strict=True) if v is not None},
        }
        for cid, row in rows.items()
    }
    file = CandidatesFile.model_validate({"candidates": candidates})
    return Project("t.yaml", file, resolve(CriteriaFile.model_validate(criteria), "t", "t"), missing)


def tau_b(x: list[float], y: list[float]) -> float:
    """Kendall's tau-b, pair by pair (the textbook definition)."""
    concordant = discordant = tied_x = tied_y = 0
    n = len(x)
    for i in range(n):
        for j in range(i + 1, n):
            dx, dy = x[i] - x[j], y[i] - y[j]
            if dx == 0:
                tied_x += 1
            if dy == 0:
                tied_y += 1
            if dx * dy > 0:
                concordant += 1
            elif dx * dy < 0:
                discordant += 1
    pairs = n * (n - 1) // 2
    if pairs in (tied_x, tied_y):
        return 1.0 if tied_x == tied_y == pairs else 0.0
    return (concordant - discordant) / math.sqrt((pairs - tied_x) * (pairs - tied_y))


def ws(x: list[float], y: list[float]) -> float:
    """Sałabun & Urbaniak's WS coefficient, x the reference ranking."""
    n = len(x)
    if n == 1:
        return 1.0
    return 1 - sum(2.0**-xi * abs(xi - yi) / max(abs(xi - 1), abs(xi - n)) for xi, yi in zip(x, y, strict=True))


@pytest.fixture(scope="module")
def four() -> Project:
    return project_of(FOUR, ROWS)


def test_ranks_are_each_methods_own_ranks(four: Project) -> None:
    comparison = compare_methods(four)
    assert comparison.methods == METHODS
    assert comparison.failures == {}
    for method in METHODS:
        result = partnerfit.score(four, method=method)
        assert comparison.ranks[method] == {c.id: c.rank for c in result.ranked}
    # candidates in the reference (wsm) order, excluded ones left out and listed apart
    assert comparison.ids == ("p4", "p0", "p3", "p2", "p1")
    assert sorted(comparison.excluded) == ["x_gate", "x_knock"]
    assert comparison.names["p3"] == "P3"


def test_the_shape_of_a_disagreement(four: Project) -> None:
    comparison = compare_methods(four)
    ranks = {cid: [comparison.ranks[m][cid] for m in METHODS] for cid in comparison.ids}
    assert ranks == {
        "p4": [1, 1, 1, 2, 2],
        "p0": [2, 2, 2, 3, 3],
        "p3": [3, 4, 3, 1, 1],
        "p2": [4, 3, 4, 4, 4],
        "p1": [5, 5, 5, 5, 5],
    }
    assert comparison.moved == ("p3",)
    assert comparison.same_top == 0


def test_agreement_is_kendall_tau_b_and_ws_against_wsm(four: Project) -> None:
    comparison = compare_methods(four)
    reference = [comparison.ranks[REFERENCE][cid] for cid in comparison.ids]
    assert set(comparison.agreement) == set(METHODS)
    for method in METHODS:
        other = [comparison.ranks[method][cid] for cid in comparison.ids]
        assert comparison.agreement[method].kendall_tau == pytest.approx(tau_b(reference, other), abs=1e-12)
        assert comparison.agreement[method].ws == pytest.approx(ws(reference, other), abs=1e-12)
    assert comparison.agreement["wsm"].kendall_tau == 1.0
    assert comparison.agreement["vikor"].kendall_tau == pytest.approx(0.6)


def test_a_subset_of_methods(four: Project) -> None:
    comparison = compare_methods(four, methods=["wsm", "topsis"])
    assert comparison.methods == ("wsm", "topsis")
    assert comparison.moved == ()
    assert comparison.same_top == 5
    without_reference = compare_methods(four, methods=["vikor", "promethee"])
    assert without_reference.agreement == {}
    assert without_reference.ids[0] == "p3"  # ordered by the first method that ran


def test_a_failing_method_is_reported_not_fatal() -> None:
    rows = {"a": (0, 3), "b": (6, 2), "c": (8, 9)}
    project = project_of({"scale": [0, 10], "criteria": {"q": {}, "c": {"direction": "lower"}}}, rows)
    comparison = compare_methods(project)
    assert comparison.methods == ("wsm", "topsis", "vikor", "promethee")
    assert list(comparison.failures) == ["wpm"]
    assert "a has 0 for q" in comparison.failures["wpm"]
    assert "wpm" not in comparison.ranks and "wpm" not in comparison.agreement
    document = comparison.to_dict()
    assert document["failures"] == {"wpm": comparison.failures["wpm"]}


def test_missing_and_vikor_v_reach_every_method() -> None:
    rows = {"a": (8, 3), "b": (6, None), "m": (None, 2), "z": (2, 5)}
    criteria = {"scale": [1, 10], "criteria": {"q": {"weight": 2}, "c": {"direction": "lower"}}}
    project = project_of(criteria, rows)
    assert compare_methods(project).methods == ("wsm",)
    comparison = compare_methods(project, missing="worst", vikor_v=0.0)
    assert comparison.methods == METHODS
    vikor = partnerfit.score(project, method="vikor", missing="worst", vikor_v=0.0)
    assert comparison.ranks["vikor"] == {c.id: c.rank for c in vikor.ranked}


def test_ties_keep_their_shared_rank() -> None:
    rows = {"t1": (4, 2), "t2": (4, 2), "top": (5, 1), "low": (1, 5)}
    project = project_of({"criteria": {"q": {}, "c": {"direction": "lower"}}}, rows)
    comparison = compare_methods(project)
    for method in METHODS:
        assert comparison.ranks[method] == {"top": 1, "t1": 2, "t2": 2, "low": 4}
        assert comparison.agreement[method].kendall_tau == 1.0
        assert comparison.agreement[method].ws == 1.0
    assert comparison.ids == ("top", "t1", "t2", "low")
    assert comparison.same_top == 4


def test_a_single_candidate() -> None:
    project = project_of({"criteria": {"q": {}}}, {"only": (3,)})
    comparison = compare_methods(project)
    assert comparison.ranks == {m: {"only": 1} for m in METHODS}
    assert {m: (a.kendall_tau, a.ws) for m, a in comparison.agreement.items()} == dict.fromkeys(METHODS, (1.0, 1.0))
    assert comparison.same_top == 1


def test_to_dict_is_strict_json(four: Project) -> None:
    document = compare_methods(four).to_dict()
    assert json.loads(json.dumps(document, allow_nan=False)) == document
    assert list(document) == ["reference", "methods", "candidates", "agreement", "same_top", "failures", "excluded"]


def test_every_candidate_excluded() -> None:
    project = project_of({"criteria": {"q": {"minimum": 3}, "c": {}}}, {"a": (1, 2), "b": (2, 2)})
    comparison = compare_methods(project)
    assert comparison.ids == ()
    assert sorted(comparison.excluded) == ["a", "b"]


@st.composite
def problems(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, tuple[int, ...]]]:
    m = draw(st.integers(1, 3))
    criteria = {
        f"k{j}": {"weight": draw(st.integers(1, 5)), "direction": draw(st.sampled_from(["higher", "lower"]))}
        for j in range(m)
    }
    n = draw(st.integers(1, 6))
    rows = {f"c{i}": tuple(draw(st.integers(1, 5)) for _ in range(m)) for i in range(n)}
    return {"criteria": criteria}, rows


@SETTINGS
@given(problems())
def test_moved_same_top_and_agreement_follow_their_definitions(problem) -> None:
    criteria, rows = problem
    comparison = compare_methods(project_of(criteria, rows))
    assert comparison.methods == METHODS
    ids = comparison.ids
    assert sorted(ids) == sorted(rows)
    spans = {
        cid: max(r[cid] for r in comparison.ranks.values()) - min(r[cid] for r in comparison.ranks.values())
        for cid in ids
    }
    assert set(comparison.moved) == {cid for cid, span in spans.items() if span > 1}
    orders = [sorted(ids, key=lambda cid, m=m: (comparison.ranks[m][cid], cid)) for m in METHODS]
    same = 0
    while same < len(ids) and len({frozenset(order[: same + 1]) for order in orders}) == 1:
        same += 1
    assert comparison.same_top == same
    reference = [comparison.ranks["wsm"][cid] for cid in ids]
    for method, agreement in comparison.agreement.items():
        other = [comparison.ranks[method][cid] for cid in ids]
        assert -1.0 <= agreement.kendall_tau <= 1.0
        assert agreement.kendall_tau == pytest.approx(tau_b(reference, other), abs=1e-12)
        assert agreement.ws == pytest.approx(ws(reference, other), abs=1e-12)
    json.dumps(comparison.to_dict(), allow_nan=False)
