"""The `explain` and `compare` commands: one candidate's score taken apart, or candidates side by side."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from partnerfit.cli.common import (
    EXIT_MISUSE,
    CriteriaOption,
    Lang,
    LangOption,
    WeightOption,
    core_errors,
    fail,
    format_choices,
    load_project,
    overrides_notice,
    parse_weights,
    project_inputs,
    render_options,
    say,
    write_output,
)
from partnerfit.cli.score import Aggregate, ExistingFile, MethodName, Missing

if TYPE_CHECKING:
    from partnerfit.render import RenderOptions

Criteria = CriteriaOption
# what each command prints, from the renderer registry (mypy cannot see members made at run time)
ExplainFormat = StrEnum("ExplainFormat", format_choices("explanation"))  # type: ignore[misc]
CompareFormat = StrEnum("CompareFormat", format_choices("head-to-head"))  # type: ignore[misc]
MissingOption = Annotated[
    Missing | None,
    typer.Option("--missing", help="What a missing score counts as (default: the criteria set's, else ignore)."),
]
AggregateOption = Annotated[Aggregate, typer.Option("--aggregate", help="How several assessors' scores combine.")]
MethodOption = Annotated[MethodName, typer.Option("--method", "-m", help="Scoring method.")]
Output = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", help="Write to this file (atomically) instead of stdout."),
]


def _options(fmt: StrEnum, lang: Lang, output: Path | None) -> RenderOptions:
    return render_options(fmt == "table", lang, output)


def explain(
    file: ExistingFile,
    candidate: Annotated[str, typer.Argument(metavar="CANDIDATE", help="The id of the candidate to explain.")],
    method: MethodOption = MethodName.wsm,
    missing: MissingOption = None,
    aggregate: AggregateOption = Aggregate.mean,
    criteria: Criteria = None,
    fmt: Annotated[ExplainFormat, typer.Option("--format", "-f", help="Output format.")] = ExplainFormat["table"],
    lang: LangOption = Lang.en,
    weight: WeightOption = None,
    output: Output = None,
) -> None:
    """Explain one candidate's score: contributions, strengths and weaknesses, evidence, and what it would take."""
    from partnerfit.analysis.explain import explain as run_explain
    from partnerfit.render.registry import render

    overrides = parse_weights(weight)
    options = _options(fmt, lang, output)
    with core_errors():
        project = load_project(file, criteria, missing.value if missing else None, overrides)
        explanation = run_explain(
            project,
            candidate,
            method=method.value,
            aggregate=aggregate.value,
            missing=missing.value if missing else None,
        )
    overrides_notice(project)
    write_output(render("explanation", fmt.value, explanation, options), output, project_inputs(file, project))


def compare(
    file: ExistingFile,
    candidates: Annotated[
        list[str],
        typer.Argument(
            metavar="CANDIDATE",
            help="Ids of the candidates to compare, A B [C...]: two or more (the weight change swaps the first two).",
        ),
    ],
    method: MethodOption = MethodName.wsm,
    missing: MissingOption = None,
    aggregate: AggregateOption = Aggregate.mean,
    criteria: Criteria = None,
    fmt: Annotated[CompareFormat, typer.Option("--format", "-f", help="Output format.")] = CompareFormat["table"],
    lang: LangOption = Lang.en,
    weight: WeightOption = None,
    output: Output = None,
) -> None:
    """Compare candidates side by side, criterion by criterion, and find the weight change that swaps the first two."""
    from partnerfit.analysis.head_to_head import compare_candidates
    from partnerfit.render.registry import render

    if len(candidates) < 2:
        raise fail(say("compare_two_needed"), EXIT_MISUSE)
    repeated = sorted({cid for cid in candidates if candidates.count(cid) > 1})
    if repeated:
        raise fail(say("compare_given_twice", id=repr(repeated[0])), EXIT_MISUSE)
    overrides = parse_weights(weight)
    options = _options(fmt, lang, output)
    with core_errors():
        project = load_project(file, criteria, missing.value if missing else None, overrides)
        h2h = compare_candidates(
            project,
            candidates,
            method=method.value,
            aggregate=aggregate.value,
            missing=missing.value if missing else None,
        )
    overrides_notice(project)
    write_output(render("head-to-head", fmt.value, h2h, options), output, project_inputs(file, project))
