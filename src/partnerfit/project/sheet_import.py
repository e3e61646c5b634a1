"""Read a spreadsheet (.xlsx or .csv), one row per candidate, into a candidates file for a criteria set."""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from partnerfit import numbers
from partnerfit.contract.criteria_set import CriteriaSet
from partnerfit.errors import Diagnostic, InvalidInputError, Msg, msg
from partnerfit.io.document import display_path
from partnerfit.io.sheet_rows import (
    MAX_CELLS,
    MAX_SHEET_BYTES,
    MAX_UNPACKED,
    Formula,
    Rows,
    cell_ref,
    hint,
    problem,
    stray_values,
)
from partnerfit.io.sheet_rows import cell_text as _text
from partnerfit.io.sheet_rows import shown_value as _shown
from partnerfit.io.sheets import read_rows
from partnerfit.project import sheet_messages as said

__all__ = ["MAX_CELLS", "MAX_SHEET_BYTES", "MAX_UNPACKED", "SheetImport", "cell_ref", "normalise", "read_sheet"]

# headers (compared without case, accents or punctuation) of the columns that are not criteria
RESERVED = {
    **dict.fromkeys(("id", "identifiant", "identifier"), "id"),
    **dict.fromkeys(("name", "nom", "candidate", "candidat"), "name"),
    **dict.fromkeys(("type", "kind"), "type"),
    **dict.fromkeys(("assessor", "evaluateur", "evaluator"), "assessor"),
}
PREFIXES = {"note": "note", "commentaire": "note", "evidence": "evidence", "preuve": "evidence", "gate": "gate"}
_CHUNK = 500  # candidates written at a time
_NUMBER = re.compile(r"[-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][-+]?\d+)?")
_ANSWERS = {
    **dict.fromkeys(("yes", "y", "true", "1", "oui", "o", "vrai", "x"), True),
    **dict.fromkeys(("no", "n", "false", "0", "non", "faux"), False),
}


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Also quotes the texts partnerfit's loader reads as numbers (1e3, as in YAML 1.2)."""


_Dumper.add_implicit_resolver("tag:yaml.org,2002:float", numbers.FLOAT, numbers.FLOAT_FIRST)  # the loader's own reader


def normalise(header: str) -> str:
    """``header`` without case, accents, punctuation or a trailing ``(1-5)``: how columns are matched."""
    text = re.sub(r"\s*[(\[][^)\]]*[)\]]\s*$", "", header.strip()) or header
    text = unicodedata.normalize("NFKD", text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


@dataclass(frozen=True)
class SheetImport:
    """The candidates a sheet holds (as in a candidates file), the sheet read and how many rows."""

    candidates: dict[str, dict[str, Any]]
    sheet: str | None  # the worksheet read; None for a CSV file
    rows: int
    warnings: tuple[Diagnostic, ...] = ()  # how the file was read when its name says otherwise
    source: str = ""  # the sheet, as shown in messages

    def to_yaml(self, criteria_ref: str, limit: int | None = None, comment: str = "") -> str:
        """The candidates file: ``comment``, ``criteria: criteria_ref``, then every candidate in sheet order.

        Written a few hundred candidates at a time (the dumper holds a whole tree of what it writes) and
        refused as soon as it outgrows ``limit`` bytes: the YAML limit it would have to pass.
        """
        head = {"partnerfit": 1, "kind": "candidates", "criteria": criteria_ref}
        parts, items = [comment + _dump(head)], list(self.candidates.items())
        size = len(parts[0].encode("utf-8"))
        for start in range(0, max(len(items), 1), _CHUNK):
            text = _dump({"candidates": dict(items[start : start + _CHUNK])})
            parts.append(text.partition("\n")[2] if start else text)  # "candidates:" once
            size += len(parts[-1].encode("utf-8"))
            if limit is not None and size > limit:
                message = msg(
                    "the candidates file would be more than {limit} bytes by candidate {index} of "
                    "{count}; a YAML file may hold at most {mib} MiB: split the sheet",
                    limit=f"{limit:,}",
                    index=f"{start + _CHUNK:,}",
                    count=f"{len(items):,}",
                    mib=f"{limit / 2**20:g}",
                )
                raise InvalidInputError([Diagnostic.of(self.source, 1, 1, "error", message, "", "PF002")])
        return "".join(parts)


def _dump(data: dict[str, Any]) -> str:
    return str(yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100))


