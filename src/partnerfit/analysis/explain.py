"""Why a candidate ranks where it does, and the smallest score change that would lift it (exact for additive methods)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import Any

import numpy as np

from partnerfit.contract.candidates import Candidate
from partnerfit.contract.messages import did_you_mean
from partnerfit.contract.models import MissingPolicy
from partnerfit.engine.dispatch import run_method
from partnerfit.engine.matrix import Aggregate, DecisionMatrix, FloatArray, build_matrix
from partnerfit.engine.output import MethodOptions
from partnerfit.engine.ranking import competition_ranks
from partnerfit.engine.registry import DEFAULT, get
from partnerfit.engine.run import score
from partnerfit.engine.wsm import normalise
from partnerfit.errors import CandidateNotFoundError, PartnerfitError
from partnerfit.i18n import reason_text
from partnerfit.project.loading import Project
from partnerfit.result.evidence import Evidence as Evidence  # re-exported: explanations list it
from partnerfit.result.evidence import candidate_evidence
from partnerfit.result.model import TIE_TOLERANCE, CandidateResult, Result

MARGIN = 1e-11  # headroom over floating-point noise when a change must beat the 1e-9 tie rule


@dataclass(frozen=True)
class Target:
    """The score a criterion needs for the candidate to pass another one, or why no score will do."""

    status: str  # reachable | unreachable (limit: scale or knockout) | already (first) | excluded | wsm_only
    passes: str | None = None
    score: float | None = None
    whole: float | None = None
    total: float | None = None
    limit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The target as JSON."""
        return asdict(self)


@dataclass(frozen=True)
class CriterionExplanation:
    """One criterion of the candidate: its score, value, contribution, rank against the field, evidence."""

    id: str
    weight: float
    score: float | None
    value: float | None
    contribution: float | None
    room: float | None
    median: float | None
    versus_value: float | None
    spread: float | None
    disagreement: bool
    entries: tuple[Evidence, ...]
    knockout: str | None  # pass | fail | unscored, None without a knock-out bound
    next: Target
    first: Target

    @property
    def position(self) -> str | None:
        """``strength`` above the median of eligible candidates, ``weakness`` below, ``median`` level."""
        if self.value is None or self.median is None:
            return None
        gap = self.value - self.median
        return "strength" if gap > TIE_TOLERANCE else "weakness" if gap < -TIE_TOLERANCE else "median"

    def to_dict(self) -> dict[str, Any]:
        """The criterion as JSON."""
        return {**asdict(self), "position": self.position}


@dataclass(frozen=True)
class Explanation:
    """A candidate's score taken apart, against the field's median and the leader, with what would lift it."""

    result: Result
    entry: CandidateResult
    criteria: tuple[CriterionExplanation, ...]  # largest contribution (or value) first
    above: CandidateResult | None
    leader: CandidateResult | None
    versus: CandidateResult | None  # the leader, or the runner-up when the candidate leads
    gates: Mapping[str, bool | None]
    would_rank: int | None = None  # excluded: its rank once every knock-out is just passed
    fixes: Mapping[str, float] = field(default_factory=dict)  # excluded: knock-out criterion -> score to reach

    @property
    def strengths(self) -> list[str]:
        """Criteria above the median of eligible candidates, furthest first."""
        return _furthest(self.criteria, "strength")

    @property
    def weaknesses(self) -> list[str]:
        """Criteria below the median of eligible candidates, furthest first."""
        return _furthest(self.criteria, "weakness")

    def to_dict(self) -> dict[str, Any]:
        """The explanation as a JSON document."""
        result = self.result
        return {
            "partnerfit": result.version,
            **{key: getattr(result, key) for key in ("method", "aggregate", "missing")},
            "additive": get(result.method).additive,  # contributions add up to the score
            "candidate": self.entry.to_dict(reason_text),  # reasons in English, as in the score JSON
            "ranked": len(result.ranked),
            "above": brief(self.above),
            "leader": brief(self.leader),
            "versus": brief(self.versus),
            "criteria": [c.to_dict() for c in self.criteria],
            "strengths": self.strengths,
            "weaknesses": self.weaknesses,
            "disagreement": [c.id for c in self.criteria if c.disagreement],
            "gates": dict(self.gates),
            "knockout_fixes": dict(self.fixes),
            "would_rank": self.would_rank,
        }


