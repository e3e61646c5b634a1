"""Turn pydantic validation errors into located, plain-spoken diagnostics with hints."""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from partnerfit import numbers
from partnerfit.codes import pydantic_code
from partnerfit.contract.phrases import A_NUMBER, SCORE_ENTRY, describe, either, tag_word
from partnerfit.contract.suggest import did_you_mean as did_you_mean
from partnerfit.errors import MAX_DIAGNOSTICS, TOO_MANY, Diagnostic, Msg, msg
from partnerfit.io.document import Document

_UNION_TAG = re.compile(r"^(float|int|str|bool|none|list\[.*\]|dict\[.*\]|function-.*|[A-Z]\w*)$")
_KEY_ERRORS = {"extra_forbidden", "string_pattern_mismatch", "unknown_key"}
_RAW_ERRORS_READ = 4 * MAX_DIAGNOSTICS  # pydantic errors turned into diagnostics at most (see errors.capped)


def _data_at(data: Any, loc: Sequence[str | int]) -> tuple[Any, int]:
    """The raw value at ``loc`` and how many parts of ``loc`` really exist in the data."""
    for depth, part in enumerate(loc):
        if isinstance(data, dict) and part in data:
            data = data[part]
            continue
        if isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return data, depth
    return data, len(loc)


def _unwrap(annotation: Any) -> list[Any]:
    """The concrete types behind Annotated, Optional and unions."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in _unwrap(arg)]
    return [annotation]


def _model_at(model: type[BaseModel], loc: Sequence[str | int]) -> type[BaseModel] | None:
    """The model class whose field sits at ``loc`` (to suggest its keys), when there is one."""
    current: list[Any] = [model]
    for part in loc:
        following: list[Any] = []
        for kind in current:
            if isinstance(kind, type) and issubclass(kind, BaseModel):
                field = kind.model_fields.get(str(part))
                if field is not None:
                    following.extend(_unwrap(field.annotation))
            elif typing.get_origin(kind) is dict:
                following.extend(_unwrap(typing.get_args(kind)[1]))
        current = following
    models = [k for k in current if isinstance(k, type) and issubclass(k, BaseModel)]
    return models[0] if models else None


def strip_union_tags(data: Any, loc: Sequence[str | int]) -> tuple[tuple[str | int, ...], str | None]:
    """Remove union member tags pydantic adds to a loc; report the tag of the deepest union."""
    clean: list[str | int] = []
    tag = None
    node = data
    for part in loc:
        if isinstance(part, str) and _UNION_TAG.match(part) and not (isinstance(node, dict) and part in node):
            tag = part
            continue
        clean.append(part)
        node = node.get(part) if isinstance(node, dict) else None
    return tuple(clean), tag


def _union_levels(data: Any, loc: Sequence[str | int]) -> list[tuple[tuple[str | int, ...], str, Any]]:
    """(clean loc of the union, member tag, value there) for every union an error passes through."""
    clean: list[str | int] = []
    levels = []
    node = data
    for part in loc:
        if isinstance(part, str) and _UNION_TAG.match(part) and not (isinstance(node, dict) and part in node):
            levels.append((tuple(clean), part, node))
            continue
        clean.append(part)
        node = node.get(part) if isinstance(node, dict) else None
    return levels


def _branch_fits(tag: str | None, value: Any) -> bool:
    if tag is None:
        return True
    if isinstance(value, dict):
        return tag[0].isupper() or tag.startswith("dict")
    if isinstance(value, list):
        return tag.startswith("list")
    return not (tag[0].isupper() or tag.startswith(("dict", "list")))


def _preferred(tag: str, value: Any) -> bool:
    """Among scalar members, the one matching the value's own type explains the error best."""
    if isinstance(value, bool):
        return tag == "bool"
    if isinstance(value, int | float):
        return tag == "float"
    if isinstance(value, str):
        return tag == "str"
    return False


