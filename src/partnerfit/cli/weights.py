"""The `weights` command: where each weight comes from, and what the data would suggest."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from partnerfit.cli.common import (
    CriteriaOption,
    Lang,
    LangOption,
    OutputOption,
    WeightOption,
    core_errors,
    format_choices,
    load_project,
    overrides_notice,
    parse_weights,
    project_inputs,
    render_options,
    write_output,
)
from partnerfit.cli.score import ExistingFile

# what `weights` prints, from the renderer registry (mypy cannot see members made at run time)
WeightsFormat = StrEnum("WeightsFormat", format_choices("weights"))  # type: ignore[misc]


def weights(
    file: ExistingFile,
    criteria: CriteriaOption = None,
    fmt: Annotated[WeightsFormat, typer.Option("--format", "-f", help="Output format.")] = WeightsFormat["table"],
    lang: LangOption = Lang.en,
    weight: WeightOption = None,
    output: OutputOption = None,
) -> None:
    """Show each criterion's weight and where it came from, beside entropy and CRITIC weights of the data."""
    from partnerfit.analysis.weights_report import weights_report
    from partnerfit.render.registry import render

    overrides = parse_weights(weight)
    with core_errors():
        project = load_project(file, criteria, weights=overrides)
        report = weights_report(project)
    options = render_options(fmt == "table", lang, output)
    overrides_notice(project)  # the report marks the overridden rows by label; this names the ids and values
    write_output(render("weights", fmt.value, report, options), output, project_inputs(file, project))
