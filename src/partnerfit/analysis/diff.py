"""What changed between two versions of a candidates file, and what it does to the ranking.

``diff_projects`` is pure: it compares two loaded projects (criteria, weights, scores, gate
answers) and scores both with the same method to compare the rankings. ``load_at_revision``
reads a file as it was at a git revision, for ``partnerfit diff FILE --rev REV``.
"""

from __future__ import annotations

import posixpath
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from partnerfit._version import __version__
from partnerfit.builtin import builtin_path
from partnerfit.criteria_set import CriteriaSet
from partnerfit.document import display_path, read_document
from partnerfit.engine.matrix import Aggregate
from partnerfit.engine.run import score
from partnerfit.errors import Diagnostic, InvalidInputError, PartnerfitError
from partnerfit.loading import Project, load
from partnerfit.models import Candidate, MissingPolicy, ScoreEntry
from partnerfit.result import Reason, Result

WEIGHT_TOLERANCE = 1e-12
DEFAULT_TOP = 5

Status = Literal["ranked", "excluded", "absent"]
ChangeKind = Literal["moved", "added", "removed", "excluded", "readmitted"]

# the conditions `--fail-on` can test, in the order they are documented
CONDITIONS = ("leader-change", "top-k-change", "any-rank-change", "exclusion-change")


class RevisionError(PartnerfitError):
    """A file could not be read at a git revision: no repository, an unknown revision, or no such file there."""


# --- the diff model ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WeightChange:
    """A group's or criterion's effective weight (0–1 of the whole set) before and after."""

    id: str
    kind: Literal["group", "criterion"]
    old: float
    new: float


@dataclass(frozen=True, slots=True)
class DefinitionChange:
    """A criterion's scale, direction, knock-out bound or group, before and after."""

    criterion: str
    field: Literal["scale", "direction", "minimum", "maximum", "group"]
    old: Any
    new: Any


@dataclass(frozen=True)
class CriteriaDiff:
    """What changed in the criteria set in use (after each file's weight overrides)."""

    old_name: str
    new_name: str
    old_source: str
    new_source: str
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    groups_added: tuple[str, ...] = ()
    groups_removed: tuple[str, ...] = ()
    weights: tuple[WeightChange, ...] = ()
    definitions: tuple[DefinitionChange, ...] = ()
    gates_added: tuple[str, ...] = ()
    gates_removed: tuple[str, ...] = ()
    old_missing: str = "ignore"
    new_missing: str = "ignore"

    @property
    def set_changed(self) -> bool:
        """True when the set's name or where it comes from changed."""
        return self.old_name != self.new_name or self.old_source != self.new_source

    @property
    def changed(self) -> bool:
        """True when anything in the criteria or their weights changed."""
        return bool(
            self.set_changed
            or self.added
            or self.removed
            or self.groups_added
            or self.groups_removed
            or self.weights
            or self.definitions
            or self.gates_added
            or self.gates_removed
            or self.old_missing != self.new_missing
        )

    def to_dict(self) -> dict[str, Any]:
        """The criteria section of the JSON document."""
        return {
            "old": {"name": self.old_name, "source": self.old_source, "missing": self.old_missing},
            "new": {"name": self.new_name, "source": self.new_source, "missing": self.new_missing},
            "set_changed": self.set_changed,
            "added": list(self.added),
            "removed": list(self.removed),
            "groups_added": list(self.groups_added),
            "groups_removed": list(self.groups_removed),
            "weights": [{"id": w.id, "kind": w.kind, "old": w.old, "new": w.new} for w in self.weights],
            "definitions": [
                {"criterion": d.criterion, "field": d.field, "old": _plain(d.old), "new": _plain(d.new)}
                for d in self.definitions
            ],
            "gates_added": list(self.gates_added),
            "gates_removed": list(self.gates_removed),
        }


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


