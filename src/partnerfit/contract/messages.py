"""Turn pydantic validation errors into located, plain-spoken diagnostics with hints."""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from partnerfit import numbers
from partnerfit.codes import pydantic_code
from partnerfit.contract.suggest import did_you_mean as did_you_mean
from partnerfit.errors import MAX_DIAGNOSTICS, TOO_MANY, Diagnostic
from partnerfit.io.document import Document

_UNION_TAG = re.compile(r"^(float|int|str|bool|none|list\[.*\]|dict\[.*\]|function-.*|[A-Z]\w*)$")
_KEY_ERRORS = {"extra_forbidden", "string_pattern_mismatch", "unknown_key"}
_RAW_ERRORS_READ = 4 * MAX_DIAGNOSTICS  # pydantic errors turned into diagnostics at most (see errors.capped)


def describe(value: Any) -> str:
    """How a found value reads in a message: its kind and, when short, the value itself."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int) and abs(value) > 1e300:
        return f"a number of {len(str(abs(value)))} digits (too large to compute with)"
    if isinstance(value, int | float):
        return f"the number {value:g}" if isinstance(value, float) and abs(value) >= 1e15 else f"the number {value!r}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"a {type(value).__name__}"


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


_TAG_WORDS = {
    "float": "a number",
    "str": "a text",
    "bool": "true/false",
    "none": "nothing (null)",
    "int": "a whole number",
}


def _tag_word(tag: str) -> str:
    if tag == "ScoreEntry":
        return "a mapping such as {score: 4, note: ...}"
    if tag.startswith("list"):
        return "a list of texts" if "str" in tag else "a list"
    if tag.startswith("dict") or tag[0].isupper():
        return "a mapping"
    return _TAG_WORDS.get(tag, tag)


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
            words = list(dict.fromkeys(_tag_word(tag) for tag, _, _ in members))
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
        if code == "PF106" and err["type"] == "union_mismatch" and "a number" in message:
            code = "PF103"
        result.append(doc.diagnostic(full if is_key else shown, message, key=bool(is_key), code=code))
        result[-1] = _with_path(result[-1], shown)
    if len(raw) > _RAW_ERRORS_READ:
        result.append(Diagnostic(doc.path, 1, 1, "error", "", "", TOO_MANY))
    return sorted(result, key=lambda d: (d.line, d.column))


def _with_path(diag: Diagnostic, loc: Sequence[str | int]) -> Diagnostic:
    path = ".".join(str(p) for p in loc)
    return Diagnostic(diag.file, diag.line, diag.column, diag.severity, diag.message, path, diag.code)


def _message(err: dict[str, Any], model: type[BaseModel], union_scalar: bool) -> str:
    kind = err["type"]
    loc = err["loc"]
    found = err.get("input")
    last = str(loc[-1]) if loc else ""
    if kind == "extra_forbidden":
        parent = _model_at(model, list(loc[:-1]))
        choices = sorted(parent.model_fields) if parent else []
        allowed = f"; expected one of: {', '.join(choices)}" if choices and len(choices) <= 12 else ""
        hint = did_you_mean(last, choices)
        return f"unknown key {last!r}{hint if hint else allowed}"
    if kind == "missing":
        return f"missing required key {last!r}"
    if kind == "union_mismatch":
        words = err["expected"]
        expected = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]
        hint = _number_hint(found, last) if "a number" in words else ""
        return f"expected {expected}, found {describe(found)}{hint}"
    if kind == "model_type" and not union_scalar:
        return f"expected a mapping, found {describe(found)}"
    if kind in ("float_type", "finite_number", "model_type") or kind == "float_parsing":
        what = "a number"
        if union_scalar or kind == "model_type":
            what = "a number, or a mapping such as {score: 4, note: ...}"
        if kind == "finite_number":
            number = float(found) if isinstance(found, int | float) else float("nan")
            infinite = ".inf" if number > 0 else "-.inf"
            shown = (
                ".nan (not a number)" if number != number else f"{infinite} (infinite, or too large to compute with)"
            )
            return f"expected a finite number, found {shown}"
        return f"expected {what}, found {describe(found)}{_number_hint(found, last)}"
    if kind == "string_type":
        hint = " — put it in quotes" if isinstance(found, int | float | bool) else ""
        return f"expected a text, found {describe(found)}{hint}"
    if kind in ("string_pattern_mismatch", "string_too_short"):
        return f"an id is a non-empty text without spaces; found {found!r}"
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        options = re.findall(r"'([^']*)'", expected)
        if last == "partnerfit":
            return f"unsupported format version {found!r}; this partnerfit reads 'partnerfit: 1'"
        hint = did_you_mean(str(found), options) if isinstance(found, str) else ""
        return f"found {describe(found)}; expected {expected}{hint}"
    if kind == "greater_than":
        return f"expected a number greater than {err.get('ctx', {}).get('gt', 0):g}, found {describe(found)}"
    if kind == "greater_than_equal":
        return f"expected a number of at least {err.get('ctx', {}).get('ge', 0):g}, found {describe(found)}"
    if kind == "less_than_equal":
        return f"expected a number of at most {err.get('ctx', {}).get('le', 0):g}, found {describe(found)}"
    if kind == "too_short":
        return f"{last!r} is empty; it needs at least one entry" if last else "is empty"
    if kind in ("dict_type", "model_attributes_type"):
        return f"expected a mapping, found {describe(found)}"
    if kind == "list_type":
        return f"expected a list, found {describe(found)}"
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false (or yes/no), found {describe(found)}"
    return str(err.get("msg", kind))


def _number_hint(found: Any, key: str) -> str:
    """How to write a number that was written as text, or split by a comma in a {...} mapping."""
    if isinstance(found, str):
        return numbers.text_hint(found)
    if found is None and key.isdigit():  # {a: 3,5} reads as a: 3 and a key 5 without a value
        return (
            f" — in {{...}} a comma separates entries: a decimal comma as in 3,{key} makes {key!r} a key; write 3.{key}"
        )
    return ""
