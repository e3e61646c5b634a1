"""The `weights` command: where each weight comes from, and what the data would suggest."""

from __future__ import annotations

from typing import Annotated

import typer

from partnerfit.cli.common import (
    EXIT_MISUSE,
    CriteriaOption,
    Lang,
    LangOption,
    OutputOption,
    by_format,
    core_errors,
    fail,
    project_inputs,
    render_options,
    write_output,
)
from partnerfit.cli.score import ExistingFile, Format


def weights(
    file: ExistingFile,
    criteria: CriteriaOption = None,
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="Output format (csv is not available here).")
    ] = Format.table,
    lang: LangOption = Lang.en,
    output: OutputOption = None,
) -> None:
    """Show each criterion's weight and where it came from, beside entropy and CRITIC weights of the data."""
    from partnerfit.analysis.weights_report import weights_report
    from partnerfit.project.loading import load
    from partnerfit.render import weights as render

    if fmt is Format.csv:
        raise fail("--format csv is not available for weights; use table, json or markdown", EXIT_MISUSE)
    with core_errors():
        project = load(file, criteria=criteria)
        report = weights_report(project)
    options = render_options(fmt is Format.table, lang, output)
    text = by_format(
        fmt.value,
        json=lambda: render.weights_json(report),
        markdown=lambda: render.weights_markdown(report, options),
        table=lambda: render.weights_table(report, options),
    )
    write_output(text, output, project_inputs(file, project))
