"""agreement's figures checked against direct calls of mcda.reliability on a small hand-made example."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from partnerfit.analysis.agreement import NoAssessmentsError, agreement
from partnerfit.mcda.reliability import kendall_w, krippendorff_alpha
from partnerfit.project.loading import load

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "data" / "agreement" / "mini.yaml"
CONSORTIUM = ROOT / "examples" / "consortium-assessments" / "candidates.yaml"
NAN = math.nan

HEAD = """partnerfit: 1
kind: candidates
criteria:
  name: mini
  scale: [1, 5]
  criteria:
    quality: {weight: 2}
    cost: {weight: 1, direction: lower}
candidates:
"""


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "c.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    return path


def test_alpha_matches_direct_calls() -> None:
    report = agreement(load(MINI))
    # assessors ann, ben, cat, dan × candidates x, y, z
    quality = [[5, 3, 1], [5, 3, 2], [4, 3, 1], [1, NAN, 1]]
    cost = [[2, 3, 4], [2, 3, 4], [2, 3, 5], [2, 3, 4]]
    assert report.alpha_criteria["quality"] == pytest.approx(krippendorff_alpha(quality, "ordinal"), abs=1e-12)
    assert report.alpha_criteria["cost"] == pytest.approx(krippendorff_alpha(cost, "ordinal"), abs=1e-12)
    v_quality = (np.array(quality) - 1) / 4
    v_cost = (5 - np.array(cost, dtype=float)) / 4  # lower is better: flipped
    pooled = np.concatenate([v_quality, v_cost], axis=1)
    assert report.alpha_overall == pytest.approx(krippendorff_alpha(pooled, "ordinal"), abs=1e-12)
    assert [r.round for r in report.rounds] == [1]
    assert report.rounds[0].alpha == report.alpha_overall


def test_completeness_deviation_and_divergent() -> None:
    report = agreement(load(MINI))
    assert report.completeness == {"ann": 1.0, "ben": 1.0, "cat": 1.0, "dan": 5 / 6}
    first = report.divergent[0]
    assert (first.candidate, first.criterion, first.spread) == ("x", "quality", 4.0)
    assert first.scores == {"ann": 5, "ben": 5, "cat": 4, "dan": 1}
    assert first.notes == {"ann": "Strong patents", "dan": "# never heard of them"}
    assert [(d.candidate, d.criterion) for d in report.divergent[1:]] == [("z", "cost"), ("z", "quality")]
    # dan on x quality: v 0 against the others' mean (1 + 1 + 0.75) / 3, on the pairs he shares
    dan = [0 - (1 + 1 + 0.75) / 3, 0, 0, 0, 0.25 - 0.25]
    assert report.deviation["dan"] == pytest.approx(100 * sum(dan) / len(dan))
    assert sum(report.deviation.values()) != 0  # deviations need not cancel (unequal pairs)


def test_kendall_w_of_own_rankings() -> None:
    report = agreement(load(MINI))
    w = np.array([2 / 3, 1 / 3])

    def wsm(q: list[float], c: list[float]) -> list[float]:
        out = []
        for qi, ci in zip(q, c, strict=True):
            v, ws = [], []
            for x, wi, lower in ((qi, w[0], False), (ci, w[1], True)):
                if not math.isnan(x):
                    v.append(wi * ((5 - x) if lower else (x - 1)) / 4)
                    ws.append(wi)
            out.append(sum(v) / sum(ws))
        return out

    rows = [
        wsm([5, 3, 1], [2, 3, 4]),
        wsm([5, 3, 2], [2, 3, 4]),
        wsm([4, 3, 1], [2, 3, 5]),
        wsm([1, NAN, 1], [2, 3, 4]),
    ]
    assert report.kendall_w == pytest.approx(kendall_w(rows))
    assert report.kendall_candidates == 3


def test_identical_assessors_agree_fully(tmp_path: Path) -> None:
    body = "".join(
        f"  {c}: {{assessments: {{a: {{quality: {q}, cost: {k}}}, b: {{quality: {q}, cost: {k}}}}}}}\n"
        for c, q, k in (("x", 1, 2), ("y", 3, 3), ("z", 5, 5))
    )
    report = agreement(load(_write(tmp_path, body)))
    assert report.alpha_overall == 1.0
    assert report.alpha_criteria == {"quality": 1.0, "cost": 1.0}
    assert report.divergent == ()
    assert report.deviation == {"a": 0.0, "b": 0.0}
    assert report.kendall_w == 1.0


def test_undefined_alpha_is_none_and_null(tmp_path: Path) -> None:
    body = "  x: {assessments: {a: {quality: 3, cost: 3}, b: {quality: 3, cost: 3}}}\n  y: {assessments: {a: {quality: 3}}}\n"
    report = agreement(load(_write(tmp_path, body)))
    assert report.alpha_overall is None
    assert report.alpha_criteria == {"quality": None, "cost": None}
    assert report.to_dict()["alpha"] == {"overall": None, "criteria": {"quality": None, "cost": None}}


def test_no_assessments(tmp_path: Path) -> None:
    with pytest.raises(NoAssessmentsError, match="no assessments"):
        agreement(load(_write(tmp_path, "  x: {scores: {quality: 3}}\n")))


def test_rounds_and_conflicts_of_interest() -> None:
    report = agreement(load(CONSORTIUM))
    assert report.round == 2
    assert [r.round for r in report.rounds] == [1, 2]
    assert report.rounds[-1].alpha == report.alpha_overall
    assert report.expected["dan"] == (12, 12)  # his conflict of interest: one candidate not expected
    assert report.rounds[0].alpha is not None and report.rounds[0].alpha < report.rounds[1].alpha


def test_feedback_is_outside_the_iqr_and_anonymised() -> None:
    report = agreement(load(MINI))
    (item,) = report.feedback["dan"]
    assert (item.candidate, item.criterion, item.own, item.median, item.q1, item.q3) == (
        "x",
        "quality",
        1,
        4.5,
        3.25,
        5,
    )
    assert item.notes == ("Strong patents",)  # the others' notes, not his own, and nobody named
    assert report.feedback["ann"] == ()
    assert [(i.candidate, i.criterion) for i in report.feedback["cat"]] == [("z", "cost")]


def test_top_cuts_the_divergent_pairs() -> None:
    report = agreement(load(MINI), top=1)
    assert len(report.divergent) == 1 and report.divergent_total == 3
