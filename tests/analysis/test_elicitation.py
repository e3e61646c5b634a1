"""Elicitation's arithmetic: question order, CR as `weights` computes it, the fix rule, swing and ROC by hand."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partnerfit.analysis import elicitation as e
from partnerfit.contract.models import Weighting
from partnerfit.contract.weighting import derive

ITEMS = ["a", "b", "c", "d"]
TANGLED = [("a", "b", 3.0), ("a", "c", 5.0), ("a", "d", 1 / 3), ("b", "c", 3.0), ("b", "d", 5.0), ("c", "d", 1 / 5)]


def test_questions_are_the_upper_triangle_row_by_row() -> None:
    assert e.questions(["x", "y", "z"]) == [("x", "y"), ("x", "z"), ("y", "z")]


def test_snap_read_and_write_saaty_values() -> None:
    assert e.snap(2.5) == 3.0 and e.snap(0.4) == 1 / 3 and e.snap(40.0) == 9.0 and e.snap(1.05) == 1.0
    assert e.read_saaty("1/3") == pytest.approx(1 / 3) and e.read_saaty("7") == 7.0 and e.read_saaty("0,5") == 0.5
    assert e.read_saaty("2.5") is None and e.read_saaty("10") is None and e.read_saaty("x") is None
    assert [e.saaty_text(v) for v in (3.0, 1 / 3, 1.0, 0.5)] == ["3", "1/3", "1", "1/2"]


def test_cr_is_the_one_the_contract_derives() -> None:
    weighting = Weighting.model_validate({"method": "ahp", "comparisons": [list(c) for c in TANGLED]})
    assert e.ahp(ITEMS, TANGLED).cr == derive(weighting, ITEMS, {}, "").cr


def test_the_fix_follows_the_rule_and_lowers_cr() -> None:
    before = e.ahp(ITEMS, TANGLED)
    assert before.cr is not None and before.cr > 0.10
    fix = e.suggest_fix(ITEMS, TANGLED)
    assert fix is not None and fix.cr < before.cr
    # the rule, by brute force: each judgement replaced by snap(w_a / w_b), the lowest CR wins
    tried = {}
    for k, (a, b, _) in enumerate(TANGLED):
        value = e.snap(before.weights[a] / before.weights[b])
        tried[(a, b)] = e.ahp(ITEMS, [*TANGLED[:k], (a, b, value), *TANGLED[k + 1 :]]).cr
    assert (fix.first, fix.second) == min(tried, key=lambda pair: tried[pair])
    assert fix.value == e.snap(before.weights[fix.first] / before.weights[fix.second])
    assert (
        e.ahp(ITEMS, [(a, b, fix.value if (a, b) == (fix.first, fix.second) else v) for a, b, v in TANGLED]).cr
        == fix.cr
    )


def test_no_fix_when_consistent() -> None:
    assert e.suggest_fix(["a", "b", "c"], [("a", "b", 2.0), ("a", "c", 4.0), ("b", "c", 2.0)]) is None


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(e.SAATY), min_size=6, max_size=6))
def test_a_suggested_fix_always_lowers_cr(values: list[float]) -> None:
    judgements = [(a, b, v) for (a, b), v in zip(itertools.combinations(ITEMS, 2), values, strict=True)]
    fix = e.suggest_fix(ITEMS, judgements)
    cr = e.ahp(ITEMS, judgements).cr
    assert fix is None or (cr is not None and fix.cr < cr)


def test_swing_and_roc_by_hand() -> None:
    # swings rated 100, 50, 25: weights 100/175, 50/175, 25/175
    assert e.swing({"x": 100, "y": 50, "z": 25}) == pytest.approx({"x": 4 / 7, "y": 2 / 7, "z": 1 / 7})
    # ROC for 3: (1 + 1/2 + 1/3)/3, (1/2 + 1/3)/3, (1/3)/3
    assert e.roc(["z", "x", "y"]).weights == pytest.approx({"z": 11 / 18, "x": 5 / 18, "y": 2 / 18})
    with pytest.raises(ValueError):
        e.swing({"x": 100, "y": 0})
