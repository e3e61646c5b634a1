"""CSV output: one row per candidate, one column per group and per criterion."""

from __future__ import annotations

import csv
import io

from partnerfit.render import RenderOptions
from partnerfit.render.safe_cells import safe_text
from partnerfit.result import Result


def render_csv(result: Result, options: RenderOptions) -> str:
    """Rank, id, name, score, coverage, excluded, reasons, then ``group:ID`` and criterion scores."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    groups = [g.id for g in result.criteria.groups]
    criteria = list(result.criteria.ids)
    writer.writerow(
        [
            "rank",
            "id",
            "name",
            "score",
            "coverage",
            "excluded",
            "reasons",
            *(safe_text(f"group:{g}") for g in groups),
            *map(safe_text, criteria),
        ]
    )
    entries = result.ranked[: options.top] if options.top is not None else result.ranking
    for entry in entries:
        writer.writerow(
            [
                "" if entry.rank is None else entry.rank,
                safe_text(entry.id),
                safe_text(entry.name),
                _cell(entry.score),
                repr(entry.coverage),
                "true" if entry.excluded else "false",
                safe_text("; ".join(r.text() for r in entry.reasons)),
                *(_cell(entry.groups.get(g)) for g in groups),
                *(_cell(entry.scores.get(c)) for c in criteria),
            ]
        )
    return buffer.getvalue()


def _cell(value: float | None) -> str:
    return "" if value is None else repr(value)
