"""Run a registered method (engine/registry.py) on a decision matrix: the rows it scores, gaps, the output."""

from __future__ import annotations

import numpy as np

from partnerfit.contract.criteria_set import CriteriaSet
from partnerfit.engine.matrix import DecisionMatrix, FloatArray
from partnerfit.engine.method import Method, Table
from partnerfit.engine.output import MethodOptions, MethodOutput
from partnerfit.engine.wsm import coverage
from partnerfit.errors import IncompleteScoresError
from partnerfit.mcda.promethee import Preference


def preferences_of(criteria: CriteriaSet) -> tuple[Preference, ...]:
    """Each criterion's PROMETHEE preference function ("usual" when it declares none)."""
    return tuple(
        Preference(c.preference.type, c.preference.q or 0.0, c.preference.p or 0.0, c.preference.s or 0.0)
        if c.preference is not None
        else Preference()
        for c in criteria.criteria
    )


def method_table(method: Method, matrix: DecisionMatrix, options: MethodOptions) -> tuple[list[int] | None, Table]:
    """The rows ``method`` scores (None: every row) as a Table, after its checks; MethodError when it cannot run.

    A method that compares candidates with each other scores the eligible rows and needs all their
    scores; under ``missing: worst`` a gap is the scale's worst point, for every method.
    """
    rows = [i for i, reasons in enumerate(matrix.reasons) if not reasons] if method.needs_complete else None
    values = matrix.values if rows is None else matrix.values[rows]
    gaps = np.isnan(values)
    if gaps.any():
        if options.missing == "worst":
            values = np.where(gaps, np.where(matrix.lower_is_better, matrix.high, matrix.low), values)
        elif method.needs_complete:
            assert rows is not None
            i, j = (int(k[0]) for k in np.nonzero(gaps))
            raise IncompleteScoresError(
                f"{method.name} compares candidates with each other, so every score is needed: "
                f"{matrix.ids[rows[i]]} has no score for {matrix.criteria.ids[j]} "
                f"({int(gaps.sum())} missing in all); use --missing worst or the wsm method"
            )
    ids = matrix.ids if rows is None else tuple(matrix.ids[i] for i in rows)
    low, high, lower = matrix.low, matrix.high, matrix.lower_is_better
    prefs = preferences_of(matrix.criteria)
    table = Table(ids, matrix.criteria.ids, values, matrix.weights, low, high, lower, options.vikor_v, prefs)
    if len(ids):
        method.check(table)
    return rows, table


def _spread(rows: list[int] | None, n: int, column: FloatArray) -> FloatArray:
    """A column over the rows a method scored, as one value per matrix row (NaN for the others)."""
    if rows is None:
        return column
    full = np.full((n, *column.shape[1:]), np.nan)
    full[rows] = column
    return full


def run_method(method: Method, matrix: DecisionMatrix, options: MethodOptions) -> MethodOutput:
    """``method`` on ``matrix``: a 0–100 score per row (NaN for rows it does not score) and its own figures."""
    rows, table = method_table(method, matrix, options)
    n, shape = len(matrix.ids), matrix.values.shape
    if not len(table.ids):
        nothing = np.full(n, np.nan)
        return MethodOutput(
            nothing, nothing.copy(), np.full(shape, np.nan), np.zeros(shape, dtype=bool), coverage(matrix)
        )
    figures = method.run(table)
    assert figures.score is not None
    contributions = np.full(shape, np.nan) if figures.contributions is None else figures.contributions
    counted = np.zeros(shape, dtype=bool) if figures.counted is None else figures.counted
    if rows is not None and figures.counted is not None:
        counted = np.zeros(shape, dtype=bool)
        counted[rows] = figures.counted
    return MethodOutput(
        score=_spread(rows, n, figures.score),
        value=_spread(rows, n, figures.value),
        contributions=contributions if figures.contributions is None else _spread(rows, n, contributions),
        counted=counted,
        coverage=coverage(matrix),
        details={key: _spread(rows, n, figures.details[key]) for key in method.details},
        summary=figures.summary,
        rank_key=None if figures.rank_key is None else _spread(rows, n, figures.rank_key),
    )
