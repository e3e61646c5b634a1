"""What changed between two versions of a candidates file, and what it does to the ranking.

``diff_projects`` is pure: it compares two loaded projects (criteria, weights, scores, gate
answers) and scores both with the same method to compare the rankings. ``load_at_revision``
reads a file as it was at a git revision, for ``partnerfit diff FILE --rev REV``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from partnerfit.analysis.diff_criteria import (
    CriteriaDiff,
    CriteriaSetsDiff,
    DefinitionChange,
    WeightChange,
    diff_criteria,
)
from partnerfit.analysis.diff_model import ABSENT as ABSENT
from partnerfit.analysis.diff_model import CONDITIONS as CONDITIONS
from partnerfit.analysis.diff_model import DEFAULT_TOP as DEFAULT_TOP
from partnerfit.analysis.diff_model import CandidateChange as CandidateChange
from partnerfit.analysis.diff_model import ChangeKind as ChangeKind
from partnerfit.analysis.diff_model import GateChange as GateChange
from partnerfit.analysis.diff_model import Member as Member
from partnerfit.analysis.diff_model import ProjectDiff as ProjectDiff
from partnerfit.analysis.diff_model import RankChange as RankChange
from partnerfit.analysis.diff_model import ScoreChange as ScoreChange
from partnerfit.analysis.diff_model import Standing as Standing
from partnerfit.analysis.diff_model import Status as Status
from partnerfit.analysis.diff_scenarios import diff_scenarios
from partnerfit.analysis.diff_team import diff_team
from partnerfit.analysis.git_revision import RevisionError, load_at_revision
from partnerfit.contract.candidates import Candidate, ScoreEntry
from partnerfit.contract.models import MissingPolicy
from partnerfit.engine.matrix import Aggregate
from partnerfit.engine.run import score
from partnerfit.project.loading import Project
from partnerfit.result.model import Result

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
        scenarios=diff_scenarios(old.file.scenarios, new.file.scenarios),
        team=diff_team(old, new, method=method, aggregate=aggregate, missing=missing),
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


# --- two criteria files -------------------------------------------------------------------------


def is_criteria_file(path: Path) -> bool:
    """True when ``path`` is (or says it is) a criteria file rather than a candidates file."""
    from partnerfit.io.document import read_document
    from partnerfit.project.criteria_ref import detect_kind, mapping_root

    return detect_kind(mapping_root(read_document(path))) == "criteria"


def diff_criteria_files(old: Path, new: Path) -> CriteriaSetsDiff:
    """Compare two criteria files: effective weights, definitions, gates (InvalidInputError if one is invalid)."""
    from partnerfit.project.criteria_ref import load_criteria

    before, after = load_criteria(old), load_criteria(new)
    return CriteriaSetsDiff(
        str(old), str(new), diff_criteria(before, after, before.missing, after.missing), before, after
    )


# --- a file at a git revision --------------------------------------------------------------------

__all__ = [
    "CONDITIONS",
    "CriteriaDiff",
    "CriteriaSetsDiff",
    "DefinitionChange",
    "ProjectDiff",
    "RevisionError",
    "WeightChange",
    "diff_criteria",
    "diff_criteria_files",
    "diff_projects",
    "is_criteria_file",
    "load_at_revision",
]
