"""What changed between two criteria sets: ids, effective weights, scales, directions, knock-outs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from partnerfit.contract.criteria_set import CriteriaSet

WEIGHT_TOLERANCE = 1e-12


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


@dataclass(frozen=True, slots=True)
class WeightChange:
    """A group's or criterion's effective weight (0–1 of the whole set) before and after."""

    id: str
    kind: Literal["group", "criterion"]
    old: float
    new: float


@dataclass(frozen=True, slots=True)
class DefinitionChange:
    """A criterion's scale, direction, knock-out bound or group, before and after."""

    criterion: str
    field: Literal["scale", "direction", "minimum", "maximum", "group"]
    old: Any
    new: Any


@dataclass(frozen=True)
class CriteriaDiff:
    """What changed in the criteria set in use (after each file's weight overrides)."""

    old_name: str
    new_name: str
    old_source: str
    new_source: str
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    groups_added: tuple[str, ...] = ()
    groups_removed: tuple[str, ...] = ()
    weights: tuple[WeightChange, ...] = ()
    definitions: tuple[DefinitionChange, ...] = ()
    gates_added: tuple[str, ...] = ()
    gates_removed: tuple[str, ...] = ()
    old_missing: str = "ignore"
    new_missing: str = "ignore"

    @property
    def set_changed(self) -> bool:
        """True when the set's name or where it comes from changed."""
        return self.old_name != self.new_name or self.old_source != self.new_source

    @property
    def changed(self) -> bool:
        """True when anything in the criteria or their weights changed."""
        return bool(
            self.set_changed
            or self.added
            or self.removed
            or self.groups_added
            or self.groups_removed
            or self.weights
            or self.definitions
            or self.gates_added
            or self.gates_removed
            or self.old_missing != self.new_missing
        )

    def to_dict(self) -> dict[str, Any]:
        """The criteria section of the JSON document."""
        return {
            "old": {"name": self.old_name, "source": self.old_source, "missing": self.old_missing},
            "new": {"name": self.new_name, "source": self.new_source, "missing": self.new_missing},
            "set_changed": self.set_changed,
            "added": list(self.added),
            "removed": list(self.removed),
            "groups_added": list(self.groups_added),
            "groups_removed": list(self.groups_removed),
            "weights": [{"id": w.id, "kind": w.kind, "old": w.old, "new": w.new} for w in self.weights],
            "definitions": [
                {"criterion": d.criterion, "field": d.field, "old": _plain(d.old), "new": _plain(d.new)}
                for d in self.definitions
            ],
            "gates_added": list(self.gates_added),
            "gates_removed": list(self.gates_removed),
        }


@dataclass(frozen=True)
class CriteriaSetsDiff:
    """Two criteria files compared (`partnerfit diff OLD NEW` on criteria files): the sets and what changed."""

    old_path: str
    new_path: str
    criteria: CriteriaDiff
    old_criteria: CriteriaSet
    new_criteria: CriteriaSet

    @property
    def unchanged(self) -> bool:
        """True when the two sets weigh and define the same criteria."""
        return not self.criteria.changed

    def to_dict(self) -> dict[str, Any]:
        """The JSON document: both paths and the criteria section of a candidates diff."""
        return {
            "old": self.old_path,
            "new": self.new_path,
            "unchanged": self.unchanged,
            "criteria": self.criteria.to_dict(),
        }


def diff_criteria(
    old: CriteriaSet, new: CriteriaSet, old_missing: str = "ignore", new_missing: str = "ignore"
) -> CriteriaDiff:
    """What changed between two criteria sets: ids, effective weights, scales, directions, knock-outs."""
    old_ids, new_ids = old.ids, new.ids
    old_groups = {g.id: g for g in old.groups}
    new_groups = {g.id: g for g in new.groups}
    weights = [
        WeightChange(gid, "group", old_groups[gid].effective_weight, g.effective_weight)
        for gid, g in new_groups.items()
        if gid in old_groups and abs(old_groups[gid].effective_weight - g.effective_weight) > WEIGHT_TOLERANCE
    ]
    definitions: list[DefinitionChange] = []
    for c in new.criteria:
        if c.id not in old_ids:
            continue
        before = old.criterion(c.id)
        if abs(before.effective_weight - c.effective_weight) > WEIGHT_TOLERANCE:
            weights.append(WeightChange(c.id, "criterion", before.effective_weight, c.effective_weight))
        if (before.low, before.high) != (c.low, c.high):
            definitions.append(DefinitionChange(c.id, "scale", (before.low, before.high), (c.low, c.high)))
        if before.direction != c.direction:
            definitions.append(DefinitionChange(c.id, "direction", before.direction, c.direction))
        if before.minimum != c.minimum:
            definitions.append(DefinitionChange(c.id, "minimum", before.minimum, c.minimum))
        if before.maximum != c.maximum:
            definitions.append(DefinitionChange(c.id, "maximum", before.maximum, c.maximum))
        if before.group != c.group and before.group in new_groups and c.group in old_groups:
            definitions.append(DefinitionChange(c.id, "group", before.group, c.group))
    return CriteriaDiff(
        old_name=old.name,
        new_name=new.name,
        old_source=old.source,
        new_source=new.source,
        added=tuple(cid for cid in new_ids if cid not in old_ids),
        removed=tuple(cid for cid in old_ids if cid not in new_ids),
        groups_added=tuple(gid for gid in new_groups if gid not in old_groups),
        groups_removed=tuple(gid for gid in old_groups if gid not in new_groups),
        weights=tuple(weights),
        definitions=tuple(definitions),
        gates_added=tuple(g for g in new.gates if g not in old.gates),
        gates_removed=tuple(g for g in old.gates if g not in new.gates),
        old_missing=old_missing,
        new_missing=new_missing,
    )
