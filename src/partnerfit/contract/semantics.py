"""Checks that span a candidates file and its criteria set: scores against scales, ids against the set."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from partnerfit.contract.candidates import Candidate, ScoreEntry
from partnerfit.contract.criteria_set import CriteriaSet
from partnerfit.contract.models import MissingPolicy
from partnerfit.contract.suggest import did_you_mean
from partnerfit.errors import Diagnostic, msg
from partnerfit.io.document import Document


def check_weights(weights: Mapping[str, float], criteria: CriteriaSet, doc: Document) -> list[Diagnostic]:
    """Weight overrides must name a group or a criterion of the set."""
    known = [g.id for g in criteria.groups] + list(criteria.ids)
    return [
        doc.diagnostic(
            ("weights", wid),
            msg("unknown group or criterion {id}{hint}", id=repr(wid), hint=did_you_mean(wid, known)),
            code="PF109",
            key=True,
        )
        for wid in weights
        if wid not in known
    ]


def _score_sheets(
    candidate: Candidate,
) -> Iterator[tuple[tuple[str, ...], Mapping[str, float | ScoreEntry]]]:
    if candidate.scores is not None:
        yield ("scores",), candidate.scores
    for assessor, sheet in (candidate.assessments or {}).items():
        yield ("assessments", assessor), sheet


def out_of_scale(
    doc: Document,
    cid: str,
    crit_id: str,
    score: float,
    criteria: CriteriaSet,
    *,
    entry: bool,
    where: tuple[str, ...] = ("scores",),
) -> Diagnostic:
    """The diagnostic of a score outside its criterion's scale, at the number itself."""
    low, high = criteria.ranges[crit_id]
    loc = ("candidates", cid, *where, crit_id, *(("score",) if entry else ()))
    message = msg(
        "score {score} is outside the scale [{low}, {high}] of {criterion}",
        score=f"{score:g}",
        low=f"{low:g}",
        high=f"{high:g}",
        criterion=repr(crit_id),
    )
    return doc.diagnostic(loc, message, code="PF102")


def check_candidate(
    cid: str, candidate: Candidate, criteria: CriteriaSet, missing: MissingPolicy, doc: Document
) -> list[Diagnostic]:
    """Scores name known criteria and lie on their scales; gates are known; no missing score under 'error'."""
    found: list[Diagnostic] = []
    ranges = criteria.ranges
    for where, sheet in _score_sheets(candidate):
        for crit_id, value in sheet.items():
            bounds = ranges.get(crit_id)
            score = value if type(value) is float else value.score  # type: ignore[union-attr]
            if bounds is not None and bounds[0] <= score <= bounds[1]:
                continue  # the common case, kept cheap: 1.3 million checks for 100,000 candidates
            loc = ("candidates", cid, *where, crit_id)
            if bounds is None:
                hint = did_you_mean(crit_id, ranges)
                message = msg(
                    "unknown criterion {id}{hint} (criteria set {set})",
                    id=repr(crit_id),
                    hint=hint,
                    set=repr(criteria.name),
                )
                found.append(doc.diagnostic(loc, message, key=True, code="PF101"))
                continue
            found.append(
                out_of_scale(doc, cid, crit_id, score, criteria, entry=isinstance(value, ScoreEntry), where=where)
            )
    for gate_id in candidate.gates:
        if gate_id not in criteria.gates:
            hint = did_you_mean(gate_id, criteria.gates)
            known = msg(" (gates: {gates})", gates=", ".join(criteria.gates)) if criteria.gates and not hint else ""
            found.append(
                doc.diagnostic(
                    ("candidates", cid, "gates", gate_id),
                    msg("unknown gate {id}{hint}{known}", id=repr(gate_id), hint=hint, known=known),
                    code="PF108",
                    key=True,
                )
            )
    if missing == "error":
        scored = {k for _, sheet in _score_sheets(candidate) for k in sheet}
        absent = [c for c in criteria.ids if c not in scored]
        if absent:
            sheet_key = "scores" if candidate.scores is not None else "assessments"
            found.append(
                doc.diagnostic(
                    ("candidates", cid, sheet_key),
                    msg("no score for {criteria} (missing: error)", criteria=", ".join(absent)),
                    code="PF110",
                )
            )
    return found


def coverage_warnings(candidates: Mapping[str, Candidate], criteria: CriteriaSet, doc: Document) -> list[Diagnostic]:
    """Warn about criteria nobody scored and candidates scored on less than all the weight."""
    found: list[Diagnostic] = []
    scored_by_anyone: set[str] = set()
    every = set(criteria.ids)
    for cid, candidate in candidates.items():
        if candidate.scores is not None and every.issubset(candidate.scores):
            continue  # fully scored: nothing to say, and the criteria are all scored by someone
        scored = {k for _, sheet in _score_sheets(candidate) for k in sheet}
        scored_by_anyone |= scored
        absent = [c for c in criteria.criteria if c.id not in scored]
        if absent and len(absent) < len(criteria.criteria):
            share = 1 - sum(c.effective_weight for c in absent)
            found.append(
                doc.diagnostic(
                    ("candidates", cid),
                    msg(
                        "scored on {share} of the weight; no score for {criteria}",
                        share=f"{share:.0%}",
                        criteria=", ".join(c.id for c in absent),
                    ),
                    code="PW201",
                    key=True,
                    severity="warning",
                )
            )
        elif absent:
            found.append(
                doc.diagnostic(
                    ("candidates", cid),
                    msg("has no score at all; it cannot be ranked"),
                    key=True,
                    severity="warning",
                    code="PW201",
                )
            )
    fully_scored = any(c.scores is not None and every.issubset(c.scores) for c in candidates.values())
    if not fully_scored:
        found.extend(
            doc.diagnostic(
                ("candidates",),
                msg("criterion {id} is scored by no candidate", id=repr(c.id)),
                key=True,
                severity="warning",
                code="PW202",
            )
            for c in criteria.criteria
            if c.id not in scored_by_anyone
        )

    return found


def unanswered_gates(candidates: Mapping[str, Candidate], criteria: CriteriaSet, doc: Document) -> list[Diagnostic]:
    """Warn about gates no candidate answered: such a gate excludes no one (score notes them too)."""
    answered = {g for c in candidates.values() for g, answer in c.gates.items() if answer is not None}
    silent = [gate for gate in criteria.gates if gate not in answered]
    if not silent:
        return []
    named = ", ".join(repr(g) for g in silent)
    message = (
        msg("no candidate answers the gate {gates}; unanswered, it excludes no one", gates=named)
        if len(silent) == 1
        else msg("no candidate answers the gates {gates}; unanswered, they exclude no one", gates=named)
    )
    return [doc.diagnostic(("candidates",), message, key=True, severity="warning", code="PW207")]


def raw_mapping(value: Any) -> Mapping[str, Any]:
    """``value`` when it is a mapping, else an empty one (for best-effort checks of broken files)."""
    return value if isinstance(value, dict) else {}
