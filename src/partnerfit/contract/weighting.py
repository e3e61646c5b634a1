"""Where sibling weights come from: given directly, derived from AHP comparisons or a rank order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from partnerfit.contract.models import Weighting
from partnerfit.contract.suggest import did_you_mean
from partnerfit.errors import Msg, msg

AHP_CR_LIMIT = 0.10  # Saaty's rule of thumb: above it, revisit the judgements


@dataclass(frozen=True)
class Judgement:
    """One AHP comparison and how far the derived weights are from it."""

    first: str
    second: str
    given: float
    implied: float
    error: float


@dataclass(frozen=True)
class Participant:
    """One participant's own AHP weights of a scope (judgements_by_participant), with their consistency."""

    id: str
    weights: Mapping[str, float]
    cr: float
    worst: tuple[Judgement, ...] = ()

    @property
    def inconsistent(self) -> bool:
        """True when this participant's consistency ratio exceeds 0.10."""
        return self.cr > AHP_CR_LIMIT


@dataclass(frozen=True)
class WeightOrigin:
    """How the weights of one set of siblings were obtained (scope "" = the top level)."""

    scope: str
    method: str
    weights: Mapping[str, float]
    cr: float | None = None
    ci: float | None = None
    lambda_max: float | None = None
    worst: tuple[Judgement, ...] = ()
    participants: tuple[Participant, ...] = ()  # judgements per participant, merged by geometric mean (AIJ)
    consensus: float | None = None  # Goepel's AHP consensus S* of the participants' weights

    @property
    def inconsistent(self) -> bool:
        """True for AHP judgements whose consistency ratio exceeds 0.10."""
        return self.cr is not None and self.cr > AHP_CR_LIMIT


def _unknown(name: str, items: Sequence[str]) -> Msg:
    return msg("unknown id {id}{hint}", id=repr(name), hint=did_you_mean(name, items))


def weighting_problems(weighting: Weighting, items: Sequence[str]) -> list[tuple[tuple[str | int, ...], Msg | str]]:
    """(location inside the weighting, message) of every problem; empty when it can be derived."""
    known = set(items)
    found: list[tuple[tuple[str | int, ...], Msg | str]] = []
    if weighting.method in ("roc", "rank_sum"):
        order = weighting.order or []
        for index, name in enumerate(order):
            if name not in known:
                found.append((("order", index), _unknown(name, items)))
            elif order.index(name) != index:
                found.append((("order", index), msg("{id} is listed twice", id=repr(name))))
        absent = [name for name in items if name not in order]
        if absent:
            found.append((("order",), msg("the order must list every item; missing: {items}", items=", ".join(absent))))
    elif weighting.method == "ahp":
        pairs: set[frozenset[str]] = set()
        for index, (first, second, _) in enumerate(weighting.comparisons or []):
            for position, name in enumerate((first, second)):
                if name not in known:
                    found.append((("comparisons", index, position), _unknown(name, items)))
            if first == second:
                found.append((("comparisons", index), msg("{id} is compared with itself", id=repr(first))))
            elif frozenset((first, second)) in pairs:
                twice = msg("{first} and {second} are compared twice", first=repr(first), second=repr(second))
                found.append((("comparisons", index), twice))
            pairs.add(frozenset((first, second)))
        groups = _connected_groups(items, weighting)
        if not found and len(groups) > 1:
            parts = " | ".join(", ".join(group) for group in groups)
            message = msg("the comparisons must link every item to the others; separate groups: {groups}", groups=parts)
            found.append((("comparisons",), message))
        if not found:
            try:
                derive(weighting, items, {}, "")
            except ValueError as exc:
                found.append((("comparisons",), str(exc)))
    return found


def _connected_groups(items: Sequence[str], weighting: Weighting) -> list[list[str]]:
    """The items split into groups linked by comparisons (one group when AHP can weigh them all)."""
    parent = {name: name for name in items}

    def root(name: str) -> str:
        while parent[name] != name:
            name = parent[name]
        return name

    for first, second, _ in weighting.comparisons or []:
        if first in parent and second in parent:
            parent[root(first)] = root(second)
    groups: dict[str, list[str]] = {}
    for name in items:
        groups.setdefault(root(name), []).append(name)
    return list(groups.values())


def derive(weighting: Weighting | None, items: Sequence[str], given: Mapping[str, float], scope: str) -> WeightOrigin:
    """The sibling weights (summing to 1) and their origin; ``given`` holds the direct weights."""
    if weighting is None or weighting.method == "direct":
        total = sum(given[name] for name in items)
        return WeightOrigin(scope, "direct", {name: given[name] / total for name in items})
    from partnerfit.mcda import weights as mcda_weights

    if weighting.method in ("roc", "rank_sum"):
        derived = (mcda_weights.rank_order_centroid if weighting.method == "roc" else mcda_weights.rank_sum)(len(items))
        order = weighting.order or []
        return WeightOrigin(scope, weighting.method, {name: float(w) for name, w in zip(order, derived, strict=True)})
    index = {name: i for i, name in enumerate(items)}
    judgements = [(index[a], index[b], value) for a, b, value in weighting.comparisons or []]
    if len(items) == 1:
        return WeightOrigin(scope, "ahp", {items[0]: 1.0}, 0.0, 0.0, 1.0)
    result = mcda_weights.ahp(mcda_weights.pairwise_matrix(len(items), judgements))
    worst = tuple(
        Judgement(items[j.row], items[j.column], j.given, j.implied, j.error)
        for j in result.worst
        if j.error > 1 + 1e-9
    )
    weights = {name: float(w) for name, w in zip(items, np.asarray(result.weights), strict=True)}
    return WeightOrigin(scope, "ahp", weights, result.cr, result.ci, result.lambda_max, worst)
