"""The check of ``weights_by_role`` (weights per stakeholder role): every id names a group or criterion of the set."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from partnerfit.contract.suggest import did_you_mean
from partnerfit.errors import Diagnostic, Msg, msg

if TYPE_CHECKING:
    from partnerfit.contract.criteria_set import CriteriaSet
    from partnerfit.io.document import Document


def unknown_weight_ids(
    weights: Mapping[str, Any], where: tuple[str, ...], criteria: CriteriaSet, doc: Document
) -> list[Diagnostic]:
    """PF109 for each key of ``weights`` (found at ``where``) naming no group or criterion of the set, with "did you mean"."""
    known = [g.id for g in criteria.groups] + list(criteria.ids)
    return [
        doc.diagnostic(
            (*where, wid),
            msg("unknown group or criterion {id}{hint}", id=repr(wid), hint=did_you_mean(str(wid), known)),
            code="PF109",
            key=True,
        )
        for wid in weights
        if wid not in known
    ]


def check_role_weights(by_role: Mapping[str, Any], criteria: CriteriaSet, doc: Document) -> list[Diagnostic]:
    """Each role's weights must name a group or a criterion of the set (located, with "did you mean")."""
    found = []
    for role, weights in by_role.items():
        if isinstance(weights, Mapping):  # else the model reports the wrong type
            found += unknown_weight_ids(weights, ("weights_by_role", role), criteria, doc)
    return found


def no_role_weights(path: str) -> Msg:
    """Why ``score --perspectives`` refuses a file without ``weights_by_role``."""
    return msg("{path}: the file gives no 'weights_by_role'; there is no perspective to rank under", path=path)
