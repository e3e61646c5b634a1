"""The partnerfit command line: typer commands only; the core does the work."""

from __future__ import annotations

import sys


def main() -> None:
    """Console entry point; answers ``--version`` before importing anything heavy."""
    if sys.argv[1:] == ["--version"]:
        from partnerfit._version import __version__

        print(f"partnerfit {__version__}")
        return
    from partnerfit.cli.app import app

    app()
