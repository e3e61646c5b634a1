"""AIJ (geometric mean of judgements) and Goepel's AHP consensus S*, on cases worked by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnerfit.mcda.consensus import alpha_min, geometric_mean_judgements, homogeneity

NAN = math.nan


def test_the_geometric_mean_of_each_entry_skips_the_gaps() -> None:
    alice = np.array([[1.0, 2.0, 9.0], [0.5, 1.0, NAN], [1 / 9, NAN, 1.0]])
    bob = np.array([[1.0, 8.0, NAN], [1 / 8, 1.0, NAN], [NAN, NAN, 1.0]])
    merged = geometric_mean_judgements(np.stack([alice, bob]))
    assert merged[0, 1] == pytest.approx(4.0)  # sqrt(2 * 8)
    assert merged[1, 0] == pytest.approx(0.25)  # reciprocal kept: sqrt(1/2 * 1/8)
    assert merged[0, 2] == pytest.approx(9.0)  # only alice judged it
    assert math.isnan(merged[1, 2])  # nobody did


def test_opposite_judgements_cancel_out() -> None:
    up = np.array([[1.0, 3.0], [1 / 3, 1.0]])
    merged = geometric_mean_judgements(np.stack([up, up.T]))
    assert merged == pytest.approx(np.ones((2, 2)))


def test_identical_priorities_are_full_consensus() -> None:
    result = homogeneity(np.array([[0.5, 0.3, 0.2]] * 4))
    assert result.homogeneity == pytest.approx(1.0)
    assert result.consensus == pytest.approx(1.0)


def test_the_most_opposed_pair_on_two_items_is_no_consensus() -> None:
    # by hand: H_alpha = -(0.9 ln 0.9 + 0.1 ln 0.1) = 0.325083, H_gamma = ln 2 = 0.693147,
    # S = exp(0.325083 - 0.693147) = 0.692073; D_alpha_min(n=2, M=9) = exp(0.325083) = 1.384145,
    # so D_alpha_min / n = 0.692073 = S and S* = 0
    result = homogeneity(np.array([[0.9, 0.1], [0.1, 0.9]]))
    assert result.homogeneity == pytest.approx(0.692073, abs=1e-6)
    assert result.consensus == pytest.approx(0.0, abs=1e-12)
    assert alpha_min(2) == pytest.approx(1.384145, abs=1e-6)


def test_a_partial_disagreement_worked_by_hand() -> None:
    # (0.75, 0.25) and (0.5, 0.5): H_alpha = (0.562335 + 0.693147) / 2 = 0.627741,
    # mean (0.625, 0.375): H_gamma = 0.661563; S = exp(-0.033822) = 0.966743;
    # S* = (0.966743 - 0.692073) / (1 - 0.692073) = 0.891999
    result = homogeneity(np.array([[0.75, 0.25], [0.5, 0.5]]))
    assert result.homogeneity == pytest.approx(0.966743, abs=1e-6)
    assert result.consensus == pytest.approx(0.891999, abs=1e-5)


def test_shapes_are_checked() -> None:
    with pytest.raises(ValueError):
        homogeneity(np.array([0.5, 0.5]))
    with pytest.raises(ValueError):
        geometric_mean_judgements(np.ones((2, 2)))


_vectors = st.lists(st.lists(st.floats(0.05, 1.0), min_size=3, max_size=3), min_size=2, max_size=5).map(
    lambda rows: np.array([np.array(r) / sum(r) for r in rows])
)


@given(_vectors, st.randoms())
def test_s_is_between_one_over_k_and_one_and_ignores_order(w: np.ndarray, rnd: object) -> None:
    result = homogeneity(w)
    assert 1 / len(w) - 1e-12 <= result.homogeneity <= 1 + 1e-12
    rows = list(range(len(w)))
    cols = [2, 0, 1]
    rnd.shuffle(rows)  # type: ignore[attr-defined]
    shuffled = homogeneity(w[rows][:, cols])
    assert shuffled.consensus == pytest.approx(result.consensus, abs=1e-12)
