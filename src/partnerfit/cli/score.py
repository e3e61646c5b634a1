"""The `score` command: rank the candidates of a file, or compare every method on it."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from partnerfit.cli import leave_for_exit
from partnerfit.cli.common import (
    EXIT_MISUSE,
    CriteriaOption,
    Format,
    Lang,
    LangOption,
    OutputOption,
    WeightOption,
    core_errors,
    fail,
    load_project,
    parse_weights,
    project_inputs,
    render_options,
    require_format,
    say,
    write_output,
)
from partnerfit.engine.registry import METHODS

if TYPE_CHECKING:
    from partnerfit.project.loading import Project
    from partnerfit.result.model import Result

TABLE_ROWS = 500  # a terminal table of 100,000 rows takes half a minute and helps nobody


def _table_cap(result: Result) -> int | None:
    return TABLE_ROWS if len(result.ranked) > TABLE_ROWS else None


class Missing(StrEnum):
    """What a missing score counts as."""

    ignore = "ignore"
    worst = "worst"
    error = "error"


class Aggregate(StrEnum):
    """How several assessors' scores combine."""

    mean = "mean"
    median = "median"


if TYPE_CHECKING:

    class MethodName(StrEnum):
        """Scoring methods: the registered ones (engine/registry.py), wsm being the default."""

        wsm = "wsm"

else:  # the choices of every --method: the registered methods, in the registry's order
    MethodName = StrEnum("MethodName", [(name, name) for name in METHODS])


ExistingFile = Annotated[
    Path,
    typer.Argument(
        exists=True,
        dir_okay=False,
        readable=True,
        metavar="FILE",
        help="A candidates file (YAML, or JSON ending in .json).",
    ),
]


def score(
    file: ExistingFile,
    criteria: CriteriaOption = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format["table"],
    top: Annotated[
        int | None,
        typer.Option(
            "--top",
            "-n",
            min=1,
            metavar="N",
            help=f"Show only the first N ranked candidates (the table shows {TABLE_ROWS} at most unless --top is given).",
        ),
    ] = None,
    lang: LangOption = Lang.en,
    missing: Annotated[
        Missing | None,
        typer.Option(
            "--missing",
            help="What a missing score counts as (default: the criteria set's, else ignore).",
        ),
    ] = None,
    aggregate: Annotated[
        Aggregate, typer.Option("--aggregate", help="How several assessors' scores combine.")
    ] = Aggregate.mean,
    method: Annotated[MethodName, typer.Option("--method", "-m", help="Scoring method.")] = MethodName.wsm,
    vikor_v: Annotated[
        float, typer.Option("--vikor-v", min=0.0, max=1.0, metavar="V", help="VIKOR's weight of the group utility S.")
    ] = 0.5,
    compare: Annotated[
        bool, typer.Option("--compare", help="Rank under every method and show how far the methods agree.")
    ] = False,
    perspectives: Annotated[
        bool,
        typer.Option(
            "--perspectives",
            help="Rank under each role's weights (weights_by_role), beside the compromise (the file's weights).",
        ),
    ] = False,
    scenario: Annotated[
        str | None,
        typer.Option(
            "--scenario",
            metavar="NAME",
            help="Rank under the weights of the file's scenario NAME (over its weights:, before -w).",
        ),
    ] = None,
    scenarios: Annotated[
        bool,
        typer.Option(
            "--scenarios",
            help="Rank under each of the file's scenarios, beside the baseline (its own weights), with Kendall's tau.",
        ),
    ] = False,
    weight: WeightOption = None,
    output: OutputOption = None,
) -> None:
    """Score and rank the candidates of FILE."""
    from partnerfit.analysis.close_call import score as run_score
    from partnerfit.render import render_chunks

    overrides = parse_weights(weight)
    to_workbook = output is not None and output.suffix.lower() == ".xlsx"
    if to_workbook and (compare or fmt != "table"):
        raise fail(say("score_workbook_only", path=output), EXIT_MISUSE)
    if compare and perspectives:
        raise fail(say("score_perspectives_alone"), EXIT_MISUSE)
    _one_view(compare, perspectives, scenarios, scenario)
    if scenarios:
        require_format("scenarios", fmt.value, lang)
        if to_workbook:
            raise fail(say("score_option_workbook", path=output, option="--scenarios"), EXIT_MISUSE)
    if compare or perspectives:
        require_format("perspectives" if perspectives else "method-comparison", fmt.value, lang)
        if to_workbook and perspectives:
            raise fail(say("score_perspectives_workbook", path=output), EXIT_MISUSE)
    with core_errors():
        project = load_project(file, criteria, missing.value if missing else None, overrides)
        if perspectives:
            from partnerfit.analysis.perspectives import perspectives as rank_perspectives
            from partnerfit.render.registry import render

            report = rank_perspectives(
                project,
                overrides=overrides,
                method=method.value,
                aggregate=aggregate.value,
                missing=missing.value if missing else None,
            )
            options = render_options(fmt == "table", lang, output, None)
            write_output(render("perspectives", fmt.value, report, options), output, project_inputs(file, project))
            return
        if scenarios:
            _write_scenarios(project, file, overrides, method.value, aggregate.value, missing, fmt, lang, output)
            return
        if scenario is not None:
            project = _under_scenario(project, scenario, overrides)
        if compare:
            from partnerfit.analysis.compare import compare_methods

            comparison = compare_methods(
                project, aggregate=aggregate.value, missing=missing.value if missing else None, vikor_v=vikor_v
            )
        else:
            result = run_score(
                project,
                method=method.value,
                aggregate=aggregate.value,
                missing=missing.value if missing else None,
                vikor_v=vikor_v,
                close_call=True,  # "no clear winner" under the table (bounded cost: see analysis.close_call)
            )
            if project.file.consensus is not None:  # whether the file's consensus rules hold, under the table
                import dataclasses

                from partnerfit.project.consensus import consensus_status

                result = dataclasses.replace(result, consensus=consensus_status(project))
            if scenario is not None:  # the documents name the scenario: a footer line, JSON's "scenario"
                result = _tagged(result, project, scenario)
    inputs = project_inputs(file, project)
    if to_workbook:
        from partnerfit.render.registry import render

        workbook = render("ranking", "xlsx", result, render_options(False, lang, output, top))
        write_output(workbook, output, inputs)
        leave_for_exit(project, result)
        return
    shown = top if top is not None or fmt != "table" or compare else _table_cap(result)
    options = render_options(fmt == "table", lang, output, shown)
    if compare:
        from partnerfit.render.registry import render

        write_output(render("method-comparison", fmt.value, comparison, options), output, inputs)
        return
    write_output(render_chunks(result, fmt.value, options), output, inputs)
    leave_for_exit(project, result)  # freed by the process exit, not one by one on return