def _furthest(criteria: tuple[CriterionExplanation, ...], position: str) -> list[str]:
    found = [c for c in criteria if c.position == position]
    return [c.id for c in sorted(found, key=lambda c: -abs((c.value or 0.0) - (c.median or 0.0)))]


def brief(entry: CandidateResult | None) -> dict[str, Any] | None:
    """Id, name, rank and score of another candidate, for JSON."""
    return None if entry is None else {"id": entry.id, "name": entry.name, "rank": entry.rank, "score": entry.score}


@dataclass(frozen=True)
class Scene:
    """A scored project seen from its candidates: the result, the matrix and the counted values v."""

    project: Project
    result: Result
    matrix: DecisionMatrix
    v: FloatArray  # scale-anchored 0–1 values as the policy counts them (NaN: not counted)
    row: Mapping[str, int]
    position: Mapping[str, int]  # place in the listing (ranked first, then excluded)

    def entry(self, candidate_id: str) -> CandidateResult:
        """The result entry of a candidate."""
        return self.result.ranking[self.position[candidate_id]]


def make_scene(
    project: Project, ids: list[str], method: str, aggregate: Aggregate, missing: MissingPolicy | None
) -> Scene:
    """Check ``ids`` exist, score the project and gather what explanations read."""
    known = project.file.candidates
    for cid in ids:
        if cid not in known:
            raise CandidateNotFoundError(f"unknown candidate {cid!r}{did_you_mean(cid, known)}")
    result = score(project, method=method, aggregate=aggregate, missing=missing)
    matrix = build_matrix(known, project.criteria, aggregate, project.table)
    v = np.nan_to_num(normalise(matrix), nan=0.0) if result.missing == "worst" else normalise(matrix)
    order = [cid for _, _, cid in result.summary()]  # ids in listing order, without building entries
    rows = {cid: i for i, cid in enumerate(matrix.ids)}
    return Scene(project, result, matrix, v, rows, {cid: k for k, cid in enumerate(order)})


def evidence_of(candidate: Candidate, criterion: str) -> tuple[Evidence, ...]:
    """Every assessor's score on ``criterion``; for a single sheet, the score when it carries a note."""
    return candidate_evidence(candidate).get(criterion, ())


def explain(
    project: Project,
    candidate_id: str,
    *,
    method: str = DEFAULT,
    aggregate: Aggregate = "mean",
    missing: MissingPolicy | None = None,
) -> Explanation:
    """Explain ``candidate_id``'s score and rank; raise CandidateNotFoundError for an unknown id."""
    scene = make_scene(project, [candidate_id], method, aggregate, missing)
    result, matrix, i = scene.result, scene.matrix, scene.row[candidate_id]
    entry, ranked, place = scene.entry(candidate_id), result.ranked, scene.position[candidate_id]
    above = ranked[place - 1] if entry.rank is not None and place > 0 else None
    leader = ranked[0] if len(ranked) else None
    versus = (ranked[1] if len(ranked) > 1 else None) if leader is not None and leader.id == candidate_id else leader
    vs = scene.v[scene.row[versus.id]] if versus is not None else np.full(len(matrix.weights), np.nan)
    weight, candidate = _counted_weight(scene, i), project.file.candidates[candidate_id]
    evidence = result.evidence(candidate_id)
    field_values = [col[~np.isnan(col)] for col in scene.v[[not r for r in matrix.reasons]].T]  # eligible ones
    medians = [float(np.median(col)) if len(col) else None for col in field_values]
    rows, additive = [], get(result.method).additive
    for j, c in enumerate(project.criteria.criteria):
        value, points = _num(scene.v[i, j]), entry.contributions.get(c.id) if additive else None
        room = 100 * c.effective_weight * (1 - value) / weight if points is not None and value is not None else None
        rows.append(
            CriterionExplanation(
                *(c.id, c.effective_weight, _num(matrix.values[i, j]), value, points, room, medians[j]),
                *(_num(vs[j]), _num(matrix.spread[i, j]), c.id in entry.disagreement),
                *(evidence.get(c.id, ()), _knockout(matrix, i, j)),
                *(_target(scene, candidate_id, j, above), _target(scene, candidate_id, j, leader)),
            )
        )
    rows.sort(key=lambda r: (r.contribution is None, -(r.contribution or 0.0), r.value is None, -(r.value or 0.0)))
    gates = {g: candidate.gates.get(g) for g in project.criteria.gates}
    fixes = {r.subject: r.bound for r in entry.reasons if r.code in ("minimum", "maximum") and r.bound is not None}
    would = _would_rank(scene, i, fixes) if entry.reasons and len(fixes) == len(entry.reasons) else None
    return Explanation(result, entry, tuple(rows), above, leader, versus, gates, would, fixes)


