"""The team problem of a project: its ranked candidates in sorted id order and each constraint of ``team:`` as a group."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from partnerfit.analysis.stability import Problem, eligible_problem
from partnerfit.analysis.team_model import ConstraintKind, NodePath
from partnerfit.contract.candidates import Candidate
from partnerfit.contract.models import MissingPolicy
from partnerfit.contract.team import MixRule, Team
from partnerfit.engine.matrix import Aggregate, FloatArray, build_matrix
from partnerfit.engine.output import MethodOptions
from partnerfit.engine.run import validate
from partnerfit.errors import Diagnostic, InvalidInputError, Msg, msg
from partnerfit.mcda.portfolio import Distinct, Group, Linear, Portfolio, count
from partnerfit.project.loading import Project


@dataclass(frozen=True)
class Spec:
    """One constraint of the block: its id, kind, where it is written and what it asks, in words."""

    id: str
    kind: ConstraintKind
    path: NodePath
    words: Msg


@dataclass(frozen=True)
class Instance:
    """A project's team problem: candidates in sorted id order, their figures, the groups and their specs."""

    team: Team
    ids: tuple[str, ...]  # ranked candidates, sorted: index order is the tie rule's id order
    names: Mapping[str, str]
    scores: FloatArray  # 0–100 scores of the method, by index
    values: FloatArray  # (n, C) 0–1 values (a missing score counts 0)
    raw: FloatArray  # (n, C) aggregated scores on each criterion's scale (NaN: missing)
    criteria: tuple[str, ...]
    costs: FloatArray | None
    portfolio: Portfolio
    specs: tuple[Spec, ...]  # one per group of the portfolio, same order
    problem: Problem  # to re-score under sampled weights
    order: tuple[int, ...]  # problem row of each index


def _cost(candidate: Candidate, key: str) -> float | None:
    value = candidate.info.get(key)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _costs(project: Project, team: Team, ids: tuple[str, ...]) -> FloatArray | None:
    if team.budget is None:
        return None
    candidates = project.file.candidates
    found = [_cost(candidates[cid], team.cost) for cid in ids]
    bad = [cid for cid, c in zip(ids, found, strict=True) if c is None or not np.isfinite(c)]
    if bad:
        words = msg(
            "candidate {candidate} has no numeric cost in info.{key}, and the team has a budget",
            candidate=bad[0],
            key=team.cost,
        )
        loc: NodePath = ("candidates", bad[0], "info", team.cost)
        if team.cost not in candidates[bad[0]].info:
            loc = ("candidates", bad[0])
        raise InvalidInputError([locate(project.path, loc, words)])
    return np.array(found, dtype=float)


def locate(path: str, loc: NodePath, words: Msg) -> Diagnostic:
    """A located diagnostic for a node of the file (read again: only on the error path)."""
    from pathlib import Path

    from partnerfit.io.document import read_document

    try:
        line, column = read_document(Path(path)).locate(loc)
    except Exception:
        line, column = 1, 1
    return Diagnostic.of(path, line, column, "error", words, ".".join(str(p) for p in loc))


def _selector(rule: MixRule) -> str:
    if rule.type is not None:
        return f"type: {rule.type}"
    if rule.tag is not None:
        return f"tag: {rule.tag}"
    return f"info: {rule.info}" + ("" if rule.equals is None else f" = {rule.equals}")


def _matches(rule: MixRule, c: Candidate) -> bool:
    if rule.type is not None:
        return c.type == rule.type
    if rule.tag is not None:
        return rule.tag in c.tags
    value = c.info.get(str(rule.info))
    if rule.equals is None:
        return value is not None
    return value == rule.equals and isinstance(value, bool) == isinstance(rule.equals, bool)


def _mix(k: int, rule: MixRule, cands: list[Candidate]) -> list[tuple[Group, Spec]]:
    gid, path, sel = f"mix:{k}", ("team", "mix", k), _selector(rule)
    found: list[tuple[Group, Spec]] = []
    if rule.at_least is not None or rule.at_most is not None:
        idx = [i for i, c in enumerate(cands) if _matches(rule, c)]
        low = -np.inf if rule.at_least is None else float(rule.at_least)
        high = np.inf if rule.at_most is None else float(rule.at_most)
        if rule.at_most is None:
            words = msg("at least {count} members match {selector}", count=str(rule.at_least), selector=sel)
        elif rule.at_least is None:
            words = msg("at most {count} members match {selector}", count=str(rule.at_most), selector=sel)
        else:
            words = msg(
                "{low} to {high} members match {selector}", low=str(rule.at_least), high=str(rule.at_most), selector=sel
            )
        found.append((count(gid, idx, low, high), Spec(gid, "mix", path, words)))
    if rule.distinct_at_least is not None:
        classes: dict[str, list[int]] = {}
        for i, c in enumerate(cands):
            value = c.info.get(str(rule.info))
            if value is not None:
                classes.setdefault(repr(value), []).append(i)
        group = Distinct(gid, tuple(np.array(v, dtype=np.int64) for v in classes.values()), rule.distinct_at_least)
        words = msg(
            "the members show at least {count} distinct values of info {key}",
            count=str(rule.distinct_at_least),
            key=str(rule.info),
        )
        found.append((group, Spec(gid, "mix", path, words)))
    return found


