"""Krippendorff's alpha and Kendall's W: the published example, the krippendorff package, their invariants."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partnerfit.mcda.reliability import METRICS, Metric, kendall_w, krippendorff_alpha

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference"
nan = np.nan


def published() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((REFERENCE / "published_krippendorff2011.json").read_text(encoding="utf-8"))
    return data


def example() -> np.ndarray[Any, np.dtype[np.float64]]:
    return np.array(published()["reliability_data"], dtype=np.float64)  # JSON null -> NaN


@st.composite
def reliability_data(draw: st.DrawFn, points: int = 5) -> np.ndarray[Any, np.dtype[np.float64]]:
    """Coders × units of scores 1..points with missing values (sometimes many)."""
    coders = draw(st.integers(2, 6))
    units = draw(st.integers(1, 15))
    cells = st.one_of(st.integers(1, points).map(float), st.just(nan))
    flat = draw(st.lists(cells, min_size=coders * units, max_size=coders * units))
    return np.array(flat, dtype=np.float64).reshape(coders, units)


# --- the published worked example -----------------------------------------------------------


@pytest.mark.parametrize("metric", METRICS)
def test_alpha_reproduces_krippendorff_2011(metric: Metric) -> None:
    reference = published()
    alpha = krippendorff_alpha(example(), metric)
    assert alpha is not None
    assert alpha == pytest.approx(reference["expected_alpha"][metric], abs=reference["precision"])


def test_alpha_of_the_example_with_the_scale_given_and_without_the_lone_unit() -> None:
    data = example()
    for metric in METRICS:
        whole = krippendorff_alpha(data, metric)
        # unit 12 has a single value: leaving it out changes nothing; the scale 1..5 is the observed one
        assert krippendorff_alpha(data[:, :11], metric) == whole
        assert krippendorff_alpha(data, metric, values=[1, 2, 3, 4, 5]) == pytest.approx(whole, abs=1e-15)


# --- against the krippendorff package (GPL, tests only) -------------------------------------


@settings(max_examples=150, deadline=None)
@given(reliability_data(), st.sampled_from(METRICS), st.booleans())
def test_alpha_matches_the_krippendorff_package(data: Any, metric: Metric, whole_scale: bool) -> None:
    krippendorff = pytest.importorskip("krippendorff")
    values = [1.0, 2.0, 3.0, 4.0, 5.0] if whole_scale else None
    ours = krippendorff_alpha(data, metric, values)
    if ours is None:
        return  # the package divides 0 by 0 there (or refuses): checked in the undefined tests
    theirs = krippendorff.alpha(data, level_of_measurement=metric, value_domain=values)
    assert ours == pytest.approx(theirs, abs=1e-9)


def test_alpha_matches_the_krippendorff_package_on_a_large_pooled_matrix() -> None:
    krippendorff = pytest.importorskip("krippendorff")
    rng = np.random.default_rng(13)
    truth = rng.integers(1, 6, size=650).astype(np.float64)
    data = np.clip(truth + rng.integers(-1, 2, size=(12, 650)), 1, 5)
    data[rng.random(data.shape) < 0.15] = nan
    for metric in METRICS:
        ours = krippendorff_alpha(data, metric)
        assert ours == pytest.approx(krippendorff.alpha(data, level_of_measurement=metric), abs=1e-9)


# --- properties -----------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 5).map(float), min_size=2, max_size=20), st.integers(2, 8), st.sampled_from(METRICS))
def test_alpha_is_one_for_identical_coders(unit_values: list[float], coders: int, metric: Metric) -> None:
    data = np.tile(unit_values, (coders, 1))
    expected = None if len(set(unit_values)) == 1 else 1.0
    assert krippendorff_alpha(data, metric) == expected


@settings(max_examples=80, deadline=None)
@given(reliability_data(), st.sampled_from(METRICS), st.randoms(use_true_random=False))
def test_alpha_is_invariant_under_permutations_of_units_and_coders(data: Any, metric: Metric, rnd: Any) -> None:
    coders, units = list(range(data.shape[0])), list(range(data.shape[1]))
    rnd.shuffle(coders)
    rnd.shuffle(units)
    alpha = krippendorff_alpha(data, metric)
    permuted = krippendorff_alpha(data[coders][:, units], metric)
    if alpha is None:
        assert permuted is None
    else:
        assert permuted == pytest.approx(alpha, abs=1e-12)


@settings(max_examples=80, deadline=None)
@given(reliability_data(), st.lists(st.floats(0.01, 100.0), min_size=5, max_size=5), st.booleans())
def test_ordinal_alpha_is_invariant_under_increasing_relabelling(data: Any, steps: list[float], scale: bool) -> None:
    labels = np.cumsum(steps) - 50.0  # any strictly increasing map of 1..5, negatives included
    relabelled = np.where(np.isnan(data), nan, labels[np.nan_to_num(data, nan=1.0).astype(int) - 1])
    alpha = krippendorff_alpha(data, "ordinal", [1, 2, 3, 4, 5] if scale else None)
    other = krippendorff_alpha(relabelled, "ordinal", labels if scale else None)
    if alpha is None:
        assert other is None
    else:
        assert other == pytest.approx(alpha, abs=1e-12)


@pytest.mark.parametrize("metric", METRICS)
@pytest.mark.parametrize(
    "data",
    [
        np.full((3, 4), nan),  # nothing at all
        np.empty((3, 0)),  # no unit
        [[1.0, 2.0, 3.0]],  # one coder: nothing pairable
        [[1.0, nan, 3.0], [nan, 2.0, nan]],  # one value per unit
        [[2.0, 2.0, nan], [2.0, 2.0, 2.0]],  # no variation
        [[2.0, 5.0], [2.0, nan]],  # the only varied unit is not pairable
    ],
    ids=["all-missing", "no-unit", "one-coder", "one-value-per-unit", "no-variation", "variation-unpaired"],
)
def test_alpha_is_none_where_undefined(data: Any, metric: Metric) -> None:
    assert krippendorff_alpha(data, metric) is None
    assert krippendorff_alpha(data, metric, values=[1, 2, 3, 4, 5]) is None


def test_alpha_can_be_negative_for_systematic_disagreement() -> None:
    alpha = krippendorff_alpha([[1.0, 5.0], [5.0, 1.0]], "interval")
    assert alpha is not None and alpha < 0


@pytest.mark.parametrize(
    ("data", "kwargs", "message"),
    [
        ([1.0, 2.0], {}, "2-D"),
        ([[1.0, np.inf], [1.0, 2.0]], {}, "infinite"),
        ([[1.0, 6.0], [1.0, 2.0]], {"values": [1, 2, 3, 4, 5]}, "not one of the scale"),
        ([[1.0, 2.0], [1.0, 2.0]], {"values": [1, nan]}, "finite"),
        ([[1.0, 2.0], [1.0, 2.0]], {"metric": "ratio"}, "unknown metric"),
    ],
)
def test_alpha_refuses_bad_input(data: Any, kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        krippendorff_alpha(data, **kwargs)


# --- Kendall's W ----------------------------------------------------------------------------


def test_kendall_w_small_examples() -> None:
    # rank sums 4, 6, 8 around 6: S = 8; W = 12 * 8 / (3² * (3³ - 3)) = 4/9
    assert kendall_w([[1, 2, 3], [1, 3, 2], [2, 1, 3]]) == pytest.approx(4 / 9, abs=1e-15)
    # sums 2.5, 3.5, 6: S = 6.5; one tie of 2 (2³ - 2 = 6): 12 * 6.5 / (4 * 24 - 2 * 6) = 13/14
    assert kendall_w([[1.0, 2.0, 3.0], [1.5, 1.5, 3.0]]) == pytest.approx(13 / 14, abs=1e-15)
    assert kendall_w([[1.0, 2.0, 3.0, 4.0], [4.0, 3.0, 2.0, 1.0]]) == 0.0


def test_kendall_w_reads_scores_as_average_ranks() -> None:
    # the same orders as the tied example above, given as raw scores
    assert kendall_w([[10, 20, 30], [7, 7, 9]]) == pytest.approx(13 / 14, abs=1e-15)


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 10).flatmap(lambda n: st.lists(st.permutations(range(n)), min_size=2, max_size=8)))
def test_kendall_w_without_ties_is_the_mean_spearman_rho(rows: list[list[int]]) -> None:
    r = np.array(rows, dtype=np.float64)
    m = r.shape[0]
    w = kendall_w(r)
    rho = np.asarray(np.corrcoef(r))[np.triu_indices(m, 1)].mean()
    assert w is not None and 0.0 <= w <= 1.0 + 1e-12
    assert (m * w - 1) / (m - 1) == pytest.approx(rho, abs=1e-12)


@settings(max_examples=60, deadline=None)
@given(
    st.integers(2, 8).flatmap(lambda n: st.lists(st.lists(st.integers(1, 5), min_size=n, max_size=n), min_size=2)),
    st.randoms(use_true_random=False),
)
def test_kendall_w_bounds_identity_and_assessor_permutation(rows: list[list[int]], rnd: Any) -> None:
    w = kendall_w(rows)
    shuffled = rows[:]
    rnd.shuffle(shuffled)
    if all(len(set(row)) == 1 for row in rows):
        assert w is None
        return
    assert w is not None and -1e-12 <= w <= 1.0 + 1e-12
    assert kendall_w(shuffled) == pytest.approx(w, abs=1e-12)
    assert kendall_w([rows[0]] * len(rows)) == (None if len(set(rows[0])) == 1 else pytest.approx(1.0, abs=1e-12))


@pytest.mark.parametrize("rankings", [[[1, 2, 3]], [[1], [1]], [[2, 2, 2], [1, 1, 1]], np.empty((0, 3))])
def test_kendall_w_is_none_where_undefined(rankings: Any) -> None:
    assert kendall_w(rankings) is None


@pytest.mark.parametrize(("rankings", "message"), [([1, 2, 3], "2-D"), ([[1, 2], [1, nan]], "missing")])
def test_kendall_w_refuses_bad_input(rankings: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        kendall_w(rankings)
