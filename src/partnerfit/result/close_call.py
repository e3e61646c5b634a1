"""The close-call verdict a result may carry: is the leader a clear winner, and what weight change unseats it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

CLOSE_MARGIN = 1.0  # a lead of less than 1 point of the 0–100 score is a close call
CLOSE_FIRST = 0.5  # so is a leader that ranks first in less than half of the samples

Level = Literal["criterion", "group"]


@dataclass(frozen=True)
class WeightChange:
    """A single-weight change that makes another candidate first: ``id``'s weight from ``weight`` past ``to``."""

    id: str
    level: Level
    weight: float
    to: float
    leader: str


@dataclass(frozen=True)
class CloseCall:
    """Whether the leader is a clear winner, and the smallest single-weight change that makes another one first."""

    leader: str
    runner_up: str | None
    margin: float | None  # points of the 0–100 score between the leader and the runner-up
    first_rank: float | None  # the leader's rank-1 acceptability, when samples were drawn
    change: WeightChange | None

    @property
    def close(self) -> bool:
        """No clear winner: a margin under CLOSE_MARGIN points, or first in under CLOSE_FIRST of the samples."""
        return (self.margin is not None and self.margin < CLOSE_MARGIN) or (
            self.first_rank is not None and self.first_rank < CLOSE_FIRST
        )

    def to_dict(self) -> dict[str, Any]:
        """The verdict as JSON."""
        change = self.change
        return {
            "close": self.close,
            "leader": self.leader,
            "runner_up": self.runner_up,
            "margin": self.margin,
            "first_rank": self.first_rank,
            "change": None
            if change is None
            else {
                "id": change.id,
                "level": change.level,
                "from": change.weight,
                "to": change.to,
                "leader": change.leader,
            },
        }
