"""One assessor's questionnaire (`partnerfit assess`): their file, the pairs left, answers applied and written."""

from __future__ import annotations

import fnmatch
import glob
import io
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from partnerfit.contract.assessment import AssessmentFile
from partnerfit.contract.criteria_set import CriteriaSet, ResolvedCriterion
from partnerfit.numbers import read_number
from partnerfit.project.assessment_files import Loaded  # what the questionnaire reads of a loaded project
from partnerfit.project.criteria_ref import without_extensions

__all__ = [
    "Answer",
    "Pair",
    "Refusal",
    "Sheet",
    "apply",
    "dump",
    "open_sheet",
    "others",
    "read_score",
    "remaining",
    "retract",
]

_UNSAFE = re.compile(r"[^\w.-]")  # an id may hold '/' or ':': never a folder or a drive in the file name


class Refusal(Exception):
    """The questionnaire cannot start: ``key`` names its words in partnerfit.po, ``values`` fill them."""

    def __init__(self, key: str, **values: str) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass(frozen=True)
class Pair:
    """One question: a candidate on a criterion."""

    candidate: str
    criterion: str


@dataclass(frozen=True)
class Answer:
    """An answer: a score on the criterion's scale (None: skipped), a note and evidence."""

    score: int | float | None
    note: str | None = None
    evidence: tuple[str, ...] = ()


@dataclass
class Sheet:
    """The assessor's file being written: its path and its round-trip data (comments and layout kept)."""

    path: Path
    data: Any  # a ruamel.yaml CommentedMap
    new: bool


def _yaml() -> Any:
    from ruamel.yaml import YAML  # only `assess` needs a round-trip writer: the CLI starts without it

    rt = YAML(typ="rt")
    rt.preserve_quotes = True
    rt.indent(mapping=2, sequence=4, offset=2)
    rt.width = 100  # notes wrap at a readable width, not at ruamel's default of 80
    return rt


def _patterns(project: Loaded) -> list[str]:
    listed = project.file.assessment_files
    return [listed] if isinstance(listed, str) else list(listed or [])


def target(project: Loaded, assessor: str) -> tuple[Path, bool]:
    """The file ``assessment_files`` reads for ``assessor``: their highest round's, else a new one (True)."""
    base = Path(project.path).parent
    patterns = _patterns(project)
    if not patterns:
        raise Refusal("assess_no_files", file=project.path)
    own = [s for s in project.sheets if s.assessor == assessor]
    if any(Path(s.path) == Path(project.path) for s in own):
        raise Refusal("assess_inline", id=assessor, file=project.path)
    if own:
        return Path(max(own, key=lambda s: s.round).path), False
    name = _UNSAFE.sub("_", assessor).lstrip(".") + ".yaml"
    for pattern in patterns:
        folder, _ = os.path.split(pattern)
        if not glob.has_magic(pattern) or glob.has_magic(folder):
            continue  # a plain path names someone's file; a glob in the folder names no one folder
        path = Path(os.path.normpath(base / folder / name))
        if fnmatch.fnmatchcase(str(path), os.path.normpath(base / pattern)):
            if path.exists():
                raise Refusal("assess_taken", id=assessor, path=str(path))
            return path, True
    raise Refusal("assess_no_glob", id=assessor, name=name)


def open_sheet(project: Loaded, assessor: str, name: str | None = None, role: str | None = None) -> Sheet:
    """The assessor's file, read for a round-trip edit, or a new file's data (round 1)."""
    try:
        AssessmentFile.model_validate({"kind": "assessment", "assessor": assessor})
    except ValidationError:
        raise Refusal("assess_bad_id", id=assessor) from None
    path, new = target(project, assessor)
    if not new:
        return Sheet(path, _yaml().load(path.read_text(encoding="utf-8")), False)
    from ruamel.yaml.comments import CommentedMap

    data = CommentedMap(partnerfit=1, kind="assessment", assessor=assessor)
    data.update({k: v for k, v in (("name", name), ("role", role)) if v})
    data.update(round=1, candidates=CommentedMap())
    data.yaml_set_start_comment(f"{assessor}'s scores, written by `partnerfit assess` (edit freely: it keeps comments)")
    return Sheet(path, data, True)


