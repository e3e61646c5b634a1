"""Competition ranking (1, 2, 2, 4) with a stated tie rule: within 1e-9 of a group's best, by id."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from partnerfit.result.model import TIE_TOLERANCE


def competition_ranks(
    ids: Sequence[str], scores: Sequence[float], eligible: Sequence[bool], keys: Sequence[float] | None = None
) -> list[tuple[int, int]]:
    """(row index, rank) of every eligible candidate in listing order.

    Candidates whose scores are within 1e-9 of the best score of their tie group share its rank
    and are listed by id; the next group's rank skips the places they took. ``keys`` (default: the
    scores) are a finer figure in the same order, for a method whose 0–100 score cannot show every
    difference (wpm: products a billion times below the best all show 0): a tie then also needs
    keys within 1e-9, so a dominated candidate never ties with the one that dominates it.
    """
    rows = np.flatnonzero(np.asarray(eligible, dtype=bool))
    if not len(rows):
        return []
    values = np.asarray(scores, dtype=float)[rows]
    finer = values if keys is None else np.asarray(keys, dtype=float)[rows]
    names = np.asarray(ids, dtype=str)[rows]
    order = rows[np.lexsort((names, -finer, -values))]  # best score first, then by id (vectorised: 100,000 rows)
    ordered = np.asarray(scores, dtype=float)[order]
    ordered_keys = ordered if keys is None else np.asarray(keys, dtype=float)[order]
    # a run of near-equal neighbours may hold a tie; elsewhere each candidate has its own rank
    near = (ordered[:-1] - ordered[1:] <= TIE_TOLERANCE) & (ordered_keys[:-1] - ordered_keys[1:] <= TIE_TOLERANCE)
    close = np.flatnonzero(near)
    ranks = np.arange(1, len(order) + 1)
    order_list = order.tolist()
    if len(close):
        _resolve_ties(order_list, ranks, (ordered, ordered_keys), close, ids)
    return list(zip(order_list, ranks.tolist(), strict=True))


def _resolve_ties(
    order: list[int],
    ranks: np.ndarray,
    ordered: tuple[np.ndarray, np.ndarray],
    close: np.ndarray,
    ids: Sequence[str],
) -> None:
    """Apply the leader rule inside each run of near-equal neighbours, in place."""
    scores, keys = ordered
    runs: list[tuple[int, int]] = []
    for k in close.tolist():
        if runs and runs[-1][1] == k:
            runs[-1] = (runs[-1][0], k + 1)
        else:
            runs.append((k, k + 1))
    for start, stop in runs:
        position = start
        while position <= stop:
            best, best_key = scores[position], keys[position]
            end = position + 1
            while end <= stop and best - scores[end] <= TIE_TOLERANCE and best_key - keys[end] <= TIE_TOLERANCE:
                end += 1
            order[position:end] = sorted(order[position:end], key=lambda i: ids[i])
            ranks[position:end] = position + 1
            position = end
