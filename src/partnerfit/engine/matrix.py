"""The decision matrix: aggregated scores, assessor spread and exclusions, as arrays."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from partnerfit.criteria_set import CriteriaSet
from partnerfit.models import Candidate, ScoreEntry
from partnerfit.result import Reason

Aggregate = Literal["mean", "median"]
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class DecisionMatrix:
    """Candidates × criteria, NaN where no score was given; one row per candidate, file order."""

    ids: tuple[str, ...]
    criteria: CriteriaSet
    values: FloatArray
    spread: FloatArray
    assessors: tuple[int, ...]
    reasons: tuple[tuple[Reason, ...], ...]
    notes: tuple[tuple[Reason, ...], ...]

    @property
    def low(self) -> FloatArray:
        """Scale minimum of each criterion."""
        return np.array([c.low for c in self.criteria.criteria], dtype=float)

    @property
    def high(self) -> FloatArray:
        """Scale maximum of each criterion."""
        return np.array([c.high for c in self.criteria.criteria], dtype=float)

    @property
    def lower_is_better(self) -> npt.NDArray[np.bool_]:
        """True where a criterion's direction is lower."""
        return np.array([c.direction == "lower" for c in self.criteria.criteria], dtype=bool)

    @property
    def weights(self) -> FloatArray:
        """Effective weights (summing to 1)."""
        return np.array([c.effective_weight for c in self.criteria.criteria], dtype=float)


def _number(value: float | ScoreEntry) -> float:
    return value.score if isinstance(value, ScoreEntry) else value


def build_matrix(
    candidates: dict[str, Candidate], criteria: CriteriaSet, aggregate: Aggregate = "mean"
) -> DecisionMatrix:
    """Aggregate each candidate's scores (mean or median of assessors) and find exclusions."""
    ids = tuple(candidates)
    column = {cid: j for j, cid in enumerate(criteria.ids)}
    n, m = len(ids), len(column)
    values = np.full((n, m), np.nan)
    spread = np.full((n, m), np.nan)
    assessors: list[int] = []
    combine = np.median if aggregate == "median" else np.mean
    for i, cid in enumerate(ids):
        candidate = candidates[cid]
        if candidate.assessments is None:
            assessors.append(1 if candidate.scores else 0)
            row = values[i]
            for crit, value in (candidate.scores or {}).items():
                row[column[crit]] = value if isinstance(value, float) else _number(value)
            continue
        assessors.append(len(candidate.assessments))
        pooled: dict[str, list[float]] = {}
        for sheet in candidate.assessments.values():
            for crit, value in sheet.items():
                pooled.setdefault(crit, []).append(_number(value))
        for crit, scores in pooled.items():
            j = column[crit]
            values[i, j] = float(combine(scores)) if len(scores) > 1 else scores[0]
            if len(scores) > 1:
                spread[i, j] = max(scores) - min(scores)
    reasons, notes = _exclusions(ids, candidates, criteria, values)
    return DecisionMatrix(ids, criteria, values, spread, tuple(assessors), reasons, notes)


def _exclusions(
    ids: tuple[str, ...],
    candidates: dict[str, Candidate],
    criteria: CriteriaSet,
    values: FloatArray,
) -> tuple[tuple[tuple[Reason, ...], ...], tuple[tuple[Reason, ...], ...]]:
    knockouts = [(j, c) for j, c in enumerate(criteria.criteria) if c.minimum is not None or c.maximum is not None]
    all_reasons: list[tuple[Reason, ...]] = []
    all_notes: list[tuple[Reason, ...]] = []
    for i, cid in enumerate(ids):
        reasons: list[Reason] = []
        notes: list[Reason] = []
        for j, c in knockouts:
            x = values[i, j]
            if np.isnan(x):
                notes.append(Reason("unscored_knockout", c.id))
            elif c.minimum is not None and x < c.minimum:
                reasons.append(Reason("minimum", c.id, float(x), c.minimum))
            elif c.maximum is not None and x > c.maximum:
                reasons.append(Reason("maximum", c.id, float(x), c.maximum))
        answers = candidates[cid].gates
        for gate in criteria.gates:
            answer = answers.get(gate)
            if answer is True:
                reasons.append(Reason("gate", gate))
            elif answer is None:
                notes.append(Reason("unanswered_gate", gate))
        if np.isnan(values[i]).all():
            reasons.append(Reason("no_scores"))
        all_reasons.append(tuple(reasons))
        all_notes.append(tuple(notes))
    return tuple(all_reasons), tuple(all_notes)
