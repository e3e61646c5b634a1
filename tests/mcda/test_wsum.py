"""The weighted sum against Kracka et al. (2010) as computed by scikit-criteria, and each normalisation's rules."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from partnerfit.mcda import weighted_sum

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference"


def load_case(method: str) -> dict[str, Any]:
    """The case of published_wsm_wpm.json whose method starts with ``method``."""
    path = REFERENCE / "published_wsm_wpm.json"
    cases = json.loads(path.read_text(encoding="utf-8"))["cases"]
    [case] = [c for c in cases if c["method"].startswith(method)]
    result: dict[str, Any] = case
    return result


def test_kracka2010_sum_normalised_to_1e8() -> None:
    case = load_case("WSM")
    scores = weighted_sum(np.array(case["matrix"]), np.array(case["weights"]), np.array(case["types"]) == 1, "sum")
    np.testing.assert_allclose(scores, case["expected_scores"], atol=1e-8, rtol=0)
    for library in case["library_scores"].values():
        np.testing.assert_allclose(scores, library, atol=1e-12, rtol=0)
    assert ((-scores).argsort().argsort() + 1).tolist() == case["expected_rank"]


X = np.array([[1.0, 2.0], [3.0, 4.0], [4.0, 1.0]])
B = np.array([True, False])
W = np.array([1.0, 1.0])


@pytest.mark.parametrize(
    ("how", "normalised"),
    [
        ("sum", np.column_stack([[1 / 8, 3 / 8, 4 / 8], np.array([1 / 2, 1 / 4, 1.0]) / 1.75])),
        ("max", np.column_stack([[1 / 4, 3 / 4, 1.0], [1 / 2, 1 / 4, 1.0]])),
        ("minmax", np.column_stack([[0.0, 2 / 3, 1.0], [2 / 3, 0.0, 1.0]])),
        ("vector", np.column_stack([np.array([1.0, 3.0, 4.0]) / 26**0.5, 1 - np.array([2.0, 4.0, 1.0]) / 21**0.5])),
    ],
)
def test_each_normalisation_by_hand(how: Any, normalised: Any) -> None:
    np.testing.assert_allclose(weighted_sum(X, W, B, how), normalised.mean(axis=1))
    np.testing.assert_allclose(weighted_sum(X, np.array([1.0, 0.0]), B, how), normalised[:, 0])


@pytest.mark.parametrize(("how", "value"), [("sum", 1 / 3), ("max", 1.0), ("minmax", 1.0)])
def test_constant_column_gives_everyone_the_same_part(how: Any, value: float) -> None:
    x = np.array([[1.0, 5.0], [2.0, 5.0], [4.0, 5.0]])
    for benefit in (True, False):
        scores = weighted_sum(x, np.array([0.0, 1.0]), np.array([True, benefit]), how)
        np.testing.assert_allclose(scores, [value] * 3)


@pytest.mark.parametrize(("benefit", "value"), [(True, 0.0), (False, 1.0)])
def test_all_zero_column_under_vector(benefit: bool, value: float) -> None:
    scores = weighted_sum(np.zeros((3, 1)), np.ones(1), np.array([benefit]), "vector")
    assert scores.tolist() == [value] * 3


@pytest.mark.parametrize(("how", "value"), [("sum", 1 / 3), ("max", 1.0)])
def test_all_zero_benefit_column_under_ratio_normalisations(how: Any, value: float) -> None:
    np.testing.assert_allclose(weighted_sum(np.zeros((3, 1)), np.ones(1), np.array([True]), how), [value] * 3)


@pytest.mark.parametrize(("how", "value"), [("sum", 1.0), ("max", 1.0), ("minmax", 1.0), ("vector", 1.0)])
def test_single_candidate(how: Any, value: float) -> None:
    scores = weighted_sum(np.array([[2.0, 3.0]]), np.ones(2), np.array([True, True]), how)
    assert scores.tolist() == [value]


@pytest.mark.parametrize(("how", "value"), [("sum", 0.25), ("max", 1.0), ("minmax", 1.0), ("vector", 0.5)])
def test_all_equal(how: Any, value: float) -> None:
    scores = weighted_sum(np.full((4, 2), 3.0), np.ones(2), np.array([True, True]), how)
    np.testing.assert_allclose(scores, [value] * 4)


@pytest.mark.parametrize("how", ["sum", "max", "minmax", "vector"])
def test_two_candidates_one_dominating(how: Any) -> None:
    scores = weighted_sum(np.array([[1.0, 5.0], [2.0, 4.0]]), np.ones(2), np.array([True, False]), how)
    assert scores[1] > scores[0]


def test_sum_scores_add_up_to_one() -> None:
    case_x = np.array([[3.0, 0.5, 7.0], [1.0, 2.0, 0.0], [6.0, 1.0, 2.0]])
    scores = weighted_sum(case_x, np.array([2.0, 1.0, 1.0]), np.array([True, False, True]), "sum")
    assert scores.sum() == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("how", "x", "b", "match"),
    [
        (
            "sum",
            [[1.0], [-1.0]],
            [True],
            r"sum normalisation: benefit criteria need scores >= 0; row 1, column 0 is -1.0",
        ),
        ("sum", [[1.0], [0.0]], [False], r"sum normalisation: cost criteria need scores > 0; row 1, column 0 is 0.0"),
        ("max", [[-2.0], [1.0]], [True], r"max normalisation: benefit criteria need scores >= 0; row 0, column 0"),
        ("max", [[2.0], [0.0]], [False], r"max normalisation: cost criteria need scores > 0; row 1, column 0"),
    ],
)
def test_ratio_normalisations_refuse_bad_signs(how: Any, x: Any, b: Any, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        weighted_sum(np.array(x), np.ones(1), np.array(b), how)


@pytest.mark.parametrize("how", ["minmax", "vector"])
def test_difference_normalisations_take_any_sign(how: Any) -> None:
    scores = weighted_sum(np.array([[-3.0], [0.0], [2.0]]), np.ones(1), np.array([False]), how)
    assert scores[0] > scores[1] > scores[2]


def test_unknown_normalisation_is_refused() -> None:
    with pytest.raises(ValueError, match="normalisation must be one of sum, max, minmax, vector, got 'zscore'"):
        weighted_sum(np.ones((2, 1)), np.ones(1), np.array([True]), "zscore")  # type: ignore[arg-type]
