"""Weights: AHP (Wang & Chin 2011, Harker's method), ROC, rank-sum, entropy and CRITIC (published cases)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from partnerfit.mcda.weights import (
    SAATY_RI,
    ahp,
    critic_weights,
    entropy_weights,
    pairwise_matrix,
    rank_order_centroid,
    rank_sum,
)

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference"
NAN = math.nan


def reference(name: str) -> Any:
    """A published worked example from tests/data/reference (see its README for the sources)."""
    path = REFERENCE / name
    return json.loads(path.read_text(encoding="utf-8"))


def consistent(w: list[float]) -> np.ndarray:
    """The perfectly consistent pairwise matrix a_ij = w_i / w_j."""
    v = np.asarray(w, dtype=float)
    return v[:, None] / v[None, :]


# --- AHP: the published example ----------------------------------------------------------


def test_wang_chin_2011_weights_and_consistency() -> None:
    case = reference("published_ahp_wang_chin2011.json")
    result = ahp(np.array(case["pairwise_matrix"]))
    assert np.abs(result.weights - case["expected_weights"]).max() <= 5e-5  # the paper's 4 decimals
    assert result.weights == pytest.approx(case["library_weights"]["pymcdm"], abs=1e-12)
    assert result.lambda_max == pytest.approx(case["lambda_max"], rel=1e-12)
    assert result.ci == pytest.approx(case["CI"], rel=1e-12)
    # CR with Saaty's RI(6) = 1.24, the value pyrepo-mcda prints and pyDecision's "me" variant gives
    assert result.cr == pytest.approx(case["CR_by_library"]["pydecision_me"], rel=1e-12)
    assert result.cr == pytest.approx(case["CI"] / 1.24, rel=1e-12)


def test_wang_chin_2011_worst_judgements() -> None:
    case = reference("published_ahp_wang_chin2011.json")
    a = np.array(case["pairwise_matrix"])
    result = ahp(a)
    assert len(result.worst) == 15  # every pair i < j of a complete 6×6 matrix
    errors = [e.error for e in result.worst]
    assert errors == sorted(errors, reverse=True)
    for e in result.worst:
        assert e.row < e.column
        assert e.given == pytest.approx(a[e.row, e.column], rel=1e-12)
        assert e.implied == pytest.approx(result.weights[e.row] / result.weights[e.column], rel=1e-12)
        assert e.error == pytest.approx(max(e.given / e.implied, e.implied / e.given), rel=1e-12)
    # a[0, 2] = 3 while the weights imply 0.3208 / 0.0348 ≈ 9.23: the worst judgement
    assert (result.worst[0].row, result.worst[0].column) == (0, 2)
    assert result.worst[0].implied == pytest.approx(9.2259, abs=1e-4)


def test_saaty_random_index_table() -> None:
    assert list(SAATY_RI) == list(range(1, 16))
    assert [SAATY_RI[n] for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)] == [
        0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49,
    ]  # fmt: skip
    assert [SAATY_RI[n] for n in (11, 12, 13, 14, 15)] == [1.51, 1.48, 1.56, 1.57, 1.59]


# --- AHP: consistent, partial and degenerate matrices ------------------------------------


def test_consistent_matrix_has_cr_zero_and_unit_errors() -> None:
    result = ahp(consistent([4, 3, 2, 1]))
    assert result.weights == pytest.approx([0.4, 0.3, 0.2, 0.1], abs=1e-12)
    assert result.lambda_max == pytest.approx(4.0, abs=1e-12)
    assert result.ci == pytest.approx(0.0, abs=1e-12)
    assert result.cr == pytest.approx(0.0, abs=1e-12)
    assert result.ci >= 0.0
    assert [e.error for e in result.worst] == pytest.approx([1.0] * 6, abs=1e-12)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(1, 3), min_size=2, max_size=7))
def test_consistent_matrices_recover_their_weights(w: list[int]) -> None:
    result = ahp(consistent([float(v) for v in w]))
    assert result.weights == pytest.approx(np.array(w) / sum(w), abs=1e-10)
    assert 0.0 <= result.cr <= 1e-10
    assert all(abs(e.error - 1.0) <= 1e-10 for e in result.worst)


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_harker_completion_of_a_consistent_partial_matrix(data: st.DataObject) -> None:
    w = data.draw(st.lists(st.integers(1, 3), min_size=3, max_size=7), label="w")
    n = len(w)
    tree = {(data.draw(st.integers(0, k - 1), label=f"parent of {k}"), k) for k in range(1, n)}
    extra = data.draw(st.sets(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))), label="extra")
    pairs = tree | {(i, j) for i, j in extra if i < j}
    a = pairwise_matrix(n, [(i, j, w[i] / w[j]) for i, j in sorted(pairs)])
    result = ahp(a)
    assert result.weights == pytest.approx(np.array(w) / sum(w), abs=1e-10)
    assert 0.0 <= result.cr <= 1e-10
    assert {(e.row, e.column) for e in result.worst} == pairs


def test_partial_inconsistent_matrix() -> None:
    a = pairwise_matrix(4, [(0, 1, 3), (1, 2, 3), (0, 2, 2), (2, 3, 5)])
    result = ahp(a)
    assert result.weights.sum() == pytest.approx(1.0, abs=1e-12)
    assert (result.weights > 0).all()
    assert list(np.argsort(-result.weights)) == [0, 1, 2, 3]
    assert {(e.row, e.column) for e in result.worst} == {(0, 1), (1, 2), (0, 2), (2, 3)}
    assert result.cr > 0.0
    # lambda_max of Harker's matrix equals that of the matrix completed with w_i / w_j, so CI keeps its meaning
    w = result.weights
    completed = np.where(np.isnan(a), w[:, None] / w[None, :], a)
    assert completed @ w == pytest.approx(result.lambda_max * w, abs=1e-12)
    assert np.linalg.eigvals(completed).real.max() == pytest.approx(result.lambda_max, rel=1e-10)


def test_disconnected_comparisons_name_the_groups() -> None:
    a = pairwise_matrix(5, [(0, 1, 3), (3, 4, 2)])
    with pytest.raises(ValueError, match=r"unconnected: \[\[0, 1\], \[2\], \[3, 4\]\]"):
        ahp(a)


def test_one_and_two_items() -> None:
    one = ahp(np.array([[1.0]]))
    assert one.weights.tolist() == [1.0]
    assert (one.lambda_max, one.ci, one.cr, one.worst) == (1.0, 0.0, 0.0, ())
    two = ahp(np.array([[1.0, 3.0], [1 / 3, 1.0]]))
    assert two.weights == pytest.approx([0.75, 0.25], abs=1e-12)
    assert (two.ci, two.cr) == (0.0, 0.0)


def test_one_cell_of_a_pair_is_enough() -> None:
    upper = np.array([[1, 3, 5], [NAN, 1, 2], [NAN, NAN, 1]])
    full = np.array([[1, 3, 5], [1 / 3, 1, 2], [1 / 5, 1 / 2, 1]])
    lower = full.copy()
    lower[np.triu_indices(3, k=1)] = NAN
    assert ahp(upper).weights == pytest.approx(ahp(full).weights, abs=1e-12)
    assert ahp(lower).weights == pytest.approx(ahp(full).weights, abs=1e-12)
    assert ahp(upper).cr == pytest.approx(ahp(full).cr, abs=1e-12)


@pytest.mark.parametrize(
    ("matrix", "message"),
    [
        (np.ones((2, 3)), "square"),
        (np.ones((0, 0)), "square"),
        (np.ones((16, 16)), "1 to 15 items"),
        (np.array([[2.0, 1.0], [1.0, 1.0]]), r"diagonal must be 1, pairwise\[0, 0\] = 2.0"),
        (np.array([[NAN, 1.0], [1.0, 1.0]]), "diagonal must be 1"),
        (np.array([[1.0, -3.0], [NAN, 1.0]]), r"pairwise\[0, 1\] = -3.0 is outside Saaty's scale"),
        (np.array([[1.0, 10.0], [0.1, 1.0]]), r"pairwise\[0, 1\] = 10.0 is outside"),
        (np.array([[1.0, math.inf], [NAN, 1.0]]), "outside Saaty's scale"),
        (np.array([[1.0, 3.0], [3.0, 1.0]]), "not reciprocal"),
        (np.array([[1.0, 3.0], [0.33, 1.0]]), "not reciprocal"),
    ],
)
def test_ahp_rejects_bad_matrices(matrix: np.ndarray, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        ahp(matrix)


def test_pairwise_matrix_builds_reciprocals_and_gaps() -> None:
    a = pairwise_matrix(3, [(0, 1, 3.0), (2, 1, 1 / 5)])
    expected = np.array([[1.0, 3.0, NAN], [1 / 3, 1.0, 5.0], [NAN, 1 / 5, 1.0]])
    np.testing.assert_allclose(a, expected, rtol=1e-15)
    assert ahp(a).weights.sum() == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("n", "comparisons", "message"),
    [
        (3, [(1, 1, 2.0)], "compares item 1 with itself"),
        (3, [(0, 1, 2.0), (0, 1, 2.0)], r"repeats the pair \(0, 1\)"),
        (3, [(0, 1, 2.0), (1, 0, 3.0)], r"repeats the pair \(0, 1\) of comparison #0"),
        (3, [(0, 1, 10.0)], "outside Saaty's scale"),
        (3, [(0, 1, 0.1)], "outside Saaty's scale"),
        (3, [(0, 1, 0.0)], "outside Saaty's scale"),
        (3, [(0, 1, NAN)], "outside Saaty's scale"),
        (3, [(0, 3, 2.0)], r"j must be an integer in 0..2, got 3"),
        (3, [(-1, 0, 2.0)], "i must be an integer"),
        (3, [(True, 0, 2.0)], "i must be an integer"),
        (3, [(0, 1)], r"must be \(i, j, value\)"),
        (0, [], "n must be a positive integer"),
    ],
)
def test_pairwise_matrix_rejects_bad_judgements(n: int, comparisons: list[Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        pairwise_matrix(n, comparisons)


def test_pairwise_matrix_scale_bounds_are_inclusive() -> None:
    a = pairwise_matrix(3, [(0, 1, 9.0), (1, 2, 1 / 9)])
    assert (a[0, 1], a[1, 0], a[1, 2], a[2, 1]) == (9.0, 1 / 9, 1 / 9, 9.0)


# --- rank-based weights --------------------------------------------------------------------


@pytest.mark.parametrize("method", [rank_order_centroid, rank_sum])
@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 6])
def test_rank_weights_sum_to_one_and_decrease(method: Any, n: int) -> None:
    w = method(n)
    assert w.shape == (n,)
    assert w.sum() == pytest.approx(1.0, abs=1e-12)
    assert (w > 0).all()
    assert (np.diff(w) < 0).all()


def test_rank_weights_hand_values() -> None:
    assert rank_order_centroid(3) == pytest.approx([11 / 18, 5 / 18, 2 / 18], abs=1e-15)
    assert rank_order_centroid(4) == pytest.approx([25 / 48, 13 / 48, 7 / 48, 3 / 48], abs=1e-15)
    assert rank_sum(3) == pytest.approx([3 / 6, 2 / 6, 1 / 6], abs=1e-15)
    assert rank_sum(4) == pytest.approx([0.4, 0.3, 0.2, 0.1], abs=1e-15)
    assert rank_order_centroid(1).tolist() == rank_sum(1).tolist() == [1.0]


@pytest.mark.parametrize("method", [rank_order_centroid, rank_sum])
@pytest.mark.parametrize("n", [0, -1, 2.5, True, "3"])
def test_rank_weights_reject_bad_n(method: Any, n: Any) -> None:
    with pytest.raises(ValueError, match="n must be a positive integer"):
        method(n)


# --- entropy ------------------------------------------------------------------------------

small_integers = st.integers(0, 20).map(float)
shapes = st.tuples(st.integers(2, 8), st.integers(1, 5))


def test_entropy_hand_example() -> None:
    # column 1: p = (1/4, 3/4), E = H(1/4) = 0.811278 bits; column 2: p = (1/3, 2/3), E = 0.918296
    w = entropy_weights(np.array([[1.0, 1.0], [3.0, 2.0]]))
    assert w == pytest.approx([0.6978687204219339, 0.30213127957806607], abs=1e-12)


def test_entropy_constant_columns() -> None:
    w = entropy_weights(np.array([[5.0, 0.0, 1.0], [5.0, 0.0, 0.0], [5.0, 0.0, 2.0]]))
    assert w.tolist() == [0.0, 0.0, 1.0]
    assert entropy_weights(np.full((3, 4), 2.0)).tolist() == [0.25] * 4
    assert entropy_weights(np.zeros((3, 2))).tolist() == [0.5, 0.5]


@settings(max_examples=40, deadline=None)
@given(arrays(np.float64, shapes, elements=small_integers), st.randoms(use_true_random=False))
def test_entropy_ignores_candidate_order_and_column_scale(x: np.ndarray, rnd: Any) -> None:
    w = entropy_weights(x)
    assert w.sum() == pytest.approx(1.0, abs=1e-12)
    assert (w >= 0).all()
    order = list(range(x.shape[0]))
    rnd.shuffle(order)
    assert entropy_weights(x[order]) == pytest.approx(w, abs=1e-9)
    assert entropy_weights(x * np.arange(1, x.shape[1] + 1) * 2.5) == pytest.approx(w, abs=1e-9)


@pytest.mark.parametrize(
    ("matrix", "message"),
    [
        ([[1.0, -1.0], [2.0, 3.0]], "non-negative"),
        ([[1.0, 2.0]], "at least 2 candidates"),
        ([1.0, 2.0], "2-D matrix"),
        ([[1.0, NAN], [2.0, 3.0]], r"matrix\[0, 1\] = nan is not a finite number"),
        ([[1e308, 1.0], [1e308, 3.0]], "overflows"),
    ],
)
def test_entropy_rejects_bad_matrices(matrix: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        entropy_weights(np.array(matrix))


# --- CRITIC -------------------------------------------------------------------------------


def _tolerance(case: dict[str, Any]) -> float:
    """Half a unit in the last decimal the case states (its "precision", else the decimals printed)."""
    if "precision" in case:
        decimals = int(case["precision"].split()[0])
    else:
        decimals = max(len(repr(v).split(".")[1]) for v in case["expected_weights"])
    return 0.5 * 10.0**-decimals


def test_critic_published_cases() -> None:
    cases = reference("published_critic.json")["cases"]
    assert len(cases) == 2
    for case in cases:
        x = np.array(case["matrix"])
        w = critic_weights(x, np.ones(x.shape[1], dtype=bool))
        assert np.abs(w - case["expected_weights"]).max() <= _tolerance(case), case["source_paper"]
        for library, expected in case["library_weights"].items():
            benefit = np.ones(x.shape[1], dtype=bool)
            benefit[0] = "col1 min" not in library  # the type-aware variant with column 1 as a cost
            assert critic_weights(x, benefit) == pytest.approx(expected, abs=1e-8), library


def test_critic_constant_columns() -> None:
    x = np.array([[1.0, 7.0, 3.0], [2.0, 7.0, 1.0], [4.0, 7.0, 2.0]])
    w = critic_weights(x, np.array([True, True, False]))
    assert w[1] == 0.0
    assert w.sum() == pytest.approx(1.0, abs=1e-12)
    assert np.isfinite(w).all()
    assert critic_weights(np.full((3, 2), 4.0), np.array([True, False])).tolist() == [0.5, 0.5]
    assert critic_weights(np.array([[1.0], [2.0]]), np.array([True])).tolist() == [1.0]


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_critic_properties(data: st.DataObject) -> None:
    x = data.draw(arrays(np.float64, shapes, elements=small_integers), label="x")
    benefit = data.draw(arrays(np.bool_, x.shape[1]), label="benefit")
    w = critic_weights(x, benefit)
    assert w.sum() == pytest.approx(1.0, abs=1e-12)
    assert (w >= 0).all()
    # a cost criterion is a benefit criterion with the values negated
    assert critic_weights(-x, ~benefit) == pytest.approx(w, abs=1e-9)
    # min-max normalisation: a positive affine change of a column changes nothing
    assert critic_weights(3.0 * x - 7.0, benefit) == pytest.approx(w, abs=1e-9)
    assert critic_weights(x[::-1], benefit) == pytest.approx(w, abs=1e-9)


@pytest.mark.parametrize(
    ("matrix", "benefit", "message"),
    [
        ([[1.0, 2.0], [3.0, 5.0]], [1, -1], "benefit must be 2 booleans"),
        ([[1.0, 2.0], [3.0, 5.0]], [True], "benefit must be 2 booleans"),
        ([[1.0, 2.0]], [True, True], "at least 2 candidates"),
        ([[1.0, math.inf], [3.0, 5.0]], [True, True], "not a finite number"),
        ([[-1e308, 1.0], [1e308, 5.0]], [True, True], "overflows"),
    ],
)
def test_critic_rejects_bad_input(matrix: Any, benefit: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        critic_weights(np.array(matrix), np.array(benefit))
