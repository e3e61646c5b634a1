"""Where a command's output may go: stdout, a device in place, or a file replaced atomically, never over an input.

The guard lives here, once, for every writing command: the target is compared by identity (device
and inode, through symlinks and hard links) with the files the command named and with every file
it opened for reading (recorded by an audit hook for the duration of the command), and a file the
user could not write is never replaced.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from partnerfit.errors import Msg, msg, text_of
from partnerfit.io.atomic import replace_atomically

_reads: dict[str, None] | None = None  # the files the running command opened for reading; None: no command
_peeking: list[Path] = []  # files opened to look at the output itself, not read as inputs


class Refused(Exception):
    """The output must not or cannot be written; ``misuse``: the command line asked for it (exit 2, not 1)."""

    def __init__(self, message: Msg, *, misuse: bool = False) -> None:
        super().__init__(text_of(message))
        self.message = message  # worded in the command's language where it is printed
        self.misuse = misuse


@contextmanager
def reads_recorded() -> Iterator[None]:
    """Record the files opened for reading during the block: a command's run (entered by the app's callback)."""
    global _reads
    _reads = {}
    try:
        yield
    finally:
        _reads = None


def files_read() -> list[str]:
    """The files opened for reading since the command started, in order (none outside a command)."""
    return list(_reads or {})


def _record_reads(event: str, args: tuple[object, ...]) -> None:
    """Audit hook: remember each file opened for reading while a command runs."""
    if event != "open" or _reads is None or _peeking or len(args) != 3:
        return
    path, _mode, flags = args
    if not isinstance(path, str | bytes | os.PathLike) or not isinstance(flags, int):
        return
    if flags & getattr(os, "O_ACCMODE", 3) == os.O_RDONLY:
        with suppress(Exception):  # an audit hook must never break the operation it watches
            _reads[os.fsdecode(path)] = None


# readers open files in many places (loader, criteria resolution, sheets, folders, git copies):
# recording every open is the one place no command can forget
sys.addaudithook(_record_reads)


def reason(exc: OSError) -> str:
    """Why a write failed, in a few words (the system's own text)."""
    return exc.strerror or str(exc)


def check_target(output: Path, inputs: Iterable[Path | str] = (), *, label: str = "-o") -> os.stat_result | None:
    """The status of the existing ``output`` (None: a new file); raise Refused when it must not be written.

    Refused for: a file the command read (``inputs`` and every file it opened), a directory, an
    existing regular file the user has no write permission on, and a path the system rejects.
    """
    shown = f"{label} {output}" if label else str(output)
    try:
        status = os.stat(output)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise Refused(msg("{shown}: {reason}", shown=shown, reason=reason(exc))) from None
    if stat.S_ISDIR(status.st_mode):
        raise Refused(msg("{shown}: is a directory", shown=shown))
    if not stat.S_ISREG(status.st_mode):
        return status  # a device or a pipe is written in place: it cannot be an input file overwritten
    identity = (status.st_dev, status.st_ino)
    for source in dict.fromkeys([*map(str, inputs), *files_read()]):
        try:
            read = os.stat(source)
        except OSError:
            continue
        if (read.st_dev, read.st_ino) == identity:
            raise Refused(msg("refusing to write the output over the input file {source}", source=source), misuse=True)
    if not os.access(output, os.W_OK):
        raise Refused(
            msg(
                "{shown}: permission denied: the file is not writable"
                " (partnerfit never replaces a file you cannot write: make it writable or remove it first)",
                shown=shown,
            )
        )
    return status


def write_file(chunks: Iterable[bytes], output: Path, inputs: Iterable[Path | str] = (), *, label: str = "-o") -> None:
    """Write ``chunks`` to ``output`` after check_target: a device in place, a file atomically."""
    shown = f"{label} {output}" if label else str(output)
    status = check_target(output, inputs, label=label)
    if status is not None and not stat.S_ISREG(status.st_mode):
        try:
            with open(output, "wb") as stream:
                stream.writelines(chunks)
        except OSError as exc:
            raise Refused(msg("{shown}: cannot write: {reason}", shown=shown, reason=reason(exc))) from None
        return
    target = Path(os.path.realpath(output))  # through a symlink: the file it names is replaced, the link kept
    if status is None:
        _check_folder(target.parent, shown)
    try:
        replace_atomically(target, chunks)
    except PermissionError as exc:  # the folder: the output is written beside the target, then renamed
        raise Refused(
            msg(
                "{shown}: cannot write: {reason} (the folder {folder} must be writable)",
                shown=shown,
                reason=reason(exc),
                folder=str(target.parent),
            )
        ) from None
    except OSError as exc:
        raise Refused(msg("{shown}: cannot write: {reason}", shown=shown, reason=reason(exc))) from None


def _check_folder(folder: Path, shown: str) -> None:
    try:
        status = os.stat(folder)
    except OSError as exc:
        missing = exc.errno == errno.ENOENT
        raise Refused(
            msg("{shown}: the folder {folder} does not exist", shown=shown, folder=str(folder))
            if missing
            else msg("{shown}: {reason}", shown=shown, reason=reason(exc))
        ) from None
    if not stat.S_ISDIR(status.st_mode):
        raise Refused(msg("{shown}: {folder} is not a folder", shown=shown, folder=str(folder)))


def earlier_report(path: Path) -> bool:
    """Whether ``path`` holds a `check` report (JSON, SARIF, JUnit, annotations) rather than a file to check.

    A candidates or criteria file is a mapping, so it never starts with ``[``, ``<`` or ``::``; SARIF
    is the one mapping, recognised by its schema. A file that cannot be read, or is not a regular
    file, is no report.
    """
    _peeking.append(path)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False  # a device or a pipe: reading it could block or never end
        with open(path, "rb") as stream:
            head = stream.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return False
    finally:
        _peeking.pop()
    # an empty file too: the github format with nothing to say (and an empty file holds nothing to lose)
    return not head or head.startswith((b"[", b"<", b"::")) or (head.startswith(b"{") and b"sarif-2.1.0" in head)


def write_stdout(chunks: Iterable[bytes]) -> None:
    """Write ``chunks`` to stdout after what was printed before; a failure is reported by the entry point."""
    sys.stdout.flush()
    sys.stdout.buffer.writelines(chunks)
    sys.stdout.buffer.flush()