def _groups(project: Project, team: Team, inst: dict[str, Any]) -> list[tuple[Group, Spec]]:
    ids: tuple[str, ...] = inst["ids"]
    at = {cid: i for i, cid in enumerate(ids)}
    cands = [project.file.candidates[cid] for cid in ids]
    low, high = team.bounds
    found: list[tuple[Group, Spec]] = [
        (
            count("size", range(len(ids)), low, high),
            Spec(
                "size",
                "size",
                ("team", "size"),
                msg("the team has {low} to {high} members", low=str(low), high=str(high)),
            ),
        )
    ]
    if inst["costs"] is not None and team.budget is not None:
        words = msg("the members cost {budget} or less together", budget=f"{team.budget:g}")
        group = Linear("budget", np.arange(len(ids)), inst["costs"], high=float(team.budget))
        found.append((group, Spec("budget", "budget", ("team", "budget"), words)))
    column = {c: j for j, c in enumerate(inst["criteria"])}
    for crit, cover in team.cover.items():
        j = column.get(crit)
        raw = inst["raw"][:, j] if j is not None else np.full(len(ids), np.nan)
        meets = [int(i) for i in np.flatnonzero(np.nan_to_num(raw, nan=-np.inf) >= float(cover.min))]
        words = msg(
            "at least {count} members score {min} or more on {criterion}",
            count=str(cover.at_least),
            min=f"{cover.min:g}",
            criterion=crit,
        )
        found.append(
            (
                count(f"cover:{crit}", meets, cover.at_least),
                Spec(f"cover:{crit}", "cover", ("team", "cover", crit), words),
            )
        )
    for k, rule in enumerate(team.mix):
        found.extend(_mix(k, rule, cands))
    for k, cid in enumerate(team.include):
        idx = [at[cid]] if cid in at else []
        spec = Spec(f"include:{cid}", "include", ("team", "include", k), msg("{candidate} is a member", candidate=cid))
        found.append((count(spec.id, idx, 1.0), spec))
    for k, cid in enumerate(team.exclude):
        idx = [at[cid]] if cid in at else []
        spec = Spec(
            f"exclude:{cid}", "exclude", ("team", "exclude", k), msg("{candidate} is not a member", candidate=cid)
        )
        found.append((count(spec.id, idx, high=0.0), spec))
    for k, group_ids in enumerate(team.never_together):
        idx = [at[cid] for cid in group_ids if cid in at]
        words = msg("at most one of {candidates} is a member", candidates=", ".join(group_ids))
        spec = Spec(f"never_together:{k}", "never_together", ("team", "never_together", k), words)
        found.append((count(spec.id, idx, high=1.0), spec))
    return found


def build(
    project: Project,
    team: Team,
    *,
    method: str = "wsm",
    aggregate: Aggregate = "mean",
    missing: MissingPolicy | None = None,
    vikor_v: float = 0.5,
) -> Instance:
    """The team problem of ``project``: only ranked candidates can be members; costs read when there is a budget."""
    validate(project, method=method, aggregate=aggregate, missing=missing, vikor_v=vikor_v)
    matrix = build_matrix(project.file.candidates, project.criteria, aggregate, project.table)
    problem = eligible_problem(matrix, method, MethodOptions(missing or project.missing, vikor_v))
    order = tuple(sorted(range(len(problem.ids)), key=lambda r: problem.ids[r]))
    ids = tuple(problem.ids[r] for r in order)
    scores = problem.scores(problem.weights)[list(order)] if ids else np.empty(0)
    values = np.nan_to_num(problem.normalised()[list(order)]) if ids else np.empty((0, len(problem.criteria)))
    raw = problem.values[list(order)] if ids else values
    inst: dict[str, Any] = {"ids": ids, "criteria": problem.criteria, "raw": raw, "costs": _costs(project, team, ids)}
    pairs = _groups(project, team, inst)
    groups = tuple(g for g, _ in pairs)
    if team.objective == "total":
        portfolio = Portfolio(len(ids), groups, score=np.asarray(scores, dtype=float))
    else:
        portfolio = Portfolio(len(ids), groups, values=values, weights=np.asarray(problem.weights, dtype=float))
    candidates = project.file.candidates
    names = {cid: candidates[cid].name or cid for cid in ids}
    return Instance(
        team,
        ids,
        names,
        np.asarray(scores, float),
        values,
        raw,
        problem.criteria,
        inst["costs"],
        portfolio,
        tuple(s for _, s in pairs),
        problem,
        order,
    )
