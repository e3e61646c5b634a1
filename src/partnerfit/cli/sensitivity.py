"""The `sensitivity` command: how far weights may move before the leader changes, and rank acceptability."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from partnerfit.cli.common import (
    Lang,
    WeightOption,
    core_errors,
    format_choices,
    load_project,
    overrides_notice,
    parse_weights,
    project_inputs,
    render_options,
    resolve_lang,
    write_output,
)
from partnerfit.cli.score import Aggregate, ExistingFile, MethodName, Missing

# what `sensitivity` prints, from the renderer registry (mypy cannot see members made at run time)
SensitivityFormat = StrEnum("SensitivityFormat", format_choices("sensitivity"))  # type: ignore[misc]

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from partnerfit.contract.models import MissingPolicy

SHOW_AFTER = 1.0  # seconds: a run expected to last longer gets a progress bar


class ProgressBar:
    """A rich progress bar on stderr, started only once the run is expected to last more than SHOW_AFTER."""

    def __init__(self, enabled: bool) -> None:
        """Nothing is shown unless ``enabled`` (stderr is a terminal)."""
        self.enabled = enabled
        self.started = time.monotonic()
        self.bar: Progress | None = None
        self.task: TaskID | None = None

    def __call__(self, done: int, total: int) -> None:
        """Report ``done`` of ``total`` samples."""
        if not self.enabled:
            return
        if done == 0:
            self.started = time.monotonic()
            return
        if self.bar is None:
            elapsed = time.monotonic() - self.started
            if done >= total or elapsed * total / done <= SHOW_AFTER:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(
                TextColumn("sampling"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("sampling", total=total)
        if self.bar is not None and self.task is not None:
            self.bar.update(self.task, completed=done)

    def stop(self) -> None:
        """Remove the bar, if one was shown."""
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


@contextmanager
def progress_bar(enabled: bool) -> Iterator[ProgressBar]:
    """A ProgressBar removed when the block ends, however it ends."""
    bar = ProgressBar(enabled)
    try:
        yield bar
    finally:
        bar.stop()


def sensitivity(
    file: ExistingFile,
    method: Annotated[MethodName, typer.Option("--method", "-m", help="Scoring method.")] = MethodName.wsm,
    top: Annotated[
        int, typer.Option("--top", "-n", min=1, metavar="K", help="Size of the top set whose stability is reported.")
    ] = 3,
    samples: Annotated[
        int, typer.Option("--samples", min=100, metavar="N", help="Samples of the rank acceptability.")
    ] = 10_000,
    seed: Annotated[
        int | None,
        typer.Option("--seed", min=0, metavar="S", help="Seed of the samples (default: a random one, reported)."),
    ] = None,
    spread: Annotated[
        float,
        typer.Option(
            "--spread",
            min=0.001,
            max=0.999,
            metavar="S",
            help="How far sampled weights stray from the declared ones: a weight w varies by S·√(w(1−w)).",
        ),
    ] = 0.1,
    uniform: Annotated[
        bool, typer.Option("--uniform", help="Sample weights uniformly over all weight vectors instead.")
    ] = False,
    missing: Annotated[
        Missing | None,
        typer.Option("--missing", help="What a missing score counts as (default: the criteria set's, else ignore)."),
    ] = None,
    aggregate: Annotated[
        Aggregate, typer.Option("--aggregate", help="How several assessors' scores combine.")
    ] = Aggregate.mean,
    vikor_v: Annotated[
        float, typer.Option("--vikor-v", min=0.0, max=1.0, metavar="V", help="VIKOR's weight of the group utility S.")
    ] = 0.5,
    criteria: Annotated[
        str | None,
        typer.Option(
            "--criteria",
            "-c",
            metavar="NAME|PATH",
            help="Built-in set name or criteria file path (overrides the file's).",
        ),
    ] = None,
    fmt: Annotated[SensitivityFormat, typer.Option("--format", "-f", help="Output format.")] = SensitivityFormat[
        "table"
    ],
    lang: Annotated[
        Lang, typer.Option("--lang", "-l", help="Language of labels and headings.", callback=resolve_lang)
    ] = Lang.en,
    weight: WeightOption = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write to this file (atomically).")
    ] = None,
) -> None:
    """Show how far each weight may move before the leader changes, and each candidate's chance of each rank."""
    from partnerfit.analysis.sensitivity import sensitivity as analyse
    from partnerfit.render.registry import render

    policy: MissingPolicy | None = missing.value if missing else None
    overrides = parse_weights(weight)
    with core_errors():
        project = load_project(file, criteria, policy, overrides)
        with progress_bar(typer.get_text_stream("stderr").isatty()) as bar:
            report = analyse(
                project,
                method=method.value,
                aggregate=aggregate.value,
                missing=policy,
                vikor_v=vikor_v,
                top_k=top,
                samples=samples,
                seed=seed,
                spread=spread,
                uniform=uniform,
                progress=bar,
            )
    options = render_options(fmt == "table", lang, output)
    overrides_notice(project)
    write_output(render("sensitivity", fmt.value, report, options), output, project_inputs(file, project))
