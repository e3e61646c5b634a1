"""Read the raw rows of a sheet (CSV text or an .xlsx workbook) within size and cell budgets."""

from __future__ import annotations

import csv
import difflib
import io
import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from partnerfit.errors import Diagnostic, InvalidInputError, Msg, msg
from partnerfit.io.formulas import QUOTE, is_formula_like  # the writers' rule, undone exactly

# bounds that keep any accepted sheet under about 1 GB and 15 s (benchmarks/bench_limits.py measures them)
MAX_SHEET_BYTES = 16 * 1024 * 1024  # the file itself, read with a bound (a pipe or a device has no size)
MAX_UNPACKED = 16 * 1024 * 1024  # every part of a workbook together, unpacked, as its zip directory declares
MAX_PART = 2 * 1024 * 1024  # each part openpyxl parses whole (styles, workbook, relationships), unpacked
MAX_CELLS = 1_000_000  # cells read from a sheet: empty cells inside a row and empty rows count too
MAX_COLUMNS = 16_384  # what a spreadsheet holds: columns A to XFD
MAX_ROWS = 1_048_576
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")  # a zip archive (an .xlsx), or an empty one
TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
DEFAULT_SHEET = "Scores"  # the sheet of partnerfit's own workbooks that holds the input scores
DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}
_DELIMITER_NAMES = {",": msg("comma"), ";": msg("semicolon"), "\t": msg("tab")}


@dataclass(frozen=True)
class Formula:
    """A formula cell whose file holds no calculated value (saved by a program that does not calculate)."""

    text: str


@dataclass
class Rows:
    """The rows of a sheet as read: cell values by column (1-based in references), the sheet and notes."""

    rows: list[tuple[Any, ...]]
    sheet: str | None  # the worksheet read; None for CSV text
    delimiter: str | None = None  # CSV only
    warnings: list[Diagnostic] = field(default_factory=list)


def column_letters(column: int) -> str:
    """The spreadsheet name of a column: 1 is A, 28 is AB, 16384 is XFD (any positive number works)."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_ref(row: int, column: int) -> str:
    """The spreadsheet name of a cell: ``cell_ref(7, 2) == "B7"``."""
    return f"{column_letters(column)}{row}"


def problem(shown: str, message: str | Msg, code: str = "PF002", row: int = 1, column: int = 1) -> InvalidInputError:
    """One error about the sheet, at a cell, a row (column 1) or the whole file (row 1, column 1)."""
    where = cell_ref(row, column) if column > 1 else ""
    return InvalidInputError([Diagnostic.of(shown, row, column, "error", message, where, code)])


def cell_text(value: Any) -> str | None:
    """A cell as text (None when empty), without the quote partnerfit's writers put before formula-like text."""
    if value is None:
        return None
    if isinstance(value, Formula):
        return value.text
    text = str(int(value) if isinstance(value, float) and value.is_integer() else value).strip()
    return (text[1:] if text.startswith(QUOTE) and is_formula_like(text[1:]) else text) or None


def shown_value(value: Any) -> str:
    """A cell as quoted in messages: stripped, at most 40 characters."""
    value = value.text if isinstance(value, Formula) else value
    text = str(value).lower() if isinstance(value, bool) else str(value).strip()
    return repr(text if len(text) <= 40 else text[:37] + "...")


def stray_values(sheet: Rows, start: int, shown: str) -> list[Diagnostic]:
    """Values in no column: in CSV past the header's last field an error (the row shifted), else a warning."""
    header, found = sheet.rows[start], []
    unheaded = [col for col, value in enumerate(header, 1) if cell_text(value) is None]
    lost: dict[int, list[int]] = {}  # column -> the rows of its values, not imported
    for index in range(start + 1, len(sheet.rows)):
        values = sheet.rows[index]
        for col in itertools.chain(unheaded, range(len(header) + 1, len(values) + 1)):
            if col > len(values) or cell_text(values[col - 1]) is None:
                continue
            if sheet.delimiter and col > len(header):  # a delimiter inside a text shifted the row
                message = msg(
                    "row {row} has {count} fields but the header row has {header}: {value} has no column; "
                    "a {delimiter} inside an unquoted text shifts the values after it (put that text in quotes)",
                    row=str(index + 1),
                    count=str(len(values)),
                    header=str(len(header)),
                    value=shown_value(values[col - 1]),
                    delimiter=_DELIMITER_NAMES[sheet.delimiter],
                )
                found.append(Diagnostic.of(shown, index + 1, col, "error", message, cell_ref(index + 1, col), "PF104"))
                break
            lost.setdefault(col, []).append(index + 1)
    for col, rows in sorted(lost.items()):
        value = shown_value(sheet.rows[rows[0] - 1][col - 1])
        more = msg(" (and {count} more in this column)", count=f"{len(rows) - 1:,}") if len(rows) > 1 else ""
        message = msg(
            "{value}{more} is in a column without a header: not imported; give the column a header ('#...' to ignore it)",
            value=value,
            more=more,
        )
        found.append(Diagnostic.of(shown, rows[0], col, "warning", message, cell_ref(rows[0], col), "PF104"))
    return found


