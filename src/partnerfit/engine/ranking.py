"""Competition ranking (1, 2, 2, 4) with a stated tie rule: within 1e-9 of a group's best, by id."""

from __future__ import annotations

from collections.abc import Sequence

from partnerfit.result import TIE_TOLERANCE


def competition_ranks(ids: Sequence[str], scores: Sequence[float], eligible: Sequence[bool]) -> list[tuple[int, int]]:
    """(row index, rank) of every eligible candidate in listing order.

    Candidates whose scores are within 1e-9 of the best score of their tie group share its rank
    and are listed by id; the next group's rank skips the places they took.
    """
    order = sorted((i for i in range(len(ids)) if eligible[i]), key=lambda i: (-scores[i], ids[i]))
    placed: list[tuple[int, int]] = []
    position = 0
    while position < len(order):
        best = scores[order[position]]
        end = position + 1
        while end < len(order) and best - scores[order[end]] <= TIE_TOLERANCE:
            end += 1
        group = sorted(order[position:end], key=lambda i: ids[i])
        placed.extend((i, position + 1) for i in group)
        position = end
    return placed
