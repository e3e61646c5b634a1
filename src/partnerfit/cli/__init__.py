"""The partnerfit command line: typer commands only; the core does the work."""

from __future__ import annotations

import gc
import os
import sys

_LEFT: list[object] | None = None  # set while `run` serves the process: what it leaves for os._exit


def leave_for_exit(*objects: object) -> None:
    """Keep ``objects`` (a command's large result) until `run` ends the process, without freeing them.

    Freeing the objects of a large run one by one when the command returns costs about 0.3 s for
    100,000 candidates; os._exit skips it. Outside `run` (tests, a program calling ``main``)
    nothing is kept, and each call replaces what an earlier one left.
    """
    if _LEFT is not None:
        _LEFT[:] = objects


def main() -> None:
    """Run the command line (raises SystemExit like any click application)."""
    if sys.argv[1:] == ["--version"]:  # answered before importing anything heavy
        from partnerfit._version import __version__

        print(f"partnerfit {__version__}")
        return
    from partnerfit.cli.app import app

    app()


def run() -> None:
    """Console entry point: ``main`` in a process that ends without tearing down its objects.

    Every way out is one line at most: a failed write to stdout (closed, broken pipe, full disk) is
    ``error: cannot write the output: ...`` and exit 1; a bug is one ``internal error`` line. (A
    signal during a write: see partnerfit.io.atomic.)
    """
    from partnerfit.cli.streams import Console

    global _LEFT
    _LEFT = []
    # the one place the command line pauses the cyclic collector (the library's is the public API,
    # partnerfit/__init__.py): a command is short-lived and builds millions of acyclic objects;
    # reference counting frees what is freed, the collector would only re-scan them (seconds on large files)
    gc.disable()
    console = Console()
    code = 0
    try:
        main()
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    except Exception as exc:
        if console.failed_on(exc):
            code = 1  # said by console.finish
        elif os.environ.get("PARTNERFIT_TRACEBACK"):
            raise
        else:  # a bug: say so in one line rather than print a traceback at the user
            code = _internal_error(exc)
    except KeyboardInterrupt:  # Ctrl-C before a command started: a shell's 128 + SIGINT, no traceback
        code = 130
    code = console.finish(code)
    # skip freeing every object of a large run one by one (about half a second for 100,000 candidates)
    os._exit(code)


def _internal_error(exc: Exception) -> int:
    from partnerfit.cli.streams import to_stderr

    detail = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
    to_stderr(
        f"error: internal error ({detail}). This is a bug in partnerfit: please report it with the"
        " command and the input that caused it (PARTNERFIT_TRACEBACK=1 shows the traceback)."
    )
    return 1
