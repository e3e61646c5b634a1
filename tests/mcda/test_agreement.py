"""Rank agreement: Kendall's tau-b against its definition, WS against hand-computed values and its bounds."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partnerfit.mcda.agreement import kendall_tau, ws_coefficient


def tau_b_by_definition(a: list[float], b: list[float]) -> float:
    """Kendall's tau-b straight from its definition, pair by pair."""
    n = len(a)
    concordant = discordant = tied_a = tied_b = 0
    for i in range(n):
        for j in range(i + 1, n):
            da, db = a[j] - a[i], b[j] - b[i]
            tied_a += da == 0
            tied_b += db == 0
            concordant += da * db > 0
            discordant += da * db < 0
    pairs = n * (n - 1) // 2
    return (concordant - discordant) / math.sqrt((pairs - tied_a) * (pairs - tied_b))


def average_ranks(scores: list[int]) -> list[float]:
    """Rank numbers 1..N, higher score first, ties sharing the mean of their positions."""
    order = sorted(scores, reverse=True)
    return [order.index(s) + 1 + (order.count(s) - 1) / 2 for s in scores]


rank_lists = st.lists(st.integers(1, 4).map(float), min_size=2, max_size=12)
permutations = st.integers(1, 9).flatmap(lambda n: st.permutations([float(k) for k in range(1, n + 1)]))


# --- Kendall's tau-b ------------------------------------------------------------------------


def test_kendall_tau_hand_examples() -> None:
    # pairs: 5 concordant, 1 tied in a (items 2 and 3): 5 / sqrt((6 - 1) * (6 - 0))
    assert kendall_tau([1, 2, 2, 3], [1, 3, 2, 4]) == pytest.approx(5 / math.sqrt(30), abs=1e-15)
    # 6 concordant, 4 discordant of 10 pairs
    assert kendall_tau([1, 2, 3, 4, 5], [3, 4, 1, 2, 5]) == pytest.approx(0.2, abs=1e-15)


def test_kendall_tau_identical_and_reversed() -> None:
    assert kendall_tau([1, 2, 3, 4], [1, 2, 3, 4]) == 1.0
    assert kendall_tau([1, 2, 2, 4], [1, 2, 2, 4]) == 1.0
    assert kendall_tau([1, 2, 3, 4], [4, 3, 2, 1]) == -1.0


def test_kendall_tau_degenerate_rankings() -> None:
    assert kendall_tau([1], [1]) == 1.0
    assert kendall_tau([2, 2, 2], [1, 1, 1]) == 1.0
    assert kendall_tau([2, 2, 2], [1, 2, 3]) == 0.0
    assert kendall_tau([1, 2, 3], [5, 5, 5]) == 0.0


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_kendall_tau_matches_definition_and_is_symmetric(data: st.DataObject) -> None:
    a = data.draw(rank_lists, label="a")
    b = data.draw(st.lists(st.integers(1, 4).map(float), min_size=len(a), max_size=len(a)), label="b")
    tau = kendall_tau(a, b)
    assert -1.0 <= tau <= 1.0
    assert tau == kendall_tau(b, a)
    assert kendall_tau(a, a) == 1.0
    if len(set(a)) > 1 and len(set(b)) > 1:
        assert tau == pytest.approx(tau_b_by_definition(a, b), abs=1e-12)


@settings(max_examples=40, deadline=None)
@given(permutations)
def test_kendall_tau_reversed_permutation_is_minus_one(p: list[float]) -> None:
    if len(p) > 1:
        assert kendall_tau(p, [len(p) + 1 - r for r in p]) == -1.0


def test_kendall_tau_5000_items() -> None:
    rng = np.random.default_rng(7)
    a = rng.permutation(5000) + 1.0
    assert kendall_tau(a, a) == 1.0
    assert kendall_tau(a, 5001.0 - a) == -1.0
    b = np.minimum(a, 2500.0)  # ties in b: 2501 items share rank 2500
    pairs, tied = 5000 * 4999 // 2, 2501 * 2500 // 2
    assert kendall_tau(a, b) == pytest.approx((pairs - tied) / math.sqrt(pairs * (pairs - tied)), abs=1e-12)


