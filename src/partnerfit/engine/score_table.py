"""Single-sheet scores as one candidates × criteria array, checked against the scales at once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from partnerfit.contract.candidates import Candidate, ScoreEntry
from partnerfit.contract.criteria_set import CriteriaSet


@dataclass(frozen=True)
class ScoreTable:
    """Scores of the candidates that have a plain ``scores`` sheet naming known criteria.

    Rows follow the candidates' file order, columns the criteria set's; NaN where no score was
    given or where the candidate is left to the per-item path (``per_item``: assessments or
    unknown criterion ids). Built once at load time, it serves both the scale checks and the
    engine, so 1.3 million scores are not walked twice in Python.
    """

    ids: tuple[str, ...]
    criteria_ids: tuple[str, ...]
    values: npt.NDArray[np.float64]
    per_item: frozenset[str]

    def out_of_scale(self, criteria: CriteriaSet) -> list[tuple[str, str, float]]:
        """(candidate id, criterion id, score) of every score outside its criterion's scale."""
        low = np.array([c.low for c in criteria.criteria])
        high = np.array([c.high for c in criteria.criteria])
        with np.errstate(invalid="ignore"):
            bad = (self.values < low) | (self.values > high)
        rows, cols = np.nonzero(bad)
        return [
            (self.ids[i], self.criteria_ids[j], float(self.values[i, j]))
            for i, j in zip(rows.tolist(), cols.tolist(), strict=True)
        ]


def build_score_table(candidates: Mapping[str, Candidate], criteria: CriteriaSet) -> ScoreTable:
    """Fill the table from every candidate whose scores all name known criteria."""
    column = {cid: j for j, cid in enumerate(criteria.ids)}
    known = column.keys()
    ids = tuple(candidates)
    values = np.full((len(ids), len(column)), np.nan)
    # candidates sharing the same criteria in the same order (the usual case) are written together
    layouts: dict[tuple[str, ...], tuple[list[int], list[list[float]]]] = {}
    per_item: set[str] = set()
    for i, cid in enumerate(ids):
        scores = candidates[cid].scores
        if scores is None or not known >= scores.keys():
            per_item.add(cid)
            continue
        rows, cells = layouts.setdefault(tuple(scores), ([], []))
        rows.append(i)
        cells.append([v if type(v) is float else v.score for v in scores.values()])  # type: ignore[union-attr]
    for layout, (rows, cells) in layouts.items():
        if layout:
            values[np.ix_(rows, [column[crit] for crit in layout])] = cells
    return ScoreTable(ids, criteria.ids, values, frozenset(per_item))


def is_entry(candidate: Candidate, criterion_id: str) -> bool:
    """Whether the candidate's score for ``criterion_id`` is written as a mapping."""
    return isinstance((candidate.scores or {}).get(criterion_id), ScoreEntry)
