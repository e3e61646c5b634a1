"""The `check` command: every problem of candidates and criteria files, for people or for CI."""

from __future__ import annotations

import os
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from partnerfit.cli.common import (
    EXIT_INVALID,
    EXIT_MISUSE,
    Lang,
    OutputOption,
    fail,
    print_diagnostics,
    render_options,
    resolve_lang,
    say,
    write_output,
)
from partnerfit.cli.output import earlier_report
from partnerfit.errors import Diagnostic, msg
from partnerfit.render.registry import formats

CHECKED_SUFFIXES = (".yaml", ".yml", ".json")


def expand_folders(paths: list[Path], output: Path | None = None) -> list[Path]:
    """Files as given; a folder becomes its YAML and JSON files (hidden ones and an earlier report skipped), sorted."""
    # the report of an earlier run is not checked; any other file found is an input -o may not overwrite
    skip = output.resolve() if output is not None and earlier_report(output) else None
    files: list[Path] = []
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        found = sorted(
            candidate
            for candidate in path.rglob("*")
            if _listed(candidate, skip) and not any(part.startswith(".") for part in candidate.relative_to(path).parts)
        )
        if not found:
            raise fail(say("check_empty_folder", path=path), EXIT_MISUSE)
        files.extend(found)
    return list(dict.fromkeys(files))


def _listed(candidate: Path, skip: Path | None) -> bool:
    """Whether a folder's entry is checked: any .yaml, .yml or .json entry but a folder and ``skip``.

    A broken link, a link loop, a FIFO or a device is listed, then reported as unreadable: never
    silently left out, never read (a FIFO would block the whole run).
    """
    if candidate.suffix.lower() not in CHECKED_SUFFIXES or candidate.is_dir():
        return False
    try:
        return candidate.resolve() != skip
    except (OSError, RuntimeError):  # a link loop
        return True


# output formats of `check`, read from the renderer registry, and auto (mypy cannot see members made at run time)
CheckFormat = StrEnum("CheckFormat", {name: name for name in (*formats("diagnostics"), "auto")})  # type: ignore[misc]


def check(
    files: Annotated[
        list[Path],
        typer.Argument(
            exists=True,
            readable=True,
            metavar="FILE|DIR",
            help="Candidates or criteria files; a folder: its .yaml, .yml and .json files, recursively.",
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
    lang: Annotated[
        Lang, typer.Option("--lang", "-l", help="Language of the summary.", callback=resolve_lang)
    ] = Lang.en,
    fmt: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            "-f",
            help="text for people; json, github, sarif or junit for CI; auto: github in GitHub Actions.",
        ),
    ] = CheckFormat["text"],
    output: OutputOption = None,
) -> None:
    """Validate candidates and criteria files; print every error and warning as file:line:column."""
    from partnerfit.project.loading import check_file
    from partnerfit.render.diagnostics import Findings, resolve_format
    from partnerfit.render.registry import as_text, render

    given = set(files)  # named on the command line: may be a pipe such as /dev/stdin
    files = expand_folders(files, output)
    chosen = resolve_format(fmt.value)
    findings = {}
    errors = warnings = bad = 0
    seen: set[Diagnostic] = set()  # an assessment file's problems, found again with the candidates file naming it
    for path in files:
        every = [d for d in _check_one(check_file, path, criteria, regular_only=path not in given) if d not in seen]
        seen.update(every)
        file_errors = sum(d.severity == "error" for d in every)
        file_warnings = len(every) - file_errors
        errors += file_errors
        warnings += file_warnings
        bad += bool(file_errors or (strict and file_warnings))
        found = [d for d in every if not quiet or d.severity == "error"]
        findings[str(path)] = found
        if chosen == "text" and output is None:
            print_diagnostics(found, source=not quiet, lang=lang.value)
    failed = bool(errors or (strict and warnings))
    key = "summary_bad" if failed else "summary_ok"
    document, options = Findings(findings, strict), render_options(False, lang, output)
    if chosen == "text":
        summary = [] if quiet else [_summary(key, lang.value, len(files), errors, warnings, bad)]
        if output is None:
            for line in summary:
                typer.echo(line)
        else:  # -o: the report (every diagnostic, then the summary) goes to the file, as for the other formats
            text = as_text(render("diagnostics", "text", document, options))
            write_output(text + "".join(f"{line}\n" for line in summary), output, files)
    else:
        write_output(render("diagnostics", chosen, document, options), output, files)
    if failed:
        raise typer.Exit(EXIT_INVALID)


def _check_one(
    check_file: Callable[..., list[Diagnostic]], path: Path, criteria: str | None, *, regular_only: bool
) -> list[Diagnostic]:
    """The diagnostics of one file; a failure of partnerfit itself is reported on that file, not fatal to the run.

    Every other file of the run is still checked and every output format stays complete.
    """
    try:
        return check_file(path, criteria=criteria, regular_only=regular_only)
    except Exception as exc:  # a bug must not hide the other files' problems
        if os.environ.get("PARTNERFIT_TRACEBACK"):
            raise
        message = msg("internal error while checking this file ({kind}); please report it", kind=type(exc).__name__)
        return [Diagnostic.of(str(path), 1, 1, "error", message)]


def _summary(key: str, lang: str, files: int, errors: int, warnings: int, bad: int) -> str:
    """``3 files checked: 1 error, 2 warnings in 1 file``, each count with its noun in the right number."""
    from partnerfit.i18n import t, tn

    return t(
        key,
        lang,
        files=tn("n_files_checked", files, lang),
        errors=tn("n_errors", errors, lang),
        warnings=tn("n_warnings", warnings, lang),
        bad=tn("n_files", bad, lang),
    )
