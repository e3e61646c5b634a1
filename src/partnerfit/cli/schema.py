"""The `schema` command: the JSON Schema of a file kind, for editors and CI validation."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from partnerfit.cli.common import OutputOption, core_errors, write_output


class Kind(StrEnum):
    """File kinds with a schema."""

    candidates = "candidates"
    criteria = "criteria"
    assessment = "assessment"
    team = "team"


def schema(
    kind: Annotated[Kind, typer.Argument(help="Which file kind: candidates, criteria, assessment or team.")],
    criteria: Annotated[
        str | None,
        typer.Option(
            "--criteria",
            "-c",
            metavar="NAME|PATH",
            help="Candidates only: key scores and gates by this set's ids, bounded by its scales.",
        ),
    ] = None,
    output: OutputOption = None,
) -> None:
    """Print the JSON Schema of candidates, criteria, assessment or team files (generated from partnerfit's models)."""
    from partnerfit.project.loading import load_criteria
    from partnerfit.render.schema import schema_text

    with core_errors():
        criteria_set = load_criteria(criteria) if criteria else None
    inputs = [criteria_set.path] if criteria_set is not None and criteria_set.path is not None else []
    write_output(schema_text(kind.value, criteria_set), output, inputs)
