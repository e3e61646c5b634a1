"""What a diff of two versions of a candidates file holds: rank, score, gate, weight and definition changes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from partnerfit._version import __version__
from partnerfit.analysis.diff_criteria import CriteriaDiff
from partnerfit.analysis.diff_scenarios import ScenariosDiff
from partnerfit.analysis.diff_team import TeamDiff
from partnerfit.contract.criteria_set import CriteriaSet
from partnerfit.i18n import reason_text
from partnerfit.result.model import Reason

DEFAULT_TOP = 5

Status = Literal["ranked", "excluded", "absent"]
ChangeKind = Literal["moved", "added", "removed", "excluded", "readmitted"]

# the conditions `--fail-on` can test, in the order they are documented
CONDITIONS = ("leader-change", "top-k-change", "any-rank-change", "exclusion-change")


@dataclass(frozen=True, slots=True)
class ScoreChange:
    """One input score that changed: ``assessor`` is None for a candidate's own ``scores``."""

    criterion: str
    assessor: str | None
    old: float | None
    new: float | None
    note: str | None = None  # the note of the new score, which says who changed it and why


@dataclass(frozen=True, slots=True)
class GateChange:
    """A gate answer before and after (None: not answered)."""

    gate: str
    old: bool | None
    new: bool | None


@dataclass(frozen=True)
class CandidateChange:
    """A candidate present in both files whose input scores or gate answers changed."""

    id: str
    name: str
    scores: tuple[ScoreChange, ...]
    gates: tuple[GateChange, ...]
    old_score: float | None
    new_score: float | None

    def to_dict(self) -> dict[str, Any]:
        """One entry of ``candidates.changed``."""
        return {
            "id": self.id,
            "name": self.name,
            "old_score": self.old_score,
            "new_score": self.new_score,
            "scores": [
                {"criterion": s.criterion, "assessor": s.assessor, "old": s.old, "new": s.new, "note": s.note}
                for s in self.scores
            ],
            "gates": [{"gate": g.gate, "old": g.old, "new": g.new} for g in self.gates],
        }