def _collapse_unions(errors: list[Any], base: Any) -> list[Any]:
    """Keep, for each union, the errors of the member that fits the value's shape.

    When no member fits (a list where a number or a mapping is expected), one error at that union
    says which shapes were expected, so that no wrong value is ever silently accepted.
    """
    kept: list[Any] = []
    unions: dict[tuple[str | int, ...], list[tuple[str, Any, bool]]] = {}
    fitted: set[tuple[str | int, ...]] = set()
    for err in errors:
        levels = _union_levels(base, err["loc"])
        loc, _ = strip_union_tags(base, err["loc"])
        clean = {**err, "loc": loc}
        if not levels:
            kept.append(clean)
            continue
        fits = [_branch_fits(tag, value) for _, tag, value in levels]
        fitted.update(point for (point, _, _), ok in zip(levels, fits, strict=True) if ok)
        if all(fits[:-1]):
            point, tag, _ = levels[-1]
            unions.setdefault(point, []).append((tag, clean, fits[-1]))
    for point, members in unions.items():
        value, _ = _data_at(base, point)
        fitting = [(tag, err) for tag, err, ok in members if ok]
        fitting.sort(key=lambda pair: not _preferred(pair[0], value))
        if fitting:
            scalar = not isinstance(value, dict | list)
            kept.extend(
                err | {"union_scalar": scalar and any(t == "ScoreEntry" for t, _, _ in members)} for _, err in fitting
            )
        elif point not in fitted:
            words = list(dict.fromkeys(tag_word(tag) for tag, _, _ in members))
            kept.append({"type": "union_mismatch", "loc": point, "input": value, "msg": "", "expected": words})
    return kept


def diagnostics_from(
    error: ValidationError, doc: Document, model: type[BaseModel], prefix: Sequence[str | int] = ()
) -> list[Diagnostic]:
    """Every pydantic error as one located diagnostic, union noise collapsed, in file order."""
    base = _data_at(doc.data, prefix)[0]
    chosen: dict[tuple[str | int, ...], Any] = {}
    raw = error.errors(include_url=False)
    # in data order: the first errors give the first diagnostics (a union can give several raw errors each)
    for err in _collapse_unions(raw[:_RAW_ERRORS_READ], base):
        at = (err.get("ctx") or {}).get("at")
        loc = (*err["loc"], at) if at else err["loc"]
        chosen.setdefault(loc, {**err, "loc": loc, "at": at})
    result = []
    for loc, err in chosen.items():
        full = (*prefix, *loc)
        message = _message(err, model, bool(err.get("union_scalar")))
        at_scalar = bool(err["at"]) and not isinstance(_data_at(doc.data, (*prefix, *loc))[0], dict | list)
        is_key = err["type"] in _KEY_ERRORS or (loc and loc[-1] == "[key]") or (bool(err["at"]) and not at_scalar)
        full = tuple(p for p in full if p != "[key]")
        _, depth = _data_at(doc.data, full)
        shown = full[: max(depth, len(prefix))] if err["type"] != "extra_forbidden" else full
        if err["type"] == "missing":
            shown = full[:-1]
        code = pydantic_code(err["type"], bool(err.get("union_scalar")))
        if code == "PF106" and err["type"] == "union_mismatch" and A_NUMBER in err["expected"]:
            code = "PF103"
        result.append(doc.diagnostic(full if is_key else shown, message, key=bool(is_key), code=code))
        result[-1] = _with_path(result[-1], shown)
    if len(raw) > _RAW_ERRORS_READ:
        result.append(Diagnostic(doc.path, 1, 1, "error", "", "", TOO_MANY))  # worded by errors.capped
    return sorted(result, key=lambda d: (d.line, d.column))


def _with_path(diag: Diagnostic, loc: Sequence[str | int]) -> Diagnostic:
    return dataclasses.replace(diag, path=".".join(str(p) for p in loc))


