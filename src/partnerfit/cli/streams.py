"""The console's standard streams: closed ones stood in for, a failed stdout reported in one line."""

from __future__ import annotations

import errno
import io
import os
import sys
from contextlib import suppress
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer


class _Stdout(io.FileIO):
    """File descriptor 1, remembering the first write that failed (click exits quietly on a broken pipe)."""

    failure: OSError | None = None

    def write(self, data: ReadableBuffer, /) -> int:
        try:
            return super().write(data)
        except OSError as exc:
            self.failure = self.failure or exc
            raise


class Console:
    """Set up stdout for a run of the command line, then report how writing to it went."""

    def __init__(self) -> None:
        self.stdout_was_closed = _reserve_standard_descriptors()
        self._raw = _Stdout(1, "w", closefd=False)
        before = sys.stdout
        sys.stdout = io.TextIOWrapper(
            io.BufferedWriter(self._raw),
            encoding=getattr(before, "encoding", None) or "utf-8",
            errors=getattr(before, "errors", None) or "strict",
            line_buffering=bool(getattr(before, "line_buffering", False)),
        )
        if sys.stderr is None:  # closed: messages go nowhere (click would otherwise print them on stdout)
            sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115

    def failed_on(self, exc: BaseException) -> bool:
        """Whether ``exc`` is the failure of a write to stdout (reported by ``finish``, not a bug)."""
        failure = self._raw.failure
        return isinstance(exc, OSError) and failure is not None and exc.errno == failure.errno

    def finish(self, code: int) -> int:
        """Flush stdout; after a failed write, print one ``error:`` line and return a failing exit code."""
        with suppress(OSError, ValueError):  # a failed write is recorded by _Stdout
            sys.stdout.flush()
        failure = self._raw.failure
        if failure is not None:
            to_stderr(f"error: cannot write the output: {self._why(failure)}")
            code = code or 1
        with suppress(OSError, ValueError, AttributeError):  # nowhere left to say it
            sys.stderr.flush()
        return code

    def _why(self, failure: OSError) -> str:
        if self.stdout_was_closed:
            return "stdout is closed"
        if failure.errno == errno.EPIPE:
            return "stdout was closed by the program reading it (broken pipe)"
        return f"stdout: {failure.strerror or failure}"


def _reserve_standard_descriptors() -> bool:
    """Give closed descriptors 0-2 a harmless stand-in; return whether stdout was closed.

    A closed descriptor would otherwise be reused by the next file opened (an output could land in
    the candidates file); stdout becomes a pipe nobody reads, so that writing to it fails as it should.
    """
    stdout_closed = False
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
            continue
        except OSError:
            pass
        if fd == 1:
            stdout_closed = True
            read_end, write_end = os.pipe()
            os.dup2(write_end, 1)  # replaces read_end when the pipe took descriptor 1 for it
            for extra in {read_end, write_end} - {1}:
                os.close(extra)
            continue
        stand_in = os.open(os.devnull, os.O_RDONLY if fd == 0 else os.O_WRONLY)
        if stand_in != fd:
            os.dup2(stand_in, fd)
            os.close(stand_in)
    return stdout_closed


def to_stderr(line: str) -> None:
    """Print a line on stderr, if there is one (``print(file=None)`` would go to stdout)."""
    with suppress(OSError, ValueError, AttributeError):
        if sys.stderr is not None:
            print(line, file=sys.stderr)