def diff_criteria(
    old: CriteriaSet, new: CriteriaSet, old_missing: str = "ignore", new_missing: str = "ignore"
) -> CriteriaDiff:
    """What changed between two criteria sets: ids, effective weights, scales, directions, knock-outs."""
    old_ids, new_ids = old.ids, new.ids
    old_groups = {g.id: g for g in old.groups}
    new_groups = {g.id: g for g in new.groups}
    weights = [
        WeightChange(gid, "group", old_groups[gid].effective_weight, g.effective_weight)
        for gid, g in new_groups.items()
        if gid in old_groups and abs(old_groups[gid].effective_weight - g.effective_weight) > WEIGHT_TOLERANCE
    ]
    definitions: list[DefinitionChange] = []
    for c in new.criteria:
        if c.id not in old_ids:
            continue
        before = old.criterion(c.id)
        if abs(before.effective_weight - c.effective_weight) > WEIGHT_TOLERANCE:
            weights.append(WeightChange(c.id, "criterion", before.effective_weight, c.effective_weight))
        if (before.low, before.high) != (c.low, c.high):
            definitions.append(DefinitionChange(c.id, "scale", (before.low, before.high), (c.low, c.high)))
        if before.direction != c.direction:
            definitions.append(DefinitionChange(c.id, "direction", before.direction, c.direction))
        if before.minimum != c.minimum:
            definitions.append(DefinitionChange(c.id, "minimum", before.minimum, c.minimum))
        if before.maximum != c.maximum:
            definitions.append(DefinitionChange(c.id, "maximum", before.maximum, c.maximum))
        if before.group != c.group and before.group in new_groups and c.group in old_groups:
            definitions.append(DefinitionChange(c.id, "group", before.group, c.group))
    return CriteriaDiff(
        old_name=old.name,
        new_name=new.name,
        old_source=old.source,
        new_source=new.source,
        added=tuple(cid for cid in new_ids if cid not in old_ids),
        removed=tuple(cid for cid in old_ids if cid not in new_ids),
        groups_added=tuple(gid for gid in new_groups if gid not in old_groups),
        groups_removed=tuple(gid for gid in old_groups if gid not in new_groups),
        weights=tuple(weights),
        definitions=tuple(definitions),
        gates_added=tuple(g for g in new.gates if g not in old.gates),
        gates_removed=tuple(g for g in old.gates if g not in new.gates),
        old_missing=old_missing,
        new_missing=new_missing,
    )


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


