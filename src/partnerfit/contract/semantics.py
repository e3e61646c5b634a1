"""Checks that span fields or files: scores against scales, ids against the criteria set."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from partnerfit import numbers
from partnerfit.contract.candidates import Candidate, ScoreEntry
from partnerfit.contract.criteria_set import CriteriaSet
from partnerfit.contract.messages import did_you_mean
from partnerfit.contract.models import CriteriaFile, Criterion, MissingPolicy, Weighting
from partnerfit.contract.weighting import AHP_CR_LIMIT, derive, weighting_problems
from partnerfit.errors import Diagnostic
from partnerfit.io.document import Document


def check_criteria(model: CriteriaFile, doc: Document, prefix: Sequence[str | int] = ()) -> list[Diagnostic]:
    """Duplicate criterion ids across groups, knock-outs and level anchors against the scale."""
    found: list[Diagnostic] = []
    seen: dict[str, str] = {}
    sections: dict[tuple[str, ...], dict[str, Criterion]] = {
        ("groups", gid, "criteria"): g.criteria for gid, g in (model.groups or {}).items()
    }
    if model.criteria:
        sections[("criteria",)] = model.criteria
    for where, members in sections.items():
        for cid, criterion in members.items():
            loc = (*prefix, *where, cid)
            if cid in seen:
                found.append(
                    doc.diagnostic(
                        loc,
                        f"criterion id {cid!r} is already used in {seen[cid]}; ids are unique across the set",
                        code="PF131",
                        key=True,
                    )
                )
            seen[cid] = ".".join(where)
            low, high = criterion.scale or model.scale
            for bound in ("minimum", "maximum"):
                value = getattr(criterion, bound)
                if value is not None and not low <= value <= high:
                    found.append(
                        doc.diagnostic(
                            (*loc, bound),
                            f"knock-out {bound} {value:g} is outside the scale [{low:g}, {high:g}]",
                            code="PF133",
                        )
                    )
            if (
                criterion.minimum is not None
                and criterion.maximum is not None
                and criterion.minimum > criterion.maximum
            ):
                found.append(
                    doc.diagnostic(
                        (*loc, "minimum"),
                        f"minimum {criterion.minimum:g} is above maximum {criterion.maximum:g}: no score can pass",
                        code="PF132",
                    )
                )
            for level in criterion.levels:
                number = _as_number(level)
                if number is None:
                    found.append(
                        doc.diagnostic(
                            (*loc, "levels", level),
                            f"a level is a point of the scale; found {level!r}{numbers.text_hint(level)}",
                            code="PF113",
                            key=True,
                        )
                    )
                elif not low <= number <= high:
                    found.append(
                        doc.diagnostic(
                            (*loc, "levels", level),
                            f"level {level} is outside the scale [{low:g}, {high:g}]",
                            key=True,
                            severity="warning",
                            code="PW203",
                        )
                    )
            preference = criterion.preference
            if preference is not None and max(preference.q or 0, preference.p or 0) > high - low:
                found.append(
                    doc.diagnostic(
                        (*loc, "preference"),
                        f"a threshold exceeds the scale's range ({high - low:g}): no difference can reach it",
                        severity="warning",
                        code="PW206",
                    )
                )
    return found + check_weighting(model, doc, prefix)


def check_weighting(model: CriteriaFile, doc: Document, prefix: Sequence[str | int] = ()) -> list[Diagnostic]:
    """AHP comparisons and rank orders name the right items; warn when AHP judgements are inconsistent."""
    scopes: list[tuple[tuple[str | int, ...], Weighting | None, dict[str, Any], str]] = []
    if model.groups:
        scopes.append(((*prefix,), model.weighting, model.groups, ""))
        scopes += [((*prefix, "groups", gid), g.weighting, g.criteria, gid) for gid, g in model.groups.items()]
    else:
        scopes.append(((*prefix,), model.weighting, model.criteria or {}, ""))
    found: list[Diagnostic] = []
    for where, weighting, items, scope in scopes:
        if weighting is None or weighting.method == "direct":
            continue
        problems = weighting_problems(weighting, list(items))
        found += [doc.diagnostic((*where, "weighting", *at), message, code="PF130") for at, message in problems]
        written = [name for name, item in items.items() if "weight" in item.model_fields_set]
        if written:
            found.append(
                doc.diagnostic(
                    (*where, "weighting", "method"),
                    f"'weight' written on {', '.join(written)} is ignored: {weighting.method} derives these weights",
                    severity="warning",
                    code="PW205",
                )
            )
        if problems or weighting.method != "ahp":
            continue
        origin = derive(weighting, list(items), {}, scope)
        if origin.inconsistent:
            culprits = "; ".join(
                f"{j.first} vs {j.second}: given {_saaty(j.given)}, the weights imply {_saaty(j.implied)}"
                for j in origin.worst[:3]
            )
            message = f"AHP judgements are inconsistent: CR = {origin.cr:.3f} > {AHP_CR_LIMIT:.2f}; most responsible: {culprits}"
            found.append(
                doc.diagnostic((*where, "weighting", "comparisons"), message, severity="warning", code="PW204")
            )
    return found


def _saaty(value: float) -> str:
    return f"{value:.2f}" if value >= 0.995 else f"1/{1 / value:.2f}"


def _as_number(text: str) -> float | None:
    number = numbers.read_number(text.strip())
    return None if number is None else float(number)


def check_weights(weights: Mapping[str, float], criteria: CriteriaSet, doc: Document) -> list[Diagnostic]:
    """Weight overrides must name a group or a criterion of the set."""
    known = [g.id for g in criteria.groups] + list(criteria.ids)
    return [
        doc.diagnostic(
            ("weights", wid),
            f"unknown group or criterion {wid!r}{did_you_mean(wid, known)}",
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
    return doc.diagnostic(loc, f"score {score:g} is outside the scale [{low:g}, {high:g}] of {crit_id!r}", code="PF102")


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
                message = f"unknown criterion {crit_id!r}{hint} (criteria set {criteria.name!r})"
                found.append(doc.diagnostic(loc, message, key=True, code="PF101"))
                continue
            found.append(
                out_of_scale(doc, cid, crit_id, score, criteria, entry=isinstance(value, ScoreEntry), where=where)
            )
    for gate_id in candidate.gates:
        if gate_id not in criteria.gates:
            hint = did_you_mean(gate_id, criteria.gates)
            known = f" (gates: {', '.join(criteria.gates)})" if criteria.gates and not hint else ""
            found.append(
                doc.diagnostic(
                    ("candidates", cid, "gates", gate_id),
                    f"unknown gate {gate_id!r}{hint}{known}",
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
                    ("candidates", cid, sheet_key), f"no score for {', '.join(absent)} (missing: error)", code="PF110"
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
                    f"scored on {share:.0%} of the weight; no score for {', '.join(c.id for c in absent)}",
                    code="PW201",
                    key=True,
                    severity="warning",
                )
            )
        elif absent:
            found.append(
                doc.diagnostic(
                    ("candidates", cid),
                    "has no score at all; it cannot be ranked",
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
                f"criterion {c.id!r} is scored by no candidate",
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
        f"no candidate answers the gate {named}; unanswered, it excludes no one"
        if len(silent) == 1
        else f"no candidate answers the gates {named}; unanswered, they exclude no one"
    )
    return [doc.diagnostic(("candidates",), message, key=True, severity="warning", code="PW207")]


def raw_mapping(value: Any) -> Mapping[str, Any]:
    """``value`` when it is a mapping, else an empty one (for best-effort checks of broken files)."""
    return value if isinstance(value, dict) else {}
