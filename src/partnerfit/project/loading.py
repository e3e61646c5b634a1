"""Load and validate candidates and criteria files into a Project, collecting every problem."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from partnerfit.contract import semantics
from partnerfit.contract.candidates import Candidate, CandidatesFile
from partnerfit.contract.criteria_set import CriteriaSet, resolve
from partnerfit.contract.judgements import check_judgements, with_participants
from partnerfit.contract.messages import diagnostics_from, did_you_mean, strip_union_tags
from partnerfit.contract.models import MAX_MAGNITUDE, MIN_WEIGHT, MissingPolicy
from partnerfit.contract.roles import check_role_weights
from partnerfit.contract.scenario_checks import check_scenarios
from partnerfit.contract.team_checks import check_team
from partnerfit.engine.score_table import ScoreTable, build_score_table, is_entry
from partnerfit.errors import (
    CriteriaNotFoundError,
    Diagnostic,
    InvalidInputError,
    InvalidWeightsError,
    capped,
    msg,
    said,
)
from partnerfit.io.document import Document, read_document
from partnerfit.project import assessment_files, team_file
from partnerfit.project.assessment_sheet import AssessmentSheet
from partnerfit.project.consensus import assessment_rules
from partnerfit.project.criteria_ref import DEFAULT_CRITERIA as DEFAULT_CRITERIA
from partnerfit.project.criteria_ref import detect_kind as detect_kind
from partnerfit.project.criteria_ref import load_criteria as load_criteria
from partnerfit.project.criteria_ref import mapping_root, named_criteria, validate_criteria
from partnerfit.project.criteria_ref import without_extensions as without_extensions


@dataclass(frozen=True)
class Project:
    """A validated candidates file with its criteria set resolved (weights overrides applied)."""

    path: str
    file: CandidatesFile
    criteria: CriteriaSet
    missing: MissingPolicy
    warnings: tuple[Diagnostic, ...] = ()
    table: ScoreTable | None = field(default=None, repr=False, compare=False)
    sheets: tuple[AssessmentSheet, ...] = ()


def _check_kind(doc: Document, data: dict[str, Any]) -> list[Diagnostic]:
    kind = data.get("kind")
    if kind == "assessment":
        message = msg("this is an assessment file; name it in a candidates file's 'assessment_files'")
        return [doc.diagnostic(("kind",), message, code="PF010")]
    if kind is not None and kind not in ("candidates", "criteria"):
        hint = did_you_mean(str(kind), ["candidates", "criteria", "team", "assessment"])
        return [
            doc.diagnostic(
                ("kind",),
                msg(
                    "unknown kind {kind}; expected 'candidates', 'criteria', 'team' or 'assessment'{hint}",
                    kind=repr(kind),
                    hint=hint,
                ),
                code="PF010",
            )
        ]
    return []


def load(
    path: str | Path,
    *,
    criteria: str | Path | None = None,
    weights: Mapping[str, float] | None = None,
    missing: MissingPolicy | None = None,
    criteria_named_in_file: bool = False,
) -> Project:
    """Read, validate and resolve a candidates file; raise InvalidInputError with every problem.

    ``criteria``, ``weights`` and ``missing`` override what the file says (as the command line does).
    ``criteria_named_in_file``: ``criteria`` is the path the file names, found elsewhere (a git revision
    reads it from the working tree); it is read as the file's own ``criteria:`` entry would be.
    """
    _check_override_weights(weights or {})
    project = _load(Path(path), criteria, weights, missing, named=criteria_named_in_file)
    unknown = [
        w for w in weights or {} if w not in project.criteria.ids and w not in {g.id for g in project.criteria.groups}
    ]
    if unknown:
        known = [*(g.id for g in project.criteria.groups), *project.criteria.ids]
        raise InvalidWeightsError(
            msg("unknown group or criterion {name}{hint}", name=repr(unknown[0]), hint=did_you_mean(unknown[0], known))
        )
    return project


def _check_override_weights(weights: Mapping[str, Any]) -> None:
    for name, value in weights.items():
        if isinstance(value, bool) or not isinstance(value, int | float) or not MIN_WEIGHT <= value <= MAX_MAGNITUDE:
            raise InvalidWeightsError(
                msg(
                    "weight override {name}={value}: expected a number from {low} to {high}",
                    name=str(name),
                    value=repr(value),
                    low=f"{MIN_WEIGHT:g}",
                    high=f"{MAX_MAGNITUDE:g}",
                )
            )


# candidates one file may hold: validating costs about 2 KB and 10 µs each (benchmarks/bench_limits.py)
MAX_CANDIDATES = 200_000


def _load(
    path: Path,
    criteria: str | Path | None,
    weights: Mapping[str, float] | None,
    missing: MissingPolicy | None,
    doc: Document | None = None,
    *,
    named: bool = False,
) -> Project:
    doc = doc if doc is not None else read_document(path)
    data = mapping_root(doc)
    if team_file.is_team_file(data):  # another team block for the candidates file it names
        return team_file.load(path, doc, data, lambda p, d: _load(p, criteria, weights, missing, d, named=named))
    found = doc.problems + _check_kind(doc, data)
    if detect_kind(data) == "criteria" and not _check_kind(doc, data):
        raise InvalidInputError(
            [
                doc.diagnostic(
                    (), msg("this is a criteria file; expected a candidates file (with 'candidates:')"), code="PF010"
                )
            ]
        )
    listed = data.get("candidates")
    if isinstance(listed, dict | list) and len(listed) > MAX_CANDIDATES:
        message = msg(
            "the file holds {count} candidates; at most {limit} (split it)",
            count=f"{len(listed):,}",
            limit=f"{MAX_CANDIDATES:,}",
        )
        raise InvalidInputError([doc.diagnostic(("candidates",), message, key=True, code="PF005")])
    criteria_set, criteria_found = _resolve_criteria(doc, data, criteria, path.parent, named)
    found += criteria_found
    # assessment files are folded into the data first: everything below sees them as inline assessments
    data, read, folded_found = assessment_files.fold(doc, data, path.parent, criteria_set)
    found += folded_found + assessment_files.scores_conflicts(doc, data, read)
    policy: MissingPolicy = missing or (criteria_set.missing if criteria_set else "ignore")
    file_model: CandidatesFile | None = None
    try:
        file_model = CandidatesFile.model_validate(without_extensions(data))
    except ValidationError as exc:
        kind_reported = any(d.path == "kind" for d in found)
        found += [d for d in diagnostics_from(exc, doc, CandidatesFile) if not (kind_reported and d.path == "kind")]
    if criteria_set is not None:
        checks, table = _semantic_checks(doc, data, file_model, criteria_set, policy)
        found += checks
        overrides = {**(file_model.weights if file_model else {}), **(weights or {})}
        if file_model is not None and not any(d.severity == "error" for d in found):
            criteria_set = with_participants(criteria_set, file_model.judgements_by_participant)
            criteria_set = criteria_set.with_weights(overrides)
    found = _unique(found)
    errors = [d for d in found if d.severity == "error"]
    if errors or file_model is None or criteria_set is None:
        raise InvalidInputError(sorted(found, key=_order))
    sheets = assessment_files.sheets(file_model, criteria_set, doc.path, read, doc) if read else ()
    return Project(doc.path, file_model, criteria_set, policy, tuple(sorted(found, key=_order)), table, sheets)


def _unique(found: list[Diagnostic]) -> list[Diagnostic]:
    """One diagnostic per place and path (two checks may see the same problem)."""
    seen: set[tuple[str, int, int, str, str]] = set()
    unique = []
    for d in found:
        key = (d.file, d.line, d.column, d.path, d.message)
        if key not in seen:
            seen.add(key)
            unique.append(d)
    return unique


def _order(d: Diagnostic) -> tuple[str, int, int]:
    return d.file, d.line, d.column


def _resolve_criteria(
    doc: Document, data: dict[str, Any], override: str | Path | None, base: Path, named: bool
) -> tuple[CriteriaSet | None, list[Diagnostic]]:
    if override is not None and not named:
        return load_criteria(override), []  # the command line's own choice: read as given
    ref = str(override) if override is not None else data.get("criteria", DEFAULT_CRITERIA)
    if isinstance(ref, dict):
        model, found = validate_criteria(doc, ref, ("criteria",))
        ok = model is not None and not any(d.severity == "error" for d in found)
        return (resolve(model, "inline", "inline") if ok and model else None), found
    if ref is None or (isinstance(ref, str) and not ref.strip()):
        message = msg(
            "'criteria' is empty; write a built-in set's name (such as {default}), a path to a criteria "
            "file or an inline set, or remove the key to use {default}",
            default=DEFAULT_CRITERIA,
        )
        return None, [doc.diagnostic(("criteria",), message, code="PF112")]
    if not isinstance(ref, str):
        return None, []  # the model reports the wrong type
    try:
        return named_criteria(doc, ref, base), []
    except CriteriaNotFoundError as exc:
        return None, [doc.diagnostic(("criteria",), said(exc), code="PF120")]
    except InvalidInputError as exc:
        if any(d.file != doc.path for d in exc.diagnostics):
            raise  # a criteria file's own errors, located in it
        return None, list(exc.diagnostics)  # the path names no usable criteria file: reported with the others


def _semantic_checks(
    doc: Document,
    data: dict[str, Any],
    model: CandidatesFile | None,
    criteria: CriteriaSet,
    policy: MissingPolicy,
) -> tuple[list[Diagnostic], ScoreTable | None]:
    if model is None:
        checked, found = _valid_candidates(semantics.raw_mapping(data.get("candidates")), doc)
        found += semantics.check_weights(semantics.raw_mapping(data.get("weights")), criteria, doc)
        found += check_role_weights(semantics.raw_mapping(data.get("weights_by_role")), criteria, doc)
        found += check_scenarios(semantics.raw_mapping(data.get("scenarios")), criteria, doc)
        found += check_judgements(semantics.raw_mapping(data.get("judgements_by_participant")), criteria, doc)
        for cid, (candidate, salvaged) in checked.items():
            # a salvaged candidate lost its invalid scores: they are reported already, not as missing
            found += semantics.check_candidate(cid, candidate, criteria, "ignore" if salvaged else policy, doc)
        return found, None
    candidates = model.candidates
    table = build_score_table(candidates, criteria)
    found = semantics.check_weights(model.weights, criteria, doc)
    found += check_role_weights(model.weights_by_role, criteria, doc)
    found += check_scenarios(model.scenarios, criteria, doc)
    found += check_judgements(model.judgements_by_participant, criteria, doc)
    gate_ids = criteria.gates.keys()
    for cid, crit_id, score in table.out_of_scale(criteria):
        found.append(
            semantics.out_of_scale(doc, cid, crit_id, score, criteria, entry=is_entry(candidates[cid], crit_id))
        )
    for cid, candidate in candidates.items():
        if cid in table.per_item or (candidate.gates and not gate_ids >= candidate.gates.keys()):
            found += semantics.check_candidate(cid, candidate, criteria, policy, doc)  # duplicates go in _unique
        elif policy == "error" and candidate.scores is not None and len(candidate.scores) < len(criteria.criteria):
            found += semantics.check_candidate(cid, candidate, criteria, policy, doc)
    if policy != "error":
        found += semantics.coverage_warnings(candidates, criteria, doc)
    if model.team is not None:
        found += check_team(model.team, candidates, criteria, doc)
    return found, table


def _valid_candidates(
    raw: Mapping[str, Any], doc: Document
) -> tuple[dict[str, tuple[Candidate, bool]], list[Diagnostic]]:
    """Candidates usable for semantic checks in a broken file: (candidate, salvaged), and new errors.

    A candidate that fails validation is retried without its invalid entries, so that its other
    scores are still checked against the criteria set (all errors of a file at once). Checks that
    only run once the fields are valid (scores with assessments) surface in the retries.
    """
    valid: dict[str, tuple[Candidate, bool]] = {}
    found: list[Diagnostic] = []
    for cid, value in raw.items():
        if not isinstance(value, dict):
            continue
        attempt = value
        for retry in range(3):
            try:
                valid[cid] = (Candidate.model_validate(attempt), retry > 0)
                break
            except ValidationError as exc:
                if retry > 0:
                    found += diagnostics_from(exc, doc, Candidate, ("candidates", cid))
                attempt = _without_invalid(attempt, exc)
    return valid, found


def _without_invalid(value: dict[str, Any], error: ValidationError) -> dict[str, Any]:
    salvaged = {k: (dict(v) if isinstance(v, dict) else v) for k, v in value.items()}
    for err in error.errors(include_url=False):
        loc, _ = strip_union_tags(value, err["loc"])
        if not loc or loc == ("assessments",):
            salvaged.pop("assessments", None)
        elif loc[0] == "scores" and len(loc) >= 2 and isinstance(salvaged.get("scores"), dict):
            salvaged["scores"].pop(loc[1], None)
        elif loc[0] == "assessments" and len(loc) >= 3 and isinstance(salvaged.get("assessments"), dict):
            sheet = salvaged["assessments"].get(loc[1])
            if isinstance(sheet, dict):
                salvaged["assessments"][loc[1]] = {k: v for k, v in sheet.items() if k != loc[2]}
        else:
            salvaged.pop(str(loc[0]), None)
    return salvaged


def check_file(
    path: str | Path,
    *,
    criteria: str | Path | None = None,
    missing: MissingPolicy | None = None,
    regular_only: bool = False,
) -> list[Diagnostic]:
    """Every error and warning of one file, of either kind (for ``partnerfit check``).

    ``regular_only`` reports a folder, a FIFO, a socket or a device instead of reading it (files found in a folder).
    """
    path = Path(path)
    try:
        doc = read_document(path, regular_only=regular_only)
        data = mapping_root(doc)
        if data.get("kind") == "assessment":  # checked for its own syntax; with its candidates file, in full
            return capped(sorted(assessment_files.check_standalone(doc), key=_order))
        if team_file.is_team_file(data):  # the named candidates file's gates and assessments are its own to check
            return capped(sorted(_load(path, criteria, None, missing, doc).warnings, key=_order))
        if detect_kind(data) == "criteria" and not _check_kind(doc, data):
            _model, found = validate_criteria(doc, data, ())
            return capped(sorted(doc.problems + found, key=_order))
        # the document already read is reused: a pipe such as /dev/stdin can be read only once
        project = _load(path, criteria, None, missing, doc)
        # check only: score notes them on each candidate, and its errors stay the file's errors
        gates = semantics.unanswered_gates(project.file.candidates, project.criteria, doc)
        gates += assessment_rules(project, doc)
        return capped(sorted([*project.warnings, *gates], key=_order))
    except InvalidInputError as exc:
        return list(exc.diagnostics)
    except CriteriaNotFoundError as exc:
        return [Diagnostic.of(str(path), 1, 1, "error", said(exc), "", "PF120")]
