"""Fixtures of the CLI tests: a CliRunner with a clean environment, JSON scoring, file writing.

Every invocation runs with COLUMNS, NO_COLOR, FORCE_COLOR and TERM removed unless a test sets
them, so the outcome never depends on the terminal pytest runs in.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from partnerfit.cli.app import app

CLEAN_ENV: dict[str, str | None] = {"COLUMNS": None, "NO_COLOR": None, "FORCE_COLOR": None, "TERM": None}

Invoke = Callable[..., Result]


@pytest.fixture
def invoke() -> Invoke:
    """Run ``partnerfit ARGS`` in-process; ``env`` adds to (or, with None, removes from) a clean env."""
    runner = CliRunner()

    def run(args: Sequence[str | Path], env: Mapping[str, str | None] | None = None) -> Result:
        return runner.invoke(app, [str(a) for a in args], env={**CLEAN_ENV, **(env or {})})

    return run


@pytest.fixture
def score_json(invoke: Invoke) -> Callable[..., dict[str, Any]]:
    """``partnerfit score FILE --format json EXTRA...`` parsed; fails the test on a non-zero exit."""

    def run(path: Path, *extra: str) -> dict[str, Any]:
        result = invoke(["score", path, "--format", "json", *extra])
        assert result.exit_code == 0, result.output
        document: dict[str, Any] = json.loads(result.stdout)
        return document

    return run


@pytest.fixture
def write_yaml(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write ``text`` to ``tmp_path / name`` (UTF-8) and return the path."""

    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write
