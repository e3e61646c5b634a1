"""partnerfit.analysis.explain: contributions, the field's median and the leader, evidence, and what it would take."""

from __future__ import annotations

import copy
import json
import math
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import partnerfit
from partnerfit.analysis.explain import Target, explain
from partnerfit.contract.criteria_set import ResolvedCriterion
from partnerfit.errors import CandidateNotFoundError, MethodError

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "examples" / "packaging.yaml"
ASSESSORS = ROOT / "examples" / "assessors.yaml"


def listing(path: Path, **options: Any) -> list[str]:
    """Ids of the ranked candidates of ``path`` in listing order."""
    return [c.id for c in partnerfit.score(partnerfit.load(path), **options).ranked]


def with_score(data: dict[str, Any], candidate: str, criterion: str, value: float) -> dict[str, Any]:
    """A copy of a candidates document with one score replaced (a note and evidence are kept)."""
    edited = copy.deepcopy(data)
    scores = edited["candidates"][candidate].setdefault("scores", {})
    old = scores.get(criterion)
    scores[criterion] = {**old, "score": value} if isinstance(old, dict) else value
    return edited


def rescored(data: dict[str, Any], folder: Path, **options: Any) -> list[str]:
    """Write ``data`` as YAML, load and score it: ranked ids in listing order."""
    path = folder / "edited.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return listing(path, **options)


def check_target(data: dict[str, Any], folder: Path, cid: str, c: ResolvedCriterion, target: Target) -> None:
    """The target's score lists ``cid`` ahead of its rival; 0.01 less (and one whole point less) does not."""
    assert target.passes is not None
    criterion, lower = c.id, c.direction == "lower"
    low = c.low if c.minimum is None else max(c.low, c.minimum)  # scores a knock-out allows
    high = c.high if c.maximum is None else min(c.high, c.maximum)
    step = -1.0 if lower else 1.0

    def ahead(value: float) -> bool:
        order = rescored(with_score(data, cid, criterion, value), folder)
        return cid in order and order.index(cid) < order.index(target.passes or "")

    if target.status == "unreachable":
        best = low if lower else high
        assert not ahead(best)
        return
    assert target.status == "reachable" and target.score is not None
    assert low - 1e-9 <= target.score <= high + 1e-9
    assert ahead(target.score)
    less = target.score - 0.01 * step
    if low <= less <= high:
        assert not ahead(less)
    if target.whole is not None:
        assert ahead(target.whole)
        if low <= target.whole - step <= high and (target.whole - step - target.score) * step < 0:
            assert not ahead(target.whole - step)


# --- what it would take, verified by editing the file -----------------------------------------------


@pytest.mark.parametrize("cid", ["startup_fibre", "university_design", "coop_dairy"])
def test_what_it_takes_on_the_packaging_example(cid: str, tmp_path: Path) -> None:
    data = yaml.safe_load(PACKAGING.read_text(encoding="utf-8"))
    project = partnerfit.load(PACKAGING)
    x = explain(project, cid)
    checked = 0
    for row in x.criteria:
        c = project.criteria.criterion(row.id)
        for target in {row.next, row.first}:
            if target.status in ("reachable", "unreachable"):
                check_target(data, tmp_path, cid, c, target)
                checked += 1
    assert checked >= 10


def test_a_missing_score_is_solved_with_the_weight_it_adds(tmp_path: Path) -> None:
    x = explain(partnerfit.load(PACKAGING), "university_design")
    row = next(r for r in x.criteria if r.id == "interpersonal_intelligence")
    assert row.score is None and row.contribution is None
    assert row.next.status == "reachable" and row.next.passes == "ngo_zero_waste"
    data = yaml.safe_load(PACKAGING.read_text(encoding="utf-8"))
    order = rescored(with_score(data, "university_design", row.id, row.next.score or 0.0), tmp_path)
    assert order.index("university_design") == order.index("ngo_zero_waste") - 1


def test_the_leader_has_nothing_to_gain() -> None:
    x = explain(partnerfit.load(PACKAGING), "lab_biopolymers")
    assert x.entry.rank == 1 and x.above is None and x.versus is not None and x.versus.id == "startup_fibre"
    assert {r.next.status for r in x.criteria} == {"already"}


FLAT = {
    "name": "flat",
    "scale": [0, 10],
    "criteria": {
        "quality": {"weight": 3},
        "cost": {"weight": 1, "direction": "lower"},
        "fit": {"weight": 1, "maximum": 8},
    },
}


