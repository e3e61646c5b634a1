"""Atomic file replacement and temporary files no signal can leave behind: the one writer every output goes through.

While a temporary file or folder exists, SIGTERM (CI runners, `timeout`), SIGINT (Ctrl-C) and SIGHUP
(a closed terminal) remove it, then end the process as the signal would have (a shell sees 128 +
the signal's number). The handler removes and exits rather than raising: an exception raised at
an arbitrary point can crash a C extension caught half-initialised.
"""

from __future__ import annotations

import errno
import os
import secrets
import shutil
import signal
import stat
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType
from typing import Any, BinaryIO

SIGNALS = tuple(
    s for s in (signal.SIGTERM, signal.SIGINT, getattr(signal, "SIGHUP", None)) if isinstance(s, signal.Signals)
)
TEMPORARY_STEM = 64  # characters of the target's name kept in a temporary file's name (names stop at 255 bytes)

_pending: list[list[Path]] = []  # what a signal removes before the process ends, one list per open block
_previous: dict[int, Any] = {}  # the handlers to restore (and to call, when they are the program's own)


@contextmanager
def removed_on_signal() -> Iterator[list[Path]]:
    """Until the block ends, SIGTERM, SIGINT or SIGHUP first removes the paths added to the list it gives.

    Add a path *before* creating it (removing a path not created yet is harmless): the handlers are
    in place before the block's body runs, so no signal finds a file the handler does not know of.
    A signal the process ignores (``nohup``, a background job's SIGINT) stays ignored; a handler of
    the program's own is called after the removal; otherwise the process ends by the signal, after
    one ``error: interrupted by SIG...`` line on stderr. Only the main thread can install handlers:
    elsewhere the paths are only listed.
    """
    installed = _install()
    paths: list[Path] = []
    _pending.append(paths)
    try:
        yield paths
    finally:
        _pending[:] = [listed for listed in _pending if listed is not paths]  # by identity: empty lists are equal
        if installed:
            _restore()


def _install() -> bool:
    if _previous or threading.current_thread() is not threading.main_thread():
        return False  # installed by an enclosing block, or signals cannot be handled here
    for signo in SIGNALS:
        before = signal.getsignal(signo)
        if before is not signal.SIG_IGN:
            _previous[signo] = before
            signal.signal(signo, _on_signal)
    return True


def _restore() -> None:
    for signo, before in _previous.items():
        signal.signal(signo, signal.SIG_DFL if before is None else before)
    _previous.clear()


def _on_signal(signo: int, frame: FrameType | None) -> None:
    for paths in _pending:
        for path in paths:
            _remove(path)
        paths.clear()
    before = _previous.get(signo)
    _restore()
    if callable(before) and before is not signal.default_int_handler:
        handler: Callable[[int, FrameType | None], Any] = before
        handler(signo, frame)
        return
    with suppress(OSError):  # not sys.stderr: the signal may have come in the middle of a write to it
        os.write(2, f"error: interrupted by {signal.Signals(signo).name}; no output was written\n".encode())
    signal.signal(signo, signal.SIG_DFL)
    os.kill(os.getpid(), signo)
    os._exit(128 + signo)  # only if the signal did not end the process


def _remove(path: Path) -> None:
    with suppress(OSError):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


@contextmanager
def temporary_folder(prefix: str = "partnerfit-") -> Iterator[str]:
    """A new temporary folder, deleted when the block ends or a signal ends the process (see removed_on_signal)."""
    import tempfile

    with removed_on_signal() as pending:
        folder = _create(Path(tempfile.gettempdir()), prefix, "", pending, lambda p: os.mkdir(p, 0o700))
        try:
            yield str(folder)
        finally:
            shutil.rmtree(folder, ignore_errors=True)


def _create(folder: Path, prefix: str, suffix: str, pending: list[Path], make: Callable[[Path], Any]) -> Path:
    """Make a new ``folder/PREFIX<random>SUFFIX`` with ``make``, listed in ``pending`` before it exists."""
    for _attempt in range(100):
        path = folder / f"{prefix}{secrets.token_hex(8)}{suffix}"
        pending.append(path)
        try:
            make(path)
        except BaseException as exc:
            with suppress(ValueError):  # gone if a signal handler already emptied the list
                pending.remove(path)  # not made by us (or someone else's): never removed by a signal
            if isinstance(exc, FileExistsError):
                continue
            raise
        return path
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


def _existing(path: Path) -> os.stat_result | None:
    """The status of the regular file at ``path``, or None when there is none."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status if stat.S_ISREG(status.st_mode) else None


def new_file_mode() -> int:
    """The mode a new file gets (0o666 less the umask), as ``open`` would give it."""
    current = os.umask(0)
    os.umask(current)
    return 0o666 & ~current


def replace_atomically(path: Path, chunks: Iterable[bytes]) -> None:
    """Write ``chunks`` to a temporary file beside ``path``, then rename it over ``path``.

    ``path`` either keeps its old content or gets all of the new one: a failure, an exception while
    ``chunks`` are produced, or SIGTERM/SIGINT/SIGHUP removes the temporary file. The new file keeps
    the permission bits (and, where allowed, the owner and group) of the file it replaces; a new
    file gets 0o666 less the umask. Raises OSError when it cannot be written.
    """
    replaced = _existing(path)
    chosen = stat.S_IMODE(replaced.st_mode) if replaced else new_file_mode()
    with removed_on_signal() as pending:
        handle = -1

        def make(temporary: Path) -> None:
            nonlocal handle
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)

        # a hidden name beside the target, cut so that it stays a valid name when the target's is long
        temporary = _create(path.parent, f".{path.name[:TEMPORARY_STEM]}.", ".tmp", pending, make)
        try:
            with os.fdopen(handle, "wb") as stream:
                _write_all(stream, chunks)
            if replaced is not None:
                _keep_owner(temporary, replaced)
            os.chmod(temporary, chosen)  # after chown, which may clear set-id bits
            os.replace(temporary, path)
        except BaseException:
            temporary.unlink(missing_ok=True)  # a half-written result never replaces the target
            raise


def _keep_owner(temporary: Path, replaced: os.stat_result) -> None:
    """Give the new file the old one's owner and group when the system allows it (root, or a group of ours)."""
    if not hasattr(os, "chown") or (replaced.st_uid, replaced.st_gid) == (os.geteuid(), os.getegid()):
        return
    with suppress(OSError):  # a user may not give a file away: the new file is theirs, as with any rename
        os.chown(temporary, replaced.st_uid, replaced.st_gid)


def _write_all(stream: BinaryIO, chunks: Iterable[bytes]) -> None:
    """Write every chunk (a seam for tests that need a write to last)."""
    for chunk in chunks:
        stream.write(chunk)
