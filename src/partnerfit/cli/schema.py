"""The `schema` command: the JSON Schema of a file kind, for editors and CI validation."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from partnerfit.cli.common import OutputOption, write_output


class Kind(StrEnum):
    """File kinds with a schema."""

    candidates = "candidates"
    criteria = "criteria"


def schema(
    kind: Annotated[Kind, typer.Argument(help="Which file kind: candidates or criteria.")],
    output: OutputOption = None,
) -> None:
    """Print the JSON Schema of candidates or criteria files (generated from partnerfit's models)."""
    from partnerfit.schema import schema_text

    write_output(schema_text(kind.value), output)
