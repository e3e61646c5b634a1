"""Parse JSON candidates files fast, and compose located nodes only when an error needs them."""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from functools import cached_property
from typing import Any

from partnerfit.errors import MAX_DIAGNOSTICS, TOO_MANY, Diagnostic, InvalidInputError, msg
from partnerfit.io.located import Document, clean_surrogates
from partnerfit.io.yaml_nodes import MAX_DEPTH, too_deep

_WHITESPACE = re.compile(r"[ \t\n\r]*")
# keys and values one JSON file may hold: 100,000 candidates scored on 13 criteria hold about
# 4.9 million; past this a file costs gigabytes to read (benchmarks/bench_limits.py)
MAX_JSON_VALUES = 6_000_000
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_EMPTY = re.compile(r"[\[{][ \t\n\r]*[\]}]")


def values_beyond_budget(text: str, budget: int = MAX_JSON_VALUES) -> bool:
    """Whether ``text`` holds more than ``budget`` keys and values (each follows , : [ or { but the first)."""
    counted = 1 + sum(text.count(c) for c in ",:[{")
    if counted <= budget:
        return False
    # separators inside texts and empty [] {} were counted too: take them out (rare, slower); every
    # text is itself a key or a value, so more texts than the budget settle it early
    counted -= len(_EMPTY.findall(text))
    for texts, match in enumerate(_STRING.finditer(text), start=1):
        if texts > budget:
            return True
        inside = match.group()
        if len(inside) > 2:
            counted -= sum(inside.count(c) for c in ",:[{") - len(_EMPTY.findall(inside))
    return counted > budget


def _long_int(digits: str) -> int | float:
    # Python refuses to convert integers of more than 4,300 digits; as a float such a number is
    # infinite, which the validation reports ("expected a finite number") at its line and column
    return int(digits) if len(digits) <= 4000 else float(digits)


_DECODER = json.JSONDecoder(parse_int=_long_int)


class _DuplicateKeyError(Exception):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _DuplicateKeyError
    return result


def parse(
    shown: str, text: str, fail: Callable[..., InvalidInputError], parse_int: Callable[[str], Any] = int
) -> Document:
    """Parse JSON text; errors are located later by walking the text along their path."""
    beyond = values_beyond_budget(text)
    if beyond:
        message = msg("the file holds more than {limit} keys and values; split it", limit=f"{MAX_JSON_VALUES:,}")
        raise fail(message, code="PF005")
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_int=parse_int)
    except json.JSONDecodeError as exc:
        raise fail(msg("invalid JSON: {problem}", problem=exc.msg), exc.lineno, exc.colno, "PF001") from None
    except RecursionError:
        raise fail(too_deep(), code="PF005") from None
    except ValueError:  # an integer too long to convert: read again, keeping it as an (infinite) float
        return parse(shown, text, fail, parse_int=_long_int)
    except _DuplicateKeyError:
        # rare: re-read keeping the first of each key (as for YAML) and locate the duplicates
        finder = _DuplicateFinder(shown, text)
        finder.scan(0, 0)
        data = json.loads(text, object_pairs_hook=_first_wins, parse_int=_long_int)
        document = _LazyDocument(shown, data, None, text)
        document.problems = finder.errors[:MAX_DIAGNOSTICS]
        if len(finder.errors) > MAX_DIAGNOSTICS:
            document.problems.append(Diagnostic(shown, 1, 1, "error", "", "", TOO_MANY))
    else:
        document = _LazyDocument(shown, data, None, text)
    clean_surrogates(document)  # a lone \ud800 is no character: reported here, as for YAML
    return document