def _message(err: dict[str, Any], model: type[BaseModel], union_scalar: bool) -> Msg | str:
    kind = err["type"]
    loc = err["loc"]
    found = err.get("input")
    last = str(loc[-1]) if loc else ""
    ctx = err.get("ctx") or {}
    if "msgid" in ctx:  # a check of the models (contract.models.refuse): its template and values
        values = {k: v if isinstance(v, Msg) else str(v) for k, v in ctx.items() if k not in ("msgid", "at")}
        return Msg(ctx["msgid"], tuple(values.items()))
    if kind == "extra_forbidden":
        parent = _model_at(model, list(loc[:-1]))
        choices = sorted(parent.model_fields) if parent else []
        allowed = msg("; expected one of: {keys}", keys=", ".join(choices)) if choices and len(choices) <= 12 else ""
        hint = did_you_mean(last, choices)
        return msg("unknown key {key}{hint}", key=repr(last), hint=hint if hint else allowed)
    if kind == "missing":
        return msg("missing required key {key}", key=repr(last))
    if kind == "union_mismatch":
        words = err["expected"]
        hint = _number_hint(found, last) if A_NUMBER in words else ""
        return msg("expected {expected}, found {found}{hint}", expected=either(words), found=describe(found), hint=hint)
    if kind == "model_type" and not union_scalar:
        return msg("expected a mapping, found {found}", found=describe(found))
    if kind in ("float_type", "finite_number", "model_type") or kind == "float_parsing":
        return _number_message(kind, found, last, union_scalar)
    if kind == "string_type":
        hint = msg(" — put it in quotes") if isinstance(found, int | float | bool) else ""
        return msg("expected a text, found {found}{hint}", found=describe(found), hint=hint)
    if kind in ("string_pattern_mismatch", "string_too_short"):
        return msg("an id is a non-empty text without spaces; found {found}", found=repr(found))
    if kind == "literal_error":
        options = re.findall(r"'([^']*)'", ctx.get("expected", ""))
        if last == "partnerfit":
            return msg("unsupported format version {found}; this partnerfit reads 'partnerfit: 1'", found=repr(found))
        hint = did_you_mean(str(found), options) if isinstance(found, str) else ""
        expected = either([repr(o) for o in options])
        return msg("found {found}; expected {expected}{hint}", found=describe(found), expected=expected, hint=hint)
    if kind == "greater_than":
        return msg(
            "expected a number greater than {bound}, found {found}",
            bound=f"{ctx.get('gt', 0):g}",
            found=describe(found),
        )
    if kind == "greater_than_equal":
        return msg(
            "expected a number of at least {bound}, found {found}", bound=f"{ctx.get('ge', 0):g}", found=describe(found)
        )
    if kind == "less_than_equal":
        return msg(
            "expected a number of at most {bound}, found {found}", bound=f"{ctx.get('le', 0):g}", found=describe(found)
        )
    if kind == "too_short":
        return msg("{key} is empty; it needs at least one entry", key=repr(last)) if last else msg("is empty")
    if kind in ("dict_type", "model_attributes_type"):
        return msg("expected a mapping, found {found}", found=describe(found))
    if kind == "list_type":
        return msg("expected a list, found {found}", found=describe(found))
    if kind in ("bool_type", "bool_parsing"):
        return msg("expected true or false (or yes/no), found {found}", found=describe(found))
    return str(err.get("msg", kind))  # pydantic's own words, for a kind of error no model raises today


def _number_message(kind: str, found: Any, last: str, union_scalar: bool) -> Msg:
    if kind == "finite_number":
        number = float(found) if isinstance(found, int | float) else float("nan")
        shown = (
            msg(".nan (not a number)")
            if number != number
            else msg("{value} (infinite, or too large to compute with)", value=".inf" if number > 0 else "-.inf")
        )
        return msg("expected a finite number, found {found}", found=shown)
    what = A_NUMBER
    if union_scalar or kind == "model_type":
        what = msg("a number, or a mapping such as {example}", example=SCORE_ENTRY)
    return msg(
        "expected {expected}, found {found}{hint}", expected=what, found=describe(found), hint=_number_hint(found, last)
    )


def _number_hint(found: Any, key: str) -> Msg | str:
    """How to write a number that was written as text, or split by a comma in a {...} mapping."""
    if isinstance(found, str):
        return numbers.text_hint(found)
    if found is None and key.isdigit():  # {a: 3,5} reads as a: 3 and a key 5 without a value
        return msg(
            " — in {braces} a comma separates entries: a decimal comma as in 3,{key} makes {quoted} a key; write 3.{key}",
            braces="{...}",
            key=key,
            quoted=repr(key),
        )
    return ""
