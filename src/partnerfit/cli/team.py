"""The `team` command: the optimal team of a file's ``team:`` block, its alternatives, core indexes and why-nots."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from partnerfit.cli.common import (
    EXIT_INVALID,
    EXIT_MISUSE,
    CriteriaOption,
    Lang,
    LangOption,
    OutputOption,
    WeightOption,
    core_errors,
    fail,
    format_choices,
    load_project,
    overrides_notice,
    parse_weights,
    print_diagnostics,
    project_inputs,
    render_options,
    say,
    spoken,
    write_output,
)
from partnerfit.cli.score import ExistingFile, MethodName, Missing

if TYPE_CHECKING:
    from partnerfit.contract.models import MissingPolicy
    from partnerfit.project.loading import Project

# what `team` prints, from the renderer registry (mypy cannot see members made at run time)
TeamFormat = StrEnum("TeamFormat", format_choices("team"))  # type: ignore[misc]

SAMPLES = 100  # core index samples by default: each re-solves the program (a few ms on a 15-candidate file)

EPILOG = """\b
Examples:
  partnerfit team candidates.yaml
  partnerfit team candidates.yaml --lang fr --alternatives 5
  partnerfit team candidates.yaml --why lab_polymeres
  partnerfit team candidates.yaml --samples 1000 --seed 42
  partnerfit team candidates.yaml --format json -o team.json
  partnerfit team team.yaml --format markdown
"""


def _why_known(project: Project, why: str | None) -> None:
    """Refuse (exit 2) a --why naming no candidate of the file, with "did you mean"."""
    from partnerfit.contract.suggest import did_you_mean

    if why is not None and why not in project.file.candidates:
        hint = spoken(did_you_mean(why, project.file.candidates))
        raise fail(say("cli_team_unknown_why", id=repr(why), hint=hint), EXIT_MISUSE)


def team(
    file: ExistingFile,
    method: Annotated[MethodName, typer.Option("--method", "-m", help="Scoring method.")] = MethodName.wsm,
    missing: Annotated[
        Missing | None,
        typer.Option("--missing", help="What a missing score counts as (default: the criteria set's, else ignore)."),
    ] = None,
    alternatives: Annotated[
        int, typer.Option("--alternatives", min=0, max=100, metavar="K", help="How many next-best teams to show.")
    ] = 3,
    samples: Annotated[
        int,
        typer.Option("--samples", min=0, max=100_000, metavar="N", help="Weight samples of the core index (0: none)."),
    ] = SAMPLES,
    seed: Annotated[
        int | None,
        typer.Option("--seed", min=0, metavar="S", help="Seed of the samples (default: a random one, reported)."),
    ] = None,
    why: Annotated[
        str | None, typer.Option("--why", metavar="ID", help="Say what keeps this candidate out of the team.")
    ] = None,
    criteria: CriteriaOption = None,
    fmt: Annotated[TeamFormat, typer.Option("--format", "-f", help="Output format.")] = TeamFormat["table"],
    lang: LangOption = Lang.en,
    weight: WeightOption = None,
    output: OutputOption = None,
) -> None:
    """Choose the set of partners that together serves the objective, under the file's team: block."""
    from partnerfit.analysis.team import choose, located
    from partnerfit.errors import InfeasibleTeamError, said
    from partnerfit.render.registry import render
    from partnerfit.render.team_words import TeamView

    policy: MissingPolicy | None = missing.value if missing else None
    overrides = parse_weights(weight)
    with core_errors():
        project = load_project(file, criteria, policy, overrides)
        _why_known(project, why)
        try:
            result = choose(
                project,
                method=method.value,
                missing=policy,
                alternatives_count=alternatives,
                samples=samples,
                seed=seed,
                why=why,
            )
        except InfeasibleTeamError as exc:
            typer.echo(f"error: {spoken(said(exc))}", err=True)
            print_diagnostics(located(exc, str(file)), source=True)
            raise typer.Exit(EXIT_INVALID) from None
    block = project.file.team
    assert block is not None  # choose refuses a file without one
    view = TeamView(result, project.criteria, block)
    options = render_options(fmt == "table", lang, output)
    overrides_notice(project)
    write_output(render("team", fmt.value, view, options), output, project_inputs(file, project))