def load_at_revision(path: str | Path, rev: str, *, missing: MissingPolicy | None = None) -> Project:
    """Load candidates file ``path`` as it was at git revision ``rev`` of the repository holding it.

    The file and, when it names one by relative path, its criteria file are read at ``rev``
    (``git cat-file blob REV:path``) into a temporary folder that mirrors their places in the
    repository, so the criteria reference resolves as it did at that revision; the folder is
    deleted once the project is loaded. A criteria path that leaves the repository, or an
    absolute one, is read from the disk as it is now. Built-in and inline criteria need nothing.
    Diagnostics and ``Project.path`` name the file as ``REV:path/in/repo``.

    Raises RevisionError when ``path`` is not in a git repository, ``rev`` names no commit, or
    the file does not exist at ``rev``; InvalidInputError when that version does not validate.
    """
    path = Path(path)
    if not rev or rev.startswith("-") or any(ch.isspace() for ch in rev):
        raise RevisionError(f"{rev!r} is not a git revision")
    folder = path.absolute().parent
    shown = display_path(path)
    if not folder.is_dir():
        raise RevisionError(f"{shown}: the folder {display_path(folder)} does not exist")
    prefix = _git(folder, "rev-parse", "--show-prefix", failure=f"{shown} is not in a git repository").strip()
    commit = _git(
        folder, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}", failure=f"unknown git revision {rev!r}"
    ).strip()
    in_repo = posixpath.normpath(prefix + path.name)
    with tempfile.TemporaryDirectory(prefix="partnerfit-rev-") as tmp:
        root = Path(tmp)
        target = _materialise(folder, commit, rev, in_repo, root, f"{shown} does not exist at revision {rev!r}")
        shown_as = {display_path(target): f"{rev}:{in_repo}"}
        override: Path | None = None
        ref = _criteria_ref(target)
        if ref is not None:
            crit_in_repo = posixpath.normpath(posixpath.join(posixpath.dirname(in_repo), ref.replace("\\", "/")))
            if crit_in_repo == ".." or crit_in_repo.startswith("../"):
                override = folder / ref  # outside the repository: read from the disk as it is now
            else:
                looks_like_path = "/" in ref or "\\" in ref or ref.endswith((".yaml", ".yml", ".json"))
                try:
                    crit_target = _materialise(
                        folder,
                        commit,
                        rev,
                        crit_in_repo,
                        root,
                        f"the criteria file {ref!r} named by {shown} does not exist at revision {rev!r}",
                    )
                    shown_as[display_path(crit_target)] = f"{rev}:{crit_in_repo}"
                except RevisionError:
                    if looks_like_path:
                        raise
                    # not a file at that revision: load reports the unknown set name
        try:
            project = load(target, missing=missing, criteria=override)
        except InvalidInputError as exc:
            raise InvalidInputError([_renamed(d, shown_as) for d in exc.diagnostics]) from None
        criteria = project.criteria
        if override is not None and ref is not None:
            criteria = replace(criteria, source=ref)  # as the file names it, not the path it was read from
        elif criteria.path is not None and Path(tmp) in criteria.path.absolute().parents:
            criteria = replace(criteria, path=None)  # that copy is about to be deleted
        return replace(
            project,
            path=f"{rev}:{in_repo}",
            criteria=criteria,
            warnings=tuple(_renamed(d, shown_as) for d in project.warnings),
        )


def _renamed(diagnostic: Diagnostic, shown_as: Mapping[str, str]) -> Diagnostic:
    """The diagnostic naming ``REV:path`` instead of the temporary copy it was read from."""
    message = diagnostic.message
    for temporary, name in shown_as.items():
        message = message.replace(temporary, name)
    return replace(diagnostic, file=shown_as.get(diagnostic.file, diagnostic.file), message=message)


def _criteria_ref(copy: Path) -> str | None:
    """The criteria file a candidates file names by path (None: built in, inline, or unreadable)."""
    try:
        data = read_document(copy).data
    except InvalidInputError:
        return None  # load reports it
    ref = data.get("criteria") if isinstance(data, dict) else None
    if not isinstance(ref, str) or not ref or Path(ref).is_absolute():
        return None
    looks_like_path = "/" in ref or "\\" in ref or ref.endswith((".yaml", ".yml", ".json"))
    if builtin_path(ref) is not None and not looks_like_path:
        return None
    return ref


def _materialise(folder: Path, commit: str, rev: str, in_repo: str, root: Path, absent: str) -> Path:
    """Write the blob at ``commit:in_repo`` to ``root / in_repo``; RevisionError(absent) if there is none."""
    spec = f"{commit}:{in_repo}"
    kind = _git(folder, "cat-file", "-t", spec, failure=absent).strip()
    if kind != "blob":
        raise RevisionError(f"{absent} (at {rev}:{in_repo} there is a {kind}, not a file)")
    content = _git_bytes(folder, "cat-file", "blob", spec, failure=absent)
    target = root / in_repo
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    return target


def _git(folder: Path, *args: str, failure: str) -> str:
    return _git_bytes(folder, *args, failure=failure).decode("utf-8", "replace")


def _git_bytes(folder: Path, *args: str, failure: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise RevisionError(f"{failure}: git is not installed (or not on PATH)") from None
    except OSError as exc:
        raise RevisionError(f"{failure}: cannot run git: {exc.strerror or exc}") from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = f" (git: {said[0]})" if said else ""
        raise RevisionError(f"{failure}{detail}")
    return done.stdout
