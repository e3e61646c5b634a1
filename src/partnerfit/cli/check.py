"""The `check` command: every problem of candidates and criteria files, for people or for CI."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from partnerfit.cli.common import EXIT_INVALID, Lang, OutputOption, print_diagnostics, write_output


class CheckFormat(StrEnum):
    """Output formats of `check`."""

    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
    junit = "junit"
    auto = "auto"


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
    fmt: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            "-f",
            help="text for people; json, github, sarif or junit for CI; auto: github in GitHub Actions.",
        ),
    ] = CheckFormat.text,
    output: OutputOption = None,
) -> None:
    """Validate candidates and criteria files; print every error and warning as file:line:column."""
    from partnerfit.i18n import t
    from partnerfit.loading import check_file
    from partnerfit.render import diagnostics as formats

    chosen = formats.resolve_format(fmt.value)
    findings = {}
    errors = warnings = bad = 0
    for path in files:
        every = check_file(path, criteria=criteria)
        file_errors = sum(d.severity == "error" for d in every)
        file_warnings = len(every) - file_errors
        errors += file_errors
        warnings += file_warnings
        bad += bool(file_errors or (strict and file_warnings))
        found = [d for d in every if not quiet or d.severity == "error"]
        findings[str(path)] = found
        if chosen == "text":
            print_diagnostics(found)
    failed = bool(errors or (strict and warnings))
    if chosen == "text":
        if not quiet:
            key = "summary_bad" if failed else "summary_ok"
            typer.echo(t(key, lang.value, files=len(files), errors=errors, warnings=warnings, bad=bad))
    else:
        render = {"json": formats.as_json, "github": formats.as_github, "sarif": formats.as_sarif}
        text = render[chosen](findings) if chosen in render else formats.as_junit(findings, strict=strict)
        write_output(text, output, files)
    if failed:
        raise typer.Exit(EXIT_INVALID)
