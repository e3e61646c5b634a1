"""Load a ``kind: team`` file: the project of the candidates file it names, with the team file's block instead."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar, Protocol, TypeVar

from pydantic import ValidationError

from partnerfit.contract.candidates import CandidatesFile
from partnerfit.contract.criteria_set import CriteriaSet
from partnerfit.contract.messages import diagnostics_from
from partnerfit.contract.team_checks import check_team
from partnerfit.contract.team_file import TeamFile
from partnerfit.errors import Diagnostic, InvalidInputError, msg
from partnerfit.io.document import Document, display_path, read_document


class _Loaded(Protocol):
    """What this module needs of a loaded project (project.loading.Project)."""

    __dataclass_fields__: ClassVar[dict[str, Any]]

    @property
    def file(self) -> CandidatesFile: ...
    @property
    def criteria(self) -> CriteriaSet: ...
    @property
    def warnings(self) -> tuple[Diagnostic, ...]: ...


P = TypeVar("P", bound=_Loaded)


def is_team_file(data: Any) -> bool:
    """Whether the top-level mapping declares ``kind: team``."""
    return isinstance(data, dict) and data.get("kind") == "team"


def load(path: Path, doc: Document, data: dict[str, Any], load_candidates: Callable[[Path, Document], P]) -> P:
    """The project of the candidates file the team file ``path`` (read as ``doc``) names, its team block replaced by ``doc``'s.

    ``load_candidates`` loads a candidates file from its already read document (the loader's own
    function: this module does not know the options it was given). The named file is loaded without
    its own ``team:`` (replaced, so not checked); the team file's problems are located in it.
    """
    model = _validated(doc, data)
    target = path.parent / model.candidates
    project = load_candidates(target, _candidates_doc(doc, target))
    found = check_team(model.team, project.file.candidates, project.criteria, doc)
    every = sorted([*project.warnings, *found], key=lambda d: (d.file, d.line, d.column))
    if any(d.severity == "error" for d in found):
        raise InvalidInputError(every)
    file = project.file.model_copy(update={"team": model.team})
    return dataclasses.replace(project, file=file, warnings=tuple(every))


def _validated(doc: Document, data: dict[str, Any]) -> TeamFile:
    without = {k: v for k, v in data.items() if not (isinstance(k, str) and k.startswith("x-"))}
    try:
        return TeamFile.model_validate(without)
    except ValidationError as exc:
        raise InvalidInputError([*doc.problems, *diagnostics_from(exc, doc, TeamFile)]) from None


def _candidates_doc(doc: Document, path: Path) -> Document:
    """The named candidates file, read, without its own team block; a missing or wrong file is located in ``doc``."""
    if not path.is_file():
        message = msg("the candidates file {path} does not exist or is not a file", path=repr(display_path(path)))
        raise InvalidInputError([*doc.problems, doc.diagnostic(("candidates",), message, code="PF002")])
    named = read_document(path, regular_only=True)
    if is_team_file(named.data):
        message = msg("{path} is a team file; name a candidates file", path=repr(display_path(path)))
        raise InvalidInputError([*doc.problems, doc.diagnostic(("candidates",), message, code="PF010")])
    if doc.problems:
        raise InvalidInputError(list(doc.problems))
    if isinstance(named.data, dict) and "team" in named.data:
        named = dataclasses.replace(named, data={k: v for k, v in named.data.items() if k != "team"})
    return named
