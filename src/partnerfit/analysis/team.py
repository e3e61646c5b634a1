"""`team`: the optimal team of a project's ``team:`` block, its constraints, alternatives, core indexes and why-nots."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from partnerfit.analysis.smaa import SPREAD
from partnerfit.analysis.team_build import Instance, build, locate
from partnerfit.analysis.team_model import Alternative, ConstraintStatus, Member, TeamChoice, TeamResult
from partnerfit.analysis.team_robust import core_index, why_out
from partnerfit.contract.models import MissingPolicy
from partnerfit.contract.team import Team
from partnerfit.engine.matrix import Aggregate
from partnerfit.errors import Diagnostic, InfeasibleTeamError, InvalidInputError, msg
from partnerfit.mcda.portfolio import Distinct, Solver
from partnerfit.project.loading import Project

ALTERNATIVES = 3
BEST_CRITERIA = 3  # what a member brings: its best criteria, at most this many


def _team(project: Project, team: Team | None) -> Team:
    found = team if team is not None else project.file.team
    if found is None:
        raise InvalidInputError([locate(project.path, (), msg("the file has no team block"))])
    return found


def infeasible(inst: Instance, solver: Solver) -> InfeasibleTeamError:
    """The error for a problem with no feasible team: a smallest set of constraints that cannot hold together."""
    kept = solver.irreducible()
    seen: dict[str, int] = {}
    for g in kept:  # a mix rule may be two groups (bounds, distinct values): named once
        seen.setdefault(inst.specs[g].id, g)
    return InfeasibleTeamError([(inst.specs[g].id, inst.specs[g].path, inst.specs[g].words) for g in seen.values()])


def located(error: InfeasibleTeamError, path: str) -> list[Diagnostic]:
    """Each constraint of the conflict as a located diagnostic of the file at ``path``."""
    return [locate(path, loc, words) for _, loc, words in error.conflict]


def choice(inst: Instance, members: Sequence[int]) -> TeamChoice:
    """A team (indices) as ids, value and cost."""
    cost = None if inst.costs is None else float(np.sum(inst.costs[list(members)]))
    return TeamChoice(tuple(inst.ids[i] for i in members), inst.portfolio.value(members), cost)


def statuses(inst: Instance, members: Sequence[int]) -> tuple[ConstraintStatus, ...]:
    """Every constraint's status for a team, in the file's order (a mix rule's parts merged)."""
    x = inst.portfolio.vector(members)
    found: dict[str, ConstraintStatus] = {}
    for group, spec in zip(inst.portfolio.groups, inst.specs, strict=True):
        if isinstance(group, Distinct):
            by = sorted({int(i) for c in group.classes for i in c if x[i]})
            amount = float(sum(bool(x[c].any()) for c in group.classes))
            low: float | None = float(group.k)
            high: float | None = None
        else:
            by = sorted(int(i) for i in group.idx if x[i]) if spec.kind not in ("size", "budget") else []
            amount = float(group.coef @ x[group.idx])
            low = None if group.low == -np.inf else group.low
            high = None if group.high == np.inf else group.high
        status = ConstraintStatus(
            spec.id, spec.kind, group.holds(x), tuple(inst.ids[i] for i in by), amount, low, high, spec.path
        )
        if spec.id in found:  # the second part of a mix rule: both must hold
            first = found[spec.id]
            status = ConstraintStatus(
                first.id,
                first.kind,
                first.satisfied and status.satisfied,
                tuple(sorted(set(first.by) | set(status.by))),
                first.amount,
                first.low,
                first.high,
                first.path,
            )
        found[spec.id] = status
    return tuple(found.values())


def _members(inst: Instance, members: Sequence[int], covers: Sequence[ConstraintStatus]) -> tuple[Member, ...]:
    found = []
    for i in members:
        cid = inst.ids[i]
        brings = tuple(c.id.split(":", 1)[1] for c in covers if c.kind == "cover" and cid in c.by)
        ranked = sorted(range(len(inst.criteria)), key=lambda j: (-inst.values[i, j], j))
        best = tuple(inst.criteria[j] for j in ranked[:BEST_CRITERIA] if inst.values[i, j] > 0)
        others = [j for j in members if j != i]
        own = inst.portfolio.value(members) - inst.portfolio.value(others)
        cost = None if inst.costs is None else float(inst.costs[i])
        found.append(Member(cid, inst.names[cid], float(inst.scores[i]), cost, brings, best, own))
    return tuple(found)


def alternatives(inst: Instance, best: Sequence[int], k: int) -> tuple[Alternative, ...]:
    """The next ``k`` best teams (no-good cuts, each under the tie rule), best first."""
    if k <= 0:
        return ()
    solver, top = Solver(inst.portfolio, presolve=True), choice(inst, best)
    solver.cut(best)
    found = []
    for _ in range(k):
        team = solver.best()
        if team is None:
            break
        solver.cut(team)
        alt = choice(inst, team)
        added = tuple(sorted(set(alt.members) - set(top.members)))
        removed = tuple(sorted(set(top.members) - set(alt.members)))
        found.append(Alternative(alt, added, removed, alt.value - top.value))
    return tuple(found)


def choose(
    project: Project,
    *,
    team: Team | None = None,
    method: str = "wsm",
    aggregate: Aggregate = "mean",
    missing: MissingPolicy | None = None,
    vikor_v: float = 0.5,
    alternatives_count: int = ALTERNATIVES,
    samples: int = 0,
    seed: int | None = None,
    spread: float = SPREAD,
    why: str | None = None,
) -> TeamResult:
    """The optimal team of ``project`` (its ``team:`` block, or ``team``), exactly, under FORMAT.md's tie rule.

    Raises InfeasibleTeamError naming a smallest set of constraints that cannot hold together,
    InvalidInputError when a budget meets a candidate without a numeric cost. ``samples`` > 0
    adds every ranked candidate's core index (the weight sampling of `sensitivity`).
    """
    block = _team(project, team)
    inst = build(project, block, method=method, aggregate=aggregate, missing=missing, vikor_v=vikor_v)
    solver = Solver(inst.portfolio)
    best = solver.best()
    if best is None:
        raise infeasible(inst, solver)
    constraints = statuses(inst, best)
    index, used = core_index(inst, solver, samples=samples, seed=seed, spread=spread) if samples > 0 else ({}, None)
    return TeamResult(
        objective=block.objective,
        method=method,
        best=choice(inst, best),
        members=_members(inst, best, constraints),
        constraints=constraints,
        alternatives=alternatives(inst, best, alternatives_count),
        core_index=index,
        samples=samples if samples > 0 else 0,
        seed=used,
        budget=None if block.budget is None else float(block.budget),
        cost_key=block.cost,
        names=inst.names,
        why=None if why is None else why_out(inst, project, best, why),
    )
