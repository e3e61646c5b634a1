"""XLSX output: Ranking, Scores, Criteria & weights and Notes sheets, numbers as numbers, deterministic bytes.

The sheets read only the Result: its entries, its resolved criteria and, for the Notes sheet, each
score's evidence (``Result.evidence``): nothing here knows how a candidates file stores them.
"""

from __future__ import annotations

import datetime
import io
import math
import os
import shutil
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
from openpyxl.formatting.rule import ColorScaleRule  # type: ignore[import-untyped]
from openpyxl.styles import Font  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.writer.excel import ExcelWriter  # type: ignore[import-untyped]

from partnerfit._version import __version__
from partnerfit.i18n import t
from partnerfit.io.atomic import replace_atomically
from partnerfit.render.common import footer_lines, reasons_text, score_digits
from partnerfit.render.decimals import written
from partnerfit.render.sanitize import cell, cell_text
from partnerfit.result.model import CandidateResult, Result

if TYPE_CHECKING:
    from partnerfit.analysis.report import ReportData
    from partnerfit.render import RenderOptions

SHEETS = ("Ranking", "Scores", "Criteria & weights", "Notes")  # in English; sheet_names(lang) in the reader's
# the Scores sheet keeps its name and its id headers in every language: `partnerfit import` reads it back by them
_SHEET_KEYS = ("xlsx_sheet_ranking", None, "xlsx_sheet_criteria", "xlsx_sheet_notes")


def sheet_names(lang: str) -> tuple[str, ...]:
    """The workbook's sheet names in ``lang`` (Excel's limit: 31 characters, none of []:*?/\\)."""
    return tuple(t(key, lang) if key else name for key, name in zip(_SHEET_KEYS, SHEETS, strict=True))


FIXED_DATE = datetime.datetime(2000, 1, 1)  # created/modified: the same input gives the same bytes
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
MAX_CELL_TEXT = 32_767  # Excel's limit on the characters of a cell
_ERRORS = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"}  # openpyxl stores them as errors
RED, YELLOW, GREEN = "F8696B", "FFEB84", "63BE7B"  # Excel's own 3-colour scale
_BOLD = Font(bold=True)


