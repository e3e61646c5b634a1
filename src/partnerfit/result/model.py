"""The result model every renderer reads; it checks its own invariants."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np

from partnerfit._version import __version__
from partnerfit.contract.criteria_set import CriteriaSet
from partnerfit.result.close_call import CloseCall
from partnerfit.result.consensus import ConsensusStatus
from partnerfit.result.entries import (
    CandidateResult,
    EntryList,
    Ranking,
    Reason,
    ReasonWords,
    Summary,
    Wording,
    entry_dict,
)
from partnerfit.result.evidence import CandidateEvidence, Evidence, EvidenceBook

TIE_TOLERANCE = 1e-9

__all__ = [
    "TIE_TOLERANCE",
    "CandidateResult",
    "CloseCall",
    "EntryList",
    "Evidence",
    "EvidenceBook",
    "Ranking",
    "Reason",
    "ReasonWords",
    "Result",
    "Wording",
    "entry_dict",
]


@dataclass(frozen=True)
class Result:
    """A ranking: ranked candidates first in rank order (ties by id), then excluded ones.

    Everything a renderer shows is a typed field: each entry's ``reasons`` and ``notes`` (codes and
    values, worded by the renderers), ``ties``, and ``close_call``, the "no clear winner" verdict
    (None unless it was asked for: ``partnerfit.score(..., close_call=True)``, the `score` command),
    and each score's notes and evidence (``evidence``, read from the file only when asked for).
    """

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
    close_call: CloseCall | None = None
    consensus: ConsensusStatus | None = None  # the file's consensus rules and whether they hold (score)
    scenario: Mapping[str, Any] | None = None  # {id, label as the file writes it}: score --scenario NAME
    evidence_book: EvidenceBook = field(default_factory=EvidenceBook, repr=False, compare=False)
    _rows: Ranking = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        rows = self.ranking if isinstance(self.ranking, Ranking) else EntryList(self.ranking)
        object.__setattr__(self, "_rows", rows)  # frozen: set once, here
        listing = list(rows.summary())
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
    def _listing(self) -> list[Summary]:
        return list(self._rows.summary())

    def summary(self) -> list[Summary]:
        """(rank, score, id) of every entry in listing order, read without building the entries."""
        return list(self._listing)

    @property
    def ranked(self) -> Ranking:
        """Candidates with a rank, in rank order."""
        return self._rows[: self._ranked_count()]

    @property
    def excluded(self) -> Ranking:
        """Excluded candidates, best score first."""
        return self._rows[self._ranked_count() :]

    def _ranked_count(self) -> int:
        return sum(rank is not None for rank, _, _ in self._listing)

    @property
    def ties(self) -> list[list[str]]:
        """Groups of candidate ids that share a rank, in rank order (ids in listing order)."""
        by_rank: dict[int, list[str]] = {}
        for rank, _, cid in self._listing:
            if rank is not None:
                by_rank.setdefault(rank, []).append(cid)
        return [ids for ids in by_rank.values() if len(ids) > 1]

    def candidate(self, candidate_id: str) -> CandidateResult:
        """The entry of ``candidate_id`` (KeyError if absent)."""
        for entry in self._rows:
            if entry.id == candidate_id:
                return entry
        raise KeyError(candidate_id)

    def evidence(self, candidate_id: str) -> CandidateEvidence:
        """Each score given to ``candidate_id`` that carries a note, evidence or an assessor, by criterion.

        Read from the scored file's candidates when asked (``evidence_book``, set by the engine);
        empty for a candidate the file does not hold, or a Result built by hand.
        """
        return self.evidence_book.of(candidate_id)

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
                # added only when weights were overridden (-w, or the file's weights:): goldens unchanged
                **({"overridden": dict(self.criteria.overrides)} if self.criteria.overrides else {}),
            },
            "missing": self.missing,
            "aggregate": self.aggregate,
            "ties": self.ties,
            "title": self.title,
            "objective": self.objective,
            **({"method_details": dict(self.method_details)} if self.method_details else {}),
            **({"close_call": self.close_call.to_dict()} if self.close_call is not None else {}),
            # only when the file has consensus rules: every other document stays as it was
            **({"consensus": self.consensus.to_dict()} if self.consensus is not None else {}),
            **({"scenario": dict(self.scenario)} if self.scenario is not None else {}),
        }

    def entries(self, top: int | None = None) -> Ranking:
        """The entries a document lists: all of them, or the first ``top`` ranked ones."""
        return self.ranked[:top] if top is not None else self._rows

    def to_dict(self, top: int | None = None, *, words: ReasonWords | None = None) -> dict[str, Any]:
        """The JSON document of FORMAT.md; ``top`` keeps only the first ``top`` ranked entries.

        Reasons and notes are in ``words`` (``partnerfit.i18n.reason_text`` gives the English of
        ``partnerfit score -f json``); without it, each is its typed fields (``Reason.to_dict``).
        """
        entries = self.entries(top)
        return {**self.header_dict(), "ranking": entries.entry_dicts(0, len(entries), Wording(words))}