@dataclass(frozen=True, slots=True)
class Standing:
    """Where a candidate stands in one ranking: ranked, excluded (with reasons) or absent."""

    status: Status
    rank: int | None = None
    score: float | None = None
    reasons: tuple[Reason, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """``{"status", "rank", "score", "reasons"}`` (reasons in English, as in the score JSON)."""
        return {
            "status": self.status,
            "rank": self.rank,
            "score": self.score,
            "reasons": [reason_text(r) for r in self.reasons],
        }


ABSENT = Standing("absent")


@dataclass(frozen=True, slots=True)
class RankChange:
    """A candidate whose standing changed: a new rank, in or out of the file, excluded or readmitted."""

    id: str
    name: str
    old: Standing
    new: Standing

    @property
    def kind(self) -> ChangeKind:
        """moved, added, removed, excluded (ranked → excluded) or readmitted (excluded → ranked)."""
        if self.old.status == "absent":
            return "added"
        if self.new.status == "absent":
            return "removed"
        if self.old.status == "ranked" and self.new.status == "excluded":
            return "excluded"
        if self.old.status == "excluded" and self.new.status == "ranked":
            return "readmitted"
        return "moved"

    def to_dict(self) -> dict[str, Any]:
        """One entry of ``ranking.changes``."""
        return {
            "id": self.id,
            "name": self.name,
            "change": self.kind,
            "old": self.old.to_dict(),
            "new": self.new.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class Member:
    """A candidate added to or removed from the file."""

    id: str
    name: str


@dataclass(frozen=True)
class ProjectDiff:
    """Everything ``partnerfit diff`` reports; renderers read it, ``to_dict`` is its JSON document."""

    old_path: str
    new_path: str
    method: str
    top: int
    criteria: CriteriaDiff
    old_criteria: CriteriaSet
    new_criteria: CriteriaSet
    added: tuple[Member, ...]
    removed: tuple[Member, ...]
    changed: tuple[CandidateChange, ...]
    ranks: tuple[RankChange, ...]
    old_leaders: tuple[str, ...]
    new_leaders: tuple[str, ...]
    old_top: tuple[str, ...]
    new_top: tuple[str, ...]
    names: Mapping[str, str]
    old_ranked: Mapping[str, int]
    new_ranked: Mapping[str, int]
    # the file's named scenarios added, removed or reweighted
    scenarios: ScenariosDiff = field(default_factory=ScenariosDiff)
    team: TeamDiff | None = None  # the proposed team of each version: only when both have a team: block

    @property
    def leader_changed(self) -> bool:
        """True when the candidates ranked first are not the same ones."""
        return set(self.old_leaders) != set(self.new_leaders)

    @property
    def entered(self) -> tuple[str, ...]:
        """Candidates in the new top K that were not in the old one, in new rank order."""
        return tuple(cid for cid in self.new_top if cid not in self.old_top)

    @property
    def left(self) -> tuple[str, ...]:
        """Candidates of the old top K no longer in the new one, in old rank order."""
        return tuple(cid for cid in self.old_top if cid not in self.new_top)

    @property
    def moves(self) -> tuple[RankChange, ...]:
        """Candidates ranked in both versions whose rank changed."""
        return tuple(r for r in self.ranks if r.kind == "moved")

    @property
    def newly_excluded(self) -> tuple[RankChange, ...]:
        """Candidates ranked before and excluded now (with the new reasons)."""
        return tuple(r for r in self.ranks if r.kind == "excluded")

    @property
    def readmitted(self) -> tuple[RankChange, ...]:
        """Candidates excluded before and ranked now (with the old reasons)."""
        return tuple(r for r in self.ranks if r.kind == "readmitted")

    @property
    def conditions(self) -> dict[str, bool]:
        """Whether each ``--fail-on`` condition holds.

        ``leader-change``: the candidates ranked first differ; ``top-k-change``: a candidate entered
        or left the top K (ranks ≤ K, so ties at K are in); ``any-rank-change``: any candidate's
        rank differs, counting candidates added, removed, excluded or readmitted;
        ``exclusion-change``: a candidate of both versions was newly excluded or readmitted.
        """
        return {
            "leader-change": self.leader_changed,
            "top-k-change": bool(self.entered or self.left),
            "any-rank-change": dict(self.old_ranked) != dict(self.new_ranked),
            "exclusion-change": bool(self.newly_excluded or self.readmitted),
        }

    @property
    def unchanged(self) -> bool:
        """True when nothing at all differs (criteria, candidates, scores, ranking)."""
        if self.team is not None and self.team.changed:
            return False
        return not (
            self.criteria.changed or self.added or self.removed or self.changed or self.ranks or self.scenarios.changed
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of ``partnerfit diff --format json``."""
        return {
            "partnerfit": __version__,
            "old": self.old_path,
            "new": self.new_path,
            "method": self.method,
            "unchanged": self.unchanged,
            "criteria": self.criteria.to_dict(),
            "candidates": {
                "added": [{"id": m.id, "name": m.name} for m in self.added],
                "removed": [{"id": m.id, "name": m.name} for m in self.removed],
                "changed": [c.to_dict() for c in self.changed],
            },
            "ranking": {
                "leader": {
                    "old": list(self.old_leaders),
                    "new": list(self.new_leaders),
                    "changed": self.leader_changed,
                },
                "top": {
                    "k": self.top,
                    "old": list(self.old_top),
                    "new": list(self.new_top),
                    "entered": list(self.entered),
                    "left": list(self.left),
                },
                "changes": [r.to_dict() for r in self.ranks],
            },
            "conditions": self.conditions,
            # only when a scenario was added, removed or reweighted: every other document stays as it was
            **({"scenarios": self.scenarios.to_dict()} if self.scenarios.changed else {}),
            # only when both versions have a team: block
            **({"team": self.team.to_dict()} if self.team is not None else {}),
        }


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value
