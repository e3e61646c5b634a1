"""Candidates side by side, criterion by criterion, and the one weight change that would swap the first two."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from functools import partial
from typing import Any

import numpy as np

from partnerfit.analysis.explain import MARGIN, Evidence, Scene, brief, make_scene
from partnerfit.contract.criteria_set import CriteriaSet
from partnerfit.contract.models import MissingPolicy
from partnerfit.engine.matrix import Aggregate, FloatArray
from partnerfit.engine.registry import additive
from partnerfit.i18n import reason_text
from partnerfit.project.loading import Project
from partnerfit.result.model import TIE_TOLERANCE, CandidateResult, Result

Line = tuple[float, float, float, float]  # a score's numerator and denominator as n0 + n1·t, d0 + d1·t


@dataclass(frozen=True)
class Side:
    """One candidate on one criterion: its score, value v, contribution and the notes behind the score."""

    score: float | None
    value: float | None
    contribution: float | None
    entries: tuple[Evidence, ...]


@dataclass(frozen=True)
class Row:
    """One criterion across the candidates compared: who is ahead, and by how much."""

    id: str
    weight: float
    sides: Mapping[str, Side]
    ahead: tuple[str, ...]  # the best value v (several when level); empty when nobody is behind them
    by: float | None  # the lead in the criterion's own scale units over the next best
    points: float | None  # the lead in points of the score (wsm)

    def to_dict(self) -> dict[str, Any]:
        """The row as JSON."""
        keys = ("id", "weight", "ahead", "by", "points")
        return {k: getattr(self, k) for k in keys} | {
            "ahead": list(self.ahead),
            "candidates": {cid: asdict(s) for cid, s in self.sides.items()},
        }


@dataclass(frozen=True)
class Swap:
    """One criterion's weight change (the others rescaled in proportion) that lists ``passer`` ahead of ``leader``."""

    criterion: str
    passer: str
    leader: str
    weight: float  # effective weight now
    new_weight: float  # effective weight that swaps them
    scores: Mapping[str, float]  # the two scores then
    overrides: Mapping[str, float]  # raw group and criterion weights to write under `weights:` for that

    @property
    def change(self) -> float:
        """New minus current effective weight."""
        return self.new_weight - self.weight

    def to_dict(self) -> dict[str, Any]:
        """The swap as JSON."""
        return {**asdict(self), "change": self.change}


@dataclass(frozen=True)
class HeadToHead:
    """Two or more candidates compared criterion by criterion; the weight change that swaps the first two."""

    result: Result
    entries: tuple[CandidateResult, ...]
    rows: tuple[Row, ...]
    swaps: tuple[Swap, ...]  # every criterion whose weight alone swaps the first two, smallest change first
    swap_note: str | None = None  # why there is none: excluded | wsm_only | none

    @property
    def swap(self) -> Swap | None:
        """The smallest single weight change that swaps the first two candidates."""
        return self.swaps[0] if self.swaps else None

    @property
    def wins(self) -> dict[str, int]:
        """How many criteria each candidate leads on."""
        return {e.id: sum(e.id in r.ahead for r in self.rows) for e in self.entries}

    def to_dict(self) -> dict[str, Any]:
        """The comparison as a JSON document."""
        result = self.result
        return {
            "partnerfit": result.version,
            **{key: getattr(result, key) for key in ("method", "aggregate", "missing")},
            "additive": additive(result.method),
            "candidates": [
                {
                    **(brief(e) or {}),
                    "coverage": e.coverage,
                    "excluded": e.excluded,
                    "reasons": [reason_text(r) for r in e.reasons],  # English, as in the score JSON
                }
                for e in self.entries
            ],
            "wins": self.wins,
            "criteria": [row.to_dict() for row in self.rows],
            "swap": self.swap.to_dict() if self.swap else None,
            "swaps": [s.to_dict() for s in self.swaps],
            "swap_note": self.swap_note,
        }


