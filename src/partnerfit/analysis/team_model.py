"""What `team` found: the chosen team, its constraints, alternatives and core indexes (codes and numbers, no words)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from partnerfit._version import __version__

# FORMAT.md's tie rule, as a code the renderers word: value (within 1e-9), then the smaller team,
# then the lexicographically smallest sorted list of ids
TIE_RULE = "value_then_size_then_ids"
CORE = "core"
BORDERLINE = "borderline"
EXTERIOR = "exterior"

ConstraintKind = Literal["size", "budget", "cover", "mix", "include", "exclude", "never_together"]
WhyReason = Literal["member", "not_ranked", "exclude", "never_together", "budget", "size", "infeasible", "displaced"]
NodePath = tuple[str | int, ...]


def _number(x: float | None) -> float | int | None:
    """A figure as JSON: whole numbers written whole (FORMAT.md writes a cost of 420000), float noise rounded off."""
    if x is None:
        return None
    rounded = round(float(x), 9)
    return int(rounded) if rounded.is_integer() and abs(rounded) < 2**53 else rounded


@dataclass(frozen=True)
class Member:
    """One member of the chosen team: its score and what it brings."""

    id: str
    name: str
    score: float  # the 0–100 score of the ranking
    cost: float | None  # info[cost], when the file gives a number
    covers: tuple[str, ...]  # the cover criteria it meets, in the file's order
    best: tuple[str, ...]  # its best criteria (highest 0–1 value first), at most three
    contribution: float = 0.0  # the value the team loses without its own part (total: its score)

    def to_dict(self) -> dict[str, Any]:
        """The member as JSON."""
        return {
            "id": self.id,
            "name": self.name,
            "score": _number(self.score),
            "cost": _number(self.cost),
            "covers": list(self.covers),
            "best": list(self.best),
        }


@dataclass(frozen=True)
class ConstraintStatus:
    """One constraint of the ``team:`` block and whether the chosen team meets it."""

    id: str  # size, budget, cover:<criterion>, mix:<index>, include:<id>, exclude:<id>, never_together:<index>
    kind: ConstraintKind
    satisfied: bool
    by: tuple[str, ...]  # the members that count toward it (cover, mix, include, never_together); () otherwise
    amount: float | None = None  # what the team has: members, cost, members matching, distinct values
    low: float | None = None  # the bound it must reach, and the one it may not pass
    high: float | None = None
    path: NodePath = ()  # where it is written: ("team", "cover", "loyalty"), ("team", "mix", 0)…

    def to_dict(self) -> dict[str, Any]:
        """FORMAT.md's ``{id, satisfied, by}``, with the kind, amount and bounds beside."""
        return {
            "id": self.id,
            "satisfied": self.satisfied,
            "by": list(self.by),
            "kind": self.kind,
            "amount": _number(self.amount),
            "low": _number(self.low),
            "high": _number(self.high),
        }


@dataclass(frozen=True)
class TeamChoice:
    """A team: its members (sorted ids), value, total cost and size."""

    members: tuple[str, ...]
    value: float
    cost: float | None

    @property
    def size(self) -> int:
        """How many members."""
        return len(self.members)

    def to_dict(self) -> dict[str, Any]:
        """FORMAT.md's ``team`` object."""
        return {
            "members": list(self.members),
            "value": _number(self.value),
            "cost": _number(self.cost),
            "size": self.size,
        }


@dataclass(frozen=True)
class Alternative:
    """A next-best team and how it differs from the best one."""

    team: TeamChoice
    added: tuple[str, ...]  # members it has that the best team has not
    removed: tuple[str, ...]  # members of the best team it has not
    difference: float  # its value minus the best value (≤ 0)

    def to_dict(self) -> dict[str, Any]:
        """FORMAT.md's ``{members, value}``, with the cost, size and differences beside."""
        return {
            **self.team.to_dict(),
            "added": list(self.added),
            "removed": list(self.removed),
            "difference": _number(self.difference),
        }


@dataclass(frozen=True)
class Why:
    """What keeps a candidate out of the team, and what it would take to bring it in."""

    candidate: str
    reason: WhyReason
    constraint: str | None = None  # the constraint id that keeps it out (exclude, never_together, budget, size)
    against: tuple[str, ...] = ()  # the members it conflicts with, or who displaces it
    team_with: TeamChoice | None = None  # the best team forced to include it
    loss: float | None = None  # best value − value of team_with
    needed: float | None = None  # score increase that brings it in (total objective only)

    def to_dict(self) -> dict[str, Any]:
        """The answer as JSON."""
        return {
            "candidate": self.candidate,
            "reason": self.reason,
            "constraint": self.constraint,
            "against": list(self.against),
            "team_with": None if self.team_with is None else self.team_with.to_dict(),
            "loss": _number(self.loss),
            "needed": _number(self.needed),
        }


def classify(core_index: float) -> str:
    """Robust Portfolio Modeling's classes: core (in every optimal team), borderline, exterior (in none)."""
    if core_index >= 1.0:
        return CORE
    return EXTERIOR if core_index <= 0.0 else BORDERLINE


@dataclass(frozen=True)
class TeamResult:
    """The optimal team of a project, with every constraint's status, the alternatives and the core indexes."""

    objective: str  # total | complementarity
    method: str
    best: TeamChoice
    members: tuple[Member, ...]  # the best team's members, in sorted id order
    constraints: tuple[ConstraintStatus, ...]
    alternatives: tuple[Alternative, ...] = ()
    core_index: Mapping[str, float] = field(default_factory=dict)  # every ranked candidate, when sampled
    samples: int = 0
    seed: int | None = None
    budget: float | None = None
    cost_key: str = "cost"
    names: Mapping[str, str] = field(default_factory=dict)  # candidate id -> display name
    tie_rule: str = TIE_RULE
    why: Why | None = None

    @property
    def classes(self) -> dict[str, str]:
        """core / borderline / exterior of every candidate with a core index."""
        return {cid: classify(x) for cid, x in self.core_index.items()}

    @property
    def coverage(self) -> dict[str, tuple[str, ...]]:
        """The coverage matrix: each cover requirement's id -> the members meeting it."""
        return {c.id: c.by for c in self.constraints if c.kind == "cover"}

    def to_dict(self) -> dict[str, Any]:
        """FORMAT.md's JSON, with the members, budget, classes, tie rule and any --why answer added."""
        out: dict[str, Any] = {
            "partnerfit": __version__,
            "objective": self.objective,
            "team": self.best.to_dict(),
            "constraints": [c.to_dict() for c in self.constraints],
            "alternatives": [a.to_dict() for a in self.alternatives],
            "core_index": {cid: _number(x) for cid, x in self.core_index.items()},
            "samples": self.samples,
            "seed": self.seed,
            "method": self.method,
            "members": [m.to_dict() for m in self.members],
            "budget": _number(self.budget),
            "cost_key": self.cost_key,
            "classes": self.classes,
            "tie_rule": self.tie_rule,
        }
        if self.why is not None:
            out["why"] = self.why.to_dict()
        return out
