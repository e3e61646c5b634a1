"""Read a YAML or JSON file safely into plain data, keeping every node's line and column."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from partnerfit.errors import Diagnostic, InvalidInputError

MAX_YAML_BYTES = 32 * 1024 * 1024
MAX_JSON_BYTES = 512 * 1024 * 1024
MAX_DEPTH = 64
MAX_ALIAS_NODES = 100_000

Loc = Sequence[str | int]

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL_TAG = "tag:yaml.org,2002:bool"
_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"


class _Loader(_BaseLoader):  # type: ignore[misc]
    """Safe loader resolving only true/false as booleans and never building dates.

    YAML 1.1's yes/no/on/off stay text (no "Norway problem" in names); gates accept them as
    answers explicitly. Dates stay text so a date in a score is reported, not converted.
    """


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in (_BOOL_TAG, "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
# YAML 1.2 numbers that YAML 1.1 reads as text: an exponent without a dot (1e3, 2E-1)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float", re.compile(r"^[-+]?[0-9]+[eE][-+]?[0-9]+$"), list("-+0123456789")
)
_SCALARS = yaml.SafeLoader(" ")


@dataclass
class Document:
    """A parsed file: its plain data, and a way back from a data path to a line and column."""

    path: str
    data: Any
    root: Node | None
    text: str = field(repr=False, default="")
    problems: list[Diagnostic] = field(default_factory=list, repr=False)
    _index: dict[int, dict[str, tuple[Node, Node]]] = field(default_factory=dict, repr=False)

    def locate(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of the deepest node on ``loc``; of the key itself if ``key``."""
        node = self.root
        if node is None:
            return 1, 1
        for depth, part in enumerate(loc):
            if isinstance(node, MappingNode):
                pairs = self._pairs(node)
                found = pairs.get(str(part))
                if found is None:
                    break
                if key and depth == len(loc) - 1:
                    node = found[0]
                    break
                node = found[1]
            elif isinstance(node, SequenceNode) and isinstance(part, int):
                if not 0 <= part < len(node.value):
                    break
                node = node.value[part]
            else:
                break
        return node.start_mark.line + 1, node.start_mark.column + 1

    def _pairs(self, node: MappingNode) -> dict[str, tuple[Node, Node]]:
        pairs = self._index.get(id(node))
        if pairs is None:
            pairs = {}
            merged = getattr(node, "merged_pairs", 0)
            # the data keeps the first explicit key, else the merged one: locate the same node
            for key_node, value_node in [*node.value[merged:], *node.value[:merged]]:
                if isinstance(key_node, ScalarNode):
                    pairs.setdefault(key_node.value, (key_node, value_node))
            self._index[id(node)] = pairs
        return pairs

    def diagnostic(
        self, loc: Loc, message: str, *, key: bool = False, severity: str = "error", code: str = ""
    ) -> Diagnostic:
        line, column = self.locate(loc, key=key)
        path = ".".join(str(p) for p in loc)
        return Diagnostic(self.path, line, column, severity, message, path, code)  # type: ignore[arg-type]


