"""What `agreement` found: the typed figures its renderers read (codes and numbers, no words)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from partnerfit._version import __version__
from partnerfit.contract.criteria_set import CriteriaSet


def as_written(x: float) -> float | int:
    """A raw score as the file wrote it: 4.0 → 4 (FORMAT.md's example writes scores and spreads whole)."""
    return int(x) if float(x).is_integer() and abs(x) < 2**53 else x


@dataclass(frozen=True)
class Divergent:
    """One (candidate, criterion) pair the assessors scored far apart."""

    candidate: str
    criterion: str
    scores: Mapping[str, float]  # assessor -> raw score
    spread: float  # max − min, on the criterion's own scale
    notes: Mapping[str, str]  # assessor -> note

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of FORMAT.md, with the notes beside."""
        return {
            "candidate": self.candidate,
            "criterion": self.criterion,
            "scores": {a: as_written(v) for a, v in self.scores.items()},
            "spread": as_written(self.spread),
            "notes": dict(self.notes),
        }


@dataclass(frozen=True)
class RoundAlpha:
    """The overall alpha of one round, over the sheets of that round."""

    round: int
    alpha: float | None
    assessors: int


@dataclass(frozen=True)
class FeedbackItem:
    """One pair where an assessor is outside the group's interquartile range (Delphi feedback)."""

    candidate: str
    criterion: str
    own: float
    median: float
    q1: float
    q3: float
    low: float  # the group's lowest and highest score
    high: float
    others: int  # how many other assessors scored it
    notes: tuple[str, ...]  # the others' notes, without who wrote them (sorted: the order names nobody)


@dataclass(frozen=True)
class Agreement:
    """Completeness, Krippendorff's alpha, divergent pairs, deviations and Kendall's W of one project."""

    criteria: CriteriaSet
    candidates: Mapping[str, str]  # id -> display name
    assessors: tuple[str, ...]
    names: Mapping[str, str | None]
    round: int  # the current round: the highest round among the sheets that count
    completeness: Mapping[str, float | None]  # None: nothing expected (every candidate under conflict)
    expected: Mapping[str, tuple[int, int]]  # assessor -> (scored, expected)
    alpha_overall: float | None
    alpha_criteria: Mapping[str, float | None]
    divergent: tuple[Divergent, ...]  # already cut to --top
    divergent_total: int
    deviation: Mapping[str, float | None]  # points of the 0–100 score; < 0 severe, > 0 lenient
    kendall_w: float | None
    kendall_candidates: int  # candidates every assessor ranked
    rounds: tuple[RoundAlpha, ...]
    feedback: Mapping[str, tuple[FeedbackItem, ...]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of FORMAT.md ("Agreement"), with deviation, kendall_w and counts added."""
        return {
            "partnerfit": __version__,
            "assessors": list(self.assessors),
            "round": self.round,
            "completeness": dict(self.completeness),
            "alpha": {"overall": self.alpha_overall, "criteria": dict(self.alpha_criteria)},
            "divergent": [d.to_dict() for d in self.divergent],
            "rounds": [{"round": r.round, "alpha": r.alpha, "assessors": r.assessors} for r in self.rounds],
            "deviation": dict(self.deviation),
            "kendall_w": self.kendall_w,
            "kendall_candidates": self.kendall_candidates,
            "scored": {a: {"scored": s, "expected": e} for a, (s, e) in self.expected.items()},
            "divergent_total": self.divergent_total,
        }
