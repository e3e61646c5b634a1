"""What changed between two versions of a candidates file, and what it does to the ranking.

``diff_projects`` is pure: it compares two loaded projects (criteria, weights, scores, gate
answers) and scores both with the same method to compare the rankings. ``load_at_revision``
reads a file as it was at a git revision, for ``partnerfit diff FILE --rev REV``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from partnerfit._version import __version__
from partnerfit.analysis.diff_criteria import CriteriaDiff, DefinitionChange, WeightChange, diff_criteria
from partnerfit.analysis.git_revision import RevisionError, load_at_revision
from partnerfit.contract.criteria_set import CriteriaSet
from partnerfit.contract.models import Candidate, MissingPolicy, ScoreEntry
from partnerfit.engine.matrix import Aggregate
from partnerfit.engine.run import score
from partnerfit.project.loading import Project
from partnerfit.result.model import Reason, Result

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
            "reasons": [r.text() for r in self.reasons],
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
        return not (self.criteria.changed or self.added or self.removed or self.changed or self.ranks)

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
        }


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


# --- comparing two projects ----------------------------------------------------------------------


def diff_projects(
    old: Project,
    new: Project,
    *,
    method: str = "wsm",
    top: int = DEFAULT_TOP,
    aggregate: Aggregate = "mean",
    missing: MissingPolicy | None = None,
    vikor_v: float = 0.5,
) -> ProjectDiff:
    """Compare two versions of a candidates file: criteria, weights, scores, and the ranking under ``method``.

    Both versions are scored with the same options; ``top`` is the K of "the top K" (a candidate is
    in it when its rank is at most K). Raises what scoring raises (a PartnerfitError) when a
    version cannot be scored with ``method``.
    """
    if top < 1:
        raise ValueError("top must be at least 1")
    old_result = score(old, method=method, aggregate=aggregate, missing=missing, vikor_v=vikor_v)
    new_result = score(new, method=method, aggregate=aggregate, missing=missing, vikor_v=vikor_v)
    old_candidates = old.file.candidates
    new_candidates = new.file.candidates
    names = {cid: c.name or cid for cid, c in old_candidates.items()}
    names.update({cid: c.name or cid for cid, c in new_candidates.items()})
    old_standing = _standings(old_result)
    new_standing = _standings(new_result)
    order = [*new_candidates, *(cid for cid in old_candidates if cid not in new_candidates)]
    ranks = tuple(
        RankChange(cid, names[cid], before, after)
        for cid in order
        if (before := old_standing.get(cid, ABSENT)).status != (after := new_standing.get(cid, ABSENT)).status
        or before.rank != after.rank
    )
    ranks = tuple(sorted(ranks, key=_change_order))
    criteria_order = [*new.criteria.ids, *(cid for cid in old.criteria.ids if cid not in new.criteria.ids)]
    changed = []
    for cid, candidate in new_candidates.items():
        before_candidate = old_candidates.get(cid)
        if before_candidate is None:
            continue
        score_changes = _score_changes(before_candidate, candidate, criteria_order)
        gate_changes = _gate_changes(before_candidate, candidate)
        if score_changes or gate_changes:
            changed.append(
                CandidateChange(
                    cid,
                    names[cid],
                    score_changes,
                    gate_changes,
                    old_standing[cid].score,
                    new_standing[cid].score,
                )
            )
    old_ranked = {cid: s.rank for cid, s in old_standing.items() if s.rank is not None}
    new_ranked = {cid: s.rank for cid, s in new_standing.items() if s.rank is not None}
    return ProjectDiff(
        old_path=old.path,
        new_path=new.path,
        method=method,
        top=top,
        criteria=diff_criteria(old.criteria, new.criteria, old.missing, new.missing),
        old_criteria=old.criteria,
        new_criteria=new.criteria,
        added=tuple(Member(cid, names[cid]) for cid in new_candidates if cid not in old_candidates),
        removed=tuple(Member(cid, names[cid]) for cid in old_candidates if cid not in new_candidates),
        changed=tuple(changed),
        ranks=ranks,
        old_leaders=tuple(cid for cid, rank in old_ranked.items() if rank == 1),
        new_leaders=tuple(cid for cid, rank in new_ranked.items() if rank == 1),
        old_top=tuple(cid for cid, rank in old_ranked.items() if rank <= top),
        new_top=tuple(cid for cid, rank in new_ranked.items() if rank <= top),
        names=names,
        old_ranked=old_ranked,
        new_ranked=new_ranked,
    )


def _change_order(change: RankChange) -> tuple[int, int, str]:
    """Ranked in the new version first, by new rank; then the rest by old rank."""
    if change.new.rank is not None:
        return 0, change.new.rank, change.id
    return 1, change.old.rank if change.old.rank is not None else 1 << 30, change.id


def _standings(result: Result) -> dict[str, Standing]:
    """Each candidate's standing, in the result's listing order (ranked first, by rank)."""
    return {
        entry.id: Standing("excluded" if entry.excluded else "ranked", entry.rank, entry.score, entry.reasons)
        for entry in result.ranking
    }


def _entries(candidate: Candidate) -> dict[tuple[str | None, str], tuple[float, str | None]]:
    """(assessor or None, criterion) -> (score, note) of every input score of a candidate."""
    sheets: dict[str | None, Mapping[str, float | ScoreEntry]] = (
        dict(candidate.assessments.items()) if candidate.assessments else {None: candidate.scores or {}}
    )
    found: dict[tuple[str | None, str], tuple[float, str | None]] = {}
    for assessor, sheet in sheets.items():
        for crit, value in sheet.items():
            found[assessor, crit] = (value.score, value.note) if isinstance(value, ScoreEntry) else (value, None)
    return found


def _score_changes(old: Candidate, new: Candidate, criteria_order: Sequence[str]) -> tuple[ScoreChange, ...]:
    before, after = _entries(old), _entries(new)
    position = {cid: i for i, cid in enumerate(criteria_order)}
    changes = []
    for key in [*after, *(k for k in before if k not in after)]:
        old_value = before[key][0] if key in before else None
        new_value, note = after.get(key, (None, None))
        if old_value != new_value:
            changes.append(ScoreChange(key[1], key[0], old_value, new_value, note))
    return tuple(sorted(changes, key=lambda s: (position.get(s.criterion, len(position)), s.assessor or "")))


def _gate_changes(old: Candidate, new: Candidate) -> tuple[GateChange, ...]:
    gates = [*new.gates, *(g for g in old.gates if g not in new.gates)]
    return tuple(
        GateChange(g, old.gates.get(g), new.gates.get(g)) for g in gates if old.gates.get(g) != new.gates.get(g)
    )


# --- a file at a git revision --------------------------------------------------------------------

__all__ = [
    "CONDITIONS",
    "CriteriaDiff",
    "DefinitionChange",
    "ProjectDiff",
    "RevisionError",
    "WeightChange",
    "diff_criteria",
    "diff_projects",
    "load_at_revision",
]
