"""The `report` command: a shortlist report as one self-contained HTML file, as Markdown, a workbook or a PDF."""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from partnerfit.cli.common import (
    EXIT_MISUSE,
    CriteriaOption,
    Lang,
    LangOption,
    WeightOption,
    check_output,
    core_errors,
    fail,
    load_project,
    parse_weights,
    project_inputs,
    render_options,
    say,
    write_output,
)
from partnerfit.cli.score import Aggregate, ExistingFile, MethodName, Missing

# the output's suffix picks the report's format (each one registered for "report" in render/registry.py)
FORMATS = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown", ".xlsx": "xlsx", ".pdf": "pdf"}


def report_date(given: str | None) -> datetime.date:
    """The date printed on the report: ``--date``, else SOURCE_DATE_EPOCH (reproducible builds), else today."""
    if given is not None:
        try:
            return datetime.date.fromisoformat(given)
        except ValueError:
            raise fail(say("report_bad_date", value=repr(given)), EXIT_MISUSE) from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()
    return datetime.date.today()


def _format(output: Path) -> str:
    kind = FORMATS.get(output.suffix.lower())
    if kind is None:
        raise fail(say("report_bad_suffix", path=output, suffix=repr(output.suffix or "")), EXIT_MISUSE)
    return kind


def _anonymous(lang: str) -> Callable[[int], str]:
    from partnerfit.i18n import t

    return lambda n: t("report_assessor_anonymous", lang, number=n)


def report(
    file: ExistingFile,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="The report to write (atomically): FILE.html (self-contained), FILE.md, FILE.xlsx or FILE.pdf (A4).",
        ),
    ],
    top: Annotated[
        int, typer.Option("--top", "-n", min=1, metavar="N", help="Shortlist size: candidates given a card.")
    ] = 5,
    lang: LangOption = Lang.en,
    method: Annotated[MethodName, typer.Option("--method", "-m", help="Scoring method.")] = MethodName.wsm,
    title: Annotated[
        str | None, typer.Option("--title", metavar="TEXT", help="Title of the report (default: the file's title).")
    ] = None,
    criteria: CriteriaOption = None,
    missing: Annotated[
        Missing | None,
        typer.Option("--missing", help="What a missing score counts as (default: the criteria set's, else ignore)."),
    ] = None,
    aggregate: Annotated[
        Aggregate, typer.Option("--aggregate", help="How several assessors' scores combine.")
    ] = Aggregate.mean,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="YYYY-MM-DD",
            help="Date printed on the report (default: today); the same input and date give the same file.",
        ),
    ] = None,
    anonymous: Annotated[
        bool,
        typer.Option("--anonymous", help="Name the assessors 'Assessor 1, 2…' instead of their names, everywhere."),
    ] = False,
    weight: WeightOption = None,
) -> None:
    """Write a shortlist report of FILE: ranking, one card per shortlisted candidate, robustness, methodology."""
    from partnerfit.analysis.report import gather

    kind = _format(output)
    if kind == "pdf":  # laying out a PDF takes seconds: refuse a target it could not be written to first
        check_output(output, [file])
    today = report_date(date)
    overrides = parse_weights(weight)
    with core_errors():
        project = load_project(file, criteria, missing.value if missing else None, overrides)
        data = gather(
            project,
            today=today,
            top=top,
            method=method.value,
            aggregate=aggregate.value,
            missing=missing.value if missing else None,
            title=title,
            anonymous=_anonymous(lang.value) if anonymous else None,
            overrides=overrides,
        )
    from partnerfit.render.registry import render

    with core_errors():  # a PDF without WeasyPrint or Pango: one message saying what to install
        report_file = render("report", kind, data, render_options(False, lang, output))
    write_output(report_file, output, project_inputs(file, project))
