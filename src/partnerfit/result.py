"""The result model every renderer reads; it checks its own invariants."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from partnerfit._version import __version__
from partnerfit.criteria_set import CriteriaSet
from partnerfit.i18n import t
from partnerfit.rows import plain

TIE_TOLERANCE = 1e-9


def _num(value: float) -> str:
    return f"{value:g}"


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a candidate is excluded (or a note about it): a code and the values behind it."""

    code: str
    subject: str = ""
    value: float | None = None
    bound: float | None = None

    def text(self, lang: str = "en", label: str | None = None) -> str:
        """The reason in words, e.g. ``loyalty 1 < minimum 2`` or ``gate: sanctions_listed``."""
        return _reason_text(self, lang, label)


@lru_cache(maxsize=4096)
def _reason_text(reason: Reason, lang: str, label: str | None) -> str:
    # cached: a large file repeats the same few reasons and notes thousands of times
    name = label or reason.subject
    return t(
        f"reason_{reason.code}" if reason.code in ("minimum", "maximum", "gate", "no_scores") else reason.code,
        lang,
        criterion=name,
        gate=name,
        value=_num(reason.value) if reason.value is not None else "",
        bound=_num(reason.bound) if reason.bound is not None else "",
    )


@dataclass(frozen=True, slots=True)
class CandidateResult:
    """One candidate's outcome: rank (None when excluded), score 0–100 and how it was made."""

    id: str
    name: str
    rank: int | None
    score: float
    value: float
    coverage: float
    reasons: tuple[Reason, ...]
    groups: Mapping[str, float | None]
    contributions: Mapping[str, float]
    scores: Mapping[str, float | None]
    spread: Mapping[str, float]
    disagreement: tuple[str, ...] = ()
    notes: tuple[Reason, ...] = ()
    assessors: int = 1
    type: str | None = None
    details: Mapping[str, float] = field(default_factory=dict)

    @property
    def excluded(self) -> bool:
        """True when a knock-out, a gate or the lack of any score keeps it out of the ranking."""
        return bool(self.reasons)

    def to_dict(self) -> dict[str, Any]:
        """The candidate as in FORMAT.md's JSON ``ranking`` entries (plus added keys)."""
        entry: dict[str, Any] = {
            "rank": self.rank,
            "id": self.id,
            "name": self.name,
            "score": self.score,
            "value": self.value,
            "coverage": self.coverage,
            "excluded": self.excluded,
            "reasons": [r.text() for r in self.reasons],
            "groups": plain(self.groups),
            "contributions": plain(self.contributions),
            "spread": plain(self.spread),
            "scores": plain(self.scores),  # plain(): a RowMapping copies straight from its table
            "disagreement": list(self.disagreement),
            "notes": [n.text() for n in self.notes],
            "assessors": self.assessors,
        }
        if self.type is not None:
            entry["type"] = self.type
        if self.details:
            entry["details"] = dict(self.details)
        return entry


@dataclass(frozen=True)
class Result:
    """A ranking: ranked candidates first in rank order (ties by id), then excluded ones."""

    method: str
    criteria: CriteriaSet
    ranking: tuple[CandidateResult, ...]
    missing: str
    aggregate: str
    source: str = ""
    title: str | None = None
    objective: str | None = None
    version: str = __version__

    def __post_init__(self) -> None:
        ranked = [c for c in self.ranking if c.rank is not None]
        if any(c.rank is None for c in self.ranking[: len(ranked)]):
            raise ValueError("ranked candidates must precede excluded ones")
        for position, entry in enumerate(ranked, start=1):
            previous = ranked[position - 2] if position > 1 else None
            if previous is not None and entry.rank == previous.rank:
                if abs(previous.score - entry.score) > 2 * TIE_TOLERANCE:
                    raise ValueError(f"{entry.id!r} shares rank {entry.rank} without a tied score")
            elif entry.rank != position:
                raise ValueError(f"rank of {entry.id!r} is {entry.rank}, expected {position}")
        total = sum(self.criteria.weights.values())
        if not math.isclose(total, 1.0, abs_tol=1e-9):
            raise ValueError(f"effective weights sum to {total}, not 1")

    @property
    def ranked(self) -> tuple[CandidateResult, ...]:
        """Candidates with a rank, in rank order."""
        return tuple(c for c in self.ranking if c.rank is not None)

    @property
    def excluded(self) -> tuple[CandidateResult, ...]:
        """Excluded candidates, best score first."""
        return tuple(c for c in self.ranking if c.rank is None)

    @property
    def ties(self) -> list[list[str]]:
        """Groups of candidate ids that share a rank."""
        by_rank: dict[int, list[str]] = {}
        for c in self.ranked:
            by_rank.setdefault(c.rank or 0, []).append(c.id)
        return [ids for ids in by_rank.values() if len(ids) > 1]

    def candidate(self, candidate_id: str) -> CandidateResult:
        """The entry of ``candidate_id`` (KeyError if absent)."""
        for entry in self.ranking:
            if entry.id == candidate_id:
                return entry
        raise KeyError(candidate_id)

    def header_dict(self) -> dict[str, Any]:
        """Every top-level key of the JSON document but ``ranking``."""
        return {
            "partnerfit": self.version,
            "method": self.method,
            "criteria": {
                "name": self.criteria.name,
                "weights": self.criteria.weights,
                "groups": {g.id: g.effective_weight for g in self.criteria.groups},
                "source": self.criteria.source,
            },
            "missing": self.missing,
            "aggregate": self.aggregate,
            "ties": self.ties,
            "title": self.title,
            "objective": self.objective,
        }

    def entries(self, top: int | None = None) -> Sequence[CandidateResult]:
        """The entries a document lists: all of them, or the first ``top`` ranked ones."""
        return self.ranked[:top] if top is not None else self.ranking

    def to_dict(self, top: int | None = None) -> dict[str, Any]:
        """The JSON document of FORMAT.md; ``top`` keeps only the first ``top`` ranked entries."""
        return {**self.header_dict(), "ranking": [entry.to_dict() for entry in self.entries(top)]}
