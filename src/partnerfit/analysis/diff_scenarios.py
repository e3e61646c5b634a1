"""What changed in a candidates file's named scenarios between two versions: added, removed, weights changed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from partnerfit.contract.scenarios import Scenario


@dataclass(frozen=True, slots=True)
class ScenarioChange:
    """One scenario's weight overrides before and after (None: absent from that version)."""

    id: str
    old: Mapping[str, float] | None
    new: Mapping[str, float] | None

    @property
    def kind(self) -> str:
        """added, removed, or changed."""
        return "added" if self.old is None else "removed" if self.new is None else "changed"


@dataclass(frozen=True)
class ScenariosDiff:
    """The scenarios of the new version that were added, removed, or given other weights (a label alone is not)."""

    changes: tuple[ScenarioChange, ...] = ()

    @property
    def changed(self) -> bool:
        """True when any scenario was added, removed, or reweighted."""
        return bool(self.changes)

    def to_dict(self) -> dict[str, Any]:
        """The ``scenarios`` key of the diff's JSON document (present only when something changed)."""
        return {
            "added": {c.id: dict(c.new or {}) for c in self.changes if c.kind == "added"},
            "removed": {c.id: dict(c.old or {}) for c in self.changes if c.kind == "removed"},
            "changed": {
                c.id: {"old": dict(c.old or {}), "new": dict(c.new or {})} for c in self.changes if c.kind == "changed"
            },
        }


def diff_scenarios(old: Mapping[str, Scenario], new: Mapping[str, Scenario]) -> ScenariosDiff:
    """The scenarios removed (in the old order), then those added or reweighted (in the new order)."""
    changes = [ScenarioChange(sid, s.weights, None) for sid, s in old.items() if sid not in new]
    for sid, scenario in new.items():
        before = old.get(sid)
        if before is None or dict(before.weights) != dict(scenario.weights):
            changes.append(ScenarioChange(sid, before.weights if before else None, scenario.weights))
    return ScenariosDiff(tuple(changes))
