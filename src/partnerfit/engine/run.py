"""Run a scoring method on a loaded candidates file and assemble the Result every renderer reads."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol

import numpy as np

from partnerfit.contract.criteria_set import CriteriaSet
from partnerfit.contract.models import CandidatesFile, MissingPolicy
from partnerfit.engine.matrix import Aggregate, DecisionMatrix, build_matrix
from partnerfit.engine.output import MethodOptions, MethodOutput
from partnerfit.engine.ranking import competition_ranks
from partnerfit.engine.relative import RELATIVE_METHODS
from partnerfit.engine.score_table import ScoreTable
from partnerfit.engine.wsm import group_scores, wsm
from partnerfit.errors import MethodError, MissingScoreError
from partnerfit.gcpause import paused_gc
from partnerfit.result.model import Result
from partnerfit.result.ranking_view import LazyRanking, RankingColumns
from partnerfit.result.rows import RowTable

Method = Callable[[DecisionMatrix, MethodOptions], MethodOutput]


class Project(Protocol):
    """What the engine reads of a loaded file (partnerfit.project.loading.Project is one): it loads nothing itself."""

    @property
    def path(self) -> str: ...
    @property
    def file(self) -> CandidatesFile: ...
    @property
    def criteria(self) -> CriteriaSet: ...
    @property
    def missing(self) -> MissingPolicy: ...
    @property
    def table(self) -> ScoreTable | None: ...


def _wsm(matrix: DecisionMatrix, options: MethodOptions) -> MethodOutput:
    return wsm(matrix, options.missing)


METHODS: dict[str, Method] = {"wsm": _wsm, **RELATIVE_METHODS}


def score(
    project: Project,
    *,
    method: str = "wsm",
    aggregate: Aggregate = "mean",
    missing: MissingPolicy | None = None,
    vikor_v: float = 0.5,
) -> Result:
    """Score and rank every candidate of ``project`` with ``method``.

    Knock-outs and gates exclude candidates before a method runs; methods that compare candidates
    with each other (all but wsm) need every score, unless ``missing="worst"``.
    """
    if method not in METHODS:
        raise MethodError(f"unknown method {method!r}; available: {', '.join(METHODS)}")
    if not 0.0 <= vikor_v <= 1.0:
        raise MethodError(f"vikor_v is a weight between 0 and 1; found {vikor_v:g}")
    policy = missing or project.missing
    with paused_gc():
        matrix = build_matrix(project.file.candidates, project.criteria, aggregate, project.table)
        if policy == "error":
            _require_complete(matrix)
        output = METHODS[method](matrix, MethodOptions(policy, vikor_v))
        return assemble(project, matrix, output, method=method, aggregate=aggregate, missing=policy)


def _require_complete(matrix: DecisionMatrix) -> None:
    rows, cols = np.nonzero(np.isnan(matrix.values))
    if len(rows):
        first = f"{matrix.ids[rows[0]]} has no score for {matrix.criteria.ids[cols[0]]}"
        raise MissingScoreError(f"missing: error, but {len(rows)} score(s) are missing ({first})")


def assemble(
    project: Project,
    matrix: DecisionMatrix,
    output: MethodOutput,
    *,
    method: str,
    aggregate: str,
    missing: str,
) -> Result:
    """Rank eligible candidates; the entries stay columns until a renderer reads them."""
    ids = matrix.ids
    scores: list[float | None] = [x if x == x else None for x in output.score.tolist()]  # NaN: not scored
    eligible = [not reasons for reasons in matrix.reasons]
    keys = None if output.rank_key is None else np.nan_to_num(output.rank_key, nan=-np.inf).tolist()
    placed = competition_ranks(ids, [x if x is not None else 0.0 for x in scores], eligible, keys)
    excluded = sorted(
        (i for i in range(len(ids)) if not eligible[i]), key=lambda i: (scores[i] is None, -(scores[i] or 0.0), ids[i])
    )
    criteria = matrix.criteria
    crit_ids = criteria.ids
    group_ids = tuple(g.id for g in criteria.groups)
    groups = group_scores(matrix, missing)
    group_matrix = np.column_stack([groups[g] for g in group_ids]) if group_ids else np.empty((len(ids), 0))
    spread = RowTable(crit_ids, matrix.spread, gaps="drop")
    half_range = np.array([(c.high - c.low) / 2 for c in criteria.criteria])
    with np.errstate(invalid="ignore"):
        flagged = matrix.spread >= half_range
    disagreement = {
        i: tuple(crit_ids[j] for j in np.flatnonzero(flagged[i]).tolist())
        for i in np.flatnonzero(flagged.any(axis=1)).tolist()
    }
    candidates = project.file.candidates
    models = [candidates[cid] for cid in ids]
    columns = RankingColumns(
        order=[i for i, _ in placed] + excluded,
        ranks=[rank for _, rank in placed] + [None] * len(excluded),
        ids=ids,
        names=[m.name or cid for m, cid in zip(models, ids, strict=True)],
        kinds=[m.type for m in models],
        scores=scores,
        values=[x if x == x else None for x in output.value.tolist()],
        coverage=output.coverage.tolist(),
        reasons=matrix.reasons,
        notes=matrix.notes,
        assessors=matrix.assessors,
        disagreement=disagreement,
        groups=RowTable(group_ids, group_matrix, gaps="none"),
        contributions=RowTable(crit_ids, np.where(output.counted, output.contributions, np.nan), gaps="drop"),
        inputs=RowTable(crit_ids, matrix.values, gaps="none"),
        spread=spread,
        details={name: [x if x == x else None for x in column.tolist()] for name, column in output.details.items()},
    )
    file = project.file
    return Result(
        method,
        criteria,
        LazyRanking(columns),
        missing,
        aggregate,
        project.path,
        file.title,
        file.objective,
        method_details=dict(output.summary),
    )


def scores_by_id(result: Result) -> Mapping[str, float | None]:
    """Each candidate's score, by id (a convenience for tests and analyses)."""
    return {c.id: c.score for c in result.ranking}
