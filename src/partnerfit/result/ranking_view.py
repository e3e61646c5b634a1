"""A ranking held as columns: entries and JSON dicts are built only for the rows asked for."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, overload

import numpy as np

from partnerfit.result.entries import CandidateResult, Ranking, Reason, Summary, Wording, entry_dict
from partnerfit.result.rows import Numbers, RowTable


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


class LazyRanking(Ranking):
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

    def __repr__(self) -> str:
        return f"LazyRanking({len(self)} entries)"

    def _entry(self, position: int) -> CandidateResult:
        c = self._columns
        i = c.order[position]
        return CandidateResult(
            id=c.ids[i],
            name=c.names[i],
            rank=c.ranks[position],
            score=c.scores[i],
            value=c.values[i],
            coverage=c.coverage[i],
            reasons=c.reasons[i],
            groups=c.groups.row(i),
            contributions=c.contributions.row(i),
            scores=c.inputs.row(i),
            spread=c.spread.row(i),
            disagreement=c.disagreement.get(i, ()),
            notes=c.notes[i],
            assessors=c.assessors[i],
            type=c.kinds[i],
            details={name: column[i] for name, column in c.details.items()},
        )

    def summary(self) -> Iterator[Summary]:
        """(rank, score, id) of each entry, in listing order, straight from the columns."""
        c = self._columns
        for position in self._positions:
            i = c.order[position]
            yield c.ranks[position], c.scores[i], c.ids[i]

    def entry_dicts(
        self, start: int, stop: int, wording: Wording, numbers: Numbers | None = None
    ) -> list[dict[str, Any]]:
        """JSON entries of positions ``start:stop``, straight from the columns; ``numbers`` maps every float column."""
        c = self._columns
        positions = self._positions[start:stop]
        rows = [c.order[p] for p in positions]
        groups, parts, spread, inputs = (
            t.dicts(rows, numbers) for t in (c.groups, c.contributions, c.spread, c.inputs)
        )
        scores, values, coverage = (_mapped(column, rows, numbers) for column in (c.scores, c.values, c.coverage))
        details = {name: _mapped(column, rows, numbers) for name, column in c.details.items()}
        return [
            entry_dict(
                rank=c.ranks[position],
                candidate_id=c.ids[i],
                name=c.names[i],
                score=scores[k],
                value=values[k],
                coverage=coverage[k],  # type: ignore[arg-type]  # a coverage is never None
                reasons=wording(c.reasons[i]),
                groups=groups[k],
                contributions=parts[k],
                spread=spread[k],
                scores=inputs[k],
                disagreement=c.disagreement.get(i, ()),
                notes=wording(c.notes[i]),
                assessors=c.assessors[i],
                kind=c.kinds[i],
                details={name: column[k] for name, column in details.items()},
            )
            for k, (position, i) in enumerate(zip(positions, rows, strict=True))
        ]


def _mapped(column: list[float | None] | list[float], rows: list[int], numbers: Numbers | None) -> list[float | None]:
    """``column`` at ``rows``, mapped by ``numbers`` in one array (None, which NaN stands for meanwhile, kept)."""
    picked = [column[i] for i in rows]
    if numbers is None or not picked:
        return picked
    mapped: list[float] = numbers(np.array(picked, dtype=np.float64)).tolist()
    return [None if x is None else y for x, y in zip(picked, mapped, strict=True)]
