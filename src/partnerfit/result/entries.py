"""One candidate's outcome, its exclusion reasons and notes as codes, and the ranking sequence that lists them."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from partnerfit.result.rows import plain

# What a reason's code says; renderers word them (partnerfit.i18n.reason_text).
EXCLUSION_CODES = ("minimum", "maximum", "gate", "no_scores")  # reasons: value < minimum, value > maximum, …
NOTE_CODES = ("unanswered_gate", "unscored_knockout")  # notes: they do not exclude


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a candidate is excluded, or a note about it: a code and the values behind it (no words).

    ``subject`` is the criterion or gate id (empty for ``no_scores``); ``value`` and ``bound`` are
    the aggregated score and the knock-out threshold it crossed (``minimum``/``maximum`` only).
    """

    code: str
    subject: str = ""
    value: float | None = None
    bound: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """The typed fields: ``{"code", "subject", "value", "bound"}``."""
        return {"code": self.code, "subject": self.subject, "value": self.value, "bound": self.bound}


ReasonWords = Callable[[Reason], str]  # a reason in words; renderers pass partnerfit.i18n.reason_text


class Wording:
    """How a document lists reasons and notes: in the words of ``words``, or as typed fields without it.

    One Wording serves a whole document: a large file shares a few tuples of notes between
    thousands of candidates, so each distinct tuple is worded once (remembered by identity).
    """

    __slots__ = ("_seen", "_words")

    def __init__(self, words: ReasonWords | None = None) -> None:
        self._words = words
        self._seen: dict[int, tuple[tuple[Reason, ...], list[str]]] = {}

    def __call__(self, reasons: tuple[Reason, ...]) -> list[Any]:
        """A fresh list: one text (or one dict of fields) per reason."""
        if not reasons:
            return []
        if self._words is None:
            return [r.to_dict() for r in reasons]
        seen = self._seen.get(id(reasons))
        if seen is None or seen[0] is not reasons:  # the tuple is kept, so its id is not reused meanwhile
            if len(self._seen) >= 4096:
                self._seen.clear()
            seen = self._seen[id(reasons)] = (reasons, [self._words(r) for r in reasons])
        return list(seen[1])


@dataclass(frozen=True, slots=True)
class CandidateResult:
    """One candidate's outcome: rank (None when excluded), score 0–100 and how it was made."""

    id: str
    name: str
    rank: int | None
    score: float | None  # None: excluded before a method that compares candidates ran
    value: float | None
    coverage: float
    reasons: tuple[Reason, ...]  # why it is excluded (empty when ranked)
    groups: Mapping[str, float | None]
    contributions: Mapping[str, float]
    scores: Mapping[str, float | None]
    spread: Mapping[str, float]
    disagreement: tuple[str, ...] = ()
    notes: tuple[Reason, ...] = ()  # unanswered gates, unscored knock-out criteria
    assessors: int = 1
    type: str | None = None
    details: Mapping[str, float | None] = field(default_factory=dict)

    @property
    def excluded(self) -> bool:
        """True when a knock-out, a gate or the lack of any score keeps it out of the ranking."""
        return bool(self.reasons)

    def to_dict(self, words: ReasonWords | None = None) -> dict[str, Any]:
        """The candidate as a JSON ``ranking`` entry; reasons and notes in ``words``, else as typed fields."""
        return self.entry(Wording(words))

    def entry(self, wording: Wording) -> dict[str, Any]:
        """The JSON ``ranking`` entry, with reasons and notes as ``wording`` lists them."""
        return entry_dict(
            rank=self.rank,
            candidate_id=self.id,
            name=self.name,
            score=self.score,
            value=self.value,
            coverage=self.coverage,
            reasons=wording(self.reasons),
            groups=plain(self.groups),  # plain(): a RowMapping copies straight from its table
            contributions=plain(self.contributions),
            spread=plain(self.spread),
            scores=plain(self.scores),
            disagreement=self.disagreement,
            notes=wording(self.notes),
            assessors=self.assessors,
            kind=self.type,
            details=self.details,
        )


def entry_dict(
    *,
    rank: int | None,
    candidate_id: str,
    name: str,
    score: float | None,
    value: float | None,
    coverage: float,
    reasons: list[Any],
    groups: dict[str, Any],
    contributions: dict[str, Any],
    spread: dict[str, Any],
    scores: dict[str, Any],
    disagreement: tuple[str, ...],
    notes: list[Any],
    assessors: int,
    kind: str | None,
    details: Mapping[str, float | None],
) -> dict[str, Any]:
    """One JSON ``ranking`` entry: the single definition of its keys and their order (reasons already worded)."""
    entry: dict[str, Any] = {
        "rank": rank,
        "id": candidate_id,
        "name": name,
        "score": score,
        "value": value,
        "coverage": coverage,
        "excluded": bool(reasons),
        "reasons": reasons,
        "groups": groups,
        "contributions": contributions,
        "spread": spread,
        "scores": scores,
        "disagreement": list(disagreement),
        "notes": notes,
        "assessors": assessors,
    }
    if kind is not None:
        entry["type"] = kind
    if details:
        entry["details"] = dict(details)
    return entry


Summary = tuple[int | None, float | None, str]  # (rank, score, id) of one entry


class Ranking(Sequence[CandidateResult]):
    """A result's entries in listing order, with the two bulk reads a large ranking answers from its columns.

    Subclasses implement ``__len__`` and ``__getitem__`` (a slice gives a Ranking); the columnar
    ranking of result.ranking_view overrides ``summary`` and ``entry_dicts`` to skip the entries.
    """

    @overload
    def __getitem__(self, index: int) -> CandidateResult: ...

    @overload
    def __getitem__(self, index: slice) -> Ranking: ...

    @abstractmethod
    def __getitem__(self, index: int | slice) -> CandidateResult | Ranking: ...

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def summary(self) -> Iterator[Summary]:
        """(rank, score, id) of each entry, in listing order."""
        return ((c.rank, c.score, c.id) for c in self)

    def entry_dicts(self, start: int, stop: int, wording: Wording) -> list[dict[str, Any]]:
        """JSON entries of positions ``start:stop``."""
        return [c.entry(wording) for c in self[start:stop]]


class EntryList(Ranking):
    """A ranking of entries built one by one (tests, hand-made results)."""

    def __init__(self, entries: Sequence[CandidateResult]) -> None:
        self._entries = tuple(entries)

    def __len__(self) -> int:
        return len(self._entries)

    @overload
    def __getitem__(self, index: int) -> CandidateResult: ...

    @overload
    def __getitem__(self, index: slice) -> EntryList: ...

    def __getitem__(self, index: int | slice) -> CandidateResult | EntryList:
        if isinstance(index, slice):
            return EntryList(self._entries[index])
        return self._entries[index]

    def __repr__(self) -> str:
        return f"EntryList({list(self._entries)!r})"
