"""How the scores were gathered, for the report: assessors, completeness, agreement, rounds, consensus, roles."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from partnerfit.analysis.agreement import agreement
from partnerfit.analysis.agreement_model import RoundAlpha
from partnerfit.analysis.perspectives import Perspectives, perspectives
from partnerfit.contract.models import MissingPolicy
from partnerfit.engine.matrix import Aggregate
from partnerfit.project.assessment_files import sheets_of
from partnerfit.project.assessment_sheet import AssessmentSheet
from partnerfit.project.consensus import consensus_status
from partnerfit.project.loading import Project
from partnerfit.result.consensus import ConsensusStatus

RESOLVED = 10  # divergences listed: the report names the largest, and counts the rest


@dataclass(frozen=True)
class AssessorLine:
    """One assessor as the report shows them: who (or "Assessor N"), the role, how much they scored."""

    label: str  # the assessor's id, or "Assessor N"
    name: str | None  # None when anonymous
    role: str | None
    completeness: float | None
    scored: int
    expected: int


@dataclass(frozen=True)
class Resolved:
    """A (candidate, criterion) pair whose spread shrank from the first round to the counted one."""

    candidate: str
    criterion: str
    before: float
    after: float


@dataclass(frozen=True)
class Gathered:
    """The report's "How the scores were gathered" section."""

    assessors: tuple[AssessorLine, ...]
    alpha_overall: float | None
    alphas: Mapping[str, float | None]
    rounds: tuple[RoundAlpha, ...]
    resolved: tuple[Resolved, ...]
    resolved_total: int
    consensus: ConsensusStatus | None
    perspectives: Perspectives | None


def anonymised(project: Project, label: Callable[[int], str]) -> Project:
    """``project`` with every assessor renamed ``label(n)`` (in order of their ids): the scores and roles stay."""
    every = sheets_of(project)
    order = dict.fromkeys(s.assessor for s in every)
    for candidate in project.file.candidates.values():
        order.update(dict.fromkeys(candidate.assessments or {}))
    names = {a: label(n) for n, a in enumerate(order, start=1)}
    candidates = {
        cid: c.model_copy(update={"assessments": {names[a]: s for a, s in c.assessments.items()}})
        if c.assessments
        else c
        for cid, c in project.file.candidates.items()
    }
    # the file's path names the assessor too (alice-round1.yaml): it is replaced by the label
    sheets = tuple(dataclasses.replace(s, assessor=names[s.assessor], name=None, path=names[s.assessor]) for s in every)
    file = project.file.model_copy(update={"candidates": candidates})
    return dataclasses.replace(project, file=file, sheets=sheets)


def _spread(sheets: list[AssessmentSheet], cid: str, crit: str) -> float | None:
    given = [v for s in sheets if cid not in s.conflicts and (v := s.scores.get(cid, {}).get(crit)) is not None]
    return max(given) - min(given) if len(given) > 1 else None


def resolved(project: Project) -> list[Resolved]:
    """Pairs whose spread shrank between each assessor's first round and the rounds that count, largest first."""
    every = sheets_of(project)
    first: dict[str, AssessmentSheet] = {}
    for s in every:  # sorted by (assessor, round): the first seen is the earliest
        first.setdefault(s.assessor, s)
    counted = [s for s in every if s.counted]
    if all(s.counted for s in first.values()):
        return []  # one round: nothing to resolve
    found = []
    for cid in project.file.candidates:
        for crit in project.criteria.ids:
            before, after = _spread(list(first.values()), cid, crit), _spread(counted, cid, crit)
            if before is not None and after is not None and after < before:
                found.append(Resolved(cid, crit, before, after))
    return sorted(found, key=lambda r: (r.after - r.before, r.candidate, r.criterion))


def gathered(
    project: Project,
    *,
    method: str = "wsm",
    aggregate: Aggregate = "mean",
    missing: MissingPolicy | None = None,
    overrides: Mapping[str, float] | None = None,
) -> Gathered | None:
    """The section's figures, or None when the file has no assessments; ``overrides`` as -w in the perspectives."""
    every = sheets_of(project)
    if not any(s.counted for s in every):
        return None
    report = agreement(project)
    roles = {s.assessor: s.role for s in every if s.counted}
    lines = tuple(
        AssessorLine(a, report.names.get(a), roles.get(a), report.completeness[a], *report.expected[a])
        for a in report.assessors
    )
    found = resolved(project)
    views = None
    if project.file.weights_by_role:
        views = perspectives(project, overrides=overrides, method=method, aggregate=aggregate, missing=missing)
    return Gathered(
        lines,
        report.alpha_overall,
        report.alpha_criteria,
        report.rounds,
        tuple(found[:RESOLVED]),
        len(found),
        consensus_status(project),
        views,
    )
