"""Run a scoring method on a Project and assemble the Result every renderer reads."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from partnerfit.engine.matrix import Aggregate, DecisionMatrix, build_matrix
from partnerfit.engine.ranking import competition_ranks
from partnerfit.engine.wsm import MethodOutput, group_scores, wsm
from partnerfit.errors import MethodError
from partnerfit.loading import Project
from partnerfit.models import MissingPolicy
from partnerfit.result import CandidateResult, Result

Method = Callable[[DecisionMatrix, str], MethodOutput]
METHODS: dict[str, Method] = {"wsm": wsm}


def score(
    project: Project,
    *,
    method: str = "wsm",
    aggregate: Aggregate = "mean",
    missing: MissingPolicy | None = None,
) -> Result:
    """Score and rank every candidate of ``project`` with ``method``."""
    if method not in METHODS:
        raise MethodError(f"unknown method {method!r}; available: {', '.join(METHODS)}")
    policy = missing or project.missing
    matrix = build_matrix(project.file.candidates, project.criteria, aggregate)
    output = METHODS[method](matrix, policy)
    return assemble(project, matrix, output, method=method, aggregate=aggregate, missing=policy)


def assemble(
    project: Project,
    matrix: DecisionMatrix,
    output: MethodOutput,
    *,
    method: str,
    aggregate: str,
    missing: str,
) -> Result:
    """Rank eligible candidates and build one CandidateResult per row."""
    ids = matrix.ids
    scores = output.score.tolist()
    eligible = [not reasons for reasons in matrix.reasons]
    placed = competition_ranks(ids, scores, eligible)
    excluded = sorted((i for i in range(len(ids)) if not eligible[i]), key=lambda i: (-scores[i], ids[i]))
    groups = group_scores(matrix, output)
    criteria = matrix.criteria
    crit_ids = criteria.ids
    half_range = [(c.high - c.low) / 2 for c in criteria.criteria]
    values = matrix.values.tolist()
    spreads = matrix.spread.tolist()
    parts = output.contributions.tolist()
    counted = output.counted.tolist()
    method_values = output.value.tolist()
    coverage = output.coverage.tolist()
    group_rows = {g: arr.tolist() for g, arr in groups.items()}
    candidates = project.file.candidates
    entries = []
    for i, rank in [*placed, *((i, None) for i in excluded)]:
        row_values, row_spread = values[i], spreads[i]
        spread = {crit_ids[j]: s for j, s in enumerate(row_spread) if s == s}
        candidate = candidates[ids[i]]
        entries.append(
            CandidateResult(
                id=ids[i],
                name=candidate.name or ids[i],
                rank=rank,
                score=scores[i],
                value=method_values[i],
                coverage=coverage[i],
                reasons=matrix.reasons[i],
                groups={g: _or_none(row[i]) for g, row in group_rows.items()},
                contributions={crit_ids[j]: p for j, p in enumerate(parts[i]) if counted[i][j]},
                scores={cid: _or_none(x) for cid, x in zip(crit_ids, row_values, strict=True)},
                spread=spread,
                disagreement=tuple(cid for j, cid in enumerate(crit_ids) if row_spread[j] >= half_range[j]),
                notes=matrix.notes[i],
                assessors=matrix.assessors[i],
                type=candidate.type,
            )
        )
    file = project.file
    return Result(
        method,
        criteria,
        tuple(entries),
        missing,
        aggregate,
        project.path,
        file.title,
        file.objective,
    )


def _or_none(x: float) -> float | None:
    return None if np.isnan(x) else x


def scores_by_id(result: Result) -> Mapping[str, float]:
    """Each candidate's score, by id (a convenience for tests and analyses)."""
    return {c.id: c.score for c in result.ranking}