def hint(word: str, choices: dict[str, str]) -> Msg | str:
    """`` — did you mean 'x'?`` when one of ``choices`` (spelling -> as shown) is close to ``word``."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return msg(" — did you mean {choice}?", choice=repr(choices[close[0]])) if close else ""


def mib(size: int) -> Msg:
    return msg("{size} MiB", size=f"{size / 2**20:g}")


def warning_at(shown: str, message: str | Msg) -> Diagnostic:
    return Diagnostic.of(shown, 1, 1, "warning", message, "", "PF002")


class Budget:
    """Counts the cells read, row by row, and refuses a sheet no spreadsheet holds or too big to read."""

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.cells = 0

    def add(self, row: int, width: int, unit: str = "cells") -> None:
        if width > MAX_COLUMNS:
            values = {"row": str(row), "width": f"{width:,}", "limit": f"{MAX_COLUMNS:,}"}
            message = (
                msg("row {row} has {width} fields; a sheet holds at most {limit} columns (A to XFD)", **values)
                if unit == "fields"
                else msg("row {row} has {width} cells; a sheet holds at most {limit} columns (A to XFD)", **values)
            )
            raise problem(self.shown, message, row=row)
        if row > MAX_ROWS:
            raise problem(
                self.shown, msg("more than {limit} rows; a sheet holds no more", limit=f"{MAX_ROWS:,}"), row=row
            )
        self.cells += max(width, 1)  # an empty row costs memory too
        if self.cells > MAX_CELLS:
            raise problem(
                self.shown,
                msg(
                    "more than {limit} cells by row {row} (empty cells inside a row count); partnerfit "
                    "imports at most {limit}: remove unused rows and columns or split the sheet",
                    limit=f"{MAX_CELLS:,}",
                    row=str(row),
                ),
                row=row,
            )


def csv_rows(data: bytes, shown: str, budget: Budget) -> tuple[list[tuple[Any, ...]], str]:
    text = _decode(data, shown)
    first = next((line for line in io.StringIO(text) if line.strip()), "")  # lazily: no list of every line
    delimiter = max(DELIMITERS, key=lambda d: len(next(csv.reader([first], delimiter=d), [])))
    stream = io.StringIO(text, newline="")
    rows: list[tuple[Any, ...]] = []
    if (sep := re.match(r"sep=(.)\r?\n", text)) and sep[1] in DELIMITERS:  # Excel's line naming the delimiter
        delimiter = sep[1]
        stream.seek(sep.end())
        rows.append(())  # row numbers stay line numbers
    reader = csv.reader(stream, delimiter=delimiter, strict=True)
    try:
        for fields in reader:
            budget.add(len(rows) + 1, len(fields), "fields")
            rows.append(tuple(fields))
    except csv.Error as exc:
        raise _csv_error(shown, text, delimiter, len(rows) + 1, exc) from None
    return rows, delimiter


def _decode(data: bytes, shown: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text": UTF-16 with a byte order mark
        try:
            return _no_nul(data.decode("utf-16"), shown)
        except UnicodeDecodeError:
            raise problem(
                shown, msg("not readable UTF-16 text; save the sheet as .xlsx (Excel) or CSV UTF-8")
            ) from None
    try:
        return _no_nul(data.decode("utf-8-sig"), shown)
    except UnicodeDecodeError:
        return _no_nul(data.decode("cp1252", errors="replace"), shown)  # what Excel's plain "CSV" is on Windows


def _no_nul(text: str, shown: str) -> str:
    if "\x00" in text:
        at = text.index("\x00")
        line = text.count("\n", 0, at) + 1
        column = at - text.rfind("\n", 0, at)
        message = msg(
            "not an .xlsx or a CSV file: binary data (a NUL byte); save the sheet as .xlsx (Excel) or CSV UTF-8"
        )
        raise InvalidInputError([Diagnostic.of(shown, line, column, "error", message, "", "PF002")])
    return text


def _csv_error(shown: str, text: str, delimiter: str, row: int, exc: csv.Error) -> InvalidInputError:
    """The row whose record fails, the line it starts on, and the field that holds the stray quote."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)  # lenient: reads the bad record too
    for _ in range(row - 1):
        next(reader)
    line = reader.line_num + 1
    fields = next(reader, [""])  # when the quote never closes, its field is the last one
    where = (
        msg("row {row} (line {line})", row=str(row), line=str(line)) if line != row else msg("row {row}", row=str(row))
    )
    if "unexpected end of data" in str(exc):
        message = msg(
            "a quote opens a text on {where} and never closes: every line after it would be read as that "
            'one text; close the quote, or double a quote inside a quoted text ("")',
            where=where,
        )
    else:
        message = msg(
            'a quoted text is followed by other characters on {where} ({problem}); inside a quoted text, write " as ""',
            where=where,
            problem=str(exc),
        )
        fields = [""]  # which field holds the stray quote is not known: the row is named, not a cell
    return problem(shown, message, "PF001", row=row, column=max(len(fields), 1))
