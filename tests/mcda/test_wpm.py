"""The weighted product against the Wikipedia WPM example, its positivity check and its degenerate cases."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from partnerfit.mcda import wpm, wpm_log10

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference"


def load_case(method: str) -> dict[str, Any]:
    """The case of published_wsm_wpm.json whose method starts with ``method``."""
    path = REFERENCE / "published_wsm_wpm.json"
    cases = json.loads(path.read_text(encoding="utf-8"))["cases"]
    [case] = [c for c in cases if c["method"].startswith(method)]
    result: dict[str, Any] = case
    return result


def test_enwiki_wpm_log10_to_1e8() -> None:
    # the file states scikit-criteria's convention: score = sum_j w_j log10(r_ij) on the sum-normalised matrix
    case = load_case("WPM")
    assert "log10" in case["method"]
    args = (np.array(case["matrix"]), np.array(case["weights"]), np.array(case["types"]) == 1)
    np.testing.assert_allclose(wpm_log10(*args), case["expected_scores_log10"], atol=1e-8, rtol=0)
    np.testing.assert_allclose(wpm(*args), case["library_scores"]["pymcdm_WPM(sum)_raw"], rtol=1e-12)
    np.testing.assert_allclose(wpm(*args), 10.0 ** np.array(case["expected_scores_log10"]), rtol=1e-7)
    assert ((-wpm(*args)).argsort().argsort() + 1).tolist() == case["expected_rank"]


def test_cost_criteria_use_inverse_shares() -> None:
    x = np.array([[1.0, 2.0], [4.0, 8.0]])
    w = np.array([1.0, 3.0])
    b = np.array([False, True])
    # cost column: 1/x = (1, 0.25) -> shares (0.8, 0.2); benefit column: (0.2, 0.8)
    expected = [0.8**0.25 * 0.2**0.75, 0.2**0.25 * 0.8**0.75]
    np.testing.assert_allclose(wpm(x, w, b), expected)
    np.testing.assert_allclose(wpm_log10(x, w, b), np.log10(expected))


@pytest.mark.parametrize("function", [wpm, wpm_log10])
@pytest.mark.parametrize(("value", "shown"), [(0.0, "0.0"), (-2.5, "-2.5")])
def test_non_positive_scores_are_refused_by_row_and_column(function: Any, value: float, shown: str) -> None:
    x = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, value]])
    with pytest.raises(ValueError, match=rf"the weighted product needs positive scores: row 1, column 2 is {shown}"):
        function(x, np.ones(3), np.array([True, False, True]))


def test_constant_column_is_a_common_factor() -> None:
    x = np.array([[1.0, 5.0], [2.0, 5.0], [4.0, 5.0]])
    both = wpm(x, np.array([1.0, 1.0]), np.array([True, False]))
    alone = wpm(x[:, :1], np.array([1.0]), np.array([True]))
    np.testing.assert_allclose(both, alone**0.5 * (1 / 3) ** 0.5)


def test_single_candidate_scores_one() -> None:
    assert wpm(np.array([[2.0, 3.0]]), np.ones(2), np.array([True, False])).tolist() == [1.0]
    assert wpm_log10(np.array([[2.0, 3.0]]), np.ones(2), np.array([True, False])).tolist() == [0.0]


def test_all_equal_score_one_over_n() -> None:
    np.testing.assert_allclose(wpm(np.full((4, 3), 6.0), np.ones(3), np.ones(3, dtype=np.bool_)), [0.25] * 4)
    log = wpm_log10(np.full((4, 3), 6.0), np.ones(3), np.ones(3, dtype=np.bool_))
    np.testing.assert_allclose(log, [-math.log10(4)] * 4)


def test_two_candidates_one_dominating() -> None:
    scores = wpm(np.array([[1.0, 5.0], [2.0, 4.0]]), np.ones(2), np.array([True, False]))
    assert scores[1] > scores[0]
    np.testing.assert_allclose(scores, [math.sqrt(1 / 3 * 4 / 9), math.sqrt(2 / 3 * 5 / 9)])


def test_extreme_magnitudes_stay_finite() -> None:
    x = np.array([[1e-300, 1e300], [1e300, 1e-300]])
    for b in (np.array([True, True]), np.array([False, False])):
        assert np.all(np.isfinite(wpm_log10(x, np.ones(2), b)))
        assert np.all(np.isfinite(wpm(x, np.ones(2), b)))
