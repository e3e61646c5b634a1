"""How robust a ranking is: weight stability intervals, rank acceptability (SMAA-2) and the close-call verdict."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from partnerfit.analysis.smaa import SAMPLES, SPREAD, Acceptability, Progress, concentration, rank_acceptability
from partnerfit.analysis.smaa import score_ranges as find_ranges
from partnerfit.analysis.stability import RESOLUTION, Problem, Stability, eligible_problem, weight_stability
from partnerfit.contract.criteria_set import CriteriaSet
from partnerfit.contract.models import MissingPolicy
from partnerfit.engine.matrix import Aggregate, build_matrix
from partnerfit.engine.output import MethodOptions
from partnerfit.engine.run import validate
from partnerfit.project.loading import Project
from partnerfit.result.close_call import CLOSE_MARGIN as CLOSE_MARGIN  # re-exported: the verdict's thresholds
from partnerfit.result.close_call import CloseCall, WeightChange

CLOSE_CALL_SAMPLES = 2000  # samples `close_call` draws by default (seed 0: the same verdict every run)


def smallest_change(stability: Stability) -> WeightChange | None:
    """The single-weight change, over groups and criteria, closest to the declared weight that changes the leader."""
    found = []
    for i in stability.intervals:
        if i.below is not None:
            found.append(WeightChange(i.id, i.level, i.weight, i.low, i.below))
        if i.above is not None:
            found.append(WeightChange(i.id, i.level, i.weight, i.high, i.above))
    return min(found, key=lambda change: abs(change.to - change.weight), default=None)


def judge(stability: Stability, acceptability: Acceptability | None = None) -> CloseCall | None:
    """The close-call verdict of a stability analysis (and of a rank acceptability, when one was computed)."""
    if stability.leader is None:
        return None
    first = None
    if acceptability is not None and stability.leader in acceptability.ids:
        first = acceptability.ranks(acceptability.ids.index(stability.leader))[0]
    return CloseCall(stability.leader, stability.runner_up, stability.margin, first, smallest_change(stability))


@dataclass(frozen=True)
class SensitivityReport:
    """Weight stability and rank acceptability of the eligible candidates under one method."""

    method: str
    criteria: CriteriaSet
    names: Mapping[str, str]
    stability: Stability
    acceptability: Acceptability

    @property
    def close_call(self) -> CloseCall | None:
        """The close-call verdict (None without an eligible candidate)."""
        return judge(self.stability, self.acceptability)

    def to_dict(self) -> dict[str, Any]:
        """The report as a JSON document."""
        stability, acceptability = self.stability, self.acceptability
        criteria = set(self.criteria.ids)
        close = self.close_call
        spread = acceptability.spread
        return {
            "method": self.method,
            "top_k": stability.top_k,
            "leader": stability.leader,
            "top": list(stability.top),
            "exact": stability.exact,
            "resolution": None if stability.exact else RESOLUTION,
            "stability": {
                (f"group:{i.id}" if i.level == "group" and i.id in criteria else i.id): {
                    "level": i.level,
                    "weight": i.weight,
                    "low": i.low,
                    "high": i.high,
                    "top_k_low": i.top_low,
                    "top_k_high": i.top_high,
                    "decisive": i.decisive,
                    "leader_below": i.below,
                    "leader_above": i.above,
                }
                for i in stability.intervals
            },
            "acceptability": {
                cid: {
                    "ranks": acceptability.ranks(k),
                    "top_k": acceptability.top_share(k),
                    "central_weights": acceptability.central_weights(k),
                }
                for k, cid in enumerate(acceptability.ids)
            },
            "samples": acceptability.samples,
            "seed": acceptability.seed,
            "weighting": {"law": "uniform"}
            if spread is None
            else {"law": "dirichlet", "spread": spread, "concentration": concentration(spread)},
            "uncertain_scores": acceptability.uncertain,
            "close_call": None if close is None else close.to_dict(),
        }


def _problem(
    project: Project, method: str, aggregate: Aggregate, missing: MissingPolicy | None, vikor_v: float
) -> Problem:
    matrix = build_matrix(project.file.candidates, project.criteria, aggregate, project.table)
    return eligible_problem(matrix, method, MethodOptions(missing or project.missing, vikor_v))


def sensitivity(
    project: Project,
    *,
    method: str = "wsm",
    aggregate: Aggregate = "mean",
    missing: MissingPolicy | None = None,
    vikor_v: float = 0.5,
    top_k: int = 3,
    samples: int = SAMPLES,
    seed: int | None = None,
    spread: float = SPREAD,
    uniform: bool = False,
    progress: Progress | None = None,
) -> SensitivityReport:
    """Stability intervals and rank acceptability of ``project`` under ``method``.

    The data is checked as `score` checks it (same errors); without ``seed`` one is drawn and reported.
    """
    validate(project, method=method, aggregate=aggregate, missing=missing, vikor_v=vikor_v)
    problem = _problem(project, method, aggregate, missing, vikor_v)
    ranges = find_ranges(problem, project.file.candidates)
    stability = weight_stability(problem, top_k)
    acceptability = rank_acceptability(
        problem, ranges, samples=samples, seed=seed, spread=spread, uniform=uniform, top_k=top_k, progress=progress
    )
    candidates = project.file.candidates
    names = {cid: candidates[cid].name or cid for cid in problem.ids}
    return SensitivityReport(method, project.criteria, names, stability, acceptability)


def close_call(
    project: Project,
    *,
    method: str = "wsm",
    aggregate: Aggregate = "mean",
    missing: MissingPolicy | None = None,
    vikor_v: float = 0.5,
    samples: int = CLOSE_CALL_SAMPLES,
    seed: int = 0,
) -> CloseCall | None:
    """The close-call verdict for `score`: margin, rank-1 acceptability (``samples`` = 0 skips it), smallest change.

    Call it once ``score`` accepted the project: it does not repeat the checks. Weights are drawn
    around the declared ones (spread SPREAD) with a fixed seed, so the verdict is the same every run.
    """
    problem = _problem(project, method, aggregate, missing, vikor_v)
    stability = weight_stability(problem, top_k=1)
    if not samples or stability.runner_up is None:
        return judge(stability)
    ranges = find_ranges(problem, project.file.candidates)
    return judge(stability, rank_acceptability(problem, ranges, samples=samples, seed=seed, top_k=1))
