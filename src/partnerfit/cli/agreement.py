"""The `agreement` command: how far the assessors agree, and each one's Delphi feedback (--feedback DIR)."""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from partnerfit.cli.common import (
    EXIT_MISUSE,
    Lang,
    LangOption,
    OutputOption,
    check_output,
    core_errors,
    fail,
    load_project,
    notice,
    project_inputs,
    render_options,
    write_output,
)
from partnerfit.cli.score import ExistingFile
from partnerfit.render.registry import formats

AgreementFormat = StrEnum("AgreementFormat", {name: name for name in formats("agreement")})  # type: ignore[misc]
DEFAULT_TOP = 10  # analysis.agreement.DEFAULT_TOP, not imported here: --help stays light
_UNSAFE = re.compile(r"[^\w.-]")  # what may not appear in a file name on any system (an id may hold '/')


def feedback_name(assessor: str) -> str:
    """The file name of an assessor's feedback: the id, its characters unsafe in a file name as ``_``."""
    name = _UNSAFE.sub("_", assessor)
    return ("_" + name if name.startswith(".") else name) + ".md"


def agreement(
    file: ExistingFile,
    fmt: Annotated[AgreementFormat, typer.Option("--format", "-f", help="Output format.")] = AgreementFormat["table"],
    lang: LangOption = Lang.en,
    output: OutputOption = None,
    top: Annotated[
        int,
        typer.Option("--top", "-n", min=0, metavar="N", help="Show the N most divergent (candidate, criterion) pairs."),
    ] = DEFAULT_TOP,
    feedback: Annotated[
        Path | None,
        typer.Option(
            "--feedback",
            metavar="DIR",
            file_okay=False,
            help="Also write DIR/<assessor>.md for each assessor: their scores outside the group's interquartile "
            "range, with the group median and range and the others' notes, anonymised (created if needed).",
        ),
    ] = None,
) -> None:
    """Measure how far the assessors agree: completeness, Krippendorff's alpha, divergences, deviations, Kendall's W."""
    from partnerfit.analysis.agreement import agreement as measure
    from partnerfit.render.agreement import feedback_markdown
    from partnerfit.render.registry import render

    if output is not None:
        check_output(output, [file])
    with core_errors():
        project = load_project(file, None)
        report = measure(project, top)
    inputs = [*project_inputs(file, project), *(Path(s.path) for s in project.sheets)]
    if feedback is not None:
        names = {a: feedback_name(a) for a in report.assessors}
        if len(set(names.values())) < len(names):
            raise fail("--feedback: two assessor ids give the same file name; rename one of them", EXIT_MISUSE)
        try:
            feedback.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise fail(f"--feedback {feedback}: cannot create the folder: {exc.strerror or exc}") from None
        for assessor, name in names.items():
            text = feedback_markdown(report, assessor, lang.value)
            write_output(text, feedback / name, inputs, label="--feedback")
        notice(f"wrote {len(names)} feedback files to {feedback}")
    options = render_options(fmt == "table", lang, output)
    write_output(render("agreement", fmt.value, report, options), output, inputs)
