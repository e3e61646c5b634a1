"""Load and validate candidates and criteria files into a Project, collecting every problem."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from partnerfit import semantics
from partnerfit.builtin import builtin_names, builtin_path
from partnerfit.criteria_set import CriteriaSet, resolve
from partnerfit.document import Document, display_path, read_document
from partnerfit.errors import CriteriaNotFoundError, Diagnostic, InvalidInputError, InvalidWeightsError
from partnerfit.gcpause import paused_gc
from partnerfit.messages import describe, diagnostics_from, did_you_mean, strip_union_tags
from partnerfit.models import MAX_MAGNITUDE, MIN_WEIGHT, Candidate, CandidatesFile, CriteriaFile, MissingPolicy
from partnerfit.score_table import ScoreTable, build_score_table, is_entry

DEFAULT_CRITERIA = "partnership"
Kind = Literal["candidates", "criteria"]


@dataclass(frozen=True)
class Project:
    """A validated candidates file with its criteria set resolved (weights overrides applied)."""

    path: str
    file: CandidatesFile
    criteria: CriteriaSet
    missing: MissingPolicy
    warnings: tuple[Diagnostic, ...] = ()
    table: ScoreTable | None = field(default=None, repr=False, compare=False)


def without_extensions(data: Any) -> Any:
    """The top-level mapping without its ``x-`` keys: a place for YAML anchors and tool settings."""
    if isinstance(data, dict) and any(isinstance(k, str) and k.startswith("x-") for k in data):
        return {k: v for k, v in data.items() if not k.startswith("x-")}
    return data


def detect_kind(data: Mapping[str, Any]) -> Kind:
    """The kind a file declares, or the one its content makes obvious."""
    declared = data.get("kind")
    if declared in ("candidates", "criteria"):
        return declared  # type: ignore[no-any-return]
    if "candidates" in data:
        return "candidates"
    if "groups" in data or isinstance(data.get("criteria"), dict):
        return "criteria"
    return "candidates"


def _mapping_root(doc: Document) -> dict[str, Any]:
    if not isinstance(doc.data, dict):
        raise InvalidInputError(
            [
                doc.diagnostic(
                    (),
                    f"expected a mapping at the top of the file (such as 'kind: candidates'), found {describe(doc.data)}",
                    code="PF006",
                )
            ]
        )
    return doc.data


def _check_kind(doc: Document, data: dict[str, Any]) -> list[Diagnostic]:
    kind = data.get("kind")
    if kind is not None and kind not in ("candidates", "criteria"):
        hint = did_you_mean(str(kind), ["candidates", "criteria"])
        return [
            doc.diagnostic(
                ("kind",),
                f"unknown kind {kind!r}; expected 'candidates' or 'criteria'{hint}",
                code="PF010",
            )
        ]
    return []


def load_criteria(ref: str | Path, *, base: Path | None = None) -> CriteriaSet:
    """A criteria set by built-in name or by path (relative to ``base`` when given)."""
    path = _criteria_path(str(ref), base)
    doc = read_document(path)
    model, found = _validate_criteria(doc, _mapping_root(doc), ())
    found = sorted(doc.problems + found, key=_order)
    if model is None or any(d.severity == "error" for d in found):
        raise InvalidInputError(found)
    return replace(resolve(model, path.stem, str(ref)), path=None if builtin_path(str(ref)) == path else path)


def _criteria_path(ref: str, base: Path | None) -> Path:
    builtin = builtin_path(ref)
    looks_like_path = "/" in ref or "\\" in ref or ref.endswith((".yaml", ".yml", ".json"))
    candidate = (base / ref) if base is not None else Path(ref)
    if builtin is not None and not looks_like_path:
        return builtin
    if candidate.is_file():
        return candidate
    names = builtin_names()
    if looks_like_path:
        raise CriteriaNotFoundError(f"criteria file {ref!r} does not exist (looked for {display_path(candidate)})")
    hint = did_you_mean(ref, names)
    raise CriteriaNotFoundError(
        f"unknown criteria set {ref!r} (built-in sets: {', '.join(names)}; or give a path to a criteria file){hint}"
    )


def _validate_criteria(
    doc: Document, data: Any, prefix: tuple[str | int, ...]
) -> tuple[CriteriaFile | None, list[Diagnostic]]:
    try:
        model = CriteriaFile.model_validate(without_extensions(data))
    except ValidationError as exc:
        return None, diagnostics_from(exc, doc, CriteriaFile, prefix)
    return model, semantics.check_criteria(model, doc, prefix)


def load(
    path: str | Path,
    *,
    criteria: str | Path | None = None,
    weights: Mapping[str, float] | None = None,
    missing: MissingPolicy | None = None,
) -> Project:
    """Read, validate and resolve a candidates file; raise InvalidInputError with every problem.

    ``criteria``, ``weights`` and ``missing`` override what the file says (as the command line does).
    """
    _check_override_weights(weights or {})
    with paused_gc():
        project = _load(Path(path), criteria, weights, missing)
    unknown = [
        w for w in weights or {} if w not in project.criteria.ids and w not in {g.id for g in project.criteria.groups}
    ]
    if unknown:
        known = [*(g.id for g in project.criteria.groups), *project.criteria.ids]
        raise InvalidWeightsError(f"unknown group or criterion {unknown[0]!r}{did_you_mean(unknown[0], known)}")
    return project


def _check_override_weights(weights: Mapping[str, Any]) -> None:
    for name, value in weights.items():
        if isinstance(value, bool) or not isinstance(value, int | float) or not MIN_WEIGHT <= value <= MAX_MAGNITUDE:
            raise InvalidWeightsError(
                f"weight override {name}={value!r}: expected a number from {MIN_WEIGHT:g} to {MAX_MAGNITUDE:g}"
            )


def _load(
    path: Path,
    criteria: str | Path | None,
    weights: Mapping[str, float] | None,
    missing: MissingPolicy | None,
    doc: Document | None = None,
) -> Project:
    doc = doc if doc is not None else read_document(path)
    data = _mapping_root(doc)
    found = doc.problems + _check_kind(doc, data)
    if detect_kind(data) == "criteria" and not _check_kind(doc, data):
        raise InvalidInputError(
            [
                doc.diagnostic(
                    (), "this is a criteria file; expected a candidates file (with 'candidates:')", code="PF010"
                )
            ]
        )
    criteria_set, criteria_found = _resolve_criteria(doc, data, criteria, path.parent)
    found += criteria_found
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
            criteria_set = criteria_set.with_weights(overrides)
    found = _unique(found)
    errors = [d for d in found if d.severity == "error"]
    if errors or file_model is None or criteria_set is None:
        raise InvalidInputError(sorted(found, key=_order))
    return Project(doc.path, file_model, criteria_set, policy, tuple(sorted(found, key=_order)), table)


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
    doc: Document, data: dict[str, Any], override: str | Path | None, base: Path
) -> tuple[CriteriaSet | None, list[Diagnostic]]:
    if override is not None:
        return load_criteria(override), []
    ref = data.get("criteria", DEFAULT_CRITERIA)
    if isinstance(ref, dict):
        model, found = _validate_criteria(doc, ref, ("criteria",))
        ok = model is not None and not any(d.severity == "error" for d in found)
        return (resolve(model, "inline", "inline") if ok and model else None), found
    if not isinstance(ref, str):
        return None, []  # the model reports the wrong type
    try:
        return load_criteria(ref, base=base), []
    except CriteriaNotFoundError as exc:
        return None, [doc.diagnostic(("criteria",), str(exc), code="PF120")]


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
        for cid, (candidate, salvaged) in checked.items():
            # a salvaged candidate lost its invalid scores: they are reported already, not as missing
            found += semantics.check_candidate(cid, candidate, criteria, "ignore" if salvaged else policy, doc)
        return found, None
    candidates = model.candidates
    table = build_score_table(candidates, criteria)
    found = semantics.check_weights(model.weights, criteria, doc)
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
    path: str | Path, *, criteria: str | Path | None = None, missing: MissingPolicy | None = None
) -> list[Diagnostic]:
    """Every error and warning of one file, of either kind (for ``partnerfit check``)."""
    path = Path(path)
    try:
        doc = read_document(path)
        data = _mapping_root(doc)
        if detect_kind(data) == "criteria" and not _check_kind(doc, data):
            _model, found = _validate_criteria(doc, data, ())
            return sorted(doc.problems + found, key=_order)
        # the document already read is reused: a pipe such as /dev/stdin can be read only once
        with paused_gc():
            return list(_load(path, criteria, None, missing, doc).warnings)
    except InvalidInputError as exc:
        return list(exc.diagnostics)
    except CriteriaNotFoundError as exc:
        return [Diagnostic(str(path), 1, 1, "error", str(exc), "", "PF120")]