def _num(value: Any) -> float | None:
    number = float(value)
    return None if math.isnan(number) else number


def _counted_weight(scene: Scene, i: int) -> float:
    return float(np.where(np.isnan(scene.v[i]), 0.0, scene.matrix.weights).sum())


def _knockout(matrix: DecisionMatrix, i: int, j: int) -> str | None:
    c, value = matrix.criteria.criteria[j], matrix.values[i, j]
    failed = (c.minimum is not None and value < c.minimum) or (c.maximum is not None and value > c.maximum)
    bounded = c.minimum is not None or c.maximum is not None
    return None if not bounded else "unscored" if math.isnan(value) else "fail" if failed else "pass"


def _target(scene: Scene, candidate_id: str, j: int, rival: CandidateResult | None) -> Target:
    """The smallest change of criterion ``j`` that lists the candidate ahead of ``rival`` (additive methods, exact)."""
    if scene.entry(candidate_id).rank is None or rival is None or rival.id == candidate_id:
        return Target("already" if scene.entry(candidate_id).rank is not None else "excluded")
    if not get(scene.result.method).additive:  # the status keeps its name: "only for the weighted sum"
        return Target("wsm_only", rival.id)
    i, c = scene.row[candidate_id], scene.matrix.criteria.criteria[j]
    strict = rival.id < candidate_id  # a tie lists the smaller id first: it must be beaten by more than 1e-9
    aim = (rival.score or 0.0) + (TIE_TOLERANCE + 2 * MARGIN if strict else 0.0)
    floor = aim - MARGIN  # what re-scoring must find: a margin below the aim absorbs rounding
    now, w, weight = float(scene.v[i, j]), c.effective_weight, _counted_weight(scene, i)
    points = 100 * float(np.nansum(scene.v[i] * scene.matrix.weights))
    counted = not math.isnan(now)  # under `ignore`, scoring a missing criterion adds its weight to Σw

    def total(value: float) -> float:
        return (points + 100 * w * (value - now)) / weight if counted else (points + 100 * w * value) / (weight + w)

    needed = (aim * weight - points) / (100 * w) + now if counted else (aim * (weight + w) - points) / (100 * w)
    span, lower = c.high - c.low, c.direction == "lower"
    lowest = c.low if c.minimum is None else max(c.low, c.minimum)
    highest = c.high if c.maximum is None else min(c.high, c.maximum)

    def value_of(x: float) -> float:
        return (c.high - x) / span if lower else (x - c.low) / span

    worst, best = sorted((value_of(lowest), value_of(highest)))
    needed = max(needed, worst)  # a missing score: even the worst allowed score may be enough
    if needed > best + 1e-12:
        return Target("unreachable", rival.id, limit="scale" if needed > 1 + 1e-12 else "knockout")
    needed = min(needed, best)
    x = c.high - needed * span if lower else c.low + needed * span
    whole = float(math.floor(x + 1e-6) if lower else math.ceil(x - 1e-6))  # people score in whole points
    whole += (-1.0 if lower else 1.0) if total(value_of(whole)) < floor else 0.0
    fits = lowest <= whole <= highest and total(value_of(whole)) >= floor
    return Target("reachable", rival.id, x, whole if fits else None, total(needed))


def _would_rank(scene: Scene, i: int, fixes: Mapping[str, float]) -> int | None:
    """The rank an excluded candidate would get with each failed knock-out score moved to its bound."""
    matrix, values = scene.matrix, scene.matrix.values.copy()
    for cid, bound in fixes.items():
        values[i, matrix.criteria.ids.index(cid)] = bound
    reasons = tuple(() if k == i else r for k, r in enumerate(matrix.reasons))
    try:
        changed = replace(matrix, values=values, reasons=reasons)
        output = run_method(get(scene.result.method), changed, MethodOptions(scene.result.missing))
    except PartnerfitError:  # a method that compares candidates may need scores this one lacks
        return None
    placed = competition_ranks(matrix.ids, np.nan_to_num(output.score).tolist(), [not r for r in reasons])
    return next(rank for row, rank in placed if row == i)
