"""Assessment files (``kind: assessment``): read, checked where they are, folded into the candidates."""

from __future__ import annotations

import dataclasses
import glob
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from pydantic import ValidationError

from partnerfit.contract import semantics
from partnerfit.contract.assessment import AssessmentFile
from partnerfit.contract.candidates import Candidate, CandidatesFile, ScoreEntry
from partnerfit.contract.criteria_set import CriteriaSet
from partnerfit.contract.messages import diagnostics_from, did_you_mean
from partnerfit.errors import Diagnostic, InvalidInputError, msg
from partnerfit.io.document import Document, read_document
from partnerfit.project.assessment_sheet import AssessmentSheet
from partnerfit.project.criteria_ref import without_extensions

__all__ = ["MAX_ASSESSMENT_FILES", "AssessmentSheet", "Read", "fold", "sheets", "sheets_of"]

# every file is parsed and validated (~1 ms each): a bound keeps a stray '**' glob from reading a whole disk
MAX_ASSESSMENT_FILES = 1000


@dataclass(frozen=True)
class Read:
    """A valid assessment file, as read: its model, its document and its raw scores (to fold as written)."""

    model: AssessmentFile
    doc: Document
    raw: Mapping[str, Any]  # candidate id -> its raw scores mapping (plain data, not validated twice)


class Loaded(Protocol):
    """What sheets_of reads of a loaded project (project.loading.Project; loading imports this module)."""

    @property
    def path(self) -> str: ...
    @property
    def file(self) -> CandidatesFile: ...
    @property
    def criteria(self) -> CriteriaSet: ...
    @property
    def sheets(self) -> tuple[AssessmentSheet, ...]: ...


def sheets_of(project: Loaded) -> tuple[AssessmentSheet, ...]:
    """Every round of every assessor, sorted by (assessor, round); inline assessments give round-1 sheets."""
    if project.sheets:
        return tuple(project.sheets)
    return sheets(project.file, project.criteria, project.path, ())


def _where(doc: Document, loc: tuple[str | int, ...], key: bool = False) -> str:
    line, column = doc.locate(loc, key=key)
    return f"{doc.path}:{line}:{column}"


def _paths(doc: Document, listed: Any, base: Path) -> tuple[list[Path], list[Diagnostic]]:
    """The files named by ``assessment_files``, each once, in a stable order; a missing one or an empty glob reported."""
    entries: list[tuple[tuple[str | int, ...], str]] = (
        [(("assessment_files",), listed)] if isinstance(listed, str) else []
    )
    if isinstance(listed, list):
        entries = [(("assessment_files", i), item) for i, item in enumerate(listed) if isinstance(item, str)]
    found: list[Diagnostic] = []
    paths: dict[Path, None] = {}
    for loc, pattern in entries:
        if glob.has_magic(pattern):
            # sorted: the same files in the same order on every system, whatever the directory order
            matches = sorted(p for p in glob.glob(os.path.join(base, pattern), recursive=True) if os.path.isfile(p))
            if not matches:
                found.append(
                    doc.diagnostic(
                        loc, msg("no file matches {pattern}", pattern=repr(pattern)), severity="warning", code="PW208"
                    )
                )
            paths.update((Path(os.path.normpath(m)), None) for m in matches)
        elif not (base / pattern).is_file():
            message = msg("assessment file {path} does not exist", path=repr(pattern))
            found.append(doc.diagnostic(loc, message, code="PF002"))
        else:
            paths[Path(os.path.normpath(base / pattern))] = None
        if len(paths) > MAX_ASSESSMENT_FILES:
            message = msg(
                "more than {limit} assessment files; at most {limit} are read", limit=f"{MAX_ASSESSMENT_FILES:,}"
            )
            raise InvalidInputError([*found, doc.diagnostic(loc, message, code="PF142")])
    return list(paths), found


