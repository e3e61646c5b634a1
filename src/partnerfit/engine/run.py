"""Run a scoring method on a loaded candidates file and assemble the Result every renderer reads."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

import numpy as np

from partnerfit.contract.candidates import CandidatesFile
from partnerfit.contract.criteria_set import CriteriaSet
from partnerfit.contract.models import MissingPolicy
from partnerfit.engine.dispatch import method_table, run_method
from partnerfit.engine.matrix import Aggregate, DecisionMatrix, build_matrix
from partnerfit.engine.output import MethodOptions, MethodOutput
from partnerfit.engine.ranking import competition_ranks
from partnerfit.engine.registry import get
from partnerfit.engine.score_table import ScoreTable
from partnerfit.engine.wsm import group_scores
from partnerfit.errors import MethodError, MissingScoreError
from partnerfit.result.evidence import EvidenceBook
from partnerfit.result.model import Result
from partnerfit.result.ranking_view import LazyRanking, RankingColumns
from partnerfit.result.rows import RowTable


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


def _prepared(
    project: Project, method: str, aggregate: Aggregate, missing: MissingPolicy | None, vikor_v: float
) -> tuple[DecisionMatrix, MethodOptions]:
    """The decision matrix and the options ``method`` runs with, once every check ``score`` makes has passed."""
    get(method)  # an unknown method is the first error
    if not 0.0 <= vikor_v <= 1.0:
        raise MethodError(f"vikor_v is a weight between 0 and 1; found {vikor_v:g}")
    options = MethodOptions(missing or project.missing, vikor_v)
    matrix = build_matrix(project.file.candidates, project.criteria, aggregate, project.table)
    if options.missing == "error":
        _require_complete(matrix)
    return matrix, options


def validate(
    project: Project,
    *,
    method: str = "wsm",
    aggregate: Aggregate = "mean",
    missing: MissingPolicy | None = None,
    vikor_v: float = 0.5,
) -> None:
    """Raise what ``score`` would raise on ``project`` with these options, without scoring or ranking."""
    matrix, options = _prepared(project, method, aggregate, missing, vikor_v)
    method_table(get(method), matrix, options)  # the method's own checks: every score, positive scores…


def score(
    project: Project,
    *,
    method: str = "wsm",
    aggregate: Aggregate = "mean",
    missing: MissingPolicy | None = None,
    vikor_v: float = 0.5,
) -> Result:
    """Score and rank every candidate of ``project`` with ``method`` (a registered method's name).

    Knock-outs and gates exclude candidates before a method runs; methods that compare candidates
    with each other (all but wsm) need every score, unless ``missing="worst"``.
    """
    matrix, options = _prepared(project, method, aggregate, missing, vikor_v)
    output = run_method(get(method), matrix, options)
    return assemble(project, matrix, output, method=method, aggregate=aggregate, missing=options.missing)


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
        method=method,
        criteria=criteria,
        ranking=LazyRanking(columns),
        missing=missing,
        aggregate=aggregate,
        source=project.path,
        title=file.title,
        objective=file.objective,
        method_details=dict(output.summary),
        evidence_book=EvidenceBook(candidates),  # read only when a renderer asks for notes and evidence
    )


def scores_by_id(result: Result) -> Mapping[str, float | None]:
    """Each candidate's score, by id (a convenience for tests and analyses)."""
    return {c.id: c.score for c in result.ranking}
