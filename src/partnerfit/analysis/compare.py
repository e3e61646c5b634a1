"""Rank the candidates under every method and measure how far the methods agree."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from partnerfit.contract.models import MissingPolicy
from partnerfit.engine.matrix import Aggregate
from partnerfit.engine.registry import DEFAULT, METHODS
from partnerfit.engine.run import score
from partnerfit.errors import IncompleteScoresError, PartnerfitError
from partnerfit.project.loading import Project

REFERENCE = DEFAULT  # the method every other one is compared with


@dataclass(frozen=True)
class Agreement:
    """How one method's ranking agrees with the reference method's (REFERENCE)."""

    kendall_tau: float
    ws: float


@dataclass(frozen=True)
class MethodComparison:
    """Each candidate's rank under each method that could run, and the methods' agreement."""

    methods: tuple[str, ...]
    ids: tuple[str, ...]
    names: Mapping[str, str]
    ranks: Mapping[str, Mapping[str, int]]
    agreement: Mapping[str, Agreement]
    moved: tuple[str, ...]
    failures: Mapping[str, str]
    excluded: tuple[str, ...]
    incomplete: tuple[str, ...] = ()  # the failed methods that stopped at a missing score

    @property
    def same_top(self) -> int:
        """How many leading places every method fills with the same candidates."""
        if not self.methods:
            return 0
        orders = [_ordered(self.ids, self.ranks[m]) for m in self.methods]
        k = 0
        while k < len(self.ids) and len({frozenset(order[: k + 1]) for order in orders}) == 1:
            k += 1
        return k

    def to_dict(self) -> dict[str, Any]:
        """The comparison as a JSON document."""
        return {
            "reference": REFERENCE,
            "methods": list(self.methods),
            "candidates": [
                {
                    "id": cid,
                    "name": self.names[cid],
                    "ranks": {m: self.ranks[m][cid] for m in self.methods},
                    "moved": cid in self.moved,
                }
                for cid in self.ids
            ],
            "agreement": {m: {"kendall_tau": a.kendall_tau, "ws": a.ws} for m, a in self.agreement.items()},
            "same_top": self.same_top,
            "failures": dict(self.failures),
            "excluded": list(self.excluded),
        }


def _ordered(ids: Sequence[str], ranks: Mapping[str, int]) -> list[str]:
    return sorted(ids, key=lambda cid: (ranks[cid], cid))


def compare_methods(
    project: Project,
    *,
    methods: Sequence[str] | None = None,
    aggregate: Aggregate = "mean",
    missing: MissingPolicy | None = None,
    vikor_v: float = 0.5,
) -> MethodComparison:
    """Score ``project`` with every registered method (or ``methods``); a method that cannot run is reported, not fatal."""
    from partnerfit.mcda.agreement import kendall_tau, ws_coefficient

    wanted = tuple(methods or METHODS)
    ranks: dict[str, dict[str, int]] = {}
    failures: dict[str, str] = {}
    names: dict[str, str] = {}
    excluded: tuple[str, ...] = ()
    incomplete: list[str] = []
    for method in wanted:
        try:
            result = score(project, method=method, aggregate=aggregate, missing=missing, vikor_v=vikor_v)
        except PartnerfitError as exc:
            failures[method] = str(exc)
            incomplete += [method] if isinstance(exc, IncompleteScoresError) else []
            continue
        ranks[method] = {c.id: c.rank for c in result.ranked if c.rank is not None}
        names.update({c.id: c.name for c in result.ranking})
        excluded = tuple(c.id for c in result.excluded)
    ran = tuple(m for m in wanted if m in ranks)
    ids = tuple(sorted(ranks[ran[0]], key=lambda cid: (ranks[ran[0]][cid], cid))) if ran else ()
    agreement: dict[str, Agreement] = {}
    if REFERENCE in ranks and ids:
        reference = [ranks[REFERENCE][cid] for cid in ids]
        for method in ran:
            other = [ranks[method][cid] for cid in ids]
            agreement[method] = Agreement(kendall_tau(reference, other), ws_coefficient(reference, other))
    moved = tuple(cid for cid in ids if ran and max(ranks[m][cid] for m in ran) - min(ranks[m][cid] for m in ran) > 1)
    return MethodComparison(ran, ids, names, ranks, agreement, moved, failures, excluded, tuple(incomplete))
