"""Shared test fixtures: where the example input files live."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def data_dir() -> Path:
    """``tests/data`` as an absolute path, whatever the working directory."""
    return DATA
