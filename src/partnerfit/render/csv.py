"""CSV output: one row per candidate, one column per group and per criterion."""

from __future__ import annotations

from partnerfit.i18n import reason_text
from partnerfit.render import RenderOptions
from partnerfit.render.sanitize import csv_text
from partnerfit.result.model import Result


def render_csv(result: Result, options: RenderOptions) -> str:
    """Rank, id, name, score, coverage, excluded, reasons, then ``group:ID`` and criterion scores.

    Texts go through the spreadsheet-cell sanitiser (never a formula, line breaks quoted); numbers
    are never quoted, floats rounded to 10 decimal places (sanitize.csv_field).
    """
    groups = [g.id for g in result.criteria.groups]
    criteria = list(result.criteria.ids)
    header = ["rank", "id", "name", "score", "coverage", "excluded", "reasons", *(f"group:{g}" for g in groups)]
    entries = result.ranked[: options.top] if options.top is not None else result.ranking
    rows = [
        [
            entry.rank,
            entry.id,
            entry.name,
            entry.score,
            entry.coverage,
            entry.excluded,
            "; ".join(reason_text(r) for r in entry.reasons),  # English with ids, as in JSON
            *(entry.groups.get(g) for g in groups),
            *(entry.scores.get(c) for c in criteria),
        ]
        for entry in entries
    ]
    return csv_text([[*header, *criteria], *rows])
