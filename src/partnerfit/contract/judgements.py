"""AHP judgements per participant (``judgements_by_participant``): their checks, and the group weights they give."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import numpy as np

from partnerfit.contract.models import Weighting
from partnerfit.contract.suggest import did_you_mean
from partnerfit.contract.weighting import Judgement, Participant, WeightOrigin, derive, weighting_problems
from partnerfit.errors import Diagnostic, msg

if TYPE_CHECKING:
    from partnerfit.contract.criteria_set import CriteriaSet
    from partnerfit.io.document import Document

Comparison = tuple[str, str, float]
FIELD = "judgements_by_participant"


def sibling_sets(criteria: CriteriaSet) -> dict[str, list[str]]:
    """Scope ("" = the top level) -> the items weighed against each other there."""
    if not criteria.groups:
        return {"": list(criteria.ids)}
    scopes = {"": [g.id for g in criteria.groups]}
    for g in criteria.groups:
        scopes[g.id] = [c.id for c in criteria.criteria if c.group == g.id]
    return scopes


def _scope_of(first: str, second: str, scopes: Mapping[str, Sequence[str]]) -> str | None:
    return next((s for s, items in scopes.items() if first in items and second in items), None)


def by_scope(comparisons: Sequence[Comparison], scopes: Mapping[str, Sequence[str]]) -> dict[str, list[int]]:
    """The indices of one participant's comparisons, by the scope holding both items (siblings only)."""
    found: dict[str, list[int]] = {}
    for index, (first, second, _) in enumerate(comparisons):
        scope = _scope_of(first, second, scopes)
        if scope is not None:
            found.setdefault(scope, []).append(index)
    return found


def check_judgements(by_participant: Mapping[str, Any], criteria: CriteriaSet, doc: Document) -> list[Diagnostic]:
    """Unknown ids (with "did you mean"), non-siblings, the AHP checks per scope, and each participant's CR."""
    scopes = sibling_sets(criteria)
    known = [i for items in scopes.values() for i in items]
    found: list[Diagnostic] = []
    for who, comparisons in by_participant.items():
        if not isinstance(comparisons, Sequence) or not all(_triple(c) for c in comparisons):
            continue  # the model reports the wrong shape
        bad = False
        for index, (first, second, _) in enumerate(comparisons):
            unknown = [(p, n) for p, n in enumerate((first, second)) if n not in known]
            for position, name in unknown:
                hint = did_you_mean(str(name), known)
                message = msg("unknown group or criterion {id}{hint}", id=repr(name), hint=hint)
                found.append(doc.diagnostic((FIELD, who, index, position), message, code="PF109"))
            if not unknown and _scope_of(first, second, scopes) is None:
                message = msg(
                    "{first} and {second} are not siblings: compare groups with groups, or criteria of one group",
                    first=repr(first),
                    second=repr(second),
                )
                found.append(doc.diagnostic((FIELD, who, index), message, code="PF130"))
            bad = bad or bool(unknown) or _scope_of(first, second, scopes) is None
        if not bad:
            found += _scope_checks(who, comparisons, scopes, doc)
    return found


def _triple(value: Any) -> bool:
    return isinstance(value, Sequence) and not isinstance(value, str) and len(value) == 3


def _scope_checks(
    who: str, comparisons: Sequence[Any], scopes: Mapping[str, Sequence[str]], doc: Document
) -> list[Diagnostic]:
    """The set's AHP checks on each scope this participant judged, located at their own judgements."""
    found = []
    for scope, indices in by_scope(comparisons, scopes).items():
        try:
            weighting = Weighting(method="ahp", comparisons=[tuple(comparisons[i]) for i in indices])
        except ValueError:
            continue  # a judgement off Saaty's scale: the model reports it
        problems = weighting_problems(weighting, scopes[scope])
        for at, message in problems:
            where = (FIELD, who, indices[int(at[1])], *at[2:]) if len(at) > 1 else (FIELD, who)
            found.append(doc.diagnostic(where, message, code="PF130"))
        if problems:
            continue
        origin = derive(weighting, scopes[scope], {}, scope)
        if origin.inconsistent and origin.worst:
            worst = origin.worst[0]
            index = next(i for i in indices if {comparisons[i][0], comparisons[i][1]} == {worst.first, worst.second})
            message = msg(
                "{who}'s judgements are inconsistent: CR = {cr} > 0.10; revisit {first} vs {second}",
                who=who,
                cr=f"{origin.cr:.3f}",
                first=worst.first,
                second=worst.second,
            )
            found.append(doc.diagnostic((FIELD, who, index), message, severity="warning", code="PW204"))
    return found


def with_participants(criteria: CriteriaSet, by_participant: Mapping[str, Sequence[Comparison]]) -> CriteriaSet:
    """The set with each judged scope weighted from the geometric mean of the participants' judgements (AIJ)."""
    if not by_participant:
        return criteria
    from partnerfit.mcda import consensus, weights

    scopes = sibling_sets(criteria)
    origins = {o.scope: o for o in criteria.origins}
    new: dict[str, float] = {}
    for scope, items in scopes.items():
        index = {name: i for i, name in enumerate(items)}
        people: list[Participant] = []
        matrices = []
        for who, comparisons in by_participant.items():
            chosen = [comparisons[i] for i in by_scope(comparisons, scopes).get(scope, [])]
            if not chosen:
                continue
            own = derive(Weighting(method="ahp", comparisons=chosen), items, {}, scope)
            people.append(Participant(who, own.weights, own.cr or 0.0, own.worst))
            matrices.append(weights.pairwise_matrix(len(items), [(index[a], index[b], v) for a, b, v in chosen]))
        if not people or len(items) < 2:
            continue
        group = weights.ahp(consensus.geometric_mean_judgements(np.stack(matrices)))
        merged = {name: float(w) for name, w in zip(items, np.asarray(group.weights), strict=True)}
        agreement = consensus.homogeneity(np.array([[p.weights[i] for i in items] for p in people]))
        worst = tuple(
            Judgement(items[j.row], items[j.column], j.given, j.implied, j.error)
            for j in group.worst
            if j.error > 1 + 1e-9
        )
        origins[scope] = WeightOrigin(
            scope, "ahp", merged, group.cr, group.ci, group.lambda_max, worst, tuple(people), agreement.consensus
        )
        new.update(merged)
    # the group weights replace the set's at each judged scope; -w and the file's `weights:` still win
    rebuilt = criteria.with_weights(new)
    ordered = tuple(origins[o.scope] for o in criteria.origins if o.scope in origins)
    ordered += tuple(o for s, o in origins.items() if s not in {x.scope for x in criteria.origins})
    return replace(rebuilt, overrides=criteria.overrides, origins=ordered)
