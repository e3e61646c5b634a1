"""What changed in the proposed team between two versions that both have a ``team:`` block: members and value."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from partnerfit.contract.models import MissingPolicy
    from partnerfit.engine.matrix import Aggregate
    from partnerfit.project.loading import Project


@dataclass(frozen=True)
class TeamDiff:
    """The optimal team of each version (None: no feasible team) and what changed between them."""

    old_members: tuple[str, ...] | None
    new_members: tuple[str, ...] | None
    old_value: float | None
    new_value: float | None

    @property
    def added(self) -> tuple[str, ...]:
        """Members of the new team that were not in the old one."""
        return tuple(m for m in self.new_members or () if m not in (self.old_members or ()))

    @property
    def removed(self) -> tuple[str, ...]:
        """Members of the old team no longer in the new one."""
        return tuple(m for m in self.old_members or () if m not in (self.new_members or ()))

    @property
    def changed(self) -> bool:
        """True when the members or the value differ (within 1e-9, the tie rule's tolerance)."""
        if self.old_members != self.new_members:
            return True
        if self.old_value is None or self.new_value is None:
            return self.old_value != self.new_value
        return abs(self.old_value - self.new_value) > 1e-9

    def to_dict(self) -> dict[str, Any]:
        """The ``team`` key of the diff's JSON document (present only when both versions have a team block)."""
        return {
            "old": {"members": _listed(self.old_members), "value": _number(self.old_value)},
            "new": {"members": _listed(self.new_members), "value": _number(self.new_value)},
            "added": list(self.added),
            "removed": list(self.removed),
            "changed": self.changed,
        }


def _number(x: float | None) -> float | None:
    return None if x is None else round(x, 9)  # float noise off, as the team document writes its value


def _listed(members: tuple[str, ...] | None) -> list[str] | None:
    return None if members is None else list(members)


def _best(
    project: Project, method: str, aggregate: Aggregate, missing: MissingPolicy | None
) -> tuple[tuple[str, ...] | None, float | None]:
    from partnerfit.analysis.team import choose
    from partnerfit.errors import InfeasibleTeamError

    try:
        result = choose(project, method=method, aggregate=aggregate, missing=missing, alternatives_count=0)
    except InfeasibleTeamError:
        return None, None
    return result.best.members, result.best.value


def diff_team(
    old: Project, new: Project, *, method: str, aggregate: Aggregate, missing: MissingPolicy | None
) -> TeamDiff | None:
    """The team change between two versions, or None unless both have a ``team:`` block."""
    if old.file.team is None or new.file.team is None:
        return None
    before, after = _best(old, method, aggregate, missing), _best(new, method, aggregate, missing)
    return TeamDiff(before[0], after[0], before[1], after[1])
