"""The `tune` command: walk the weights of a candidates file in a full-screen terminal app (Textual, loaded lazily)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from partnerfit.cli.common import (
    EXIT_MISUSE,
    CriteriaOption,
    Lang,
    LangOption,
    WeightOption,
    core_errors,
    fail,
    load_project,
    parse_weights,
    say,
)
from partnerfit.cli.explain import AggregateOption, MethodOption, MissingOption
from partnerfit.cli.score import Aggregate, ExistingFile, MethodName

EPILOG = """\b
Examples:
  partnerfit tune candidates.yaml
  partnerfit tune candidates.yaml --method topsis --missing worst
  partnerfit tune candidates.yaml --lang fr
  partnerfit tune candidates.yaml --weight loyalty=20

\b
Keys: up/down choose a weight, right/left (+/-) move it by one point
(shift: five), u undo, r reset, m next method, s save as a scenario, q quit.
"""


def tune(
    file: ExistingFile,
    criteria: CriteriaOption = None,
    method: MethodOption = MethodName.wsm,
    missing: MissingOption = None,
    aggregate: AggregateOption = Aggregate.mean,
    vikor_v: Annotated[
        float, typer.Option("--vikor-v", min=0.0, max=1.0, metavar="V", help="VIKOR's weight of the group utility S.")
    ] = 0.5,
    weight: WeightOption = None,
    lang: LangOption = Lang.en,
) -> None:
    """Move the weights and watch the ranking, the stability bands and the verdict follow; save a scenario."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise fail(say("tune_no_terminal"), EXIT_MISUSE)
    overrides = parse_weights(weight)
    from partnerfit.analysis.tuning import Tuning

    with core_errors():  # the file's problems and a method that cannot score it exit 1 before the screen opens
        project = load_project(file, criteria, missing.value if missing else None, overrides)
        tuning = Tuning.of(
            project,
            method=method.value,
            aggregate=aggregate.value,
            missing=missing.value if missing else None,
            vikor_v=vikor_v,
        )
    from partnerfit.cli.tune_app import Session, TuneApp

    TuneApp(Session(file, project, tuning), lang.value).run()
