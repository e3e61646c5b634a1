"""Checks of a valid criteria set that span fields: unique ids, knock-outs and levels on the scale, weightings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from partnerfit import numbers
from partnerfit.contract.models import CriteriaFile, Criterion, Weighting
from partnerfit.contract.phrases import listed
from partnerfit.contract.raw_checks import outside_scale
from partnerfit.contract.weighting import AHP_CR_LIMIT, derive, weighting_problems
from partnerfit.errors import Diagnostic, Msg, msg
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
                        msg(
                            "criterion id {id} is already used in {where}; ids are unique across the set",
                            id=repr(cid),
                            where=seen[cid],
                        ),
                        code="PF131",
                        key=True,
                    )
                )
            seen[cid] = ".".join(where)
            found += _criterion_problems(criterion, loc, criterion.scale or model.scale, doc)
    return found + check_weighting(model, doc, prefix)


def _criterion_problems(
    criterion: Criterion, loc: tuple[str | int, ...], scale: Sequence[float], doc: Document
) -> list[Diagnostic]:
    """A criterion's knock-outs, levels and preference thresholds against its scale."""
    low, high = scale
    found: list[Diagnostic] = []
    for bound in ("minimum", "maximum"):
        value = getattr(criterion, bound)
        if value is not None and not low <= value <= high:
            found.append(
                doc.diagnostic(
                    (*loc, bound),
                    outside_scale(bound, value, low, high),
                    code="PF133",
                )
            )
    if criterion.minimum is not None and criterion.maximum is not None and criterion.minimum > criterion.maximum:
        found.append(
            doc.diagnostic(
                (*loc, "minimum"),
                msg(
                    "minimum {minimum} is above maximum {maximum}: no score can pass",
                    minimum=f"{criterion.minimum:g}",
                    maximum=f"{criterion.maximum:g}",
                ),
                code="PF132",
            )
        )
    for level in criterion.levels:
        number = _as_number(level)
        if number is None:
            found.append(
                doc.diagnostic(
                    (*loc, "levels", level),
                    msg(
                        "a level is a point of the scale; found {found}{hint}",
                        found=repr(level),
                        hint=numbers.text_hint(level),
                    ),
                    code="PF113",
                    key=True,
                )
            )
        elif not low <= number <= high:
            found.append(
                doc.diagnostic(
                    (*loc, "levels", level),
                    msg(
                        "level {level} is outside the scale [{low}, {high}]",
                        level=level,
                        low=f"{low:g}",
                        high=f"{high:g}",
                    ),
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
                msg(
                    "a threshold exceeds the scale's range ({range}): no difference can reach it",
                    range=f"{high - low:g}",
                ),
                severity="warning",
                code="PW206",
            )
        )
    return found


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
                    msg(
                        "'weight' written on {items} is ignored: {method} derives these weights",
                        items=", ".join(written),
                        method=weighting.method,
                    ),
                    severity="warning",
                    code="PW205",
                )
            )
        if problems or weighting.method != "ahp":
            continue
        origin = derive(weighting, list(items), {}, scope)
        if origin.inconsistent:
            culprits: list[Msg | str] = [
                msg(
                    "{first} vs {second}: given {given}, the weights imply {implied}",
                    first=j.first,
                    second=j.second,
                    given=_saaty(j.given),
                    implied=_saaty(j.implied),
                )
                for j in origin.worst[:3]
            ]
            message = msg(
                "AHP judgements are inconsistent: CR = {cr} > {limit}; most responsible: {culprits}",
                cr=f"{origin.cr:.3f}",
                limit=f"{AHP_CR_LIMIT:.2f}",
                culprits=listed(culprits, "; "),
            )
            found.append(
                doc.diagnostic((*where, "weighting", "comparisons"), message, severity="warning", code="PW204")
            )
    return found


def _saaty(value: float) -> str:
    return f"{value:.2f}" if value >= 0.995 else f"1/{1 / value:.2f}"


def _as_number(text: str) -> float | None:
    number = numbers.read_number(text.strip())
    return None if number is None else float(number)