def _first_wins(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        result.setdefault(key, value)
    return result


class _LazyDocument(Document):
    """A Document that locates a path by walking the JSON text along it, skipping other values whole.

    Each object or array on a walked path is scanned once (its values skipped by the C decoder) and
    its members' offsets kept, so many lookups in a huge file cost about one pass, not a node tree.
    """

    def locate(self, loc: Any, *, key: bool = False) -> tuple[int, int]:
        if self.root is not None:
            return super().locate(loc, key=key)
        try:
            index = self._walk(list(loc), key)
        except (ValueError, IndexError, RecursionError):
            return 1, 1
        line = bisect_right(self._newlines, index - 1)
        return line + 1, index - (self._newlines[line - 1] + 1 if line else 0) + 1

    @cached_property
    def _newlines(self) -> list[int]:
        return [match.start() for match in re.finditer("\n", self.text)]

    def _walk(self, loc: list[Any], key: bool) -> int:
        """Index of the deepest value on ``loc`` (of its key if ``key`` and the whole path exists)."""
        text = self.text
        index = _skip(text, 0)
        for depth, part in enumerate(loc):
            char = text[index]
            if char == "{":
                found = self._members(index).get(str(part))
                if found is None:
                    break
                if key and depth == len(loc) - 1:
                    return found[0]
                index = found[1]
            elif char == "[" and isinstance(part, int):
                items = self._items(index)
                if not 0 <= part < len(items):
                    break
                index = items[part]
            else:
                break
        return index

    @cached_property
    def _objects(self) -> dict[int, dict[str, tuple[int, int]]]:
        return {}

    @cached_property
    def _arrays(self) -> dict[int, list[int]]:
        return {}

    def _members(self, index: int) -> dict[str, tuple[int, int]]:
        """name -> (key index, value index) of the object at ``index``; the first of a name wins."""
        if index not in self._objects:
            members: dict[str, tuple[int, int]] = {}
            for name, at, value in _entries(self.text, index):
                members.setdefault(name, (at, value))
            self._objects[index] = members
        return self._objects[index]

    def _items(self, index: int) -> list[int]:
        """Start index of every item of the array at ``index``."""
        if index not in self._arrays:
            self._arrays[index] = [value for _, _, value in _entries(self.text, index)]
        return self._arrays[index]


def _skip(text: str, index: int) -> int:
    match = _WHITESPACE.match(text, index)
    return match.end() if match else index


def _entries(text: str, index: int) -> Iterator[tuple[str, int, int]]:
    """(name, start, value start) of each member of the object at ``index`` (name "" for an array's items)."""
    is_object = text[index] == "{"
    at = _skip(text, index + 1)
    while text[at] != ("}" if is_object else "]"):
        name, value = "", at
        if is_object:
            name, after = json.decoder.scanstring(text, at + 1)  # type: ignore[attr-defined]
            value = _skip(text, _skip(text, after) + 1)
        yield name, at, value
        at = _skip(text, _DECODER.raw_decode(text, value)[1])
        if text[at] != ",":
            break
        at = _skip(text, at + 1)


class _DuplicateFinder:
    """Scans JSON text for keys repeated in one object, building nothing: each one located, the first counted ones."""

    def __init__(self, shown: str, text: str) -> None:
        self.shown = shown
        self.text = text
        self.newlines = [m.start() for m in re.finditer("\n", text)]
        self.errors: list[Diagnostic] = []

    def position(self, index: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        line = bisect_right(self.newlines, index - 1)
        return line + 1, index - (self.newlines[line - 1] + 1 if line else 0) + 1

    def skip(self, index: int) -> int:
        match = _WHITESPACE.match(self.text, index)
        return match.end() if match else index

    def scan(self, index: int, depth: int) -> int:
        """Where the value starting at ``index`` ends; stops early once enough duplicates are found."""
        index = self.skip(index)
        if depth > MAX_DEPTH:
            raise ValueError("too deep")
        char = self.text[index : index + 1]
        if char == "{":
            return self._object(index, depth)
        if char != "[":
            return int(_DECODER.raw_decode(self.text, index)[1])
        end = self.skip(index + 1)
        while self.text[end : end + 1] not in ("]", "") and len(self.errors) <= MAX_DIAGNOSTICS:
            end = self.skip(self.scan(end, depth + 1))
            if self.text[end : end + 1] != ",":
                break
            end += 1
        return end + 1

    def _object(self, index: int, depth: int) -> int:
        seen: dict[str, int] = {}
        end = self.skip(index + 1)
        while self.text[end : end + 1] == '"' and len(self.errors) <= MAX_DIAGNOSTICS:
            key, after = json.decoder.scanstring(self.text, end + 1)  # type: ignore[attr-defined]
            if key in seen:
                first, _ = self.position(seen[key])
                message = msg(
                    "duplicate key {key} (first defined at line {line}); a key may appear once in an object",
                    key=repr(key),
                    line=str(first),
                )
                self.errors.append(Diagnostic.of(self.shown, *self.position(end), "error", message, "", "PF004"))
            else:
                seen[key] = end
            end = self.skip(self.scan(self.skip(after) + 1, depth + 1))
            if self.text[end : end + 1] != ",":
                break
            end = self.skip(end + 1)
        return end + 1