def _read(path: Path) -> tuple[Read | None, list[Diagnostic]]:
    """One assessment file, validated, or its problems (every reader goes through read_document: -o guards it)."""
    try:
        adoc = read_document(path, regular_only=True)
    except InvalidInputError as exc:
        return None, list(exc.diagnostics)
    data = adoc.data
    if not isinstance(data, dict) or data.get("kind") != "assessment":
        found = repr(data.get("kind")) if isinstance(data, dict) else "no mapping"
        message = msg("not an assessment file: expected 'kind: assessment', found {kind}", kind=found)
        return None, [
            *adoc.problems,
            adoc.diagnostic(("kind",) if isinstance(data, dict) else (), message, code="PF010"),
        ]
    try:
        model = AssessmentFile.model_validate(without_extensions(data))
    except ValidationError as exc:
        return None, [*adoc.problems, *diagnostics_from(exc, adoc, AssessmentFile)]
    if adoc.problems:
        return None, list(adoc.problems)
    listed = data.get("candidates") or {}
    raw = {cid: entry.get("scores") for cid, entry in listed.items() if isinstance(entry, dict)}
    return Read(model, adoc, raw), []


def check_standalone(adoc: Document) -> list[Diagnostic]:
    """The syntax problems of an assessment file checked on its own (``check DIR``)."""
    try:
        AssessmentFile.model_validate(without_extensions(adoc.data))
    except ValidationError as exc:
        return [*adoc.problems, *diagnostics_from(exc, adoc, AssessmentFile)]
    return list(adoc.problems)


def fold(
    doc: Document, data: dict[str, Any], base: Path, criteria: CriteriaSet | None
) -> tuple[dict[str, Any], tuple[Read, ...], list[Diagnostic]]:
    """The candidates data with the files' counted scores as ``assessments``, the files read, and their problems."""
    if "assessment_files" not in data:
        return data, (), []
    paths, found = _paths(doc, data.get("assessment_files"), base)
    own = Path(doc.path).resolve() if doc.path else None
    listed = data.get("candidates")
    candidates: dict[str, Any] = listed if isinstance(listed, dict) else {}
    read: list[Read] = []
    for path in paths:
        if path.resolve() == own:
            continue  # a glob such as *.yaml beside the candidates file matches the file itself
        sheet, problems = _read(path)
        found += problems
        if sheet is not None:
            problems = _check_ids(sheet, candidates, criteria)
            found += problems
            if not any(d.severity == "error" for d in problems):
                read.append(sheet)
    read, duplicates = _unique_assessors(doc, candidates, read)
    found += duplicates
    return _folded(data, candidates, read), tuple(read), found


def _check_ids(sheet: Read, candidates: Mapping[str, Any], criteria: CriteriaSet | None) -> list[Diagnostic]:
    """Unknown candidates and criteria, scores off their scale: located in the assessment file."""
    found = []
    for cid, entry in sheet.model.candidates.items():
        if cid not in candidates:
            message = msg("unknown candidate {id}{hint}", id=repr(cid), hint=did_you_mean(cid, candidates))
            found.append(sheet.doc.diagnostic(("candidates", cid), message, key=True, code="PF140"))
        elif criteria is not None and entry.scores:
            found += semantics.check_candidate(cid, Candidate(scores=entry.scores), criteria, "ignore", sheet.doc)
    return found


def _unique_assessors(
    doc: Document, candidates: Mapping[str, Any], read: list[Read]
) -> tuple[list[Read], list[Diagnostic]]:
    """Each (assessor, round) once across the files, and no file's assessor also written inline: both places named."""
    inline: dict[str, str] = {}
    for cid, value in candidates.items():
        if isinstance(value, dict) and isinstance(value.get("assessments"), dict):
            for assessor in value["assessments"]:
                inline.setdefault(assessor, _where(doc, ("candidates", cid, "assessments", assessor), key=True))
    seen: dict[tuple[str, int], Read] = {}
    kept, found = [], []
    for sheet in read:
        key = (sheet.model.assessor, sheet.model.round)
        other = inline.get(key[0]) or (_where(seen[key].doc, ("assessor",)) if key in seen else None)
        if other is not None:
            message = msg("assessor {id} appears twice: here and at {other}", id=repr(key[0]), other=other)
            found.append(sheet.doc.diagnostic(("assessor",), message, code="PF141"))
            continue
        seen[key] = sheet
        kept.append(sheet)
    return sorted(kept, key=lambda s: (s.model.assessor, s.model.round)), found


def _counted(read: tuple[Read, ...] | list[Read]) -> dict[str, Read]:
    """Each assessor's highest round (sorted by assessor)."""
    best: dict[str, Read] = {}
    for sheet in read:
        if sheet.model.assessor not in best or sheet.model.round > best[sheet.model.assessor].model.round:
            best[sheet.model.assessor] = sheet
    return dict(sorted(best.items()))