def _one_view(compare: bool, perspectives: bool, scenarios: bool, scenario: str | None) -> None:
    """--compare, --perspectives, --scenarios and --scenario NAME each ask for another document."""
    chosen = [o for o, on in (("--compare", compare), ("--perspectives", perspectives)) if on]
    chosen += [o for o, on in (("--scenarios", scenarios), ("--scenario", scenario is not None)) if on]
    if len(chosen) > 1:
        raise fail(say("score_options_alone", first=chosen[0], second=chosen[1]), EXIT_MISUSE)


def _under_scenario(project: Project, name: str, overrides: dict[str, float]) -> Project:
    from partnerfit.analysis.scenarios import under_scenario

    return under_scenario(project, name, overrides)  # an unknown name exits 2 (core_errors), a file without any 1


def _tagged(result: Result, project: Project, name: str) -> Result:
    import dataclasses

    from partnerfit.analysis.scenarios import scenario_tag

    return dataclasses.replace(result, scenario=scenario_tag(project, name))


def _write_scenarios(
    project: Project,
    file: Path,
    overrides: dict[str, float],
    method: str,
    aggregate: str,
    missing: Missing | None,
    fmt: Format,
    lang: Lang,
    output: Path | None,
) -> None:
    from partnerfit.analysis.scenarios import scenarios as rank_scenarios
    from partnerfit.render.registry import render

    report = rank_scenarios(
        project,
        overrides=overrides,
        method=method,
        aggregate=aggregate,  # type: ignore[arg-type]  # a StrEnum value of the same choices
        missing=missing.value if missing else None,
    )
    options = render_options(fmt == "table", lang, output, None)
    write_output(render("scenarios", fmt.value, report, options), output, project_inputs(file, project))
