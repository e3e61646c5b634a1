"""Read a spreadsheet's rows: a workbook when the bytes are a zip archive, else CSV text."""

from __future__ import annotations

import warnings
from pathlib import Path

from partnerfit.errors import msg
from partnerfit.io import sheet_rows
from partnerfit.io.sheet_xlsx import xlsx_rows


def read_rows(path: Path, shown: str, sheet: str | None) -> sheet_rows.Rows:
    """The rows of ``path``, read as a workbook when it is a zip archive, else as CSV text."""
    try:
        with path.open("rb") as stream:
            data = stream.read(sheet_rows.MAX_SHEET_BYTES + 1)
    except OSError as exc:
        raise sheet_rows.problem(
            shown, msg("cannot read the sheet: {reason}", reason=str(exc.strerror or exc))
        ) from None
    if len(data) > sheet_rows.MAX_SHEET_BYTES:
        raise sheet_rows.problem(
            shown,
            msg(
                "more than {limit} bytes; a sheet may hold at most {size}",
                limit=f"{sheet_rows.MAX_SHEET_BYTES:,}",
                size=sheet_rows.mib(sheet_rows.MAX_SHEET_BYTES),
            ),
        )
    suffix, budget = path.suffix.lower(), sheet_rows.Budget(shown)
    if data.startswith(sheet_rows.ZIP_MAGIC):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it skips
            rows, chosen = xlsx_rows(data, shown, sheet, budget)
        read = sheet_rows.Rows(rows, chosen)
        if suffix in sheet_rows.TEXT_SUFFIXES:  # an .xlsx renamed: say how it was read, the name says otherwise
            read.warnings.append(
                sheet_rows.warning_at(
                    shown, msg("this {suffix} file is a zip archive: read as an .xlsx workbook", suffix=suffix)
                )
            )
        return read
    if sheet is not None:
        raise sheet_rows.problem(
            shown,
            msg(
                "--sheet {sheet}: a CSV file has a single sheet; save the sheet as .xlsx to choose one",
                sheet=repr(sheet),
            ),
        )
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # the OLE2 container of Excel 97-2003
        raise sheet_rows.problem(
            shown, msg("an Excel 97-2003 workbook (.xls), which partnerfit does not read; save it as .xlsx")
        )
    rows, delimiter = sheet_rows.csv_rows(data, shown, budget)
    read = sheet_rows.Rows(rows, None, delimiter)
    if suffix in sheet_rows.WORKBOOK_SUFFIXES:
        read.warnings.append(
            sheet_rows.warning_at(
                shown, msg("this {suffix} file is not a zip archive as a workbook is: read as CSV", suffix=suffix)
            )
        )
    return read