def test_a_tie_lists_the_smaller_id_first(tmp_path: Path) -> None:
    """b (after a) must beat a by more than 1e-9; a (before b) only needs to tie b."""
    doc = {"criteria": FLAT, "candidates": {"a": {"scores": {"quality": 5, "cost": 5, "fit": 5}}}}
    doc["candidates"]["b"] = {"scores": {"quality": 4, "cost": 5, "fit": 5}}
    path = tmp_path / "tie.yaml"
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    target = explain(partnerfit.load(path), "b").criteria[0].next
    assert target.status == "reachable" and target.score is not None
    assert target.score > 5 and target.score == pytest.approx(5, abs=1e-6) and target.whole == 6
    doc["candidates"]["a"]["scores"]["quality"] = 4
    doc["candidates"]["b"]["scores"]["quality"] = 5
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    a = explain(partnerfit.load(path), "a").criteria[0].next
    assert a.score == pytest.approx(5, abs=1e-9) and a.whole == 5
    check_target(doc, tmp_path, "a", partnerfit.load(path).criteria.criterion("quality"), a)


def test_a_knock_out_maximum_caps_what_can_be_written(tmp_path: Path) -> None:
    doc = {"criteria": FLAT, "candidates": {"a": {"scores": {"quality": 9, "cost": 2, "fit": 8}}}}
    doc["candidates"]["b"] = {"scores": {"quality": 9, "cost": 3, "fit": 5}}
    path = tmp_path / "cap.yaml"
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    rows = {r.id: r for r in explain(partnerfit.load(path), "b").criteria}
    assert rows["fit"].next == Target("unreachable", "a", limit="knockout")
    assert rows["fit"].knockout == "pass"
    criteria = partnerfit.load(path).criteria
    check_target(doc, tmp_path, "b", criteria.criterion("cost"), rows["cost"].next)
    check_target(doc, tmp_path, "b", criteria.criterion("fit"), rows["fit"].next)


# --- random small files ----------------------------------------------------------------------------------------


@st.composite
def small_files(draw: st.DrawFn) -> dict[str, Any]:
    """3–5 candidates on 2–4 criteria: whole-number scales, directions, weights, knock-outs, a few gaps."""
    n_criteria = draw(st.integers(2, 4))
    criteria: dict[str, dict[str, Any]] = {}
    for j in range(n_criteria):
        low = draw(st.sampled_from([0, 1]))
        high = low + draw(st.sampled_from([4, 5, 10]))
        criteria[f"c{j}"] = {
            "weight": draw(st.integers(1, 5)),
            "scale": [low, high],
            "direction": draw(st.sampled_from(["higher", "lower"])),
        }
        if draw(st.integers(0, 4)) == 0:  # a bound that caps the better end of the scale
            bound = "maximum" if criteria[f"c{j}"]["direction"] == "higher" else "minimum"
            criteria[f"c{j}"][bound] = draw(st.integers(low + 1, high - 1))
    candidates = {}
    for i in range(draw(st.integers(3, 5))):
        scores = {}
        for cid, c in criteria.items():
            if draw(st.integers(0, 7)) == 0 and i:  # the first candidate is always fully scored
                continue
            scores[cid] = draw(st.integers(*c["scale"]))
        candidates[f"k{draw(st.integers(0, 9))}{i}"] = {"scores": scores or {"c0": criteria["c0"]["scale"][0]}}
    missing = draw(st.sampled_from(["ignore", "worst"]))
    return {"criteria": {"name": "random", "missing": missing, "criteria": criteria}, "candidates": candidates}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_files(), st.data())
