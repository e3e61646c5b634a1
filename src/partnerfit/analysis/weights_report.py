"""Where each weight comes from, and what the candidates' own data would suggest (entropy, CRITIC)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from partnerfit.contract.criteria_set import CriteriaSet
from partnerfit.contract.weighting import Judgement, WeightOrigin
from partnerfit.engine.matrix import build_matrix
from partnerfit.project.loading import Project

BARELY_DIFFER = 0.5  # data weight below half an equal share, on a criterion weighted above an equal share


@dataclass(frozen=True)
class CriterionWeight:
    """One criterion: its effective weight, how it was set, and the data-driven weights beside it."""

    id: str
    group: str | None
    weight: float
    origin: str
    entropy: float | None
    critic: float | None
    barely_differs: bool


@dataclass(frozen=True)
class WeightsReport:
    """The weights of a criteria set in use, with their provenance and objective counterparts."""

    criteria: CriteriaSet
    rows: tuple[CriterionWeight, ...]
    origins: tuple[WeightOrigin, ...]
    candidates: int
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The report as a JSON document."""
        return {
            "criteria": self.criteria.name,
            "candidates": self.candidates,
            "weights": {
                r.id: {
                    "group": r.group,
                    "weight": r.weight,
                    "origin": r.origin,
                    "entropy": r.entropy,
                    "critic": r.critic,
                    "barely_differs": r.barely_differs,
                }
                for r in self.rows
            },
            "origins": [_origin_dict(o) for o in self.origins],
            "note": self.note,
        }


def _origin_dict(origin: WeightOrigin) -> dict[str, Any]:
    entry: dict[str, Any] = {"scope": origin.scope or None, "method": origin.method, "weights": dict(origin.weights)}
    if origin.method == "ahp":
        entry |= {
            "cr": origin.cr,
            "ci": origin.ci,
            "lambda_max": origin.lambda_max,
            "inconsistent": origin.inconsistent,
        }
        entry["worst"] = [_judgement(j) for j in origin.worst]
    if origin.participants:
        entry["consensus"] = origin.consensus
        entry["participants"] = {
            p.id: {
                "weights": dict(p.weights),
                "cr": p.cr,
                "inconsistent": p.inconsistent,
                "worst": [_judgement(j) for j in p.worst],
            }
            for p in origin.participants
        }
    return entry


def _judgement(j: Judgement) -> dict[str, Any]:
    return {"first": j.first, "second": j.second, "given": j.given, "implied": j.implied, "error": j.error}


def _describe(origin: WeightOrigin | None) -> str:
    if origin is None or origin.method == "direct":
        return "direct"
    if origin.method == "ahp":
        return f"ahp (CR {origin.cr:.3f})"
    return origin.method


def weights_report(project: Project) -> WeightsReport:
    """Each criterion's effective weight and origin; entropy and CRITIC weights of the eligible candidates."""
    from partnerfit.mcda.weights import critic_weights, entropy_weights

    criteria = project.criteria
    matrix = build_matrix(project.file.candidates, criteria, "mean", project.table)
    eligible = [i for i, reasons in enumerate(matrix.reasons) if not reasons]
    values = matrix.values[eligible]
    complete = values[~np.isnan(values).any(axis=1)]
    entropy: np.ndarray | None = None
    critic: np.ndarray | None = None
    note = ""
    if len(complete) >= 2:
        # entropy needs positive figures: scores are taken on their scale, shifted so the scale starts at 1
        shifted = complete - matrix.low + 1.0
        entropy = entropy_weights(np.where(matrix.lower_is_better, matrix.high - complete + 1.0, shifted))
        critic = critic_weights(complete, ~matrix.lower_is_better)
        if len(complete) < len(values):
            note = f"entropy and CRITIC use the {len(complete)} candidates scored on every criterion"
    else:
        note = "entropy and CRITIC need at least two eligible candidates scored on every criterion"
    by_scope: Mapping[str, WeightOrigin] = {o.scope: o for o in criteria.origins}
    share = 1.0 / len(criteria.criteria)
    rows = []
    for j, c in enumerate(criteria.criteria):
        origin = by_scope.get(c.group or "") if c.group else by_scope.get("")
        data = float(entropy[j]) if entropy is not None else None  # entropy measures how much they differ
        rows.append(
            CriterionWeight(
                c.id,
                c.group,
                c.effective_weight,
                _describe(origin)
                + (" (overridden)" if c.id in criteria.overrides or (c.group or "") in criteria.overrides else ""),
                data,
                float(critic[j]) if critic is not None else None,
                data is not None and c.effective_weight > share and data < BARELY_DIFFER * share,
            )
        )
    return WeightsReport(criteria, tuple(rows), criteria.origins, len(eligible), note)
