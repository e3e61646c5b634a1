"""The public score with its close-call verdict, and the cost policy that bounds it."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import partnerfit
from partnerfit.analysis import close_call as module
from partnerfit.analysis.close_call import JUDGED_UP_TO, SAMPLED_UP_TO, judge, score
from partnerfit.analysis.sensitivity import CLOSE_CALL_SAMPLES, close_call
from partnerfit.engine.run import score as engine_score
from partnerfit.result.close_call import CloseCall

PACKAGING = Path(__file__).resolve().parents[2] / "examples" / "packaging.yaml"


def test_off_by_default_the_result_is_the_engines():
    project = partnerfit.load(PACKAGING)
    plain = score(project)
    assert plain.close_call is None
    assert plain == engine_score(project)


def test_asked_for_it_is_the_sampled_verdict_with_seed_0():
    project = partnerfit.load(PACKAGING)
    result = score(project, close_call=True)
    assert isinstance(result.close_call, CloseCall)
    assert result.close_call == close_call(project, samples=CLOSE_CALL_SAMPLES, seed=0)
    assert result.close_call.leader == result.ranked[0].id
    assert result.close_call.first_rank is not None  # 8 ranked: sampled
    assert result.close_call.close  # 71.76 vs 71.75 in the packaging example


def test_the_options_reach_the_verdict():
    project = partnerfit.load(PACKAGING)
    result = score(project, method="topsis", missing="worst", close_call=True)
    assert result.method == "topsis"
    assert result.close_call == close_call(project, method="topsis", missing="worst", samples=2000, seed=0)


def fake_result(ranked: int) -> Any:
    return SimpleNamespace(ranked=range(ranked))


@pytest.mark.parametrize(
    ("ranked", "samples"),
    [
        (0, None),
        (1, None),
        (2, CLOSE_CALL_SAMPLES),
        (SAMPLED_UP_TO, CLOSE_CALL_SAMPLES),
        (SAMPLED_UP_TO + 1, 0),
        (JUDGED_UP_TO, 0),
        (JUDGED_UP_TO + 1, None),
    ],
)
def test_the_cost_policy(monkeypatch, ranked, samples):
    asked: list[dict[str, Any]] = []

    def verdict(project: object, **options: Any) -> str:
        asked.append(options)
        return "verdict"

    monkeypatch.setattr(module, "verdict_of", verdict)
    found = judge(object(), fake_result(ranked), method="vikor", vikor_v=0.3)  # type: ignore[arg-type]
    if samples is None:
        assert found is None and asked == []
    else:
        assert found == "verdict"
        assert asked == [
            {"method": "vikor", "aggregate": "mean", "missing": None, "vikor_v": 0.3, "samples": samples, "seed": 0}
        ]


def test_the_policy_numbers():
    assert (SAMPLED_UP_TO, JUDGED_UP_TO, CLOSE_CALL_SAMPLES) == (500, 2000, 2000)
