"""Dominance on any accepted scale: every method ranks a dominating candidate strictly above the dominated one.

Scales are drawn from 1e-320 to 1e15 wide, at offsets up to ±1e15: a scale too narrow to compute with
(normalising underflows or loses the steps to rounding) is refused at its place; any other scale
keeps a step of a tenth of its range visible to wsm, wpm, topsis, vikor and promethee alike (wpm ranks
on log10 of its product where its 0-100 score underflows: a product 1e-68 of the best's still counts).
"""

from __future__ import annotations

import json
import math
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import partnerfit
from partnerfit.errors import InvalidInputError, MethodError

METHODS = ("wsm", "wpm", "topsis", "vikor", "promethee")
OFFSETS = [0.0, 1.0, -5.0, 0.001, 2000.0, 1e6, -1e12, 1e15 - 1e9]


@st.composite
def scales(draw: st.DrawFn) -> tuple[float, float]:
    """[low, high]: offsets and widths across the whole range of doubles, tiny and huge alike."""
    low = draw(st.one_of(st.sampled_from(OFFSETS), st.floats(-1e15, 1e15, allow_nan=False)))
    how = draw(st.sampled_from(["any", "sound", "narrow", "tiny"]))
    if how == "any":
        width = 10.0 ** draw(st.floats(-330, 15.3))
    elif how == "sound":  # down to the narrowest accepted width, a millionth of the largest bound
        width = max(1.0, abs(low)) * 10.0 ** draw(st.floats(-6, 0))
    elif how == "narrow":  # steps lost to rounding: to be refused
        width = max(1.0, abs(low)) * 10.0 ** draw(st.floats(-16, -6.1))
    else:  # squares of scores underflow: to be refused
        low, width = 0.0, 10.0 ** draw(st.floats(-330, -100))
    return low, low + width


@st.composite
def dominance_problems(draw: st.DrawFn) -> dict[str, Any]:
    """A problem where candidate 'b' is at least as good as 'a' everywhere and better somewhere."""
    m = draw(st.integers(1, 3))
    criteria = {}
    for j in range(m):
        low, high = draw(scales())
        criteria[f"c{j}"] = {
            "scale": [low, high],
            "weight": draw(st.integers(1, 10)),
            "direction": draw(st.sampled_from(["higher", "lower"])),
        }
    steps_a = [draw(st.integers(0, 9)) for _ in range(m)]
    better = draw(st.integers(0, m - 1))
    steps_b = [
        k + (draw(st.integers(1, 10 - k)) if j == better else draw(st.integers(0, 10 - k)))
        for j, k in enumerate(steps_a)
    ]
    others = [[draw(st.integers(0, 10)) for _ in range(m)] for _ in range(draw(st.integers(0, 2)))]

    def scores(steps: list[int]) -> dict[str, float]:
        return {cid: _point(c["scale"], c["direction"], k) for (cid, c), k in zip(criteria.items(), steps, strict=True)}

    candidates = {"a": {"scores": scores(steps_a)}, "b": {"scores": scores(steps_b)}}
    candidates |= {f"o{i}": {"scores": scores(steps)} for i, steps in enumerate(others)}
    return {"kind": "candidates", "criteria": {"criteria": criteria}, "candidates": candidates}


def _point(scale: list[float], direction: str, k: int) -> float:
    """The k-th tenth of the scale from its worst end (k = 10: the best point), never outside it."""
    low, high = scale
    good = k if direction == "higher" else 10 - k
    value = low if good == 0 else high if good == 10 else low + (high - low) * good / 10
    return min(max(value, low), high)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problem=dominance_problems())
def test_a_dominated_candidate_never_ties_with_the_one_that_dominates_it(problem: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.json"
        path.write_text(json.dumps(problem), encoding="utf-8")
        try:
            project = partnerfit.load(path)
        except InvalidInputError as refused:
            # only the scale may be refused, at its own place
            assert all(re.search(r"\.scale(\.[01])?$", d.path) for d in refused.diagnostics), refused.diagnostics
            return
    values = [v for c in problem["candidates"].values() for v in c["scores"].values()]
    for method in METHODS:
        if method == "wpm" and min(values) <= 0:  # wpm multiplies scores: it refuses zero and below
            with pytest.raises(MethodError):
                partnerfit.score(project, method=method)
            continue
        result = partnerfit.score(project, method=method)
        a, b = result.candidate("a"), result.candidate("b")
        assert a.score is not None and b.score is not None and math.isfinite(b.score)
        assert b.score > a.score, (method, a.score, b.score)
        assert b.rank is not None and a.rank is not None and b.rank < a.rank, (method, a.rank, b.rank)


@pytest.mark.parametrize(
    ("scale", "why"),
    [
        ([0, 1e-300], "underflows"),
        ([1, 1 + 1e-15], "rounding"),
        ([1e15 - 1, 1e15], "rounding"),
        ([0, 5e-324], "subnormal"),
    ],
)
def test_a_degenerate_scale_is_refused_at_its_place(tmp_path: Path, scale: list[float], why: str) -> None:
    problem = {
        "kind": "candidates",
        "criteria": {"criteria": {"q": {"scale": scale}}},
        "candidates": {"a": {"scores": {"q": scale[0]}}, "b": {"scores": {"q": scale[1]}}},
    }
    path = tmp_path / "p.json"
    path.write_text(json.dumps(problem), encoding="utf-8")
    [diagnostic] = partnerfit.check_file(path)
    assert diagnostic.path == "criteria.criteria.q.scale", why
    assert "too narrow to compute with" in diagnostic.message
    assert diagnostic.line == 1 and diagnostic.column > 1


@pytest.mark.parametrize("scale", [[0, 1e-6], [2000, 2000.01], [1e15 - 1e9, 1e15], [-1e15, 1e15]])
def test_a_narrow_but_sound_scale_is_accepted(tmp_path: Path, scale: list[float]) -> None:
    problem = {
        "kind": "candidates",
        "criteria": {"criteria": {"q": {"scale": scale}}},
        "candidates": {"a": {"scores": {"q": scale[0]}}, "b": {"scores": {"q": scale[1]}}},
    }
    path = tmp_path / "p.json"
    path.write_text(json.dumps(problem), encoding="utf-8")
    assert partnerfit.check_file(path) == []
    for method in ("wsm", "topsis", "vikor", "promethee"):
        result = partnerfit.score(partnerfit.load(path), method=method)
        assert result.candidate("b").score > result.candidate("a").score