def read_sheet(path: str | Path, criteria: CriteriaSet, *, sheet: str | None = None) -> SheetImport:
    """Candidates from ``path`` (.xlsx, or CSV with , ; or tab); raise InvalidInputError with every problem."""
    shown = display_path(Path(path))
    return _Reader(shown, criteria).read(read_rows(Path(path), shown, sheet))


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
        self.warnings: list[Diagnostic] = []
        self.candidates: dict[str, _Candidate] = {}
        self.slugs: dict[str, str] = {}  # id -> the name it was made from ("" for an id given in the sheet)
        self.names: dict[str, set[tuple[str, str]]] = {}  # normalised spelling -> {("score" | "gate", id)}
        self.spelt: dict[str, str] = {}  # normalised spelling -> as written in the criteria set
        items = [("score", c.id, c.label) for c in criteria.criteria]
        for kind, item, label in items + [("gate", g, gate.label) for g, gate in criteria.gates.items()]:
            for spelling in [item, *([label] if isinstance(label, str) else (label or {}).values())]:
                self.names.setdefault(normalise(spelling), set()).add((kind, item))
                self.spelt.setdefault(normalise(spelling), spelling)

    def error(self, row: int, column: int, message: Msg, code: str, severity: str = "error") -> None:
        found = Diagnostic.of(self.shown, row, column, severity, message, cell_ref(row, column), code)  # type: ignore[arg-type]
        (self.warnings if severity == "warning" else self.found).append(found)

    def read(self, sheet: Rows) -> SheetImport:
        rows = sheet.rows
        start = next((i for i, r in enumerate(rows) if any(_text(v) for v in r)), None)
        if start is None:
            raise problem(
                self.shown, msg("the sheet is empty; expected a header row, then one row per candidate"), "PF112"
            )
        columns = self.header(rows[start], start + 1)
        if not {kind for kind, _ in columns.values()} & {"id", "name"}:
            message = msg("no 'id' or 'name' column: the sheet needs one to tell candidates apart")
            self.error(start + 1, 1, message, "PF105")
        for found in stray_values(sheet, start, self.shown):
            (self.warnings if found.severity == "warning" else self.found).append(found)
        filled = [
            i for i in range(start + 1, len(rows)) if any(_text(v) for c, v in enumerate(rows[i], 1) if c in columns)
        ]
        for index in filled:
            self.row(index + 1, rows[index], columns)
        if not self.candidates and not self.found:
            self.error(start + 1, 1, msg("no candidate: the sheet has a header row but no row below it"), "PF112")
        candidates = {cid: self.assemble(cid, c) for cid, c in self.candidates.items()}
        warnings = [*sheet.warnings, *self.warnings]
        if self.found:
            raise InvalidInputError([*warnings, *sorted(self.found, key=lambda d: (d.line, d.column))])
        return SheetImport(candidates, sheet.sheet, len(filled), tuple(warnings), self.shown)

    def header(self, values: tuple[Any, ...], row: int) -> dict[int, tuple[str, str]]:
        """Column number -> what it holds, for the columns the header names (not '#' ones)."""
        columns: dict[int, tuple[str, str]] = {}
        for col, value in enumerate(values, 1):
            text = _text(value)
            if isinstance(value, Formula):
                self.formula(row, col, value)
                continue
            target = self.column(text, row, col) if text and not text.startswith("#") else None
            if target in columns.values() and target is not None:
                first = cell_ref(row, next(c for c, t in columns.items() if t == target))
                same = msg("column {column} says the same as column {first}", column=repr(text), first=first)
                self.error(row, col, same, "PF004")
            elif target is not None:
                columns[col] = target
        return columns

    def formula(self, row: int, col: int, value: Formula) -> None:
        self.error(
            row,
            col,
            msg(
                "the formula {formula} has no saved value (the file comes from a program that does not "
                "calculate formulas); open and save it in Excel or LibreOffice, or type the value",
                formula=_shown(value),
            ),
            "PF113",
        )

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
        message = (
            said.ambiguous_column(text, [item for _, item in targets])
            if targets
            else said.unknown_column(text, name, kind == "gate", hint(normalise(name), choices), self.criteria.name)
        )
        self.error(row, col, message, "PF108" if kind == "gate" and not targets else "PF101")
        return None

    def row(self, r: int, values: tuple[Any, ...], columns: dict[int, tuple[str, str]]) -> None:
        cells = {col: values[col - 1] if col <= len(values) else None for col in columns}
        for col, value in cells.items():
            if isinstance(value, Formula):
                self.formula(r, col, value)
                cells[col] = None
                if columns[col][0] in ("id", "name"):  # which candidate the row is remains unknown
                    return None
        own = {kind: (col, _text(cells[col])) for col, (kind, _) in columns.items() if kind in RESERVED.values()}
        (id_col, cid), (name_col, name) = own.get("id", (0, None)), own.get("name", (0, None))
        where = id_col or name_col or 1
        if cid is not None and not re.fullmatch(r"\S+", cid):
            bad_id = msg("an id is a non-empty text without spaces; found {found}", found=repr(cid))
            return self.error(r, id_col, bad_id, "PF107")
        if cid is None and name is None:
            return self.error(r, where, msg("no id and no name on this row: which candidate is it?"), "PF105")
        cid = cid if cid is not None else _slug(name or "", self.slugs)
        self.slugs.setdefault(cid, "")
        candidate = self.candidates.setdefault(cid, _Candidate())
        candidate.info = {**{k: v for k, (_, v) in own.items() if k in ("name", "type") and v}, **candidate.info}
        assessor_col, assessor = own.get("assessor", (0, None))
        assessor = re.sub(r"\s+", "_", assessor) if assessor else None
        if assessor in candidate.rows:
            message = said.already_on_row(cid, candidate.rows[assessor][0], assessor, bool(assessor_col))
            return self.error(r, where, message, "PF004")
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
                    self.error(r, col, said.not_an_answer(item, _shown(cells[col])), "PF106")
                candidate.info.setdefault("gates", {})[item] = answer
        for item, extra in extras.items():
            if item not in scores:
                kind, (_, col) = min(extra.items(), key=lambda pair: pair[1][1])
                self.error(r, col, said.needs_a_score(kind, item), "PF105")
            elif scores[item] is not None:
                scores[item] = {"score": scores[item], **{k: extra[k][0] for k in ("note", "evidence") if k in extra}}

    def number(self, r: int, col: int, value: Any, cid: str) -> float | None:
        low, high = self.criteria.ranges[cid]
        number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
        if isinstance(value, str) and _NUMBER.fullmatch(text := _text(value) or ""):
            number = float(text.replace(",", "."))
        if number is None or not math.isfinite(number):
            self.error(r, col, said.not_a_number(cid, low, high, _shown(value)), "PF103")
        elif not low <= number <= high:
            self.error(r, col, said.off_scale(cid, number, low, high), "PF102")
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
                message = msg("candidate {id} has several rows: each needs an assessor", id=repr(cid))
                self.error(r, col or 1, message, "PF105")
        return {**data, "assessments": {a: s for a, s in sheets.items() if a is not None}}


def _slug(name: str, taken: dict[str, str]) -> str:
    """An id made from a name (accents and punctuation dropped), unique among the ids already given."""
    base = normalise(name).replace(" ", "_") or "candidate"
    options = itertools.chain([base], (f"{base}_{n}" for n in itertools.count(2)))
    slug = next(s for s in options if taken.get(s, name) == name)
    taken[slug] = name
    return slug
