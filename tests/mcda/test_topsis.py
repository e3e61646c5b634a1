"""TOPSIS against the published worked examples, its degenerate cases and its own invariants."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from partnerfit.mcda import TopsisResult, topsis

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference"


def load(name: str) -> dict[str, Any]:
    """A reference file, or a skip saying where it was looked for."""
    path = REFERENCE / name
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def reference_cases(name: str) -> list[Any]:
    """The file's cases as pytest params, or one skipped param saying where the file was looked for."""
    path = REFERENCE / name
    if not path.is_file():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"reference vectors not found at {path}"))]
    cases = json.loads(path.read_text(encoding="utf-8"))["cases"]
    return [pytest.param(case, id=f"case{i}") for i, case in enumerate(cases)]


def run(case: dict[str, Any]) -> TopsisResult:
    return topsis(np.array(case["matrix"]), np.array(case["weights"]), np.array(case["types"]) == 1)


def test_tzeng2011_closeness_to_4_decimals() -> None:
    case = load("published_topsis.json")["cases"][0]
    assert case["normalisation"] == "vector"
    result = run(case)
    np.testing.assert_allclose(result.closeness, case["expected"]["closeness"], atol=1e-4, rtol=0)
    ranks = (-result.closeness).argsort().argsort() + 1
    assert ranks.tolist() == case["expected"]["rank"]


@pytest.mark.parametrize("case", reference_cases("published_topsis.json"))
def test_every_case_matches_the_libraries_vector_topsis(case: dict[str, Any]) -> None:
    # the libraries' *vector* figures are our convention; pymcdm's default min-max ones are not
    scores = case.get("library_scores") or case["library_TOPSIS"]
    vector = [v for k, v in scores.items() if k == "scikit-criteria" or k.endswith("_vector")]
    assert vector
    for expected in vector:
        np.testing.assert_allclose(run(case).closeness, expected, atol=1e-12, rtol=0)


def test_opricovic2004_printed_values_are_the_min_max_variant_not_ours() -> None:
    case = load("published_topsis.json")["cases"][1]
    [minmax] = [v for k, v in case["expected"].items() if k.startswith("TOPSIS_closeness")]
    assert not np.allclose(run(case).closeness, minmax, atol=5e-4)


def test_distances_match_the_closeness() -> None:
    x = np.array([[5.0, 8.0, 4.0], [7.0, 6.0, 8.0], [8.0, 8.0, 6.0], [7.0, 4.0, 6.0]])
    r = topsis(x, np.array([3.0, 4.0, 3.0]), np.array([True, False, True]))
    assert np.all(r.d_plus >= 0)
    assert np.all(r.d_minus >= 0)
    np.testing.assert_allclose(r.closeness, r.d_minus / (r.d_plus + r.d_minus))
    assert np.all((r.closeness >= 0) & (r.closeness <= 1))


def test_a_constant_column_adds_nothing_to_the_distances() -> None:
    x = np.array([[1.0, 3.0], [2.0, 3.0], [4.0, 3.0]])
    with_constant = topsis(x, np.array([0.5, 0.5]), np.array([True, False]))
    alone = topsis(x[:, :1], np.array([0.5]), np.array([True]))
    # the constant column only takes half the weight away from the first one
    np.testing.assert_allclose(with_constant.d_plus, 0.5 * alone.d_plus)
    np.testing.assert_allclose(with_constant.d_minus, 0.5 * alone.d_minus)
    np.testing.assert_allclose(with_constant.closeness, alone.closeness)


def test_an_all_zero_column_stays_zero() -> None:
    r = topsis(np.array([[0.0, 1.0], [0.0, 2.0]]), np.array([1.0, 1.0]), np.array([True, True]))
    np.testing.assert_allclose(r.closeness, [0.0, 1.0])


def test_a_single_candidate_gets_one_half() -> None:
    r = topsis(np.array([[3.0, 7.0]]), np.array([1.0, 2.0]), np.array([True, False]))
    assert r.closeness.tolist() == [0.5]
    assert r.d_plus.tolist() == [0.0]
    assert r.d_minus.tolist() == [0.0]


def test_all_candidates_equal_get_one_half() -> None:
    r = topsis(np.full((5, 3), 2.5), np.array([1.0, 1.0, 1.0]), np.array([True, False, True]))
    assert r.closeness.tolist() == [0.5] * 5


def test_two_candidates_closeness_sums_to_one() -> None:
    r = topsis(np.array([[1.0, 9.0, 4.0], [3.0, 2.0, 4.0]]), np.array([2.0, 1.0, 1.0]), np.array([True, False, True]))
    assert r.closeness.sum() == pytest.approx(1.0)
    np.testing.assert_allclose(r.d_plus, r.d_minus[::-1])


def test_two_candidates_one_dominating_gets_one_and_zero() -> None:
    r = topsis(np.array([[1.0, 5.0], [2.0, 4.0]]), np.array([1.0, 1.0]), np.array([True, False]))
    assert r.closeness.tolist() == [0.0, 1.0]


def test_negative_scores_keep_their_order() -> None:
    r = topsis(np.array([[-3.0], [-1.0], [2.0]]), np.array([1.0]), np.array([True]))
    assert r.closeness.tolist() == sorted(r.closeness.tolist())