@pytest.mark.parametrize(
    ("a", "b", "message"),
    [
        ([1, 2], [1, 2, 3], "same length"),
        ([], [], "non-empty"),
        ([[1, 2]], [[1, 2]], "1-D"),
        ([1, math.nan], [1, 2], "first ranking has a non-finite value at position 1"),
        ([1, 2], [math.inf, 2], "second ranking has a non-finite value at position 0"),
    ],
)
def test_kendall_tau_rejects_bad_input(a: Any, b: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        kendall_tau(a, b)


# --- WS coefficient ----------------------------------------------------------------------------


def test_ws_hand_examples() -> None:
    x = [1, 2, 3, 4, 5]
    assert ws_coefficient(x, [2, 1, 3, 4, 5]) == pytest.approx(1 - 5 / 24, abs=1e-15)  # swap at the top
    assert ws_coefficient(x, [1, 2, 3, 5, 4]) == pytest.approx(1 - 11 / 384, abs=1e-15)  # swap at the bottom
    # reversed: 1 - (1/2 * 4/4 + 1/4 * 2/3 + 0 + 1/16 * 2/3 + 1/32 * 4/4)
    assert ws_coefficient(x, [5, 4, 3, 2, 1]) == pytest.approx(1 - (1 / 2 + 1 / 6 + 1 / 24 + 1 / 32), abs=1e-15)


def test_ws_is_not_symmetric() -> None:
    # x reference: 1/2 * 1/2 + 1/4 * 1/1 + 1/8 * 2/2 = 0.625 ; y reference: 1/4 + 1/8 * 1/2 + 1/2 * 2/2 = 0.8125
    assert ws_coefficient([1, 2, 3], [2, 3, 1]) == pytest.approx(0.375, abs=1e-15)
    assert ws_coefficient([2, 3, 1], [1, 2, 3]) == pytest.approx(0.1875, abs=1e-15)


def test_ws_degenerate_cases() -> None:
    assert ws_coefficient([1], [1]) == 1.0
    assert ws_coefficient([1, 1], [1, 1]) == 1.0
    # 'min' tied ranks in the reference can push WS below 0: 1 - 3 * (1/2 * 2/2)
    assert ws_coefficient([1, 1, 1], [3, 3, 3]) == pytest.approx(-0.5, abs=1e-15)


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_ws_bounds_for_permutations(data: st.DataObject) -> None:
    x = data.draw(permutations, label="x")
    y = data.draw(st.permutations(x), label="y")
    ws = ws_coefficient(x, y)
    assert ws_coefficient(x, x) == 1.0
    assert 2.0 ** -len(x) - 1e-12 <= ws <= 1.0
    assert (ws == 1.0) == (x == y)


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_ws_stays_positive_with_average_ranks(data: st.DataObject) -> None:
    scores = data.draw(st.lists(st.integers(0, 3), min_size=1, max_size=10), label="scores")
    other = data.draw(st.lists(st.integers(0, 3), min_size=len(scores), max_size=len(scores)), label="other")
    x, y = average_ranks(scores), average_ranks(other)
    assert 0.0 < ws_coefficient(x, y) <= 1.0


@pytest.mark.parametrize(
    ("x", "y", "message"),
    [
        ([1, 2, 3], [1, 2], "same length"),
        ([0, 1, 2], [1, 2, 3], r"x\[0\] = 0.0 is not a rank number between 1 and 3"),
        ([1, 2, 3], [1, 2, 4], r"y\[2\] = 4.0 is not a rank number"),
        ([1, math.nan], [1, 2], "non-finite"),
    ],
)
def test_ws_rejects_bad_input(x: Any, y: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        ws_coefficient(x, y)
