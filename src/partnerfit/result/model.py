"""The result model every renderer reads; it checks its own invariants."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

import numpy as np

from partnerfit._version import __version__
from partnerfit.contract.criteria_set import CriteriaSet
from partnerfit.i18n import t
from partnerfit.result.rows import plain

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
    score: float | None  # None: excluded before a method that compares candidates ran
    value: float | None
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
    details: Mapping[str, float | None] = field(default_factory=dict)

    @property
    def excluded(self) -> bool:
        """True when a knock-out, a gate or the lack of any score keeps it out of the ranking."""
        return bool(self.reasons)

    def to_dict(self) -> dict[str, Any]:
        """The candidate as in FORMAT.md's JSON ``ranking`` entries (plus added keys)."""
        return entry_dict(
            self.rank,
            self.id,
            self.name,
            self.score,
            self.value,
            self.coverage,
            self.reasons,
            plain(self.groups),  # plain(): a RowMapping copies straight from its table
            plain(self.contributions),
            plain(self.spread),
            plain(self.scores),
            self.disagreement,
            self.notes,
            self.assessors,
            self.type,
            self.details,
        )


def _texts(reasons: tuple[Reason, ...]) -> list[str]:
    if not reasons:
        return []
    cached = _TEXTS.get(id(reasons))
    if cached is None or cached[0] is not reasons:
        cached = _TEXTS[id(reasons)] = (reasons, [r.text() for r in reasons])
        if len(_TEXTS) > 4096:
            _TEXTS.clear()
    return list(cached[1])


# texts of recently seen reason tuples, by identity (large files share a few tuples of notes)
_TEXTS: dict[int, tuple[tuple[Reason, ...], list[str]]] = {}


def entry_dict(
    rank: int | None,
    candidate_id: str,
    name: str,
    score: float | None,
    value: float | None,
    coverage: float,
    reasons: tuple[Reason, ...],
    groups: dict[str, Any],
    contributions: dict[str, Any],
    spread: dict[str, Any],
    scores: dict[str, Any],
    disagreement: tuple[str, ...],
    notes: tuple[Reason, ...],
    assessors: int,
    kind: str | None,
    details: Mapping[str, float | None],
) -> dict[str, Any]:
    """One JSON ``ranking`` entry: the single definition of its keys and their order."""
    entry: dict[str, Any] = {
        "rank": rank,
        "id": candidate_id,
        "name": name,
        "score": score,
        "value": value,
        "coverage": coverage,
        "excluded": bool(reasons),
        "reasons": _texts(reasons),
        "groups": groups,
        "contributions": contributions,
        "spread": spread,
        "scores": scores,
        "disagreement": list(disagreement),
        "notes": _texts(notes),
        "assessors": assessors,
    }
    if kind is not None:
        entry["type"] = kind
    if details:
        entry["details"] = dict(details)
    return entry


@dataclass(frozen=True)
class Result:
    """A ranking: ranked candidates first in rank order (ties by id), then excluded ones."""

    method: str
    criteria: CriteriaSet
    ranking: Sequence[CandidateResult]
    missing: str
    aggregate: str
    source: str = ""
    title: str | None = None
    objective: str | None = None
    version: str = __version__
    method_details: Mapping[str, Any] = field(default_factory=dict)
    close_call: Mapping[str, Any] | None = None  # analysis.sensitivity's verdict, when it was computed

    def __post_init__(self) -> None:
        listing = self._summary()
        ranks = [rank for rank, _, _ in listing]
        count = len(ranks) - ranks.count(None)
        if None in ranks[:count]:
            raise ValueError("ranked candidates must precede excluded ones")
        if count:
            given = np.array(ranks[:count], dtype=float)
            scores = np.array([score or 0.0 for _, score, _ in listing[:count]])
            shared = given[1:] == given[:-1]
            expected = np.arange(1, count + 1, dtype=float)
            wrong = np.flatnonzero(~np.concatenate(([given[0] == 1], shared | (given[1:] == expected[1:]))))
            untied = np.flatnonzero(shared & (np.abs(scores[1:] - scores[:-1]) > 2 * TIE_TOLERANCE)) + 1
            first_wrong = int(wrong[0]) if len(wrong) else count
            first_untied = int(untied[0]) if len(untied) else count
            if first_untied < first_wrong:
                k = first_untied
                raise ValueError(f"{listing[k][2]!r} shares rank {ranks[k]} without a tied score")
            if first_wrong < count:
                k = first_wrong
                raise ValueError(f"rank of {listing[k][2]!r} is {ranks[k]}, expected {k + 1}")
        total = sum(self.criteria.weights.values())
        if not math.isclose(total, 1.0, abs_tol=1e-9):
            raise ValueError(f"effective weights sum to {total}, not 1")

    @cached_property
    def _listing(self) -> list[tuple[int | None, float | None, str]]:
        return self._summary()

    def _summary(self) -> list[tuple[int | None, float | None, str]]:
        """(rank, score, id) in listing order, without building entries a lazy ranking defers."""
        fast = getattr(self.ranking, "summary", None)
        return list(fast()) if fast is not None else [(c.rank, c.score, c.id) for c in self.ranking]

    @property
    def ranked(self) -> Sequence[CandidateResult]:
        """Candidates with a rank, in rank order."""
        return self.ranking[: self._ranked_count()]

    @property
    def excluded(self) -> Sequence[CandidateResult]:
        """Excluded candidates, best score first."""
        return self.ranking[self._ranked_count() :]

    def _ranked_count(self) -> int:
        return sum(rank is not None for rank, _, _ in self._listing)

    @property
    def ties(self) -> list[list[str]]:
        """Groups of candidate ids that share a rank."""
        by_rank: dict[int, list[str]] = {}
        for rank, _, cid in self._listing:
            if rank is not None:
                by_rank.setdefault(rank, []).append(cid)
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
            **({"method_details": dict(self.method_details)} if self.method_details else {}),
            **({"close_call": dict(self.close_call)} if self.close_call is not None else {}),
        }

    def entries(self, top: int | None = None) -> Sequence[CandidateResult]:
        """The entries a document lists: all of them, or the first ``top`` ranked ones."""
        return self.ranked[:top] if top is not None else self.ranking

    def to_dict(self, top: int | None = None) -> dict[str, Any]:
        """The JSON document of FORMAT.md; ``top`` keeps only the first ``top`` ranked entries."""
        return {**self.header_dict(), "ranking": [entry.to_dict() for entry in self.entries(top)]}
