"""Properties every MCDA method must have: permutation, weight scaling, dominance, constant columns, no NaN, input checks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.typing import NDArray

from partnerfit.mcda import Preference, promethee2, topsis, vikor, weighted_sum, wpm, wpm_log10

Floats = NDArray[np.float64]
Bools = NDArray[np.bool_]
Problem = tuple[Floats, Floats, Bools]
Method = Callable[[Floats, Floats, Bools], Floats]

SETTINGS = settings(max_examples=40, deadline=None)
TOL = 1e-9

# every method as one score per candidate, higher is better (VIKOR's Q negated)
SCORES: dict[str, Method] = {
    "topsis": lambda x, w, b: topsis(x, w, b).closeness,
    "wpm": wpm,
    "wpm_log10": wpm_log10,
    "promethee2": lambda x, w, b: promethee2(x, w, b).phi,
    "promethee2-linear": lambda x, w, b: promethee2(x, w, b, [Preference("linear", q=1.0, p=4.0)] * len(w)).phi,
    "promethee2-gaussian": lambda x, w, b: promethee2(x, w, b, [Preference("gaussian", s=3.0)] * len(w)).phi,
    "wsum-sum": lambda x, w, b: weighted_sum(x, w, b, "sum"),
    "wsum-max": lambda x, w, b: weighted_sum(x, w, b, "max"),
    "wsum-minmax": lambda x, w, b: weighted_sum(x, w, b, "minmax"),
    "wsum-vector": lambda x, w, b: weighted_sum(x, w, b, "vector"),
    "vikor": lambda x, w, b: -vikor(x, w, b).q,
}
# methods that accept any finite score (the others need positive scores)
SIGNED = {"topsis", "promethee2", "promethee2-linear", "promethee2-gaussian", "wsum-minmax", "wsum-vector", "vikor"}


@st.composite
def problems(draw: st.DrawFn, *, positive: bool, min_n: int = 1) -> Problem:
    """A small decision problem with ties likely: n x m matrix, weights (some may be 0), directions."""
    n = draw(st.integers(min_n, 7))
    m = draw(st.integers(1, 4))
    low = 1 if positive else draw(st.sampled_from([-20, -3, 0]))
    spread = draw(st.sampled_from([1, 3, 30]))
    cells = draw(st.lists(st.integers(low, low + spread), min_size=n * m, max_size=n * m))
    scales = draw(st.lists(st.sampled_from([0.01, 0.25, 1.0, 7.0, 1000.0]), min_size=m, max_size=m))
    x = np.array(cells, dtype=np.float64).reshape(n, m) * np.array(scales)
    w = np.array(draw(st.lists(st.integers(0, 10), min_size=m, max_size=m)), dtype=np.float64)
    if w.sum() == 0:
        w[draw(st.integers(0, m - 1))] = 1.0
    b = np.array(draw(st.lists(st.booleans(), min_size=m, max_size=m)), dtype=np.bool_)
    return x, w, b


def _problem(data: st.DataObject, name: str, min_n: int = 1) -> Problem:
    return data.draw(problems(positive=name not in SIGNED, min_n=min_n))


@pytest.mark.parametrize("name", sorted(SCORES))
@SETTINGS
@given(data=st.data())
def test_permuting_candidates_permutes_scores(name: str, data: st.DataObject) -> None:
    x, w, b = _problem(data, name)
    perm = np.array(data.draw(st.permutations(range(x.shape[0]))), dtype=np.intp)
    np.testing.assert_allclose(SCORES[name](x[perm], w, b), SCORES[name](x, w, b)[perm], rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("name", sorted(SCORES))
@SETTINGS
@given(data=st.data())
def test_scaling_weights_changes_nothing(name: str, data: st.DataObject) -> None:
    x, w, b = _problem(data, name)
    factor = data.draw(st.floats(1e-3, 1e3))
    np.testing.assert_allclose(SCORES[name](x, w * factor, b), SCORES[name](x, w, b), rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("name", sorted(SCORES))
@SETTINGS
@given(data=st.data())
def test_a_dominating_candidate_never_ranks_below(name: str, data: st.DataObject) -> None:
    x, w, b = _problem(data, name)
    n, m = x.shape
    base = x[data.draw(st.integers(0, n - 1))]
    delta = np.array(data.draw(st.lists(st.integers(0, 5), min_size=m, max_size=m)), dtype=np.float64)
    delta[data.draw(st.integers(0, m - 1))] += 1.0  # strictly better on at least one criterion
    better = base + np.where(b, delta, 0.0)  # higher on benefit criteria
    worse = base + np.where(b, 0.0, delta)  # higher (worse) on cost criteria; stays positive
    scores = SCORES[name](np.vstack([x, better, worse]), w, b)
    assert scores[-2] >= scores[-1] - TOL


@pytest.mark.parametrize("name", sorted(SCORES))
@SETTINGS
@given(data=st.data())
def test_a_constant_column_keeps_the_order(name: str, data: st.DataObject) -> None:
    x, w, b = _problem(data, name, min_n=2)
    value = float(data.draw(st.integers(1, 9)))
    extra_w = float(data.draw(st.integers(1, 10)))
    before = SCORES[name](x, w, b)
    after = SCORES[name](
        np.column_stack([x, np.full(x.shape[0], value)]), np.append(w, extra_w), np.append(b, data.draw(st.booleans()))
    )
    scale = max(1.0, float(np.abs(before).max()))
    for i in range(x.shape[0]):
        for j in range(x.shape[0]):
            if before[i] > before[j] + TOL * scale:
                assert after[i] > after[j]
            elif abs(before[i] - before[j]) <= 1e-12 * scale:
                assert after[i] == pytest.approx(after[j], abs=TOL)


@pytest.mark.parametrize("name", sorted(SCORES))
@SETTINGS
@given(data=st.data())
def test_scores_are_finite_with_one_per_candidate(name: str, data: st.DataObject) -> None:
    x, w, b = _problem(data, name)
    scores = SCORES[name](x, w, b)
    assert scores.shape == (x.shape[0],)
    assert scores.dtype == np.float64
    assert np.all(np.isfinite(scores))


@pytest.mark.parametrize("name", sorted(SCORES))
def test_all_candidates_equal_tie(name: str) -> None:
    x = np.tile([3.0, 5.0, 2.0], (4, 1))
    scores = SCORES[name](x, np.array([0.2, 0.5, 0.3]), np.array([True, False, True]))
    assert np.all(np.isfinite(scores))
    np.testing.assert_allclose(scores, scores[0], atol=1e-15)


@pytest.mark.parametrize("name", sorted(SCORES))
def test_a_single_candidate_gets_a_finite_score(name: str) -> None:
    scores = SCORES[name](np.array([[3.0, 5.0]]), np.array([1.0, 1.0]), np.array([True, False]))
    assert scores.shape == (1,)
    assert np.isfinite(scores[0])


BAD_INPUTS: list[tuple[str, Any, Any, Any, str]] = [
    ("1-D matrix", [1.0, 2.0], [1.0, 1.0], [True, True], "matrix must be 2-D"),
    ("3-D matrix", np.ones((2, 2, 2)), [1.0, 1.0], [True, True], "matrix must be 2-D"),
    ("no candidates", np.ones((0, 2)), [1.0, 1.0], [True, True], r"no candidates \(n == 0\)"),
    ("no criteria", np.ones((2, 0)), [], [], r"no criteria \(m == 0\)"),
    ("NaN cell", [[1.0, np.nan], [1.0, 2.0]], [1.0, 1.0], [True, True], "row 0, column 1 is nan"),
    ("inf cell", [[1.0, 2.0], [np.inf, 2.0]], [1.0, 1.0], [True, True], "row 1, column 0 is inf"),
    ("short weights", [[1.0, 2.0]], [1.0], [True, True], r"weights must have shape \(2,\)"),
    ("2-D weights", [[1.0, 2.0]], [[1.0, 1.0]], [True, True], r"weights must have shape \(2,\)"),
    ("negative weight", [[1.0, 2.0]], [1.0, -1.0], [True, True], "finite and non-negative"),
    ("NaN weight", [[1.0, 2.0]], [1.0, np.nan], [True, True], "finite and non-negative"),
    ("zero weights", [[1.0, 2.0]], [0.0, 0.0], [True, True], "must not all be zero"),
    ("1/-1 types", [[1.0, 2.0]], [1.0, 1.0], [1, -1], "benefit must be a bool array"),
    ("short benefit", [[1.0, 2.0]], [1.0, 1.0], [True], r"benefit must have shape \(2,\)"),
]


@pytest.mark.parametrize("name", sorted(SCORES))
@pytest.mark.parametrize(("label", "matrix", "weights", "benefit", "match"), BAD_INPUTS, ids=[c[0] for c in BAD_INPUTS])
def test_bad_input_raises_a_clear_value_error(
    name: str, label: str, matrix: Any, weights: Any, benefit: Any, match: str
) -> None:
    with pytest.raises(ValueError, match=match):
        SCORES[name](np.asarray(matrix, dtype=np.float64), np.asarray(weights, dtype=np.float64), np.asarray(benefit))


@SETTINGS
@given(data=st.data())
def test_vikor_compromise_follows_a_permutation_and_weight_scaling(data: st.DataObject) -> None:
    x, w, b = _problem(data, "vikor")
    perm = np.array(data.draw(st.permutations(range(x.shape[0]))), dtype=np.intp)
    base = vikor(x, w, b)
    permuted = vikor(x[perm], w, b)
    scaled = vikor(x, w * data.draw(st.floats(1e-3, 1e3)), b)
    assert {int(perm[k]) for k in permuted.compromise} == set(base.compromise)
    assert set(scaled.compromise) == set(base.compromise)
    for other in (permuted, scaled):
        assert other.acceptable_advantage == base.acceptable_advantage
        assert other.acceptable_stability == base.acceptable_stability
    for field in ("s", "r"):
        np.testing.assert_allclose(getattr(permuted, field), getattr(base, field)[perm], rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(getattr(scaled, field), getattr(base, field), rtol=1e-9, atol=1e-12)


@SETTINGS
@given(data=st.data())
def test_vikor_result_invariants(data: st.DataObject) -> None:
    x, w, b = _problem(data, "vikor")
    result = vikor(x, w, b, v=data.draw(st.sampled_from([0.0, 0.25, 0.5, 1.0])))
    n = x.shape[0]
    for values in (result.s, result.r, result.q):
        assert values.shape == (n,)
        assert np.all(np.isfinite(values))
    assert np.all((result.q >= 0) & (result.q <= 1 + 1e-12))
    assert np.all(result.r <= result.s + 1e-12)
    assert result.compromise
    assert len(set(result.compromise)) == len(result.compromise)
    assert all(0 <= i < n for i in result.compromise)
    assert list(result.q[list(result.compromise)]) == sorted(result.q[list(result.compromise)])
    assert result.q[result.compromise[0]] == result.q.min()
