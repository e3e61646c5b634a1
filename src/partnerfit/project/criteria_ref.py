"""Find and read the criteria set a name or a path stands for; a path named in a file never shows another file."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from partnerfit.contract.criteria_checks import check_criteria
from partnerfit.contract.criteria_set import CriteriaSet, resolve
from partnerfit.contract.messages import diagnostics_from, did_you_mean
from partnerfit.contract.models import CriteriaFile
from partnerfit.contract.phrases import describe
from partnerfit.contract.raw_checks import check_raw_criteria
from partnerfit.errors import CriteriaNotFoundError, Diagnostic, InvalidInputError, Msg, msg
from partnerfit.io.document import Document, display_path, parse_text, read_document, read_text
from partnerfit.project.builtin import builtin_names, builtin_path

DEFAULT_CRITERIA = "partnership"
Kind = Literal["candidates", "criteria"]
# a file that says it is a criteria file, even one too broken to parse: its own errors may be shown
_DECLARES_CRITERIA = re.compile(r"""^[ \t]*["']?kind["']?[ \t]*:[ \t]*["']?criteria\b""", re.MULTILINE)


def without_extensions(data: Any) -> Any:
    """The top-level mapping without its ``x-`` keys: a place for YAML anchors and tool settings."""
    if isinstance(data, dict) and any(isinstance(k, str) and k.startswith("x-") for k in data):
        return {k: v for k, v in data.items() if not k.startswith("x-")}
    return data


def detect_kind(data: Mapping[str, Any]) -> Kind:
    """The kind a file declares, or the one its content makes obvious."""
    declared = data.get("kind")
    if declared in ("candidates", "criteria"):
        return declared  # type: ignore[no-any-return]
    if "candidates" in data:
        return "candidates"
    if "groups" in data or isinstance(data.get("criteria"), dict):
        return "criteria"
    return "candidates"


def mapping_root(doc: Document) -> dict[str, Any]:
    """The document's top-level mapping, or InvalidInputError saying what was found instead."""
    if not isinstance(doc.data, dict):
        raise InvalidInputError(
            [
                doc.diagnostic(
                    (),
                    msg(
                        "expected a mapping at the top of the file (such as 'kind: candidates'), found {found}",
                        found=describe(doc.data),
                    ),
                    code="PF006",
                )
            ]
        )
    return doc.data


def validate_criteria(
    doc: Document, data: Any, prefix: tuple[str | int, ...]
) -> tuple[CriteriaFile | None, list[Diagnostic]]:
    """The criteria model of ``data`` (None when invalid) and every problem found in it."""
    try:
        model = CriteriaFile.model_validate(without_extensions(data))
    except ValidationError as exc:
        # the models stop at the first layer of problems: the checks that span fields still run on the raw data
        return None, diagnostics_from(exc, doc, CriteriaFile, prefix) + check_raw_criteria(data, doc, prefix)
    return model, check_criteria(model, doc, prefix)


def load_criteria(ref: str | Path, *, base: Path | None = None) -> CriteriaSet:
    """A criteria set by built-in name or by path (relative to ``base`` when given)."""
    path = criteria_path(str(ref), base)
    return _criteria_of(read_document(path), path, str(ref))


def _criteria_of(doc: Document, path: Path, ref: str) -> CriteriaSet:
    model, found = validate_criteria(doc, mapping_root(doc), ())
    found = sorted(doc.problems + found, key=lambda d: (d.file, d.line, d.column))
    if model is None or any(d.severity == "error" for d in found):
        raise InvalidInputError(found)
    return replace(resolve(model, path.stem, ref), path=None if builtin_path(ref) == path else path)


def criteria_path(ref: str, base: Path | None) -> Path:
    """The file a built-in name or a path (relative to ``base``) stands for; CriteriaNotFoundError if none."""
    builtin = builtin_path(ref)
    looks_like_path = "/" in ref or "\\" in ref or ref.endswith((".yaml", ".yml", ".json"))
    candidate = (base / ref) if base is not None else Path(ref)
    if builtin is not None and not looks_like_path:
        return builtin
    if os.path.lexists(candidate):  # whatever it is: read_document says why a folder or a device will not do
        return candidate
    names = builtin_names()
    if looks_like_path:
        raise CriteriaNotFoundError(
            msg("criteria file {ref} does not exist (looked for {path})", ref=repr(ref), path=display_path(candidate))
        )
    hint = did_you_mean(ref, names)
    raise CriteriaNotFoundError(
        msg(
            "unknown criteria set {ref} (built-in sets: {names}; or give a path to a criteria file){hint}",
            ref=repr(ref),
            names=", ".join(names),
            hint=hint,
        )
    )


def named_criteria(doc: Document, ref: str, base: Path) -> CriteriaSet:
    """The criteria set a file names by ``ref`` (a built-in name, or a path relative to ``base``).

    The path may be absolute; it must lead to a regular file (links are followed): a folder, a
    device, a FIFO or a socket is refused without being read. A file that is not a criteria file is
    named, never shown: no line, key or value of it reaches a message, since a path written by
    someone else may point at any file the user can read. Errors name the ``criteria`` entry of
    ``doc`` (code PF121), except a criteria file's own errors, which are located in it.
    """
    path = criteria_path(ref, base)
    if builtin_path(ref) == path:
        return load_criteria(ref)

    def refused(reason: Msg) -> InvalidInputError:
        shown = display_path(path)
        where = f" ({shown})" if shown != os.path.normpath(ref) else ""
        message = msg("{ref}{where} {reason}", ref=repr(ref), where=where, reason=reason)
        return InvalidInputError([doc.diagnostic(("criteria",), message, code="PF121")])

    try:
        shown, text = read_text(path, regular_only=True)
    except InvalidInputError as exc:
        first = exc.diagnostics[0]
        raise refused(msg("cannot be a criteria file: {reason}", reason=first.template or first.message)) from None
    declared = bool(_DECLARES_CRITERIA.search(text))
    try:
        target = parse_text(shown, text, path.suffix.lower() == ".json")
    except InvalidInputError as exc:
        if declared:
            raise
        first = exc.diagnostics[0]
        raise refused(
            msg(
                "is not a criteria file: it cannot be parsed (line {line}, column {column}) and does not "
                "declare 'kind: criteria'; its content is not shown",
                line=str(first.line),
                column=str(first.column),
            )
        ) from None
    data = target.data
    kind = data.get("kind") if isinstance(data, dict) else None
    if not declared and not (isinstance(data, dict) and kind in (None, "criteria") and detect_kind(data) == "criteria"):
        raise refused(
            msg(
                "is not a criteria file: expected a mapping with 'kind: criteria' and its 'criteria' or 'groups'; "
                "its content is not shown"
            )
        )
    return _criteria_of(target, path, ref)
