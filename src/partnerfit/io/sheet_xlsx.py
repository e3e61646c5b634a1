"""Read the rows of one worksheet of an .xlsx workbook, refusing archives and sheets too big to read safely."""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from openpyxl import load_workbook  # type: ignore[import-untyped]
from openpyxl.worksheet._reader import (  # type: ignore[import-untyped]
    CELL_TAG,
    FORMULA_TAG,
    ROW_TAG,
    WorkSheetParser,
)
from openpyxl.xml.functions import iterparse  # type: ignore[import-untyped]

from partnerfit.errors import InvalidInputError, Msg, msg
from partnerfit.io.sheet_rows import (
    DEFAULT_SHEET,
    MAX_COLUMNS,
    Budget,
    Formula,
    hint,
    problem,
)

# the parts openpyxl parses whole, as a tree of objects, before any cell: far costlier per byte than cells
_PARSED_WHOLE = re.compile(
    r"^\[Content_Types\]\.xml$|\.rels$|^xl/(workbook|styles)\.xml$|^(docProps|xl/externalLinks)/", re.I
)


def xlsx_rows(data: bytes, shown: str, sheet: str | None, budget: Budget) -> tuple[list[tuple[Any, ...]], str]:
    """The rows of ``sheet`` (else 'Scores' if there is one, else the first sheet) and the sheet's name."""
    _check_archive(data, shown)
    try:
        with contextlib.closing(load_workbook(io.BytesIO(data), read_only=True, data_only=True)) as book:
            names = [ws.title for ws in book.worksheets]
            chosen = sheet or (DEFAULT_SHEET if DEFAULT_SHEET in names else (names or [""])[0])
            if chosen in names:
                return _worksheet_rows(book, book[chosen], shown, budget), chosen
    except InvalidInputError:
        raise
    except Exception as exc:  # a damaged workbook fails in many ways; none may end in a traceback
        raise problem(shown, _unreadable(exc)) from None
    sheets = ", ".join(map(repr, names))
    message = msg(
        "no sheet {sheet}; the workbook has {sheets}{hint}",
        sheet=repr(chosen),
        sheets=sheets,
        hint=hint(chosen, {n: n for n in names}),
    )
    raise problem(shown, message)


def _unreadable(exc: Exception) -> Msg:
    return msg("not a readable .xlsx workbook ({problem})", problem=f"{type(exc).__name__}: {exc}")


def _check_archive(data: bytes, shown: str) -> None:
    """Refuse from the zip directory alone what would take too long or too much memory to unpack."""
    from partnerfit.io import sheet_rows  # the limits, read when used (tests lower them)

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except Exception as exc:
        raise problem(shown, _unreadable(exc)) from None
    unpacked = sum(member.file_size for member in members)  # zipfile never inflates a part past its size
    if unpacked > sheet_rows.MAX_UNPACKED:
        limit = sheet_rows.MAX_UNPACKED / 2**20
        message = msg(
            "the workbook unpacks to {size} bytes; partnerfit reads at most {limit} MiB",
            size=f"{unpacked:,}",
            limit=f"{limit:g}",
        )
        raise problem(shown, message)
    for member in members:
        if _PARSED_WHOLE.search(member.filename) and member.file_size > sheet_rows.MAX_PART:
            raise problem(
                shown,
                msg(
                    "the part {part} unpacks to {size} bytes; partnerfit reads at most "
                    "{limit} MiB of it (save a copy of the sheet alone, or as CSV)",
                    part=repr(member.filename),
                    size=f"{member.file_size:,}",
                    limit=f"{sheet_rows.MAX_PART / 2**20:g}",
                ),
            )
    if any(m.filename == "mimetype" for m in members) and archive.read("mimetype").startswith(b"application/vnd.oasis"):
        raise problem(
            shown, msg("an OpenDocument file (.ods), not an .xlsx workbook; save it as .xlsx (Excel) or CSV UTF-8")
        )


def _worksheet_rows(book: Any, ws: Any, shown: str, budget: Budget) -> list[tuple[Any, ...]]:
    # openpyxl's own cell parser, driven here: the declared dimension is ignored (it can lie), cells
    # are counted as they are parsed, and a formula without a saved value is told from an empty cell
    rows: list[tuple[Any, ...]] = []
    with ws._get_source() as source:
        parser = _Parser(
            source,
            ws._shared_strings,
            data_only=True,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        parser.shown = shown
        for index, cells in parser.rows():
            if index <= len(rows):
                message = msg(
                    "row {row} comes after row {previous} in the workbook's XML; open and save it again",
                    row=str(index),
                    previous=str(len(rows)),
                )
                raise problem(shown, message, row=index)
            while len(rows) < index - 1:  # rows the file leaves out are empty
                budget.add(len(rows) + 1, 0)
                rows.append(())
            width = max((cell["column"] for cell in cells), default=0)
            budget.add(index, width)
            values: list[Any] = [None] * width
            for cell in cells:
                values[cell["column"] - 1] = cell["value"]
            rows.append(tuple(values))
    return rows


class _Parser(WorkSheetParser):  # type: ignore[misc]
    """Rows only, each refused as soon as it holds more cells than a sheet can."""

    shown = ""

    def rows(self) -> Iterator[tuple[int, list[dict[str, Any]]]]:
        count, row = 0, 0
        for event, element in iterparse(self.source, events=("start", "end")):
            if event == "start" and element.tag == ROW_TAG:
                count, given = 0, element.get("r", "")
                row = int(given) if given.isdigit() else self.row_counter + 1
            elif event == "start" and element.tag == CELL_TAG:
                count += 1
                if count > MAX_COLUMNS:  # refused before the whole row is built in memory
                    message = msg(
                        "row {row} has more than {limit} cells; a sheet holds at most {limit} columns (A to XFD)",
                        row=str(row),
                        limit=f"{MAX_COLUMNS:,}",
                    )
                    raise problem(self.shown, message, row=row)
            elif event == "end" and element.tag == ROW_TAG:
                yield self.parse_row(element)
                element.clear()

    def parse_cell(self, element: Any) -> dict[str, Any]:
        cell: dict[str, Any] = super().parse_cell(element)
        formula = element.find(FORMULA_TAG)
        # an empty saved text (t="str", as Excel writes ="") is a value; an empty number is none at all
        if cell["value"] is None and formula is not None and element.get("t", "n") not in ("str", "s", "inlineStr"):
            cell["value"] = Formula("=" + (formula.text or ""))
        return cell
