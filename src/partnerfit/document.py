"""Read a YAML or JSON file safely into plain data, keeping every node's line and column."""

from __future__ import annotations

import dataclasses
import os
import re
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from partnerfit.errors import Diagnostic, InvalidInputError
from partnerfit.yaml_nodes import LIBYAML, Builder, Loader, node_beyond_budget
from partnerfit.yaml_nodes import MAX_ALIAS_NODES as MAX_ALIAS_NODES
from partnerfit.yaml_nodes import MAX_DEPTH as MAX_DEPTH
from partnerfit.yaml_nodes import MAX_NODES as MAX_NODES

MAX_YAML_BYTES = 16 * 1024 * 1024  # and at most MAX_NODES values: any accepted file is read in ~1.1 GB, ~3 s
MAX_JSON_BYTES = 128 * 1024 * 1024  # and at most jsondoc.MAX_JSON_VALUES keys and values

Loc = Sequence[str | int]

# a surrogate escape (\ud800 to \udfff): JSON pairs two into one character; a lone one is no character
_SURROGATE_ESCAPE = re.compile(r"\\(?:u|U0000)[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


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
    path = Path(os.path.normpath(path))  # shown, not opened: 'a/../b' reads as 'b'
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def read_document(path: Path, *, shown_as: str | None = None, regular_only: bool = False) -> Document:
    """Parse ``path`` (YAML, or JSON when it ends in .json) or raise InvalidInputError.

    ``regular_only`` refuses anything but a regular file (a folder, a device, a FIFO, a socket), without
    blocking on a pipe: for paths named inside files. The command line may still read /dev/stdin.
    """
    shown, text = read_text(path, shown_as=shown_as, regular_only=regular_only)
    return parse_text(shown, text, path.suffix.lower() == ".json")


def _failure(shown: str) -> Callable[..., InvalidInputError]:
    def fail(message: str, line: int = 1, column: int = 1, code: str = "PF002") -> InvalidInputError:
        return InvalidInputError([Diagnostic(shown, line, column, "error", message, "", code)])

    return fail


def read_text(path: Path, *, shown_as: str | None = None, regular_only: bool = False) -> tuple[str, str]:
    """(the name shown in messages, the UTF-8 text) of ``path``, bounded and checked; see read_document."""
    shown = shown_as or display_path(path)
    fail = _failure(shown)
    raw = _read_bytes(path, "JSON" if path.suffix.lower() == ".json" else "YAML", regular_only, fail)
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
    return shown, text


def parse_text(shown: str, text: str, is_json: bool) -> Document:
    """Parse a file's text (YAML, or JSON) into a Document, or raise InvalidInputError."""
    fail = _failure(shown)
    return _parse_json(shown, text, fail) if is_json else _parse_yaml(shown, text, fail)


def _read_bytes(path: Path, kind: str, regular_only: bool, fail: Callable[..., InvalidInputError]) -> bytes:
    """The file's bytes, bounded: a pipe or a device has no size to check first."""
    limit = MAX_JSON_BYTES if kind == "JSON" else MAX_YAML_BYTES
    try:
        # non-blocking open: a FIFO is then refused instead of waiting forever for a writer
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        with os.fdopen(os.open(path, flags), "rb") if regular_only else path.open("rb") as stream:
            mode = os.fstat(stream.fileno())
            if regular_only and not stat.S_ISREG(mode.st_mode):
                raise fail(_not_regular(mode.st_mode))
            if stat.S_ISREG(mode.st_mode) and mode.st_size > limit:
                raise fail(
                    f"file is {mode.st_size:,} bytes; a {kind} file may hold at most {limit:,} bytes ({limit / 2**20:g} MiB)"
                )
            raw = stream.read(limit + 1)
    except IsADirectoryError:
        raise fail("is a directory, not a file") from None
    except FileNotFoundError:
        raise fail("no such file") from None
    except OSError as exc:
        if regular_only and path.is_socket():
            raise fail(_not_regular(stat.S_IFSOCK)) from None
        raise fail(f"cannot be read: {exc.strerror or exc}") from None
    if len(raw) > limit:
        raise fail(f"more than {limit:,} bytes; a {kind} file may hold at most {limit / 2**20:g} MiB")
    return raw


def _not_regular(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a directory, not a file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    return "is not a regular file"  # pragma: no cover - every other kind is listed above


def _position_of(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, len(raw[line_start:offset].decode("utf-8", "replace")) + 1


def _parse_yaml(shown: str, text: str, fail: Callable[..., InvalidInputError]) -> Document:
    beyond = node_beyond_budget(text)
    if beyond is not None:
        message = f"the file holds more than {MAX_NODES:,} values; split it, or write it as JSON"
        raise fail(message, *beyond, "PF005")
    loader = Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if "maximum nesting depth" in str(exc.problem):
            raise fail(f"nesting is too deep (more than {MAX_DEPTH} levels)", line, column, "PF005") from None
        raise fail(_yaml_message(exc, text, line), line, column, "PF001") from None
    except yaml.reader.ReaderError as exc:  # a control character in the raw text
        line, column = _reader_position(text, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character or "\0")
        message = f"invalid YAML: the control character U+{code:04X} is not allowed; remove it"
        raise fail(message, line, column, "PF001") from None
    except yaml.YAMLError as exc:
        raise fail(f"invalid YAML: {exc}", code="PF001") from None
    except RecursionError:
        raise fail(f"nesting is too deep (more than {MAX_DEPTH} levels)", code="PF005") from None
    finally:
        loader.dispose()
    if root is None:
        raise fail("the file holds no document; expected a mapping such as 'kind: candidates'")
    doc = Document(shown, None, root, text)
    builder = Builder(shown)
    if "*" in text:
        builder.check_aliases(root)
    doc.data = builder.build(root, 0)
    doc.problems = builder.errors  # duplicate keys and refused tags: reported with the validation errors
    clean_surrogates(doc)
    return doc


def _reader_position(text: str, position: int) -> tuple[int, int]:
    # libyaml counts bytes of the UTF-8 text, the pure-Python reader counts characters
    before = text.encode("utf-8")[:position].decode("utf-8", "ignore") if LIBYAML else text[:position]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def _yaml_message(exc: yaml.MarkedYAMLError, text: str, line: int) -> str:
    problem = exc.problem or "invalid YAML"
    lines = text.splitlines()
    if 0 < line <= len(lines) and "\t" in lines[line - 1][: len(lines[line - 1]) - len(lines[line - 1].lstrip())]:
        return f"invalid YAML: {problem} — a tab is used for indentation; YAML indents with spaces"
    if "\t" in problem or ("cannot start any token" in problem and "\t" in text):
        return f"invalid YAML: {problem} — tabs are not allowed here; use spaces"
    if "another document" in problem:
        return (
            "invalid YAML: a second document starts here; a partnerfit file holds one document "
            "(remove the '---' or '...' line before it)"
        )
    if "Unicode character escape" in problem:
        return (
            f"invalid YAML: {problem} — \\ud800 to \\udfff are halves of a surrogate pair, not characters; "
            "write the character itself"
        )
    context = f" ({exc.context})" if exc.context else ""
    return f"invalid YAML: {problem}{context}"


def clean_surrogates(doc: Document) -> None:
    """Report each text or key holding a lone surrogate (an escape such as \\ud800 without its pair) at its
    place, and replace the surrogate by U+FFFD in the data.

    Such a text cannot be printed or written as UTF-8: left in, it would pass ``check`` and make every
    output of ``score`` fail. Only a file with a surrogate escape in its text is walked.
    """
    if not _SURROGATE_ESCAPE.search(doc.text):
        return
    found: list[tuple[tuple[str | int, ...], bool]] = []

    def clean(value: Any, loc: tuple[str | int, ...]) -> Any:
        if isinstance(value, str):
            if _SURROGATE.search(value):
                found.append((loc, False))
                return _SURROGATE.sub("\ufffd", value)
            return value
        if isinstance(value, list):
            return [clean(item, (*loc, i)) for i, item in enumerate(value)]
        if isinstance(value, dict):
            result = {}
            for key, item in value.items():
                if _SURROGATE.search(key):
                    found.append(((*loc, key), True))
                result[_SURROGATE.sub("\ufffd", key)] = clean(item, (*loc, key))
            return result
        return value

    doc.data = clean(doc.data, ())
    message = (
        "a lone surrogate (an escape from \\ud800 to \\udfff without its pair) is not a character; "
        "write the character itself"
    )
    for loc, key in found:
        diagnostic = doc.diagnostic(loc, message, key=key, code="PF007")
        doc.problems.append(dataclasses.replace(diagnostic, path=_SURROGATE.sub("\ufffd", diagnostic.path)))


def _parse_json(shown: str, text: str, fail: Callable[..., InvalidInputError]) -> Document:
    from partnerfit import jsondoc

    return jsondoc.parse(shown, text, fail)