def _folded(data: dict[str, Any], candidates: Mapping[str, Any], read: list[Read]) -> dict[str, Any]:
    if not read:
        return data
    merged = dict(candidates)
    for assessor, sheet in _counted(read).items():
        for cid, entry in sheet.model.candidates.items():
            value = merged.get(cid)
            raw = sheet.raw.get(cid)
            if entry.conflict_of_interest or raw is None or not isinstance(value, dict):
                continue  # a conflict of interest's scores are not used
            if value.get("scores") is not None:
                continue  # both: reported by scores_conflicts, not folded
            merged[cid] = {**value, "assessments": {**(value.get("assessments") or {}), assessor: raw}}
    return {**data, "candidates": merged}


def scores_conflicts(doc: Document, data: dict[str, Any], read: tuple[Read, ...]) -> list[Diagnostic]:
    """A candidate with ``scores`` in the candidates file and assessments in files: located there, naming the file."""
    listed = data.get("candidates")
    candidates: dict[str, Any] = listed if isinstance(listed, dict) else {}
    first: dict[str, str] = {}
    for sheet in read:
        for cid, entry in sheet.model.candidates.items():
            if entry.scores is not None and not entry.conflict_of_interest:
                first.setdefault(cid, _where(sheet.doc, ("candidates", cid), key=True))
    found = []
    for cid, where in first.items():
        value = candidates.get(cid)
        if isinstance(value, dict) and value.get("scores") is not None:
            message = msg(
                "candidate {id} has 'scores' here and assessments in files ({other}); keep one or the other",
                id=repr(cid),
                other=where,
            )
            found.append(doc.diagnostic(("candidates", cid, "scores"), message, key=True, code="PF111"))
    return found


def sheets(
    file: CandidatesFile, criteria: CriteriaSet, path: str, read: tuple[Read, ...], doc: Document | None = None
) -> tuple[AssessmentSheet, ...]:
    """Every sheet: the inline assessments as round 1, then every round of every file (sorted by assessor, round)."""
    from_files = {s.model.assessor for s in read}
    counted = {id(s) for s in _counted(read).values()}
    every: list[AssessmentSheet] = []
    inline: dict[str, dict[str, Mapping[str, float | ScoreEntry]]] = {}
    for cid, candidate in file.candidates.items():
        for assessor, scores in (candidate.assessments or {}).items():
            if assessor not in from_files:
                inline.setdefault(assessor, {})[cid] = scores
    for assessor, by_candidate in inline.items():
        first = ("candidates", next(iter(by_candidate)), "assessments", assessor)
        where = doc.locate(first, key=True) if doc is not None else (1, 1)
        sheet = _sheet(assessor, None, None, 1, path, file, criteria, by_candidate, frozenset(), True)
        every.append(dataclasses.replace(sheet, where=where))
    for s in read:
        m = s.model
        conflicts = frozenset(c for c, e in m.candidates.items() if e.conflict_of_interest)
        given = {c: e.scores for c, e in m.candidates.items() if e.scores is not None}
        sheet = _sheet(
            m.assessor, m.name, m.role, m.round, s.doc.path, file, criteria, given, conflicts, id(s) in counted
        )
        every.append(dataclasses.replace(sheet, where=s.doc.locate(("assessor",))))
    return tuple(sorted(every, key=lambda s: (s.assessor, s.round)))


def _sheet(
    assessor: str,
    name: str | None,
    role: str | None,
    round_: int,
    path: str,
    file: CandidatesFile,
    criteria: CriteriaSet,
    given: Mapping[str, Mapping[str, float | ScoreEntry]],
    conflicts: frozenset[str],
    counted: bool,
) -> AssessmentSheet:
    """A sheet with every expected (candidate, criterion) pair: its raw score, or None where not scored."""
    scores: dict[str, dict[str, float | None]] = {}
    notes: dict[tuple[str, str], str] = {}
    for cid in file.candidates:
        if cid in conflicts:
            continue
        row = given.get(cid) or {}
        scores[cid] = {}
        for crit in criteria.ids:
            value = row.get(crit)
            if isinstance(value, ScoreEntry):
                scores[cid][crit] = value.score
                if value.note:
                    notes[(cid, crit)] = value.note
            else:
                scores[cid][crit] = value
    return AssessmentSheet(assessor, name, role, round_, path, scores, notes, conflicts, counted)