def compare_candidates(
    project: Project,
    ids: Sequence[str],
    *,
    method: str = "wsm",
    aggregate: Aggregate = "mean",
    missing: MissingPolicy | None = None,
) -> HeadToHead:
    """Compare ``ids`` (two or more, distinct) criterion by criterion; CandidateNotFoundError for an unknown id."""
    if len(ids) < 2 or len(set(ids)) != len(ids):
        raise ValueError(f"compare needs two or more distinct candidate ids; got {list(ids)}")
    scene = make_scene(project, list(ids), method, aggregate, missing)
    entries = tuple(scene.entry(cid) for cid in ids)
    rows = []
    evidence = {e.id: scene.result.evidence(e.id) for e in entries}  # the result's, not the input's
    for j, c in enumerate(project.criteria.criteria):
        sides = {}
        for e in entries:
            i, value = scene.row[e.id], float(scene.v[scene.row[e.id], j])
            sides[e.id] = Side(
                _num(scene.matrix.values[i, j]),
                None if math.isnan(value) else value,
                e.contributions.get(c.id) if additive(scene.result.method) else None,
                evidence[e.id].get(c.id, ()),
            )
        values = {cid: s.value for cid, s in sides.items() if s.value is not None}
        best = max(values.values(), default=0.0)
        ahead = tuple(cid for cid in ids if cid in values and best - values[cid] <= TIE_TOLERANCE)
        behind = [x for x in values.values() if best - x > TIE_TOLERANCE]
        by = points = None
        if behind:  # the best (one or several, level) lead the next best by this much
            runner = next(cid for cid in ids if cid in values and values[cid] == max(behind))
            by = (best - max(behind)) * (c.high - c.low)
            lead, second = sides[ahead[0]].contribution, sides[runner].contribution
            points = lead - second if lead is not None and second is not None else None
        rows.append(Row(c.id, c.effective_weight, sides, ahead if behind else (), by, points))
    swaps, note = _swaps(scene, entries[0], entries[1])
    return HeadToHead(scene.result, entries, tuple(rows), swaps, note)


def _num(value: float) -> float | None:
    return None if math.isnan(value) else float(value)


def _swaps(scene: Scene, a: CandidateResult, b: CandidateResult) -> tuple[tuple[Swap, ...], str | None]:
    """For each criterion, the effective weight nearest its own at which the trailing one of a, b passes the other."""
    if a.excluded or b.excluded:
        return (), "excluded"
    if not additive(scene.result.method):
        return (), "wsm_only"
    lead, trail = (a, b) if scene.position[a.id] < scene.position[b.id] else (b, a)
    aim = TIE_TOLERANCE + 2 * MARGIN if lead.id < trail.id else 0.0  # a tie lists the smaller id first
    criteria = scene.matrix.criteria
    weights = scene.matrix.weights
    found = []
    for j, c in enumerate(criteria.criteria if len(weights) > 1 else ()):
        lines = [_line(scene.v[scene.row[x.id]], weights, j) for x in (trail, lead)]
        (n0, n1, d0, d1), (m0, m1, e0, e1) = lines
        quadratic = (  # (S_trail − S_lead − aim) × both denominators, a quadratic in t
            100 * (n1 * e1 - m1 * d1) - aim * d1 * e1,
            100 * (n0 * e1 + n1 * e0 - m0 * d1 - m1 * d0) - aim * (d0 * e1 + d1 * e0),
            100 * (n0 * e0 - m0 * d0) - aim * d0 * e0,
        )
        w = float(weights[j])
        pair = (scene.v[scene.row[trail.id]], scene.v[scene.row[lead.id]])
        for root in sorted(_roots(*quadratic), key=lambda r: abs(r - w)):
            t = _nudge(root, w, partial(_ahead, pair, weights, j, aim - MARGIN))
            if t is not None:
                scores = {trail.id: _score_at(pair[0], weights, j, t), lead.id: _score_at(pair[1], weights, j, t)}
                found.append(Swap(c.id, trail.id, lead.id, w, t, scores, _written(criteria, j, t, w, pair, aim)))
                break
    found.sort(key=lambda s: (abs(s.change), s.criterion))
    return tuple(found), None if found else "none"


