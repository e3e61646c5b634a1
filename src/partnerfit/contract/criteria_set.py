"""The resolved criteria set: flat criteria with effective weights, ready for the engine."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from partnerfit.contract.models import (
    CriteriaFile,
    Criterion,
    Direction,
    Gate,
    Label,
    MissingPolicy,
    Preference,
    label_text,
)
from partnerfit.contract.weighting import WeightOrigin, derive


@dataclass(frozen=True, slots=True)
class ResolvedCriterion:
    """A criterion with its scale resolved and its effective weight (the set's weights sum to 1)."""

    id: str
    group: str | None
    weight: float
    effective_weight: float
    low: float
    high: float
    direction: Direction
    label: Label | None = None
    description: Label | None = None
    levels: Mapping[str, Label] = field(default_factory=dict)
    minimum: float | None = None
    maximum: float | None = None
    preference: Preference | None = None

    def text(self, lang: str) -> str:
        """The criterion's label in ``lang`` (its id when it has no label)."""
        return label_text(self.label, lang, self.id)


@dataclass(frozen=True, slots=True)
class ResolvedGroup:
    """A group of criteria with its own weight and effective weight (sum of its criteria's)."""

    id: str
    weight: float
    effective_weight: float
    criteria: tuple[str, ...]
    label: Label | None = None
    short: Label | None = None

    def text(self, lang: str) -> str:
        """The group's label in ``lang`` (its id when it has no label)."""
        return label_text(self.label, lang, self.id)

    def short_text(self, lang: str, limit: int = 9) -> str:
        """A column header: the ``short`` label, else the label cut to ``limit`` characters."""
        if self.short is not None:
            return label_text(self.short, lang, self.id)
        text = self.text(lang)
        return text if len(text) <= limit else text[: limit - 1].rstrip() + "."


@dataclass(frozen=True)
class CriteriaSet:
    """What the engine needs of a criteria file, after any weight overrides."""

    name: str
    source: str
    missing: MissingPolicy
    criteria: tuple[ResolvedCriterion, ...]
    groups: tuple[ResolvedGroup, ...]
    gates: Mapping[str, Gate]
    title: Label | None = None
    overrides: Mapping[str, float] = field(default_factory=dict)
    path: Path | None = None  # the criteria file read, when it is not built in or inline
    origins: tuple[WeightOrigin, ...] = ()  # how each set of sibling weights was obtained

    @property
    def ids(self) -> tuple[str, ...]:
        """Criterion ids in file order."""
        return tuple(c.id for c in self.criteria)

    @cached_property
    def ranges(self) -> dict[str, tuple[float, float]]:
        """Scale [low, high] of each criterion, by id."""
        return {c.id: (c.low, c.high) for c in self.criteria}

    @property
    def weights(self) -> dict[str, float]:
        """Effective weight of each criterion, in file order."""
        return {c.id: c.effective_weight for c in self.criteria}

    def criterion(self, criterion_id: str) -> ResolvedCriterion:
        """The criterion named ``criterion_id`` (KeyError if the set has none)."""
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(criterion_id)

    def with_weights(self, overrides: Mapping[str, float]) -> CriteriaSet:
        """The same set with group or criterion weights replaced (ids already validated)."""
        if not overrides:
            return self
        groups = {g.id: overrides.get(g.id, g.weight) for g in self.groups}
        raw = {c.id: overrides.get(c.id, c.weight) for c in self.criteria}
        rebuilt = _effective(self.criteria, self.groups, groups, raw)
        return replace(self, criteria=rebuilt[0], groups=rebuilt[1], overrides={**self.overrides, **overrides})

    def title_text(self, lang: str) -> str:
        """The set's title in ``lang`` (its name when it has none)."""
        return label_text(self.title, lang, self.name)


def resolve(model: CriteriaFile, name: str, source: str) -> CriteriaSet:
    """Flatten a validated criteria file into a CriteriaSet with effective weights."""
    default = model.scale
    criteria: list[ResolvedCriterion] = []
    groups: list[ResolvedGroup] = []
    sections: dict[str | None, dict[str, Criterion]] = (
        {gid: g.criteria for gid, g in model.groups.items()} if model.groups else {None: model.criteria or {}}
    )
    for group_id, members in sections.items():
        for cid, c in members.items():
            low, high = c.scale or default
            criteria.append(
                ResolvedCriterion(
                    cid,
                    group_id,
                    c.weight,
                    0.0,
                    low,
                    high,
                    c.direction,
                    c.label,
                    c.description,
                    c.levels,
                    c.minimum,
                    c.maximum,
                    c.preference,
                )
            )
        if group_id is not None and model.groups is not None:
            g = model.groups[group_id]
            groups.append(ResolvedGroup(group_id, g.weight, 0.0, tuple(members), g.label, g.short))
    group_weights = {g.id: g.weight for g in groups}
    raw = {c.id: c.weight for c in criteria}
    origins = _origins(model, group_weights, raw)
    for origin in origins:
        if origin.method != "direct":  # derived weights replace the ones written on the items
            (raw if origin.scope or not groups else group_weights).update(origin.weights)
    flat, grouped = _effective(tuple(criteria), tuple(groups), group_weights, raw)
    resolved = CriteriaSet(model.name or name, source, model.missing, flat, grouped, model.gates, model.title)
    return replace(resolved, origins=origins)


def _origins(model: CriteriaFile, group_weights: dict[str, float], raw: dict[str, float]) -> tuple[WeightOrigin, ...]:
    if model.groups is None:
        return (derive(model.weighting, list(raw), raw, ""),)
    top = derive(model.weighting, list(group_weights), group_weights, "")
    inner = tuple(derive(g.weighting, list(g.criteria), raw, gid) for gid, g in model.groups.items())
    return (top, *inner)


def _effective(
    criteria: tuple[ResolvedCriterion, ...],
    groups: tuple[ResolvedGroup, ...],
    group_weights: Mapping[str, float],
    raw: Mapping[str, float],
) -> tuple[tuple[ResolvedCriterion, ...], tuple[ResolvedGroup, ...]]:
    group_total = sum(group_weights.values())
    within: dict[str | None, float] = {}
    for c in criteria:
        within[c.group] = within.get(c.group, 0.0) + raw[c.id]
    resolved = []
    for c in criteria:
        share = group_weights[c.group] / group_total if c.group is not None else 1.0
        resolved.append(replace(c, weight=raw[c.id], effective_weight=share * raw[c.id] / within[c.group]))
    effective = {c.id: c.effective_weight for c in resolved}
    new_groups = tuple(
        replace(
            g,
            weight=group_weights[g.id],
            effective_weight=sum(effective[cid] for cid in g.criteria),
        )
        for g in groups
    )
    return tuple(resolved), new_groups
