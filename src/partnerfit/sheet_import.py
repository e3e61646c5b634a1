"""Read a spreadsheet (.xlsx or .csv), one row per candidate, into a candidates file for a criteria set."""

from __future__ import annotations

import contextlib
import csv
import difflib
import io
import itertools
import math
import re
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from partnerfit.criteria_set import CriteriaSet
from partnerfit.document import display_path
from partnerfit.errors import Diagnostic, InvalidInputError

# headers (compared without case, accents or punctuation) of the columns that are not criteria
RESERVED = {
    **dict.fromkeys(("id", "identifiant", "identifier"), "id"),
    **dict.fromkeys(("name", "nom", "candidate", "candidat"), "name"),
    **dict.fromkeys(("type", "kind"), "type"),
    **dict.fromkeys(("assessor", "evaluateur", "evaluator"), "assessor"),
}
PREFIXES = {"note": "note", "commentaire": "note", "evidence": "evidence", "preuve": "evidence", "gate": "gate"}
MAX_UNPACKED = 512 * 1024 * 1024  # the XML of a workbook, unpacked
MAX_SHEET_BYTES = 256 * 1024 * 1024  # the file itself, read with a bound (a pipe or a device has no size)
DEFAULT_SHEET = "Scores"  # the sheet of partnerfit's own workbooks that holds the input scores
_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")  # what render.safe_cells quotes; the quote is dropped on import
_NUMBER = re.compile(r"[-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][-+]?\d+)?")
_ANSWERS = {
    **dict.fromkeys(("yes", "y", "true", "1", "oui", "o", "vrai", "x"), True),
    **dict.fromkeys(("no", "n", "false", "0", "non", "faux"), False),
}


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Also quotes the texts partnerfit's loader reads as numbers (1e3, as in YAML 1.2)."""


_Dumper.add_implicit_resolver("tag:yaml.org,2002:float", re.compile(r"^[-+]?\d+[eE][-+]?\d+$"), list("-+0123456789"))


def normalise(header: str) -> str:
    """``header`` without case, accents, punctuation or a trailing ``(1-5)``: how columns are matched."""
    text = re.sub(r"\s*[(\[][^)\]]*[)\]]\s*$", "", header.strip()) or header
    text = unicodedata.normalize("NFKD", text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def cell_ref(row: int, column: int) -> str:
    """The spreadsheet name of a cell: ``cell_ref(7, 2) == "B7"``."""
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    return f"{get_column_letter(column)}{row}"


@dataclass(frozen=True)
class SheetImport:
    """The candidates a sheet holds (as in a candidates file), the sheet read and how many rows."""

    candidates: dict[str, dict[str, Any]]
    sheet: str | None  # the worksheet read; None for a CSV file
    rows: int

    def to_yaml(self, criteria_ref: str) -> str:
        """The candidates file: ``criteria: criteria_ref``, then every candidate in sheet order."""
        data = {"partnerfit": 1, "kind": "candidates", "criteria": criteria_ref, "candidates": self.candidates}
        return str(yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100))


def read_sheet(path: str | Path, criteria: CriteriaSet, *, sheet: str | None = None) -> SheetImport:
    """Candidates from ``path`` (.xlsx, or CSV with , ; or tab); raise InvalidInputError with every problem."""
    shown = display_path(Path(path))
    rows, chosen = _read_rows(Path(path), shown, sheet)
    return _Reader(shown, criteria).read(rows, chosen)


def _problem(shown: str, message: str, code: str = "PF002") -> InvalidInputError:
    return InvalidInputError([Diagnostic(shown, 1, 1, "error", message, "", code)])


