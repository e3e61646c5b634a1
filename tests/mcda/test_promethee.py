"""PROMETHEE II against Zhao et al. (2013), each Brans preference function, threshold checks and degenerate cases."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.typing import NDArray

from partnerfit.mcda import Preference, promethee2
from partnerfit.mcda.promethee import PREFERENCE_KINDS

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference"


def load(name: str) -> dict[str, Any]:
    """A reference file, or a skip saying where it was looked for."""
    path = REFERENCE / name
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_zhao2013_net_flow_to_2_decimals() -> None:
    data = load("published_promethee2_zhao2013.json")
    assert "usual" in data["method"]
    result = promethee2(np.array(data["matrix"]), np.array(data["weights"]), np.array(data["types"]) == 1)
    np.testing.assert_allclose(result.phi, data["expected_net_flow"], atol=5e-3, rtol=0)
    for library in data["library_net_flow"].values():
        np.testing.assert_allclose(result.phi, library, atol=1e-12, rtol=0)
    # by hand: pi(1,2) = .8, pi(1,3) = .3, pi(2,1) = .2, pi(2,3) = .5, pi(3,1) = .7, pi(3,2) = .5
    np.testing.assert_allclose(result.phi_plus, [0.55, 0.35, 0.6])
    np.testing.assert_allclose(result.phi_minus, [0.45, 0.65, 0.4])


D = [-1.0, 0.0, 0.5, 1.0, 2.0, 3.0, 5.0]
PREFERENCE_CASES: list[tuple[Preference, list[float]]] = [
    (Preference(), [0, 0, 1, 1, 1, 1, 1]),
    (Preference("u-shape", q=1.0), [0, 0, 0, 0, 1, 1, 1]),
    (Preference("v-shape", p=2.0), [0, 0, 0.25, 0.5, 1, 1, 1]),
    (Preference("level", q=1.0, p=3.0), [0, 0, 0, 0, 0.5, 0.5, 1]),
    (Preference("linear", q=1.0, p=3.0), [0, 0, 0, 0, 0.5, 1, 1]),
    (Preference("linear", q=2.0, p=2.0), [0, 0, 0, 0, 0, 1, 1]),
    (Preference("level", q=2.0, p=2.0), [0, 0, 0, 0, 0, 1, 1]),
    (Preference("gaussian", s=1.0), [0, 0, *(1 - math.exp(-(d**2) / 2) for d in D[2:])]),
]


@pytest.mark.parametrize(
    ("pref", "expected"), PREFERENCE_CASES, ids=[f"{p.kind}-q{p.q}-p{p.p}" for p, _ in PREFERENCE_CASES]
)
@pytest.mark.parametrize("benefit", [True, False], ids=["benefit", "cost"])
def test_preference_function_values(pref: Preference, expected: list[float], benefit: bool) -> None:
    # with two candidates phi+(a) = pi(a, b) = P(d), d being a's advantage in the preferred direction
    for d, p in zip(D, expected, strict=True):
        x = np.array([[d], [0.0]]) if benefit else np.array([[0.0], [d]])
        result = promethee2(x, np.array([1.0]), np.array([benefit]), [pref])
        assert result.phi_plus[0] == pytest.approx(p, abs=1e-15), d
        assert result.phi[1] == pytest.approx(-result.phi[0], abs=1e-15)


BAD_PREFERENCES: list[tuple[Any, str]] = [
    (Preference("linear", q=3.0, p=1.0), r"linear needs 0 <= q <= p"),
    (Preference("level", q=3.0, p=1.0), r"level needs 0 <= q <= p"),
    (Preference("v-shape", p=0.0), r"v-shape needs p > 0"),
    (Preference("gaussian", s=0.0), r"gaussian needs s > 0"),
    (Preference("u-shape", q=-1.0), r"q must be a finite number >= 0"),
    (Preference("linear", q=0.0, p=float("nan")), r"p must be a finite number >= 0"),
    (Preference("v-shape", p=float("inf")), r"p must be a finite number >= 0"),
    (Preference("triangle"), r"kind must be one of usual, u-shape"),  # type: ignore[arg-type]
    ("usual", r"must be a Preference, got str"),
]


@pytest.mark.parametrize(("pref", "match"), BAD_PREFERENCES, ids=[m for _, m in BAD_PREFERENCES])
def test_bad_thresholds_are_refused(pref: Any, match: str) -> None:
    with pytest.raises(ValueError, match=rf"preference for column 1\b.*{match}"):
        promethee2(np.ones((2, 2)), np.ones(2), np.ones(2, dtype=np.bool_), [Preference(), pref])


def test_one_preference_per_criterion() -> None:
    with pytest.raises(ValueError, match=r"one entry per criterion \(2\), got 1"):
        promethee2(np.ones((2, 2)), np.ones(2), np.ones(2, dtype=np.bool_), [Preference()])


def test_constant_column_contributes_nothing() -> None:
    x = np.array([[1.0, 7.0], [3.0, 7.0], [2.0, 7.0]])
    both = promethee2(x, np.array([3.0, 1.0]), np.array([True, False]))
    alone = promethee2(x[:, :1], np.array([1.0]), np.array([True]))
    np.testing.assert_allclose(both.phi, 0.75 * alone.phi)


def test_single_candidate_has_zero_flows() -> None:
    result = promethee2(np.array([[1.0, 2.0]]), np.ones(2), np.array([True, False]))
    assert result.phi_plus.tolist() == [0.0]
    assert result.phi_minus.tolist() == [0.0]
    assert result.phi.tolist() == [0.0]


def test_all_equal_have_zero_flows() -> None:
    result = promethee2(np.full((4, 3), 2.0), np.ones(3), np.ones(3, dtype=np.bool_))
    assert result.phi.tolist() == [0.0] * 4
    assert result.phi_plus.tolist() == [0.0] * 4


def test_two_candidates_one_dominating() -> None:
    result = promethee2(np.array([[1.0, 5.0], [2.0, 4.0]]), np.ones(2), np.array([True, False]))
    assert result.phi.tolist() == [-1.0, 1.0]


def naive_flows(x: NDArray[np.float64], w: NDArray[np.float64], b: NDArray[np.bool_], prefs: list[Preference]) -> Any:
    """Straight from the definition, one pair at a time (small n only)."""
    n = len(x)
    w = w / w.sum()

    def degree(d: float, p: Preference) -> float:
        if d <= 0:
            return 0.0
        if p.kind == "usual":
            return 1.0
        if p.kind == "u-shape":
            return float(d > p.q)
        if p.kind == "v-shape":
            return min(d / p.p, 1.0)
        if p.kind == "level":
            return 0.0 if d <= p.q else 0.5 if d <= p.p else 1.0
        if p.kind == "linear":
            return 0.0 if d <= p.q else 1.0 if d > p.p else (d - p.q) / (p.p - p.q)
        return 1.0 - math.exp(-(d**2) / (2 * p.s**2))

    pi = np.zeros((n, n))
    for a in range(n):
        for c in range(n):
            for j, p in enumerate(prefs):
                diff = x[a, j] - x[c, j] if b[j] else x[c, j] - x[a, j]
                pi[a, c] += w[j] * degree(float(diff), p)
    if n == 1:
        return np.zeros(1), np.zeros(1)
    return pi.sum(axis=1) / (n - 1), pi.sum(axis=0) / (n - 1)


@st.composite
def preferences(draw: st.DrawFn) -> Preference:
    kind = draw(st.sampled_from(PREFERENCE_KINDS))
    q = float(draw(st.integers(0, 3)))
    return Preference(kind, q=q, p=q + float(draw(st.integers(1 if kind == "v-shape" else 0, 3))), s=1.5)


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_flows_match_the_pairwise_definition(data: st.DataObject) -> None:
    n = data.draw(st.integers(1, 6))
    m = data.draw(st.integers(1, 3))
    x = np.array(data.draw(st.lists(st.integers(-5, 5), min_size=n * m, max_size=n * m)), dtype=np.float64)
    x = x.reshape(n, m)
    w = np.array(data.draw(st.lists(st.integers(1, 5), min_size=m, max_size=m)), dtype=np.float64)
    b = np.array(data.draw(st.lists(st.booleans(), min_size=m, max_size=m)), dtype=np.bool_)
    prefs = [data.draw(preferences()) for _ in range(m)]
    result = promethee2(x, w, b, prefs)
    plus, minus = naive_flows(x, w, b, prefs)
    np.testing.assert_allclose(result.phi_plus, plus, atol=1e-12)
    np.testing.assert_allclose(result.phi_minus, minus, atol=1e-12)
    np.testing.assert_allclose(result.phi, result.phi_plus - result.phi_minus)
    assert abs(result.phi.sum()) < 1e-9
    assert np.all((result.phi >= -1) & (result.phi <= 1))
    assert np.all((result.phi_plus >= 0) & (result.phi_plus <= 1))