def _line(v: np.ndarray, weights: np.ndarray, j: int) -> Line:
    """Numerator and denominator of a score as n0 + n1·t and d0 + d1·t, t the weight of criterion ``j``.

    Criterion ``j`` weighs t and every other weight is scaled by (1 − t)/(1 − w_j); both sides are
    multiplied by (1 − w_j). A criterion not counted (missing under ``ignore``) weighs in neither.
    """
    counted = ~np.isnan(v)
    w_j = float(weights[j])
    rest = np.arange(len(v)) != j
    points = float((weights * np.nan_to_num(v))[rest & counted].sum())
    total = float(weights[rest & counted].sum())
    own = 1.0 if counted[j] else 0.0
    value = float(np.nan_to_num(v[j]))
    return points, value * own * (1 - w_j) - points, total, own * (1 - w_j) - total


def _score_at(v: FloatArray, weights: FloatArray, j: int, t: float) -> float:
    """The score of row ``v`` when criterion ``j`` weighs t, the others rescaled, evaluated directly.

    The roots come from the quadratic; whether a root really swaps the two is decided here, where a
    score that cannot move (every criterion it counts is rescaled alike) keeps its value instead of
    drifting with the (1 − t) rounding of the line form.
    """
    w = weights * ((1 - t) / (1 - float(weights[j])))
    w[j] = t
    return _score_with(v, w)


def _score_with(v: FloatArray, weights: FloatArray) -> float:
    """The wsm score of row ``v`` under ``weights``, over the criteria it counts (missing ones left out)."""
    counted = ~np.isnan(v)
    return 100 * float((weights[counted] * v[counted]).sum() / weights[counted].sum())


def _ahead(pair: tuple[FloatArray, FloatArray], weights: FloatArray, j: int, floor: float, t: float) -> bool:
    return _score_at(pair[0], weights, j, t) - _score_at(pair[1], weights, j, t) >= floor


def _roots(c2: float, c1: float, c0: float) -> list[float]:
    """Real roots of c2·t² + c1·t + c0 in (0, 1), by the numerically stable formula."""
    scale = max(abs(c2), abs(c1), abs(c0))
    if scale == 0:
        return []
    if abs(c2) <= 1e-12 * scale:
        found = [-c0 / c1] if c1 else []
    else:
        disc = c1 * c1 - 4 * c2 * c0
        if disc < 0:
            return []
        q = -0.5 * (c1 + math.copysign(math.sqrt(disc), c1))
        found = [q / c2] + ([c0 / q] if q else [])
    return [r for r in found if 0 < r < 1]


def _nudge(root: float, start: float, passes: Callable[[float], bool]) -> float | None:
    """The root, moved away from ``start`` by the least amount that passes (rounding puts it on either side)."""
    step = math.copysign(1e-13, root - start)
    for _ in range(40):
        t = root + step
        if not 0 < t < 1:
            return None
        if passes(t):
            return t
        step *= 2
    return None


def _written(
    criteria: CriteriaSet, j: int, t: float, w: float, pair: tuple[FloatArray, FloatArray], aim: float
) -> dict[str, float]:
    """Overrides to write, a hair past the threshold and rounded to 4 decimals, checked by re-weighting."""
    for extra in (1e-4, 1e-5, 1e-6):
        beyond = t + math.copysign(extra, t - w)
        if 0 < beyond < 1:
            rounded = {k: round(x, 4) for k, x in weight_overrides(criteria, criteria.ids[j], beyond).items()}
            weights = np.array(list(criteria.with_weights(rounded).weights.values()))
            trail, lead = (_score_with(v, weights) for v in pair)
            if trail - lead >= aim - MARGIN:
                return rounded
    return weight_overrides(criteria, criteria.ids[j], t)


def weight_overrides(criteria: CriteriaSet, criterion: str, t: float) -> dict[str, float]:
    """Raw weights (for ``weights:``) giving ``criterion`` the effective weight t, the others in proportion."""
    c = criteria.criterion(criterion)
    f = (1 - t) / (1 - c.effective_weight)
    rest = sum(k.weight for k in criteria.criteria if k.group == c.group and k.id != c.id)
    found: dict[str, float] = {}
    share = t
    if c.group is not None:
        group = next(g for g in criteria.groups if g.id == c.group)
        total = sum(g.weight for g in criteria.groups)
        found[group.id] = total / f - (total - group.weight)
        share = t / (t + (group.effective_weight - c.effective_weight) * f)
    if rest:
        found[c.id] = rest * share / (1 - share)
    return found