def _read_rows(path: Path, shown: str, sheet: str | None) -> tuple[list[tuple[Any, ...]], str | None]:
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_SHEET_BYTES + 1)
    except OSError as exc:
        raise _problem(shown, f"cannot read the sheet: {exc.strerror or exc}") from None
    if len(data) > MAX_SHEET_BYTES:
        raise _problem(
            shown, f"more than {MAX_SHEET_BYTES:,} bytes; a sheet may hold at most {MAX_SHEET_BYTES / 2**20:g} MiB"
        )
    if data.startswith(b"PK"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it skips
            return _xlsx_rows(data, shown, sheet)
    if sheet is not None or b"\x00" in data:
        why = f"--sheet {sheet!r}: a CSV file has a single sheet" if sheet else "not an .xlsx or a CSV file"
        raise _problem(shown, f"{why}; save the sheet as .xlsx (Excel) or CSV UTF-8")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # what Excel's plain "CSV" is on Windows
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(",;\t", key=lambda d: len(next(csv.reader([first], delimiter=d), [])))
    try:
        return [tuple(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)], None
    except csv.Error as exc:
        raise _problem(shown, f"not a readable CSV file: {exc}", "PF001") from None


def _xlsx_rows(data: bytes, shown: str, sheet: str | None) -> tuple[list[tuple[Any, ...]], str]:
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    try:
        if sum(member.file_size for member in zipfile.ZipFile(io.BytesIO(data)).infolist()) > MAX_UNPACKED:
            raise ValueError(f"it unpacks to more than {MAX_UNPACKED >> 20} MiB")  # a zip bomb, or far too big
        with contextlib.closing(load_workbook(io.BytesIO(data), read_only=True, data_only=True)) as book:
            names = [ws.title for ws in book.worksheets]
            chosen = sheet or (DEFAULT_SHEET if DEFAULT_SHEET in names else (names or [""])[0])
            if chosen in names:
                (found := book[chosen]).reset_dimensions()  # rows as long as their cells, whatever it declares
                return list(found.iter_rows(values_only=True)), chosen
    except Exception as exc:  # a damaged archive fails in many ways; none may end in a traceback
        raise _problem(shown, f"not a readable .xlsx workbook ({type(exc).__name__}: {exc})") from None
    sheets = ", ".join(map(repr, names))
    raise _problem(shown, f"no sheet {chosen!r}; the workbook has {sheets}{_hint(chosen, {n: n for n in names})}")


def _hint(word: str, choices: dict[str, str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" — did you mean {choices[close[0]]!r}?" if close else ""


def _text(value: Any) -> str | None:
    """A cell as text (None when empty), without the quote partnerfit puts before formula-like text."""
    if value is None:
        return None
    text = str(int(value) if isinstance(value, float) and value.is_integer() else value).strip()
    return (text[1:] if text.startswith("'") and text[1:].startswith(_TRIGGERS) else text) or None


def _shown(value: Any) -> str:
    text = str(value).lower() if isinstance(value, bool) else str(value).strip()
    return repr(text if len(text) <= 40 else text[:37] + "...")


@dataclass
class _Candidate:
    info: dict[str, Any] = field(default_factory=dict)  # name, type, gates
    sheets: dict[str | None, dict[str, Any]] = field(default_factory=dict)  # assessor (None: none) -> scores
    rows: dict[str | None, tuple[int, int]] = field(default_factory=dict)  # assessor -> (row, assessor column)


class _Reader:
    """One pass over the rows; every problem is collected, then raised at once."""

    def __init__(self, shown: str, criteria: CriteriaSet) -> None:
        self.shown, self.criteria = shown, criteria
        self.found: list[Diagnostic] = []
        self.candidates: dict[str, _Candidate] = {}
        self.slugs: dict[str, str] = {}  # id -> the name it was made from ("" for an id given in the sheet)
        self.names: dict[str, set[tuple[str, str]]] = {}  # normalised spelling -> {("score" | "gate", id)}
        self.spelt: dict[str, str] = {}  # normalised spelling -> as written in the criteria set
        items = [("score", c.id, c.label) for c in criteria.criteria]
        for kind, item, label in items + [("gate", g, gate.label) for g, gate in criteria.gates.items()]:
            for spelling in [item, *([label] if isinstance(label, str) else (label or {}).values())]:
                self.names.setdefault(normalise(spelling), set()).add((kind, item))
                self.spelt.setdefault(normalise(spelling), spelling)

    def error(self, row: int, column: int, message: str, code: str) -> None:
        self.found.append(Diagnostic(self.shown, row, column, "error", message, cell_ref(row, column), code))

    def read(self, rows: list[tuple[Any, ...]], sheet: str | None) -> SheetImport:
        start = next((i for i, r in enumerate(rows) if any(_text(v) for v in r)), None)
        if start is None:
            raise _problem(self.shown, "the sheet is empty; expected a header row, then one row per candidate", "PF112")
        columns: dict[int, tuple[str, str]] = {}
        for col, value in enumerate(rows[start], 1):
            text = _text(value)
            target = self.column(text, start + 1, col) if text and not text.startswith("#") else None
            if target in columns.values() and target is not None:
                first = cell_ref(start + 1, next(c for c, t in columns.items() if t == target))
                self.error(start + 1, col, f"column {text!r} says the same as column {first}", "PF004")
            elif target is not None:
                columns[col] = target
        if not {kind for kind, _ in columns.values()} & {"id", "name"}:
            self.error(start + 1, 1, "no 'id' or 'name' column: the sheet needs one to tell candidates apart", "PF105")
        filled = [
            i for i in range(start + 1, len(rows)) if any(_text(v) for c, v in enumerate(rows[i], 1) if c in columns)
        ]
        for index in filled:
            self.row(index + 1, rows[index], columns)
        if not self.candidates and not self.found:
            self.error(start + 1, 1, "no candidate: the sheet has a header row but no row below it", "PF112")
        candidates = {cid: self.assemble(cid, c) for cid, c in self.candidates.items()}
        if self.found:
            raise InvalidInputError(sorted(self.found, key=lambda d: (d.line, d.column)))
        return SheetImport(candidates, sheet, len(filled))

    def column(self, text: str, row: int, col: int) -> tuple[str, str] | None:
        """What a header names: a reserved column, a criterion's scores, notes or evidence, or a gate."""
        if normalise(text) in RESERVED:
            return RESERVED[normalise(text)], ""
        prefix, sep, rest = text.partition(":")
        kind = PREFIXES.get(normalise(prefix)) if sep else None
        name = rest.strip() if kind else text
        wanted = ("gate",) if kind == "gate" else ("score",) if kind else ("score", "gate")
        targets = sorted(t for t in self.names.get(normalise(name), ()) if t[0] in wanted)
        if len(targets) == 1:
            return kind or targets[0][0], targets[0][1]
        choices = {k: v for k, v in self.spelt.items() if any(t[0] in wanted for t in self.names[k])}
        message = f"unknown column {text!r}: no {'gate' if kind == 'gate' else 'criterion'} {name!r}"
        others = "id, name, type, assessor, note:<criterion>, evidence:<criterion>, gate:<gate>, #comment"
        message += f"{_hint(normalise(name), choices)} (criteria set {self.criteria.name!r}; other columns: {others})"
        if targets:
            message = f"column {text!r} could mean {' and '.join(repr(item) for _, item in targets)}; name it by id"
        self.error(row, col, message, "PF108" if kind == "gate" and not targets else "PF101")
        return None

    def row(self, r: int, values: tuple[Any, ...], columns: dict[int, tuple[str, str]]) -> None:
        cells = {col: values[col - 1] if col <= len(values) else None for col in columns}
        own = {kind: (col, _text(cells[col])) for col, (kind, _) in columns.items() if kind in RESERVED.values()}
        (id_col, cid), (name_col, name) = own.get("id", (0, None)), own.get("name", (0, None))
        where = id_col or name_col or 1
        if cid is not None and not re.fullmatch(r"\S+", cid):
            return self.error(r, id_col, f"an id is a non-empty text without spaces; found {cid!r}", "PF107")
        if cid is None and name is None:
            return self.error(r, where, "no id and no name on this row: which candidate is it?", "PF105")
        cid = cid if cid is not None else _slug(name or "", self.slugs)
        self.slugs.setdefault(cid, "")
        candidate = self.candidates.setdefault(cid, _Candidate())
        candidate.info = {**{k: v for k, (_, v) in own.items() if k in ("name", "type") and v}, **candidate.info}
        assessor_col, assessor = own.get("assessor", (0, None))
        assessor = re.sub(r"\s+", "_", assessor) if assessor else None
        if assessor in candidate.rows:
            again = f" for assessor {assessor!r}" if assessor else ""
            tip = "" if assessor_col else "; one row per candidate, or an 'assessor' column for several"
            first = candidate.rows[assessor][0]
            return self.error(r, where, f"candidate {cid!r} is already on row {first}{again}{tip}", "PF004")
        candidate.rows[assessor] = (r, assessor_col)
        scores = candidate.sheets.setdefault(assessor, {})
        extras: dict[str, dict[str, tuple[str, int]]] = {}
        for col, (kind, item) in columns.items():
            text = _text(cells[col])
            if kind == "score" and text is not None:
                scores[item] = self.number(r, col, cells[col], item)
            elif kind in ("note", "evidence") and text is not None:
                extras.setdefault(item, {})[kind] = (text, col)
            elif kind == "gate" and text is not None:
                answer = cells[col] if isinstance(cells[col], bool) else _ANSWERS.get(text.casefold())
                if answer is None:
                    self.error(r, col, f"expected yes or no for gate {item!r}, found {_shown(cells[col])}", "PF106")
                candidate.info.setdefault("gates", {})[item] = answer
        for item, extra in extras.items():
            if item not in scores:
                kind, (_, col) = min(extra.items(), key=lambda pair: pair[1][1])
                self.error(r, col, f"a {kind} about {item!r} needs a score for {item!r} on the same row", "PF105")
            elif scores[item] is not None:
                scores[item] = {"score": scores[item], **{k: extra[k][0] for k in ("note", "evidence") if k in extra}}

    def number(self, r: int, col: int, value: Any, cid: str) -> float | None:
        low, high = self.criteria.ranges[cid]
        number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
        if isinstance(value, str) and _NUMBER.fullmatch(text := _text(value) or ""):
            number = float(text.replace(",", "."))
        scale = f"[{low:g}, {high:g}]"
        if number is None or not math.isfinite(number):
            self.error(r, col, f"expected a number on {cid}'s scale {scale}, found {_shown(value)}", "PF103")
        elif not low <= number <= high:
            self.error(r, col, f"score {number:g} is outside the scale {scale} of {cid!r}", "PF102")
        else:
            return int(number) if float(number).is_integer() else float(number)  # 4, not 4.0, in the file
        return None

    def assemble(self, cid: str, candidate: _Candidate) -> dict[str, Any]:
        """The candidate as in a candidates file: name, type, gates, then scores or assessments."""
        info = candidate.info
        data: dict[str, Any] = {k: info[k] for k in ("name", "type") if k in info and (k, info[k]) != ("name", cid)}
        if info.get("gates"):
            data["gates"] = {g: info["gates"][g] for g in self.criteria.gates if g in info["gates"]}
        sheets = {a: {c: s[c] for c in self.criteria.ids if s.get(c) is not None} for a, s in candidate.sheets.items()}
        if list(sheets) == [None]:
            return {**data, "scores": sheets[None]}
        for assessor, (r, col) in candidate.rows.items():
            if assessor is None:
                self.error(r, col or 1, f"candidate {cid!r} has several rows: each needs an assessor", "PF105")
        return {**data, "assessments": {a: s for a, s in sheets.items() if a is not None}}


def _slug(name: str, taken: dict[str, str]) -> str:
    """An id made from a name (accents and punctuation dropped), unique among the ids already given."""
    base = normalise(name).replace(" ", "_") or "candidate"
    options = itertools.chain([base], (f"{base}_{n}" for n in itertools.count(2)))
    slug = next(s for s in options if taken.get(s, name) == name)
    taken[slug] = name
    return slug