def display_path(path: Path) -> str:
    """The path as the user would recognise it: as given when relative, else relative to the
    working directory when inside it, else absolute."""
    if not path.is_absolute():
        return os.path.normpath(path)
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def read_document(path: Path, *, shown_as: str | None = None) -> Document:
    """Parse ``path`` (YAML, or JSON when it ends in .json) or raise InvalidInputError."""
    shown = shown_as or display_path(path)
    is_json = path.suffix.lower() == ".json"
    limit = MAX_JSON_BYTES if is_json else MAX_YAML_BYTES

    def fail(message: str, line: int = 1, column: int = 1, code: str = "PF002") -> InvalidInputError:
        return InvalidInputError([Diagnostic(shown, line, column, "error", message, "", code)])

    kind = "JSON" if is_json else "YAML"
    try:
        size = path.stat().st_size
        if size > limit:
            raise fail(
                f"file is {size:,} bytes; a {kind} file may hold at most {limit:,} bytes ({limit / 2**20:g} MiB)"
            )
        with path.open("rb") as stream:  # bounded: a pipe or a device has no size to check first
            raw = stream.read(limit + 1)
        if len(raw) > limit:
            raise fail(f"more than {limit:,} bytes; a {kind} file may hold at most {limit / 2**20:g} MiB")
    except IsADirectoryError:
        raise fail("is a directory, not a file") from None
    except FileNotFoundError:
        raise fail("no such file") from None
    except OSError as exc:
        raise fail(f"cannot be read: {exc.strerror or exc}") from None
    if b"\x00" in raw:
        line, column = _position_of(raw, raw.index(b"\x00"))
        raise fail("binary data (a NUL byte) where a text file was expected", line, column)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _position_of(raw, exc.start)
        raise fail(
            f"not UTF-8 text: byte 0x{raw[exc.start]:02x} cannot be decoded; save the file as UTF-8",
            line,
            column,
        ) from None
    if not text.strip():
        raise fail("the file is empty; expected a mapping such as 'kind: candidates'")
    return _parse_json(shown, text, fail) if is_json else _parse_yaml(shown, text, fail)


