"""A ranking held as columns: entries and JSON dicts are built only for the rows asked for."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from partnerfit.result.model import CandidateResult, Reason, entry_dict
from partnerfit.result.rows import RowTable


@dataclass(frozen=True)
class RankingColumns:
    """Everything a ranking says, by candidate row (file order), plus the listing order."""

    order: list[int]
    ranks: list[int | None]
    ids: tuple[str, ...]
    names: list[str]
    kinds: list[str | None]
    scores: list[float | None]
    values: list[float | None]
    coverage: list[float]
    reasons: tuple[tuple[Reason, ...], ...]
    notes: tuple[tuple[Reason, ...], ...]
    assessors: tuple[int, ...]
    disagreement: Mapping[int, tuple[str, ...]]
    groups: RowTable
    contributions: RowTable
    inputs: RowTable
    spread: RowTable
    details: Mapping[str, list[float | None]] = field(default_factory=dict)


class LazyRanking(Sequence[CandidateResult]):
    """The ranking's entries in listing order; building 100,000 of them is left to who needs them."""

    def __init__(self, columns: RankingColumns, positions: range | None = None) -> None:
        self._columns = columns
        self._positions = positions if positions is not None else range(len(columns.order))
        self._built: dict[int, CandidateResult] = {}

    def __len__(self) -> int:
        return len(self._positions)

    @overload
    def __getitem__(self, index: int) -> CandidateResult: ...

    @overload
    def __getitem__(self, index: slice) -> LazyRanking: ...

    def __getitem__(self, index: int | slice) -> CandidateResult | LazyRanking:
        if isinstance(index, slice):
            return LazyRanking(self._columns, self._positions[index])
        position = self._positions[index]
        entry = self._built.get(position)
        if entry is None:
            entry = self._built[position] = self._entry(position)
        return entry

    def __iter__(self) -> Iterator[CandidateResult]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"LazyRanking({len(self)} entries)"

    def _entry(self, position: int) -> CandidateResult:
        c = self._columns
        i = c.order[position]
        return CandidateResult(
            c.ids[i],
            c.names[i],
            c.ranks[position],
            c.scores[i],
            c.values[i],
            c.coverage[i],
            c.reasons[i],
            c.groups.row(i),
            c.contributions.row(i),
            c.inputs.row(i),
            c.spread.row(i),
            c.disagreement.get(i, ()),
            c.notes[i],
            c.assessors[i],
            c.kinds[i],
            {name: column[i] for name, column in c.details.items()},
        )

    def summary(self) -> Iterator[tuple[int | None, float | None, str]]:
        """(rank, score, id) of each entry, in listing order."""
        c = self._columns
        for position in self._positions:
            i = c.order[position]
            yield c.ranks[position], c.scores[i], c.ids[i]

    def entry_dicts(self, start: int, stop: int) -> list[dict[str, Any]]:
        """JSON entries of positions ``start:stop``, straight from the columns."""
        c = self._columns
        positions = self._positions[start:stop]
        rows = [c.order[p] for p in positions]
        groups, parts, spread, inputs = (t.dicts(rows) for t in (c.groups, c.contributions, c.spread, c.inputs))
        return [
            entry_dict(
                c.ranks[position],
                c.ids[i],
                c.names[i],
                c.scores[i],
                c.values[i],
                c.coverage[i],
                c.reasons[i],
                groups[k],
                parts[k],
                spread[k],
                inputs[k],
                c.disagreement.get(i, ()),
                c.notes[i],
                c.assessors[i],
                c.kinds[i],
                {name: column[i] for name, column in c.details.items()},
            )
            for k, (position, i) in enumerate(zip(positions, rows, strict=True))
        ]
