"""Stakeholder perspectives: the ranking under each role's weights, the compromise, and who would disagree."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from partnerfit.analysis.close_call import score
from partnerfit.contract.models import MissingPolicy
from partnerfit.contract.roles import no_role_weights
from partnerfit.engine.matrix import Aggregate
from partnerfit.errors import PartnerfitError
from partnerfit.project.assessment_files import sheets_of
from partnerfit.project.loading import Project
from partnerfit.result.model import Result

TOP = 3  # the picks compared between a role and the compromise: the leader and the top 3
# The compromise is the ranking under the file's own weights (with -w): the weights the file states
# are the ones its authors settled on; a mean of the roles' weights would count each role once
# whatever its size, and would change as soon as one role's weights were written down.
COMPROMISE = "file_weights"


class NoPerspectivesError(PartnerfitError):
    """The file gives no ``weights_by_role``: there is no perspective to rank under."""


@dataclass(frozen=True)
class Perspective:
    """One role's ranking and how far it departs from the compromise."""

    role: str
    assessors: tuple[str, ...]  # the counted assessors who speak for this role
    weights: Mapping[str, float]  # criterion -> effective weight (sums to 1)
    ranks: Mapping[str, int | None]  # candidate -> rank under this role's weights (None: excluded)
    scores: Mapping[str, float | None]
    leader: str | None
    top: tuple[str, ...]
    leader_differs: bool
    compromise_rank: int | None  # where the compromise's leader ranks under this role's weights
    gap: float | None  # points the role's leader leads the compromise's leader by, under this role's weights
    top_missing: tuple[str, ...]  # of the compromise's top 3, those not in this role's top 3

    def to_dict(self) -> dict[str, Any]:
        """The role's part of the ``perspectives`` JSON document."""
        return {
            "role": self.role,
            "assessors": list(self.assessors),
            "weights": dict(self.weights),
            "ranks": dict(self.ranks),
            "scores": dict(self.scores),
            "leader": self.leader,
            "top": list(self.top),
            "leader_differs": self.leader_differs,
            "compromise_leader_rank": self.compromise_rank,
            "gap": self.gap,
            "top_missing": list(self.top_missing),
        }


@dataclass(frozen=True)
class Perspectives:
    """The rankings of every role beside the compromise's."""

    candidates: Mapping[str, str]  # id -> name, in the compromise's order
    compromise: Perspective
    roles: tuple[Perspective, ...]
    method: str

    def to_dict(self) -> dict[str, Any]:
        """The ``perspectives`` JSON document."""
        compromise = self.compromise.to_dict()
        for key in ("role", "assessors", "leader_differs", "compromise_leader_rank", "gap", "top_missing"):
            compromise.pop(key)
        return {
            "kind": "perspectives",
            "method": self.method,
            "compromise": {"basis": COMPROMISE, **compromise},
            "candidates": dict(self.candidates),
            "roles": [p.to_dict() for p in self.roles],
        }


def _ranking(result: Result) -> tuple[dict[str, int | None], dict[str, float | None]]:
    return {c.id: c.rank for c in result.ranking}, {c.id: c.score for c in result.ranking}


def rank_under(
    project: Project,
    weights: Mapping[str, float],
    *,
    overrides: Mapping[str, float] | None = None,
    method: str = "wsm",
    aggregate: Aggregate = "mean",
    missing: MissingPolicy | None = None,
) -> Result:
    """The ranking of ``project`` with ``weights`` laid over its own, then ``overrides`` (as -w) over both."""
    criteria = project.criteria.with_weights({**weights, **(overrides or {})})
    return score(dataclasses.replace(project, criteria=criteria), method=method, aggregate=aggregate, missing=missing)


def view_of(role: str, assessors: tuple[str, ...], result: Result, compromise: Perspective | None) -> Perspective:
    """One weight set's ranking, compared with ``compromise``'s (None: it is the compromise)."""
    ranks, scores = _ranking(result)
    top = tuple(c.id for c in result.ranked[:TOP])
    leader = top[0] if top else None
    weights = {c.id: c.effective_weight for c in result.criteria.criteria}
    if compromise is None:
        return Perspective(role, assessors, weights, ranks, scores, leader, top, False, None, None, ())
    pick = compromise.leader
    rank = ranks.get(pick) if pick else None
    gap = None
    if leader and pick and (a := scores.get(leader)) is not None and (b := scores.get(pick)) is not None:
        gap = a - b
    missing = tuple(c for c in compromise.top if c not in top)
    return Perspective(role, assessors, weights, ranks, scores, leader, top, leader != pick, rank, gap, missing)


def perspectives(
    project: Project,
    *,
    overrides: Mapping[str, float] | None = None,
    method: str = "wsm",
    aggregate: Aggregate = "mean",
    missing: MissingPolicy | None = None,
) -> Perspectives:
    """Rank ``project`` under each role's weights (then ``overrides``, as -w) and under its own: the compromise."""
    by_role = project.file.weights_by_role
    if not by_role:
        raise NoPerspectivesError(no_role_weights(project.path))
    base = score(project, method=method, aggregate=aggregate, missing=missing)
    compromise = view_of("", (), base, None)
    speakers: dict[str, list[str]] = {}
    for sheet in sheets_of(project):
        if sheet.counted and sheet.role:
            speakers.setdefault(sheet.role, []).append(sheet.assessor)
    roles = []
    for role, weights in by_role.items():
        result = rank_under(project, weights, overrides=overrides, method=method, aggregate=aggregate, missing=missing)
        roles.append(view_of(role, tuple(speakers.get(role, ())), result, compromise))
    names = {c.id: c.name for c in base.ranking}
    return Perspectives(names, compromise, tuple(roles), method)