def test_what_it_takes_is_exact_on_random_files(doc: dict[str, Any], data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "random.yaml"
        path.write_text(yaml.safe_dump(doc), encoding="utf-8")
        project = partnerfit.load(path)
        ranked = [c.id for c in partnerfit.score(project).ranked]
        assume(len(ranked) > 1)
        cid = data.draw(st.sampled_from(ranked[1:]))
        criterion = data.draw(st.sampled_from(project.criteria.ids))
        c = project.criteria.criterion(criterion)
        row = next(r for r in explain(project, cid).criteria if r.id == criterion)
        for target in (row.next, row.first):
            check_target(doc, Path(folder), cid, c, target)


# --- the explanation itself ------------------------------------------------------------------------------------


def test_contributions_add_up_and_are_sorted() -> None:
    x = explain(partnerfit.load(PACKAGING), "startup_fibre")
    points = [r.contribution or 0.0 for r in x.criteria]
    assert points == sorted(points, reverse=True)
    assert sum(points) == pytest.approx(x.entry.score)
    shared = next(r for r in x.criteria if r.id == "shared_vision")
    assert (shared.value, shared.median, shared.position) == (1.0, 0.75, "strength")
    assert x.strengths[:2] == ["complementary_expertise", "shared_vision"]
    assert x.weaknesses == ["risk_exposure", "financial_resources"]
    assert shared.entries[0].note == "Plastic-free food packaging is their whole mission"
    assert shared.knockout == "pass"


def test_unknown_candidate_suggests_the_closest_id() -> None:
    with pytest.raises(
        CandidateNotFoundError, match=r"unknown candidate 'startup_fiber' — did you mean 'startup_fibre'\?"
    ):
        explain(partnerfit.load(PACKAGING), "startup_fiber")


def test_knocked_out_candidate_says_what_would_pass_it(tmp_path: Path) -> None:
    x = explain(partnerfit.load(PACKAGING), "paper_group_kerlann")
    assert x.entry.rank is None and x.fixes == {"loyalty": 2.0}
    assert {r.next.status for r in x.criteria} == {"excluded"}
    loyalty = next(r for r in x.criteria if r.id == "loyalty")
    assert loyalty.knockout == "fail"
    data = yaml.safe_load(PACKAGING.read_text(encoding="utf-8"))
    order = rescored(with_score(data, "paper_group_kerlann", "loyalty", 2), tmp_path)
    assert x.would_rank == order.index("paper_group_kerlann") + 1


def test_gate_excluded_candidate() -> None:
    x = explain(partnerfit.load(PACKAGING), "trader_resinex")
    assert x.would_rank is None and x.fixes == {}
    assert x.gates["sanctions_listed"] is True
    assert x.to_dict()["candidate"]["reasons"] == ["gate: sanctions_listed"]


def test_assessors_notes_and_disagreement() -> None:
    x = explain(partnerfit.load(ASSESSORS), "retailer_atlantique")
    vision = next(r for r in x.criteria if r.id == "shared_vision")
    assert [e.assessor for e in vision.entries] == ["amina", "bruno", "chloe"]
    assert vision.entries[0].note and vision.entries[0].note.startswith("The CSR director")
    assert vision.disagreement and vision.spread == 3
    assert set(x.to_dict()["disagreement"]) == {"shared_vision", "mutual_benefit", "risk_exposure", "gut_feeling"}


def test_other_methods_show_values_not_contributions() -> None:
    project = partnerfit.load(ASSESSORS)
    x = explain(project, "retailer_atlantique", method="topsis", missing="worst")
    assert all(r.contribution is None and r.next.status == "wsm_only" for r in x.criteria)
    values = [r.value or 0.0 for r in x.criteria]
    assert values == sorted(values, reverse=True)
    document = x.to_dict()
    assert document["additive"] is False and set(document["candidate"]["details"]) == {"d_plus", "d_minus"}
    with pytest.raises(MethodError, match="every score is needed"):
        explain(partnerfit.load(PACKAGING), "startup_fibre", method="topsis")


def test_json_keys() -> None:
    document = json.loads(json.dumps(explain(partnerfit.load(PACKAGING), "university_design").to_dict()))
    assert list(document) == [
        "partnerfit", "method", "aggregate", "missing", "additive", "candidate", "ranked", "above", "leader",
        "versus", "criteria", "strengths", "weaknesses", "disagreement", "gates", "knockout_fixes", "would_rank",
    ]  # fmt: skip
    row = document["criteria"][0]
    assert list(row) == [
        "id", "weight", "score", "value", "contribution", "room", "median", "versus_value", "spread",
        "disagreement", "entries", "knockout", "next", "first", "position",
    ]  # fmt: skip
    assert list(row["next"]) == ["status", "passes", "score", "whole", "total", "limit"]
    assert document["above"]["id"] == "ngo_zero_waste" and document["candidate"]["coverage"] < 1
    assert math.isclose(row["contribution"] + row["room"], 100 * row["weight"] / document["candidate"]["coverage"])