def result_xlsx(
    result: Result,
    path_or_stream: str | os.PathLike[str] | io.BufferedIOBase | None = None,
    *,
    lang: str = "en",
    top: int | None = None,
) -> bytes:
    """The workbook of ``result`` as bytes; also written to a path (atomically) or a binary stream when given.

    The Notes sheet lists every note, evidence and assessor's score the Result's ``evidence`` gives;
    ``top`` keeps the first ``top`` ranked candidates, as in CSV.
    """
    book = Workbook(write_only=True)
    entries = result.entries(top)
    names = sheet_names(lang)
    _ranking(book.create_sheet(names[0]), result, entries, lang)
    _scores(book.create_sheet(names[1]), result, entries)
    _criteria(book.create_sheet(names[2]), result, lang)
    _notes(book.create_sheet(names[3]), result, entries, lang)
    properties = book.properties
    properties.creator = f"partnerfit {__version__}"
    properties.created = properties.modified = FIXED_DATE
    properties.title = _clean(result.title) if result.title else None
    properties.subject = _clean(result.objective) if result.objective else None
    properties.description = _clean("\n".join(footer_lines(result, lang, entries)))
    buffer = io.BytesIO()
    ExcelWriter(book, _FixedDateZip(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()
    data = buffer.getvalue()
    if isinstance(path_or_stream, str | os.PathLike):
        write_atomically(Path(path_or_stream), data)
    elif path_or_stream is not None:
        path_or_stream.write(data)
    return data


def ranking_xlsx(result: Result, options: RenderOptions) -> bytes:
    """The ranking workbook (`score -o FILE.xlsx`), labelled in ``options.lang``, the first ``options.top`` ranked."""
    return result_xlsx(result, lang=options.lang, top=options.top)


def report_xlsx(data: ReportData, options: RenderOptions) -> bytes:
    """The `report` command's workbook: for now the ranking workbook of its result, labelled in ``options.lang``."""
    return ranking_xlsx(data.result, options)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place (see atomic.replace_atomically)."""
    replace_atomically(path, [data])


class _FixedDateZip(zipfile.ZipFile):
    """A zip archive whose members all carry the same date and mode (zip stores the time of writing)."""

    def writestr(self, zinfo_or_arcname: Any, data: Any, compress_type: Any = None, compresslevel: Any = None) -> None:
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            zinfo_or_arcname = _member(str(zinfo_or_arcname))
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename: Any, arcname: Any = None, compress_type: Any = None, compresslevel: Any = None) -> None:
        info = _member(str(arcname or os.path.basename(filename)))
        info.file_size = os.path.getsize(filename)
        with open(filename, "rb") as source, self.open(info, "w") as target:
            shutil.copyfileobj(source, target, 1 << 20)


def _member(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16
    return info


def _clean(text: str) -> str:
    """A text XML can hold (see sanitize.cell_text), cut to Excel's cell limit."""
    return cell_text(text)[:MAX_CELL_TEXT]


def _text(value: str | None) -> str | None:
    """A user's text made safe for a cell: never a formula, never an error value, never unreadable."""
    if value is None:
        return None
    text = cell(value)[:MAX_CELL_TEXT]
    return "'" + text if text in _ERRORS else text


def _number(value: float | None) -> float | None:
    """Every number of a cell: rounded to 10 decimal places as in JSON and CSV (decimals.written), never NaN."""
    if value is None or not math.isfinite(value):
        return None
    return value if type(value) is int else written(value)


def _header(sheet: Any, titles: Sequence[str], widths: Mapping[int, float], freeze: str) -> None:
    """Widths and frozen panes (which a streamed sheet needs before its rows), then the bold header row."""
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = freeze
    cells = []
    for title in titles:
        cell = WriteOnlyCell(sheet, value=_text(title))
        cell.font = _BOLD
        cells.append(cell)
    sheet.append(cells)


def _formatted(sheet: Any, value: float | None, number_format: str) -> Any:
    cell = WriteOnlyCell(sheet, value=_number(value))
    cell.number_format = number_format
    return cell


def _filter(sheet: Any, columns: int, rows: int) -> None:
    sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{rows + 1}"


def _ranking(sheet: Any, result: Result, entries: Sequence[CandidateResult], lang: str) -> None:
    groups = result.criteria.groups
    titles = [t("rank", lang), t("xlsx_id", lang), t("xlsx_name", lang), t("score", lang), t("coverage", lang)]
    titles += [t("excluded", lang), t("reasons", lang), *(g.text(lang) for g in groups)]
    _header(sheet, titles, {2: 22, 3: 36, 7: 40}, "D2")
    score_format = "0." + "0" * score_digits(entries)
    for entry in entries:
        row: list[Any] = [entry.rank, _text(entry.id), _text(entry.name), _formatted(sheet, entry.score, score_format)]
        row += [_formatted(sheet, entry.coverage, "0%"), entry.excluded, _text(reasons_text(result, entry, lang))]
        row += [_formatted(sheet, entry.groups.get(g.id), "0.0") for g in groups]
        sheet.append(row)
    _filter(sheet, len(titles), len(entries))


def _scores(sheet: Any, result: Result, entries: Sequence[CandidateResult]) -> None:
    """Candidates × criteria, headed by ids as `partnerfit import` reads them; a colour scale per criterion."""
    criteria = result.criteria.criteria
    _header(sheet, ["id", "name", "type", *(c.id for c in criteria)], {1: 22, 2: 36}, "C2")
    for entry in entries:
        sheet.append([_text(entry.id), _text(entry.name), _text(entry.type), *_values(entry, criteria)])
    _filter(sheet, 3 + len(criteria), len(entries))
    for j, c in enumerate(criteria, 4):
        low, high = (RED, GREEN) if c.direction == "higher" else (GREEN, RED)
        rule = ColorScaleRule(
            start_type="num", start_value=c.low, start_color=low,
            mid_type="num", mid_value=(c.low + c.high) / 2, mid_color=YELLOW,
            end_type="num", end_value=c.high, end_color=high,
        )  # fmt: skip
        letter = get_column_letter(j)
        sheet.conditional_formatting.add(f"{letter}2:{letter}{max(len(entries), 1) + 1}", rule)


def _values(entry: CandidateResult, criteria: Iterable[Any]) -> list[float | None]:
    return [_number(entry.scores.get(c.id)) for c in criteria]


def _criteria(sheet: Any, result: Result, lang: str) -> None:
    criteria = result.criteria
    titles = [t("xlsx_group", lang), t("criterion", lang), t("xlsx_label", lang), t("xlsx_weight", lang)]
    titles += [t(k, lang) for k in ("xlsx_scale_min", "xlsx_scale_max", "xlsx_direction", "xlsx_minimum")]
    titles += [t("xlsx_maximum", lang), t("xlsx_weighting", lang)]
    _header(sheet, titles, {1: 26, 2: 26, 3: 34, 7: 18, 10: 20}, "C2")
    groups = {g.id: g.text(lang) for g in criteria.groups}
    origins = {o.scope: o for o in criteria.origins}
    for c in criteria.criteria:
        origin = origins.get(c.group or "")
        how = t("weighting_direct", lang) if origin is None or origin.method == "direct" else origin.method
        if origin is not None and origin.method == "ahp" and origin.cr is not None:
            how = f"ahp (CR {origin.cr:.3f})"
        if c.id in criteria.overrides or (c.group or "") in criteria.overrides:
            how += f" ({t('xlsx_overridden', lang)})"
        row: list[Any] = [_text(groups.get(c.group or "")), _text(c.id), _text(c.text(lang))]
        row += [
            _formatted(sheet, c.effective_weight, "0.0%"),
            _number(c.low),
            _number(c.high),
            t(f"direction_{c.direction}", lang),
        ]
        sheet.append([*row, _number(c.minimum), _number(c.maximum), how])
    _filter(sheet, len(titles), len(criteria.criteria))


def _notes(sheet: Any, result: Result, entries: Sequence[CandidateResult], lang: str) -> None:
    """Every score that carries a note, evidence or an uncertainty, and every assessor's score."""
    titles = [t("candidate", lang), t("criterion", lang), t("xlsx_assessor", lang), t("score", lang)]
    titles += [t("xlsx_note", lang), t("xlsx_evidence", lang), t("xlsx_uncertainty", lang)]
    _header(sheet, titles, {1: 22, 2: 26, 3: 16, 5: 60, 6: 30}, "A2")
    count = 0
    for entry in entries:
        evidence = result.evidence(entry.id)
        for c in result.criteria.criteria:
            for given in evidence.get(c.id, ()):
                proof = "; ".join(given.evidence) or None
                row = [_number(given.score), _text(given.note), _text(proof), _number(given.uncertainty)]
                sheet.append([_text(entry.id), _text(c.id), _text(given.assessor), *row])
                count += 1
    _filter(sheet, len(titles), count)
