"""One assessor's scores in one round: the record `agreement` and the report read (no loading here)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class AssessmentSheet:
    """One assessor's scores in one round (an assessment file, or the inline `assessments` as round 1)."""

    assessor: str
    name: str | None
    role: str | None
    round: int
    path: str  # the file, as diagnostics name it
    scores: Mapping[str, Mapping[str, float | None]]  # candidate -> criterion -> raw score (None: not scored)
    notes: Mapping[tuple[str, str], str]  # (candidate, criterion) -> note
    conflicts: frozenset[str]  # candidates under this assessor's conflict of interest
    counted: bool  # True for the assessor's highest round (the one scored)
    where: tuple[int, int] = (1, 1)  # line and column of the assessor's id in ``path``, for diagnostics
