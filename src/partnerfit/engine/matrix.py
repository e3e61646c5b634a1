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
    rows: list[int] = []
    cols: list[int] = []
    cells: list[float] = []
    for i, cid in enumerate(ids):
        candidate = candidates[cid]
        if candidate.assessments is None:
            scores = candidate.scores or {}
            assessors.append(1 if scores else 0)
            rows.extend([i] * len(scores))
            cols.extend([column[crit] for crit in scores])
            cells.extend([v if type(v) is float else v.score for v in scores.values()])  # type: ignore[union-attr]
            continue
        assessors.append(len(candidate.assessments))
        pooled: dict[str, list[float]] = {}
        for sheet in candidate.assessments.values():
            for crit, value in sheet.items():
                pooled.setdefault(crit, []).append(_number(value))
        for crit, scores_given in pooled.items():
            j = column[crit]
            values[i, j] = float(combine(scores_given)) if len(scores_given) > 1 else scores_given[0]
            if len(scores_given) > 1:
                spread[i, j] = max(scores_given) - min(scores_given)
    if cells:
        values[np.array(rows), np.array(cols)] = cells  # one vectorised write for all single-sheet scores
    reasons, notes = _exclusions(ids, candidates, criteria, values)
    return DecisionMatrix(ids, criteria, values, spread, tuple(assessors), reasons, notes)


def _exclusions(
    ids: tuple[str, ...], candidates: dict[str, Candidate], criteria: CriteriaSet, values: FloatArray
) -> tuple[tuple[tuple[Reason, ...], ...], tuple[tuple[Reason, ...], ...]]:
    """Knock-outs (on the aggregated scores, column by column), true gates, and notes."""
    n = len(ids)
    reasons: list[list[Reason]] = [[] for _ in range(n)]
    notes: list[list[Reason]] = [[] for _ in range(n)]
    missing = np.isnan(values)
    for j, c in enumerate(criteria.criteria):
        if c.minimum is None and c.maximum is None:
            continue
        column = values[:, j]
        for i in np.flatnonzero(missing[:, j]).tolist():
            notes[i].append(Reason("unscored_knockout", c.id))
        for bound, code, crossed in (
            (c.minimum, "minimum", np.less),
            (c.maximum, "maximum", np.greater),
        ):
            if bound is None:
                continue
            with np.errstate(invalid="ignore"):
                hits = np.flatnonzero(crossed(column, bound) & ~missing[:, j])
            for i in hits.tolist():
                reasons[i].append(Reason(code, c.id, float(column[i]), bound))
    if criteria.gates:
        # one shared Reason per gate: a large file repeats them for thousands of candidates
        gate_reasons = [(gate, Reason("gate", gate), Reason("unanswered_gate", gate)) for gate in criteria.gates]
        for i, cid in enumerate(ids):
            answers = candidates[cid].gates
            for gate, excludes, unanswered in gate_reasons:
                answer = answers.get(gate)
                if answer is True:
                    reasons[i].append(excludes)
                elif answer is None:
                    notes[i].append(unanswered)
    for i in np.flatnonzero(missing.all(axis=1)).tolist():
        reasons[i].append(Reason("no_scores"))
    return tuple(map(tuple, reasons)), tuple(map(tuple, notes))
