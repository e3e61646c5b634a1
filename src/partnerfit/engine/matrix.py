"""The decision matrix: aggregated scores, assessor spread and exclusions, as arrays."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from partnerfit.contract.candidates import Candidate, ScoreEntry
from partnerfit.contract.criteria_set import CriteriaSet
from partnerfit.engine.score_table import ScoreTable, build_score_table
from partnerfit.result.model import Reason

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
    candidates: dict[str, Candidate],
    criteria: CriteriaSet,
    aggregate: Aggregate = "mean",
    table: ScoreTable | None = None,
) -> DecisionMatrix:
    """Aggregate each candidate's scores (mean or median of assessors) and find exclusions.

    ``table`` (built and checked at load time) already holds the single-sheet scores.
    """
    ids = tuple(candidates)
    if table is None or table.ids != ids or table.criteria_ids != criteria.ids:
        table = build_score_table(candidates, criteria)
    column = {cid: j for j, cid in enumerate(criteria.ids)}
    values = table.values.copy()
    spread = np.full(values.shape, np.nan)
    combine = np.median if aggregate == "median" else np.mean
    for i, cid in enumerate(ids):
        candidate = candidates[cid]
        if candidate.assessments is None:
            continue
        pooled: dict[str, list[float]] = {}
        for sheet in candidate.assessments.values():
            for crit, value in sheet.items():
                pooled.setdefault(crit, []).append(_number(value))
        for crit, given in pooled.items():
            j = column[crit]
            values[i, j] = float(combine(given)) if len(given) > 1 else given[0]
            if len(given) > 1:
                spread[i, j] = max(given) - min(given)
    assessors = tuple(
        len(c.assessments) if c.assessments is not None else (1 if c.scores else 0) for c in candidates.values()
    )
    reasons, notes = _exclusions(ids, candidates, criteria, values)
    return DecisionMatrix(ids, criteria, values, spread, assessors, reasons, notes)


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
    # equal tuples shared: renderers then turn each distinct set of notes into text once
    shared: dict[tuple[Reason, ...], tuple[Reason, ...]] = {}
    return tuple(map(tuple, reasons)), tuple(shared.setdefault(tuple(n), tuple(n)) for n in notes)
