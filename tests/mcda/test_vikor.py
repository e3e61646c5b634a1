"""VIKOR against Opricovic & Tzeng (2004, 2007), its compromise-set rules and its degenerate cases."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from partnerfit.mcda import vikor

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference"
THREE_DECIMALS = 5e-4  # the paper prints values rounded to 3 decimals: |ours - printed| <= half a unit


def load(name: str) -> dict[str, Any]:
    """A reference file, or a skip saying where it was looked for."""
    path = REFERENCE / name
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def weight_sets() -> list[Any]:
    path = REFERENCE / "published_vikor_opricovic2007.json"
    if not path.is_file():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"reference vectors not found at {path}"))]
    cases = json.loads(path.read_text(encoding="utf-8"))["cases"]
    return [pytest.param(case, id=f"weight_set{case['weight_set']}") for case in cases]


@pytest.mark.parametrize("case", weight_sets())
@pytest.mark.parametrize("raw", [False, True], ids=["weights", "weights_raw"])
def test_opricovic2007_to_3_decimals(case: dict[str, Any], raw: bool) -> None:
    data = load("published_vikor_opricovic2007.json")
    assert "v=0.5" in data["method"]
    weights = np.array(case["weights_raw" if raw else "weights"], dtype=np.float64)
    result = vikor(np.array(data["matrix"]), weights, np.array(data["types"]) == 1, v=0.5)
    expected = case["expected"]
    np.testing.assert_allclose(result.s, expected["S"], atol=THREE_DECIMALS, rtol=0)
    np.testing.assert_allclose(result.r, expected["R"], atol=THREE_DECIMALS, rtol=0)
    np.testing.assert_allclose(result.q, expected["Q"], atol=THREE_DECIMALS, rtol=0)
    for library in ("pymcdm", "scikit-criteria"):
        np.testing.assert_allclose(result.q, case["library_Q"][library], atol=1e-12, rtol=0)
    assert (result.q.argsort().argsort() + 1).tolist() == expected["rank_by_Q"]
    assert sorted(result.compromise) == expected["compromise_set_0based"]
    assert result.compromise == tuple(int(i) for i in result.q.argsort() if i in result.compromise)


def test_opricovic2007_acceptance_conditions() -> None:
    data = load("published_vikor_opricovic2007.json")
    by_set = {c["weight_set"]: c for c in data["cases"]}
    flags = {
        k: (r.acceptable_advantage, r.acceptable_stability)
        for k, r in (
            (k, vikor(np.array(data["matrix"]), np.array(c["weights"]), np.array(data["types"]) == 1))
            for k, c in by_set.items()
        )
    }
    # sets 1 and 2: a clear winner (A5); sets 3 and 4: no acceptable advantage, so a set of three
    assert flags == {1: (True, True), 2: (True, True), 3: (False, True), 4: (False, True)}


def test_opricovic2004_example() -> None:
    case = load("published_topsis.json")["cases"][1]
    result = vikor(np.array(case["matrix"]), np.array(case["weights"]), np.array(case["types"]) == 1)
    np.testing.assert_allclose(result.s, case["expected"]["VIKOR_S"], atol=1e-12)
    np.testing.assert_allclose(result.r, case["expected"]["VIKOR_R"], atol=1e-12)
    np.testing.assert_allclose(result.q, case["expected"]["VIKOR_Q"], atol=1e-12)
    assert list(result.compromise) == case["library_VIKOR_Q"]["scikit-criteria_compromise_set"]
    assert result.acceptable_advantage
    assert result.acceptable_stability


def test_only_stability_failing_gives_the_first_two() -> None:
    # worked by hand (equal weights, all benefit; column spans 4, 4, 3): row 4 leads on Q by more
    # than DQ = 1/4 but is best neither by S (rows 0, 1) nor by R (row 3)
    x = np.array([[4.0, 0.0, 4.0], [0.0, 4.0, 4.0], [4.0, 1.0, 1.0], [2.0, 2.0, 2.0], [1.0, 4.0, 3.0]])
    result = vikor(x, np.ones(3), np.ones(3, dtype=np.bool_))
    np.testing.assert_allclose(result.s, [1 / 3, 1 / 3, 7 / 12, 5 / 9, 13 / 36])
    np.testing.assert_allclose(result.r, [1 / 3, 1 / 3, 1 / 3, 2 / 9, 1 / 4])
    np.testing.assert_allclose(result.q, [1 / 2, 1 / 2, 1, 4 / 9, 13 / 72])
    assert result.acceptable_advantage
    assert not result.acceptable_stability
    assert result.compromise == (4, 3)


def test_candidates_tied_with_the_second_join_it() -> None:
    # C1 holds, C2 fails, and rows 1 and 5 tie on Q = 0.5 for second place: both join, row 5 first (lower S)
    x = np.array([[3.0, 1.0, 4.0], [2.0, 2.0, 3.0], [4.0, 0.0, 3.0], [3.0, 0.0, 4.0], [4.0, 3.0, 2.0], [1.0, 4.0, 4.0]])
    result = vikor(x, np.ones(3), np.ones(3, dtype=np.bool_))
    np.testing.assert_allclose(result.q, [0.1875, 0.5, 0.875, 0.75, 0.6875, 0.5])
    assert result.acceptable_advantage
    assert not result.acceptable_stability
    assert result.compromise == (0, 5, 1)


def test_v_selects_between_group_utility_and_regret() -> None:
    x = np.array([[4.0, 0.0, 4.0], [0.0, 4.0, 4.0], [4.0, 1.0, 1.0], [2.0, 2.0, 2.0], [1.0, 4.0, 3.0]])
    by_s = vikor(x, np.ones(3), np.ones(3, dtype=np.bool_), v=1.0)
    by_r = vikor(x, np.ones(3), np.ones(3, dtype=np.bool_), v=0.0)
    np.testing.assert_allclose(by_s.q, (by_s.s - by_s.s.min()) / (by_s.s.max() - by_s.s.min()))
    np.testing.assert_allclose(by_r.q, (by_r.r - by_r.r.min()) / (by_r.r.max() - by_r.r.min()))
    assert by_r.compromise[0] == 3


def test_constant_criterion_contributes_nothing() -> None:
    x = np.array([[1.0, 5.0], [2.0, 5.0], [3.0, 5.0]])
    result = vikor(x, np.array([1.0, 1.0]), np.array([True, False]))
    np.testing.assert_allclose(result.s, [0.5, 0.25, 0.0])
    np.testing.assert_allclose(result.r, [0.5, 0.25, 0.0])
    np.testing.assert_allclose(result.q, [1.0, 0.5, 0.0])


def test_single_candidate() -> None:
    result = vikor(np.array([[3.0, 4.0]]), np.array([1.0, 1.0]), np.array([True, False]))
    assert result.s.tolist() == [0.0]
    assert result.r.tolist() == [0.0]
    assert result.q.tolist() == [0.0]
    assert result.acceptable_advantage
    assert result.acceptable_stability
    assert result.compromise == (0,)


def test_all_candidates_equal() -> None:
    result = vikor(np.full((4, 2), 7.0), np.array([1.0, 3.0]), np.array([True, False]))
    assert result.q.tolist() == [0.0] * 4
    assert not result.acceptable_advantage
    assert result.acceptable_stability
    assert result.compromise == (0, 1, 2, 3)


def test_two_candidates_one_dominating() -> None:
    result = vikor(np.array([[1.0, 9.0], [2.0, 3.0]]), np.array([1.0, 1.0]), np.array([True, False]))
    assert result.q.tolist() == [1.0, 0.0]
    assert result.acceptable_advantage  # DQ = 1 and Q(a2) - Q(a1) = 1
    assert result.acceptable_stability
    assert result.compromise == (1,)


def test_two_candidates_trading_off() -> None:
    # each best on one criterion: S and R tie, so Q = 0 for both and both are in the set
    result = vikor(np.array([[1.0, 2.0], [2.0, 1.0]]), np.array([1.0, 1.0]), np.array([True, True]))
    assert result.q.tolist() == [0.0, 0.0]
    assert not result.acceptable_advantage
    assert result.compromise == (0, 1)


def test_s_equal_but_r_different_uses_the_r_term_only() -> None:
    x = np.array([[0.0, 4.0], [2.0, 2.0], [4.0, 0.0]])
    result = vikor(x, np.array([1.0, 1.0]), np.array([True, True]), v=0.5)
    np.testing.assert_allclose(result.s, [0.5, 0.5, 0.5])
    np.testing.assert_allclose(result.r, [0.5, 0.25, 0.5])
    np.testing.assert_allclose(result.q, [0.5, 0.0, 0.5])
    assert result.acceptable_advantage  # 0.5 >= DQ = 0.5
    assert result.compromise == (1,)


@pytest.mark.parametrize("v", [-0.1, 1.5, float("nan"), float("inf"), True, "0.5"])
def test_v_outside_zero_one_is_refused(v: Any) -> None:
    with pytest.raises(ValueError, match=r"v must be a number in \[0, 1\]"):
        vikor(np.array([[1.0], [2.0]]), np.array([1.0]), np.array([True]), v=v)
