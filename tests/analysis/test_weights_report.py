"""partnerfit.analysis.weights_report: origins of the weights, entropy and CRITIC weights, the ⚠ flag."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import partnerfit
from partnerfit.analysis.weights_report import weights_report
from partnerfit.contract.candidates import CandidatesFile
from partnerfit.contract.criteria_set import resolve
from partnerfit.contract.models import CriteriaFile
from partnerfit.mcda.weights import critic_weights, entropy_weights
from partnerfit.project.loading import Project

ROOT = Path(__file__).resolve().parents[2]
AHP_CANDIDATES = ROOT / "tests" / "data" / "valid" / "ahp" / "ahp_candidates.yaml"


def project_of(criteria: dict[str, Any], rows: dict[str, dict[str, Any]]) -> Project:
    file = CandidatesFile.model_validate({"candidates": rows})
    return Project("t.yaml", file, resolve(CriteriaFile.model_validate(criteria), "t", "t"), "ignore")


def by_id(report) -> dict[str, Any]:
    return {row.id: row for row in report.rows}


# --- origins ------------------------------------------------------------------------------------


def test_origins_of_the_demo_set() -> None:
    report = weights_report(partnerfit.load(AHP_CANDIDATES))
    rows = by_id(report)
    assert {cid: row.origin for cid, row in rows.items()} == {
        "loyalty": "roc",
        "trust": "roc",
        "openness": "roc",
        "funding": "rank_sum",
        "cost": "rank_sum",
        "vision": "direct",
        "timing": "direct",
    }
    assert {cid: row.group for cid, row in rows.items()}["cost"] == "money"
    assert [o.method for o in report.origins] == ["ahp", "roc", "rank_sum", "direct"]
    assert sum(row.weight for row in report.rows) == pytest.approx(1.0)
    assert report.candidates == 4


def test_flat_ahp_origin_names_its_consistency_ratio() -> None:
    criteria = {
        "weighting": {"method": "ahp", "comparisons": [["a", "b", 2], ["a", "c", 4], ["b", "c", 2]]},
        "criteria": {"a": {}, "b": {}, "c": {}},
    }
    rows = {"x": {"scores": {"a": 1, "b": 2, "c": 3}}, "y": {"scores": {"a": 3, "b": 2, "c": 4}}}
    report = weights_report(project_of(criteria, rows))
    assert {row.origin for row in report.rows} == {"ahp (CR 0.000)"}
    assert [row.weight for row in report.rows] == pytest.approx([4 / 7, 2 / 7, 1 / 7])
    (origin,) = report.to_dict()["origins"]
    assert origin["method"] == "ahp" and origin["inconsistent"] is False
    assert origin["cr"] == pytest.approx(0.0, abs=1e-9)


def test_direct_weights() -> None:
    criteria = {"criteria": {"a": {"weight": 3}, "b": {"weight": 1}}}
    rows = {"x": {"scores": {"a": 1, "b": 2}}, "y": {"scores": {"a": 3, "b": 5}}}
    report = weights_report(project_of(criteria, rows))
    assert [(r.id, r.weight, r.origin) for r in report.rows] == [("a", 0.75, "direct"), ("b", 0.25, "direct")]


# --- entropy and CRITIC ------------------------------------------------------------------------------


def test_entropy_and_critic_are_those_of_the_eligible_candidates() -> None:
    project = partnerfit.load(AHP_CANDIDATES)
    report = weights_report(project)
    entropy = [row.entropy for row in report.rows]
    critic = [row.critic for row in report.rows]
    assert sum(entropy) == pytest.approx(1.0)
    assert sum(critic) == pytest.approx(1.0)
    assert all(w >= 0 for w in entropy + critic)
    # the eligible rows (the gated 'sanctioned' left out), in file order of the criteria
    eligible = np.array(
        [
            [4, 4, 3, 2, 3, 5, 4],
            [3, 4, 4, 4, 2, 4, 3],
            [5, 4, 5, 3, 4, 3, 2],
            [2, 4, 2, 5, 5, 2, 5],
        ],
        dtype=float,
    )
    lower = np.array([c.direction == "lower" for c in project.criteria.criteria])
    # entropy on the position on the scale counted from 1 (scale [1, 5]: cost lower → 5 − x + 1)
    positions = np.where(lower, 5 - eligible + 1, eligible - 1 + 1)
    assert entropy == pytest.approx(entropy_weights(positions).tolist(), abs=1e-12)
    assert critic == pytest.approx(critic_weights(eligible, ~lower).tolist(), abs=1e-12)


def test_entropy_and_critic_on_two_hand_made_columns() -> None:
    # a constant column gets 0 under both; the other one then takes everything
    criteria = {"criteria": {"flat": {}, "spread": {}}}
    rows = {"x": {"scores": {"flat": 3, "spread": 1}}, "y": {"scores": {"flat": 3, "spread": 5}}}
    report = weights_report(project_of(criteria, rows))
    assert [(r.entropy, r.critic) for r in report.rows] == [(0.0, 0.0), (1.0, 1.0)]


def test_only_complete_rows_count_and_the_note_says_so() -> None:
    criteria = {"criteria": {"a": {}, "b": {}}}
    rows = {
        "x": {"scores": {"a": 1, "b": 2}},
        "y": {"scores": {"a": 3, "b": 5}},
        "z": {"scores": {"a": 5, "b": 1}},
        "partial": {"scores": {"a": 4}},
    }
    report = weights_report(project_of(criteria, rows))
    assert report.note == "entropy and CRITIC use the 3 candidates scored on every criterion"
    complete = np.array([[1, 2], [3, 5], [5, 1]], dtype=float)
    assert [r.critic for r in report.rows] == pytest.approx(critic_weights(complete, np.array([True, True])).tolist())


def test_fewer_than_two_complete_candidates_give_no_data_weights() -> None:
    criteria = {"criteria": {"a": {"weight": 9}, "b": {}}}
    rows = {"x": {"scores": {"a": 1, "b": 2}}, "partial": {"scores": {"a": 4}}}
    report = weights_report(project_of(criteria, rows))
    assert all(r.entropy is None and r.critic is None and not r.barely_differs for r in report.rows)
    assert report.note == "entropy and CRITIC need at least two eligible candidates scored on every criterion"
    json.dumps(report.to_dict(), allow_nan=False)


# --- the ⚠ flag --------------------------------------------------------------------------------------


def test_a_heavily_weighted_criterion_on_which_everyone_scores_the_same_is_flagged() -> None:
    criteria = {"criteria": {"vision": {"weight": 5}, "cost": {"weight": 1, "direction": "lower"}, "reach": {}}}
    rows = {
        "x": {"scores": {"vision": 4, "cost": 3, "reach": 2}},
        "y": {"scores": {"vision": 4, "cost": 2, "reach": 5}},
        "z": {"scores": {"vision": 4, "cost": 5, "reach": 1}},
    }
    report = weights_report(project_of(criteria, rows))
    rows_by_id = by_id(report)
    assert rows_by_id["vision"].weight == pytest.approx(5 / 7)
    assert rows_by_id["vision"].entropy == 0.0
    assert rows_by_id["vision"].barely_differs is True
    assert rows_by_id["cost"].barely_differs is False
    assert rows_by_id["reach"].barely_differs is False
    assert report.to_dict()["weights"]["vision"]["barely_differs"] is True


def test_a_constant_criterion_with_a_small_weight_is_not_flagged() -> None:
    criteria = {"criteria": {"vision": {"weight": 1}, "cost": {"weight": 5}, "reach": {"weight": 5}}}
    rows = {
        "x": {"scores": {"vision": 4, "cost": 3, "reach": 2}},
        "y": {"scores": {"vision": 4, "cost": 2, "reach": 5}},
    }
    report = weights_report(project_of(criteria, rows))
    assert by_id(report)["vision"].entropy == 0.0
    assert not any(r.barely_differs for r in report.rows)


def test_the_flag_uses_only_eligible_candidates() -> None:
    # the excluded candidate differs on vision; the eligible ones do not
    criteria = {"criteria": {"vision": {"weight": 5}, "cost": {"minimum": 2}}}
    rows = {
        "x": {"scores": {"vision": 4, "cost": 3}},
        "y": {"scores": {"vision": 4, "cost": 5}},
        "out": {"scores": {"vision": 1, "cost": 1}},
    }
    report = weights_report(project_of(criteria, rows))
    assert report.candidates == 2
    assert by_id(report)["vision"].barely_differs is True
    report_demo = weights_report(partnerfit.load(AHP_CANDIDATES))
    assert [r.id for r in report_demo.rows if r.barely_differs] == ["trust"]


def test_to_dict_is_strict_json() -> None:
    document = weights_report(partnerfit.load(AHP_CANDIDATES)).to_dict()
    assert json.loads(json.dumps(document, allow_nan=False)) == document
