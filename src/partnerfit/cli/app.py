"""The typer application: `score` and `check`; `criteria` and `init` live in sets.py."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from partnerfit._version import __version__
from partnerfit.cli import sets
from partnerfit.cli.common import (
    EXIT_INVALID,
    EXIT_MISUSE,
    Lang,
    color_wanted,
    core_errors,
    fail,
    print_diagnostics,
    terminal_width,
    write_output,
)
from partnerfit.errors import InvalidWeightsError

app = typer.Typer(
    name="partnerfit",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


# Objects of a large run are left for the process exit (which skips freeing them) rather than
# freed one by one when the command returns: about 0.3 s for 100,000 candidates.
_KEEP_ALIVE: list[object] = []


TABLE_ROWS = 500  # a terminal table of 100,000 rows takes half a minute and helps nobody


def _table_cap(result: object) -> int | None:
    ranked = len(getattr(result, "ranked", ()))
    return TABLE_ROWS if ranked > TABLE_ROWS else None


class Format(StrEnum):
    """Output formats of `score`."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class Missing(StrEnum):
    """What a missing score counts as."""

    ignore = "ignore"
    worst = "worst"
    error = "error"


class Aggregate(StrEnum):
    """How several assessors' scores combine."""

    mean = "mean"
    median = "median"


class MethodName(StrEnum):
    """Scoring methods."""

    wsm = "wsm"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"partnerfit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """Rank candidate partners from YAML files, with a score you can defend.

    \b
    Examples:
      partnerfit score candidates.yaml
      partnerfit check criteria/*.yaml candidates.yaml
      partnerfit criteria partnership --lang fr
      partnerfit init my-partners.yaml
    """


def _parse_weights(pairs: list[str]) -> dict[str, float]:
    weights: dict[str, float] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        try:
            number = float(value)
        except ValueError:
            number = float("nan")
        if not sep or not name or not number > 0 or number == float("inf"):
            raise fail(
                f"--weight {pair!r}: expected ID=NUMBER with a number > 0, such as loyalty=20",
                EXIT_MISUSE,
            )
        weights[name] = number
    return weights


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


@app.command(
    epilog="""\b
Examples:
  partnerfit score candidates.yaml
  partnerfit score candidates.yaml --top 5 --lang fr
  partnerfit score candidates.yaml --format json -o ranking.json
  partnerfit score candidates.yaml --criteria my-criteria.yaml --missing worst
  partnerfit score candidates.yaml --weight loyalty=20 --aggregate median
"""
)
def score(
    file: ExistingFile,
    criteria: Annotated[
        str | None,
        typer.Option(
            "--criteria",
            "-c",
            metavar="NAME|PATH",
            help="Built-in set name or criteria file path (overrides the file's).",
        ),
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
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
    lang: Annotated[Lang, typer.Option("--lang", "-l", help="Language of labels and headings.")] = Lang.en,
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
    weight: Annotated[
        list[str] | None,
        typer.Option("--weight", "-w", metavar="ID=NUMBER", help="What-if weight override ID=NUMBER (repeatable)."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write the result to this file (atomically) instead of stdout."
        ),
    ] = None,
) -> None:
    """Score and rank the candidates of FILE."""
    from partnerfit.engine import score as run_score
    from partnerfit.loading import load
    from partnerfit.render import RenderOptions, render_chunks

    overrides = _parse_weights(weight or [])
    with core_errors():
        try:
            project = load(file, criteria=criteria, missing=missing.value if missing else None, weights=overrides)
        except InvalidWeightsError as exc:
            raise fail(f"--weight: {exc}", EXIT_MISUSE) from None
        result = run_score(
            project,
            method=method.value,
            aggregate=aggregate.value,
            missing=missing.value if missing else None,
        )
    to_terminal = output is None or str(output) == "-"
    options = RenderOptions(
        lang=lang.value,
        top=top if top is not None or fmt is not Format.table else _table_cap(result),
        color=fmt is Format.table and to_terminal and color_wanted(typer.get_text_stream("stdout")),
        width=terminal_width() if to_terminal else 100,
    )
    inputs = [file, *([project.criteria.path] if project.criteria.path else [])]
    write_output(render_chunks(result, fmt.value, options), output, inputs)
    _KEEP_ALIVE.append((project, result))


@app.command(
    epilog="""\b
Examples:
  partnerfit check candidates.yaml
  partnerfit check criteria/*.yaml examples/*.yaml --strict
"""
)
def check(
    files: Annotated[
        list[Path],
        typer.Argument(
            exists=True,
            dir_okay=False,
            readable=True,
            metavar="FILE",
            help="Candidates or criteria files.",
        ),
    ],
    strict: Annotated[bool, typer.Option("--strict", help="Fail (exit 1) on warnings too.")] = False,
    criteria: Annotated[
        str | None,
        typer.Option(
            "--criteria",
            "-c",
            metavar="NAME|PATH",
            help="Check candidates against this criteria set instead of the one they name.",
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print errors only, no warnings and no summary.")
    ] = False,
    lang: Annotated[Lang, typer.Option("--lang", "-l", help="Language of the summary.")] = Lang.en,
) -> None:
    """Validate candidates and criteria files; print every error and warning as file:line:column."""
    from partnerfit.i18n import t
    from partnerfit.loading import check_file

    errors = warnings = bad = 0
    for path in files:
        found = check_file(path, criteria=criteria)
        file_errors = sum(d.severity == "error" for d in found)
        file_warnings = len(found) - file_errors
        errors += file_errors
        warnings += file_warnings
        bad += bool(file_errors or (strict and file_warnings))
        print_diagnostics(d for d in found if not quiet or d.severity == "error")
    if not quiet:
        key = "summary_bad" if errors or (strict and warnings) else "summary_ok"
        typer.echo(t(key, lang.value, files=len(files), errors=errors, warnings=warnings, bad=bad))
    if errors or (strict and warnings):
        raise typer.Exit(EXIT_INVALID)


app.command(
    name="criteria",
    epilog="""\b
Examples:
  partnerfit criteria
  partnerfit criteria partnership --lang fr
  partnerfit criteria path/to/my-criteria.yaml --json
""",
)(sets.show_criteria)
app.command(
    name="init",
    epilog="""\b
Examples:
  partnerfit init
  partnerfit init partners.yaml --force
""",
)(sets.init)
