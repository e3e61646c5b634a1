"""How robust the team is: each candidate's core index over weight samples, and what keeps a candidate out."""

from __future__ import annotations

import secrets
from collections.abc import Sequence

import numpy as np

from partnerfit.analysis.smaa import CHUNK, concentration
from partnerfit.analysis.team_build import Instance
from partnerfit.analysis.team_model import TeamChoice, Why
from partnerfit.errors import CandidateNotFoundError
from partnerfit.mcda.portfolio import Linear, Solver
from partnerfit.project.loading import Project


def core_index(
    inst: Instance, solver: Solver, *, samples: int, seed: int | None, spread: float
) -> tuple[dict[str, float], int]:
    """Robust Portfolio Modeling's core index: the share of weight samples whose optimal team has each candidate.

    The weights are drawn as `sensitivity` draws them (Dirichlet around the declared weights, the
    first stream of ``seed``, in chunks of the same size): the same seed gives the same samples.
    Each sample re-solves the one model with new objective coefficients and the tie rule.
    """
    seed = secrets.randbits(32) if seed is None else seed
    problem, n = inst.problem, len(inst.ids)
    alpha = problem.weights * concentration(spread)
    weight_stream = np.random.default_rng(np.random.SeedSequence(seed).spawn(2)[0])
    counts = np.zeros(n)
    done = 0
    while n and done < samples:
        size = min(CHUNK, samples - done)
        weights = weight_stream.dirichlet(alpha, size)
        weights /= weights.sum(axis=1, keepdims=True)
        scores = problem.scores(weights)[:, list(inst.order)] if inst.portfolio.values is None else None
        for k in range(size):
            team = solver.best(score=None if scores is None else scores[k], weights=weights[k])
            if team is not None:
                counts[list(team)] += 1
        done += size
    return {cid: float(counts[i] / samples) for i, cid in enumerate(inst.ids)}, seed


def _choice(inst: Instance, members: Sequence[int]) -> TeamChoice:
    cost = None if inst.costs is None else float(np.sum(inst.costs[list(members)]))
    return TeamChoice(tuple(inst.ids[i] for i in members), inst.portfolio.value(members), cost)


def _blocking(inst: Instance, best: Sequence[int], i: int) -> Why | None:
    """An exclude, or a never_together with a member, that keeps candidate ``i`` out."""
    cid = inst.ids[i]
    for spec in inst.specs:
        if spec.id == f"exclude:{cid}":
            return Why(cid, "exclude", spec.id)
    for group, spec in zip(inst.portfolio.groups, inst.specs, strict=True):
        if spec.kind == "never_together" and isinstance(group, Linear) and i in group.idx:
            against = tuple(inst.ids[j] for j in best if j in group.idx)
            if against:
                return Why(cid, "never_together", spec.id, against)
    return None


def why_out(inst: Instance, project: Project, best: Sequence[int], cid: str) -> Why:
    """What keeps ``cid`` out of the best team (a constraint, or who displaces it and by how much), and what it would take."""
    if cid not in project.file.candidates:
        raise CandidateNotFoundError(f"no candidate {cid!r} in the file")
    if cid not in inst.ids:
        return Why(cid, "not_ranked")
    i = inst.ids.index(cid)
    if i in best:
        return Why(cid, "member")
    blocked = _blocking(inst, best, i)
    if blocked is not None:
        return blocked
    solver = Solver(inst.portfolio)
    solver.add([i], [1.0], low=1.0)
    forced = solver.best()
    if forced is None:
        conflict = ", ".join(dict.fromkeys(inst.specs[g].id for g in solver.irreducible()))
        return Why(cid, "infeasible", conflict or None)
    top = inst.portfolio.value(best)
    with_it = _choice(inst, forced)
    loss = top - with_it.value
    needed = loss if inst.portfolio.values is None else None
    against = tuple(inst.ids[j] for j in best if j not in forced)
    grown = [*best, i]
    x = inst.portfolio.vector(grown)
    failing = [s for g, s in zip(inst.portfolio.groups, inst.specs, strict=True) if not g.holds(x)]
    if len(failing) == 1 and failing[0].kind in ("budget", "size") and inst.portfolio.value(sorted(grown)) > top:
        return Why(cid, failing[0].kind, failing[0].id, against, with_it, loss, needed)
    return Why(cid, "displaced", None, against, with_it, loss, needed)
