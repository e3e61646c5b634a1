"""Read a YAML or JSON file safely into plain data, keeping every node's line and column."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import yaml

from partnerfit.errors import Diagnostic, InvalidInputError, Msg, msg
from partnerfit.io.located import Document as Document
from partnerfit.io.located import Loc as Loc
from partnerfit.io.located import clean_surrogates as clean_surrogates
from partnerfit.io.yaml_nodes import LIBYAML, Builder, Loader, node_beyond_budget, too_deep
from partnerfit.io.yaml_nodes import MAX_ALIAS_NODES as MAX_ALIAS_NODES
from partnerfit.io.yaml_nodes import MAX_DEPTH as MAX_DEPTH
from partnerfit.io.yaml_nodes import MAX_NODES as MAX_NODES

MAX_YAML_BYTES = 16 * 1024 * 1024  # and at most MAX_NODES values: any accepted file is read in ~1.1 GB, ~3 s
MAX_JSON_BYTES = 128 * 1024 * 1024  # and at most jsondoc.MAX_JSON_VALUES keys and values


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
    def fail(message: str | Msg, line: int = 1, column: int = 1, code: str = "PF002") -> InvalidInputError:
        return InvalidInputError([Diagnostic.of(shown, line, column, "error", message, "", code)])

    return fail


def read_text(path: Path, *, shown_as: str | None = None, regular_only: bool = False) -> tuple[str, str]:
    """(the name shown in messages, the UTF-8 text) of ``path``, bounded and checked; see read_document."""
    shown = shown_as or display_path(path)
    fail = _failure(shown)
    raw = _read_bytes(path, "JSON" if path.suffix.lower() == ".json" else "YAML", regular_only, fail)
    if b"\x00" in raw:
        line, column = _position_of(raw, raw.index(b"\x00"))
        raise fail(msg("binary data (a NUL byte) where a text file was expected"), line, column)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _position_of(raw, exc.start)
        raise fail(
            msg(
                "not UTF-8 text: byte {byte} cannot be decoded; save the file as UTF-8", byte=f"0x{raw[exc.start]:02x}"
            ),
            line,
            column,
        ) from None
    if not text.strip():
        raise fail(msg("the file is empty; expected a mapping such as 'kind: candidates'"))
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
                    msg(
                        "file is {size} bytes; a {kind} file may hold at most {limit} bytes ({mib} MiB)",
                        size=f"{mode.st_size:,}",
                        kind=kind,
                        limit=f"{limit:,}",
                        mib=f"{limit / 2**20:g}",
                    )
                )
            raw = stream.read(limit + 1)
    except IsADirectoryError:
        raise fail(msg("is a directory, not a file")) from None
    except FileNotFoundError:
        raise fail(msg("no such file")) from None
    except OSError as exc:
        if regular_only and path.is_socket():
            raise fail(_not_regular(stat.S_IFSOCK)) from None
        raise fail(msg("cannot be read: {reason}", reason=str(exc.strerror or exc))) from None
    if len(raw) > limit:
        raise fail(
            msg(
                "more than {limit} bytes; a {kind} file may hold at most {mib} MiB",
                limit=f"{limit:,}",
                kind=kind,
                mib=f"{limit / 2**20:g}",
            )
        )
    return raw


def _not_regular(mode: int) -> Msg:
    if stat.S_ISDIR(mode):
        return msg("is a directory, not a file")
    if stat.S_ISFIFO(mode):
        return msg("is a named pipe (FIFO), not a regular file")
    if stat.S_ISSOCK(mode):
        return msg("is a socket, not a regular file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return msg("is a device, not a regular file")
    return msg("is not a regular file")  # pragma: no cover - every other kind is listed above


def _position_of(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, len(raw[line_start:offset].decode("utf-8", "replace")) + 1


def _parse_yaml(shown: str, text: str, fail: Callable[..., InvalidInputError]) -> Document:
    beyond = node_beyond_budget(text)
    if beyond is not None:
        message = msg("the file holds more than {limit} values; split it, or write it as JSON", limit=f"{MAX_NODES:,}")
        raise fail(message, *beyond, "PF005")
    loader = Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if "maximum nesting depth" in str(exc.problem):
            raise fail(too_deep(), line, column, "PF005") from None
        colon = _missing_colon(exc, text, line)
        if colon is not None:  # YAML notices on a later line: point at the line that lacks it
            raise fail(msg("invalid YAML: a ':' is missing at the end of this key"), *colon, "PF001") from None
        raise fail(_yaml_message(exc, text, line), line, column, "PF001") from None
    except yaml.reader.ReaderError as exc:  # a control character in the raw text
        line, column = _reader_position(text, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character or "\0")
        message = msg("invalid YAML: the control character {char} is not allowed; remove it", char=f"U+{code:04X}")
        raise fail(message, line, column, "PF001") from None
    except yaml.YAMLError as exc:
        raise fail(msg("invalid YAML: {problem}", problem=str(exc)), code="PF001") from None
    except RecursionError:
        raise fail(too_deep(), code="PF005") from None
    finally:
        loader.dispose()
    if root is None:
        raise fail(msg("the file holds no document; expected a mapping such as 'kind: candidates'"))
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


def _missing_colon(exc: yaml.MarkedYAMLError, text: str, line: int) -> tuple[int, int] | None:
    """Where a key lacks its ':', when that is what the error means: the end of the key's line.

    "could not find expected ':'" marks the key's start as context; "mapping values are not allowed"
    marks the next line's ':' (the key without a colon ran on as text), so the key's line is the last
    line above with text, when it holds no ':'.
    """
    lines = text.splitlines()
    if "could not find expected ':'" in str(exc.problem) and exc.context_mark is not None:
        at = exc.context_mark.line
    elif "mapping values are not allowed" in str(exc.problem) and exc.context_mark is None:
        at = line - 2
        while at >= 0 and (not lines[at].strip() or lines[at].lstrip().startswith("#")):
            at -= 1
        if at < 0 or ":" in lines[at] or line > len(lines) or _indent(lines[line - 1]) < _indent(lines[at]):
            return None
    else:
        return None
    if not 0 <= at < len(lines):
        return None
    key = lines[at].split(" #")[0].rstrip()
    return at + 1, len(key) + 1


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _yaml_message(exc: yaml.MarkedYAMLError, text: str, line: int) -> Msg:
    # the parser's own words (the problem, its context) are English: they stay as written
    problem = exc.problem or "invalid YAML"
    lines = text.splitlines()
    if 0 < line <= len(lines) and "\t" in lines[line - 1][: len(lines[line - 1]) - len(lines[line - 1].lstrip())]:
        return msg("invalid YAML: {problem} — a tab is used for indentation; YAML indents with spaces", problem=problem)
    if "\t" in problem or ("cannot start any token" in problem and "\t" in text):
        return msg("invalid YAML: {problem} — tabs are not allowed here; use spaces", problem=problem)
    if "another document" in problem:
        return msg(
            "invalid YAML: a second document starts here; a partnerfit file holds one document "
            "(remove the '---' or '...' line before it)"
        )
    if "Unicode character escape" in problem:
        return msg(
            "invalid YAML: {problem} — {low} to {high} are halves of a surrogate pair, not characters; "
            "write the character itself",
            problem=problem,
            low="\\ud800",
            high="\\udfff",
        )
    if exc.context:
        return msg("invalid YAML: {problem} ({context})", problem=problem, context=exc.context)
    return msg("invalid YAML: {problem}", problem=problem)


def _parse_json(shown: str, text: str, fail: Callable[..., InvalidInputError]) -> Document:
    from partnerfit.io import jsondoc

    return jsondoc.parse(shown, text, fail)