def _scores(data: Any, candidate: str) -> Mapping[str, Any] | None:
    entry = (data.get("candidates") or {}).get(candidate)
    return entry if isinstance(entry, Mapping) else None


def remaining(sheet: Sheet, criteria: CriteriaSet, candidates: Mapping[str, Any]) -> list[Pair]:
    """The pairs not scored yet, criterion after criterion (like with like), candidates in the file's order.

    A candidate under the assessor's conflict of interest is never asked.
    """
    pairs = []
    for criterion in criteria.ids:
        for candidate in candidates:
            entry = _scores(sheet.data, candidate) or {}
            if entry.get("conflict_of_interest") is True:
                continue
            scores = entry.get("scores")
            if isinstance(scores, Mapping) and criterion in scores:
                continue
            pairs.append(Pair(candidate, criterion))
    return pairs


def read_score(text: str, criterion: ResolvedCriterion) -> int | float | None:
    """The score ``text`` writes, when it is a number on the criterion's scale (an integral one as an int)."""
    number = read_number(text.strip())
    if number is None or not criterion.low <= number <= criterion.high:
        return None
    return int(number) if float(number).is_integer() else number


def apply(sheet: Sheet, pair: Pair, answer: Answer) -> bool:
    """Write ``answer`` into the sheet's data (False: skipped, nothing written)."""
    if answer.score is None:
        return False
    from ruamel.yaml.comments import CommentedMap

    data = sheet.data
    if not isinstance(data.get("candidates"), Mapping):
        data["candidates"] = CommentedMap()
    entry = data["candidates"].get(pair.candidate)
    if not isinstance(entry, Mapping):
        entry = data["candidates"][pair.candidate] = CommentedMap()
    if not isinstance(entry.get("scores"), Mapping):
        entry["scores"] = CommentedMap()
    value: Any = answer.score
    if answer.note or answer.evidence:
        value = CommentedMap(score=answer.score)
        if answer.note:
            value["note"] = answer.note
        if answer.evidence:
            value["evidence"] = answer.evidence[0] if len(answer.evidence) == 1 else list(answer.evidence)
    entry["scores"][pair.criterion] = value
    return True


def retract(sheet: Sheet, pair: Pair) -> bool:
    """Remove the pair's score from the sheet (an answer taken back); False when it held none."""
    scores = (_scores(sheet.data, pair.candidate) or {}).get("scores")
    if not isinstance(scores, Mapping) or pair.criterion not in scores:
        return False
    del scores[pair.criterion]  # type: ignore[attr-defined]  # a ruamel CommentedMap
    entry: Any = sheet.data["candidates"][pair.candidate]
    if not scores:  # leave no empty mapping behind: the file reads as if never answered
        del entry["scores"]
        if not entry:
            del sheet.data["candidates"][pair.candidate]
    return True


def others(project: Loaded, assessor: str, pair: Pair) -> dict[str, float]:
    """The other assessors' scores of ``pair``, from each one's counted round (what ``--show-others`` shows)."""
    found = {}
    for sheet in project.sheets:
        if not sheet.counted or sheet.assessor == assessor or pair.candidate in sheet.conflicts:
            continue
        value = sheet.scores.get(pair.candidate, {}).get(pair.criterion)
        if value is not None:
            found[sheet.assessor] = value
    return found


def dump(sheet: Sheet) -> bytes:
    """The file's new text, checked as a valid ``kind: assessment`` file before anything is written."""
    stream = io.StringIO()
    _yaml().dump(sheet.data, stream)
    text = stream.getvalue()
    # read back as the loader would: a bug here must never leave an assessor a file the project rejects
    AssessmentFile.model_validate(without_extensions(yaml.safe_load(text)))
    return text.encode("utf-8")