def _position_of(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, len(raw[line_start:offset].decode("utf-8", "replace")) + 1


def _parse_yaml(shown: str, text: str, fail: Callable[..., InvalidInputError]) -> Document:
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if "maximum nesting depth" in str(exc.problem):
            raise fail(f"nesting is too deep (more than {MAX_DEPTH} levels)", line, column, "PF005") from None
        raise fail(_yaml_message(exc, text, line), line, column, "PF001") from None
    except yaml.YAMLError as exc:
        raise fail(f"invalid YAML: {exc}", code="PF001") from None
    except RecursionError:
        raise fail(f"nesting is too deep (more than {MAX_DEPTH} levels)", code="PF005") from None
    finally:
        loader.dispose()
    if root is None:
        raise fail("the file holds no document; expected a mapping such as 'kind: candidates'")
    doc = Document(shown, None, root, text)
    builder = _Builder(doc)
    if "*" in text:
        builder.check_aliases(root)
    doc.data = builder.build(root, 0)
    doc.problems = builder.errors  # duplicate keys and refused tags: reported with the validation errors
    return doc


def _yaml_message(exc: yaml.MarkedYAMLError, text: str, line: int) -> str:
    problem = exc.problem or "invalid YAML"
    lines = text.splitlines()
    if 0 < line <= len(lines) and "\t" in lines[line - 1][: len(lines[line - 1]) - len(lines[line - 1].lstrip())]:
        return f"invalid YAML: {problem} — a tab is used for indentation; YAML indents with spaces"
    if "\t" in problem or ("cannot start any token" in problem and "\t" in text):
        return f"invalid YAML: {problem} — tabs are not allowed here; use spaces"
    context = f" ({exc.context})" if exc.context else ""
    return f"invalid YAML: {problem}{context}"


class _Builder:
    """Turns composed YAML nodes into plain dicts, lists and scalars, collecting problems."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.errors: list[Diagnostic] = []

    def _error(self, node: Node, message: str, code: str) -> None:
        mark = node.start_mark
        self.errors.append(Diagnostic(self.doc.path, mark.line + 1, mark.column + 1, "error", message, "", code))

    def check_aliases(self, root: Node) -> None:
        """Refuse alias bombs and recursive aliases before anything is expanded."""
        sizes: dict[int, int] = {}
        active: set[int] = set()
        distinct = 0

        def size(node: Node, depth: int) -> int:
            nonlocal distinct
            key = id(node)
            if key in sizes:
                return sizes[key]
            if key in active:
                raise _Refused(
                    node,
                    "an alias refers to the mapping or list that contains it (recursive alias)",
                )
            if depth > MAX_DEPTH:
                raise _Refused(node, f"nesting is too deep (more than {MAX_DEPTH} levels)")
            distinct += 1
            total = 1
            if isinstance(node, (MappingNode, SequenceNode)):
                active.add(key)
                children = (c for pair in node.value for c in pair) if isinstance(node, MappingNode) else node.value
                total += sum(size(child, depth + 1) for child in children)
                active.discard(key)
            sizes[key] = total
            return total

        try:
            expanded = size(root, 0)
        except _Refused as refused:
            self._error(refused.node, refused.message, "PF005")
            raise InvalidInputError(self.errors) from None
        if expanded - distinct > MAX_ALIAS_NODES:
            self._error(
                root,
                f"aliases expand this document to {expanded:,} nodes; at most {MAX_ALIAS_NODES:,} may come from aliases (is this a 'billion laughs' file?)",
                "PF005",
            )
            raise InvalidInputError(self.errors)

    def build(self, node: Node, depth: int) -> Any:
        if isinstance(node, ScalarNode):
            if node.tag == _STR_TAG:
                return node.value
            constructor = _SCALARS.yaml_constructors.get(node.tag)
            if constructor is None or node.tag == "tag:yaml.org,2002:binary":
                self._error(
                    node,
                    f"the tag {node.tag!r} is not allowed; partnerfit files hold plain mappings, lists, texts and numbers",
                    "PF003",
                )
                return None
            try:
                return constructor(_SCALARS, node)
            except ValueError:  # Python refuses to convert integers of more than 4,300 digits
                return float("inf") if not node.value.startswith("-") else float("-inf")
        if depth >= MAX_DEPTH:
            self._error(node, f"nesting is too deep (more than {MAX_DEPTH} levels)", "PF005")
            raise InvalidInputError(self.errors)
        if isinstance(node, SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                self._error(
                    node,
                    f"the tag {node.tag!r} is not allowed; partnerfit files hold plain mappings, lists, texts and numbers",
                    "PF003",
                )
                return None
            return [self.build(child, depth + 1) for child in node.value]
        if isinstance(node, MappingNode):
            return self._mapping(node, depth)
        self._error(node, "unsupported YAML node", "PF006")  # pragma: no cover - composer yields only the three kinds
        return None

    def _mapping(self, node: MappingNode, depth: int) -> dict[str, Any] | None:
        if node.tag != "tag:yaml.org,2002:map":
            self._error(
                node,
                f"the tag {node.tag!r} is not allowed; partnerfit files hold plain mappings, lists, texts and numbers",
                "PF003",
            )
            return None
        merged = 0
        if any(k.tag == _MERGE_TAG for k, _ in node.value):
            explicit = sum(k.tag != _MERGE_TAG for k, _ in node.value)
            _SCALARS.flatten_mapping(node)
            merged = len(node.value) - explicit  # flatten puts merged pairs first; explicit keys override them
            node.merged_pairs = merged  # type: ignore[attr-defined]
        result: dict[str, Any] = {}
        seen: dict[str, Node | None] = {}
        for index, (key_node, value_node) in enumerate(node.value):
            if not isinstance(key_node, ScalarNode):
                self._error(key_node, "a key must be a plain text, not a list or mapping", "PF006")
                continue
            key = key_node.value
            earlier = seen.get(key)
            if earlier is not None and index >= merged:
                first = earlier.start_mark
                self._error(
                    key_node,
                    f"duplicate key {key!r} (first defined at line {first.line + 1}); a key may appear once in a mapping",
                    "PF004",
                )
                continue
            seen[key] = key_node if index >= merged else None
            result[key] = self.build(value_node, depth + 1)
        return result


class _Refused(Exception):
    def __init__(self, node: Node, message: str) -> None:
        super().__init__(message)
        self.node = node
        self.message = message


def _parse_json(shown: str, text: str, fail: Callable[..., InvalidInputError]) -> Document:
    from partnerfit import jsondoc

    return jsondoc.parse(shown, text, fail)
