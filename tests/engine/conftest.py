"""Helpers for the engine tests: build a candidates file from Python dicts, load and score it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

import partnerfit
from partnerfit.project.loading import Project
from partnerfit.result.model import Result

Write = Callable[..., Path]
Load = Callable[..., Project]
Score = Callable[..., Result]


def candidates_document(
    criteria: dict[str, Any],
    candidates: dict[str, Any],
    weights: dict[str, float] | None = None,
) -> dict[str, Any]:
    """A candidates file with an inline ``criteria:`` mapping, as plain data."""
    data: dict[str, Any] = {"partnerfit": 1, "kind": "candidates", "criteria": criteria}
    if weights:
        data["weights"] = weights
    data["candidates"] = candidates
    return data


@pytest.fixture
def write_problem(tmp_path: Path) -> Write:
    """Write a candidates file into tmp_path and return its path."""
    counter = iter(range(1_000_000))

    def write(
        criteria: dict[str, Any],
        candidates: dict[str, Any],
        weights: dict[str, float] | None = None,
    ) -> Path:
        path = tmp_path / f"problem_{next(counter)}.yaml"
        text = yaml.safe_dump(candidates_document(criteria, candidates, weights), sort_keys=False)
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def load_problem(write_problem: Write) -> Load:
    """Write then ``partnerfit.load`` a problem; keyword arguments go to ``load``."""

    def load(
        criteria: dict[str, Any],
        candidates: dict[str, Any],
        weights: dict[str, float] | None = None,
        **options: Any,
    ) -> Project:
        return partnerfit.load(write_problem(criteria, candidates, weights), **options)

    return load


@pytest.fixture
def score_problem(load_problem: Load) -> Score:
    """Write, load and score a problem; ``aggregate`` and ``missing`` go to ``score``."""

    def score(
        criteria: dict[str, Any],
        candidates: dict[str, Any],
        weights: dict[str, float] | None = None,
        *,
        aggregate: str = "mean",
        missing: str | None = None,
    ) -> Result:
        project = load_problem(criteria, candidates, weights)
        return partnerfit.score(project, aggregate=aggregate, missing=missing)

    return score
