"""Whether a file's consensus rules hold: the rules, the verdict and what fails them (codes and numbers only)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Failing:
    """One thing that fails a rule: a (candidate, criterion) pair short of assessors, or a criterion's alpha."""

    rule: str  # "min_assessors" or "min_alpha"
    criterion: str
    candidate: str | None = None
    assessors: int | None = None
    alpha: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: the rule, then what it is about."""
        if self.rule == "min_assessors":
            return {
                "rule": self.rule,
                "candidate": self.candidate,
                "criterion": self.criterion,
                "assessors": self.assessors,
            }
        return {"rule": self.rule, "criterion": self.criterion, "alpha": self.alpha}


@dataclass(frozen=True)
class ConsensusStatus:
    """The consensus rules of a candidates file and whether the counted assessments meet them."""

    min_assessors: int | None
    min_alpha: float | None
    failing: tuple[Failing, ...]  # at most MAX_FAILING, sorted; ``failing_count`` counts them all
    failing_count: int = 0

    @property
    def held(self) -> bool:
        """True when every rule holds."""
        return self.failing_count == 0

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of FORMAT.md's ``consensus`` key."""
        return {
            "min_assessors": self.min_assessors,
            "min_alpha": self.min_alpha,
            "held": self.held,
            "failing": [f.to_dict() for f in self.failing],
        }
