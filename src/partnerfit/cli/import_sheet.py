"""The `import` command: turn a spreadsheet, one row per candidate, into a candidates file `check` accepts."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Annotated

import typer

from partnerfit.cli.common import (
    EXIT_MISUSE,
    Lang,
    LangOption,
    check_output,
    core_errors,
    fail,
    notice,
    print_diagnostics,
    write_output,
)
from partnerfit.errors import PartnerfitError
from partnerfit.io.atomic import temporary_folder

EPILOG = """\b
Examples:
  partnerfit import partners.xlsx -o candidates.yaml
  partnerfit import partners.csv -o candidates.yaml --criteria my-criteria.yaml
  partnerfit import ranking.xlsx --sheet Scores -o candidates.yaml --force

\b
Columns (matched without case or accents, in English or French):
  id, name, type           the candidate (a name alone makes the id)
  assessor                 several rows per candidate become assessments
  <criterion id or label>  a score on the criterion's scale
  note:<criterion>         the note of that score (evidence:<criterion> too)
  gate:<gate>              a yes/no gate answer (or the gate's id or label)
  #anything                ignored (a value under no header is not imported: a warning)

\b
Limits: 64 MiB of file, 256 MiB unpacked (.xlsx), 2,000,000 cells, 16,384 columns.
"""


def import_sheet(
    sheet_file: Annotated[
        Path,
        typer.Argument(
            exists=True,
            dir_okay=False,
            readable=True,
            metavar="SHEET",
            help="A spreadsheet: .xlsx, or .csv (UTF-8; comma, semicolon or tab).",
        ),
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", metavar="FILE", help="The candidates file to write (YAML), atomically."),
    ],
    criteria: Annotated[
        str,
        typer.Option(
            "--criteria", "-c", metavar="NAME|PATH", help="Built-in set name or criteria file the sheet uses."
        ),
    ] = "partnership",
    sheet: Annotated[
        str | None,
        typer.Option(
            "--sheet", metavar="NAME", help="Worksheet to read (default: 'Scores' if there is one, else the first)."
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing output file.")] = False,
    lang: LangOption = Lang.en,
) -> None:
    """Turn a spreadsheet (one row per candidate, one column per criterion) into a candidates file."""
    from partnerfit.contract.schema import schema_url
    from partnerfit.i18n import t, tn
    from partnerfit.io.document import MAX_YAML_BYTES
    from partnerfit.project.loading import load, load_criteria
    from partnerfit.project.sheet_import import read_sheet

    writes_a_file = str(output) != "-"
    if writes_a_file:  # refused before the work, as write_output would refuse it after
        check_output(output, [sheet_file])
    if writes_a_file and output.is_file() and not force:
        raise fail(t("file_exists", lang.value, path=output), EXIT_MISUSE)
    with core_errors():
        criteria_set = load_criteria(criteria)
        imported = read_sheet(sheet_file, criteria_set, sheet=sheet)
    print_diagnostics(imported.warnings)  # e.g. an .xlsx renamed .csv: say how it was read
    path = criteria_set.path  # None for a built-in set
    reference = criteria_set.name if path is None else path.resolve().as_posix()
    if path is not None and writes_a_file:  # named relative to the new file, as the loader reads it
        reference = Path(os.path.relpath(path.resolve(), output.resolve().parent)).as_posix()
    where = (
        sheet_file.name
        if not imported.sheet
        else t("import_where_sheet", lang.value, file=sheet_file.name, sheet=repr(imported.sheet))
    )
    where = " ".join(where.split())
    counts = {
        "candidates": tn("n_candidates", len(imported.candidates), lang.value),
        "rows": tn("n_rows", imported.rows, lang.value),
    }
    head = f"# yaml-language-server: $schema={schema_url('candidates', criteria_set.name)}\n"
    head += t("import_head", lang.value, where=where, **counts) + "\n"
    with core_errors():  # refused as soon as it outgrows the YAML limit `check` applies
        text = imported.to_yaml(reference, limit=MAX_YAML_BYTES, comment=head)
    with temporary_folder() as folder:  # the file must pass `partnerfit check`: load it first
        trial = Path(folder) / "candidates.yaml"
        trial.write_text(text, encoding="utf-8")
        try:
            load(trial, criteria=criteria_set.name if path is None else path.resolve())
        except PartnerfitError as exc:  # e.g. a set with `missing: error` and a sheet with empty cells
            found = getattr(exc, "diagnostics", ())
            print_diagnostics(dataclasses.replace(d, file=str(output)) for d in found)
            raise fail(t("import_refused", lang.value, path=output, detail="" if found else f": {exc}")) from None
    write_output(text, output, [sheet_file, *([path] if path is not None else [])])
    if writes_a_file:
        notice(t("import_wrote", lang.value, path=output, where=where, **counts))
