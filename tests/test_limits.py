"""Sizes that bound time and memory: the candidates cap, the cap on problems reported per file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import partnerfit
from partnerfit import errors
from partnerfit.cli.app import app
from partnerfit.errors import MAX_DIAGNOSTICS, TOO_MANY, Diagnostic, capped
from partnerfit.project import loading


def _diagnostics(n: int) -> list[Diagnostic]:
    return [Diagnostic("f.yaml", i + 1, 1, "error", f"problem {i}", "", "PF103") for i in range(n)]


@pytest.mark.parametrize("n", [0, 1, MAX_DIAGNOSTICS - 1, MAX_DIAGNOSTICS])
def test_up_to_the_cap_every_problem_is_reported(n: int) -> None:
    assert capped(_diagnostics(n)) == _diagnostics(n)


@pytest.mark.parametrize("n", [MAX_DIAGNOSTICS + 1, 3 * MAX_DIAGNOSTICS])
def test_past_the_cap_the_first_ones_then_one_line_that_says_so(n: int) -> None:
    shown = capped(_diagnostics(n))
    assert shown[:-1] == _diagnostics(MAX_DIAGNOSTICS)
    assert shown[-1].code == TOO_MANY and shown[-1].line == MAX_DIAGNOSTICS
    assert f"first {MAX_DIAGNOSTICS:,}" in shown[-1].message
    assert capped(shown) == shown  # capping twice changes nothing


def test_a_marker_left_by_a_reader_comes_last_once() -> None:
    marker = Diagnostic("f.yaml", 1, 1, "error", "", "", TOO_MANY)
    shown = capped([marker, *_diagnostics(3), marker])
    assert shown[:3] == _diagnostics(3) and [d.code for d in shown[3:]] == [TOO_MANY]


@pytest.mark.parametrize("suffix", ["yaml", "json"])
def test_a_file_with_thousands_of_bad_scores_reports_the_first_ones(tmp_path: Path, suffix: str) -> None:
    bad = {f"c{i:05d}": {"scores": {"loyalty": "high"}} for i in range(MAX_DIAGNOSTICS + 200)}
    path = tmp_path / f"many.{suffix}"
    path.write_text(json.dumps({"kind": "candidates", "candidates": bad}), encoding="utf-8")
    found = partnerfit.check_file(path)
    assert len(found) == MAX_DIAGNOSTICS + 1
    assert all(d.code == "PF103" for d in found[:-1]) and found[-1].code == TOO_MANY
    assert found[0].path == "candidates.c00000.scores.loyalty"


def test_json_duplicate_keys_past_the_cap(tmp_path: Path) -> None:
    pairs = ", ".join('"a": 1' for _ in range(MAX_DIAGNOSTICS + 50))
    path = tmp_path / "dup.json"
    path.write_text('{"kind": "candidates", "candidates": {"x": {"scores": {}}}, "x-dup": {' + pairs + "}}")
    found = partnerfit.check_file(path)
    duplicates = [d for d in found if d.code == "PF004"]
    # the other problems (an unscored candidate's warnings) share the cap
    assert len(found) == MAX_DIAGNOSTICS + 1 and len(duplicates) > MAX_DIAGNOSTICS - 20 and found[-1].code == TOO_MANY
    assert duplicates[0].line == 1 and "first defined at line 1" in duplicates[0].message


def test_yaml_duplicate_keys_past_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "dup.yaml"
    path.write_text("candidates: {x: {scores: {}}}\nx-dup:\n" + "  a: 1\n" * (MAX_DIAGNOSTICS + 50))
    found = partnerfit.check_file(path)
    assert len(found) == MAX_DIAGNOSTICS + 1 and found[-1].code == TOO_MANY
    assert sum(d.code == "PF004" for d in found) > MAX_DIAGNOSTICS - 20


@pytest.mark.parametrize("suffix", ["yaml", "json"])
def test_more_candidates_than_the_cap_is_one_located_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    monkeypatch.setattr(loading, "MAX_CANDIDATES", 5)
    path = tmp_path / f"many.{suffix}"
    listed = {f"c{i}": {"scores": {"loyalty": 3}} for i in range(6)}
    path.write_text(json.dumps({"kind": "candidates", "candidates": listed}, indent=1), encoding="utf-8")
    [found] = partnerfit.check_file(path)
    assert (found.code, found.line, found.path) == ("PF005", 3, "candidates")
    assert "6 candidates; at most 5" in found.message
    del listed["c5"]
    path.write_text(json.dumps({"kind": "candidates", "candidates": listed}, indent=1), encoding="utf-8")
    assert len(partnerfit.load(path).file.candidates) == 5


def test_the_cap_is_what_the_exception_carries() -> None:
    caught = errors.InvalidInputError(_diagnostics(MAX_DIAGNOSTICS + 5))
    assert len(caught.diagnostics) == MAX_DIAGNOSTICS + 1 and caught.diagnostics[-1].code == TOO_MANY


def test_a_valid_file_with_thousands_of_warnings_still_passes(tmp_path: Path) -> None:
    """Warnings left out are counted by a warning: `check` passes a valid file however many warnings it has."""
    partial = {f"c{i:05d}": {"scores": {"loyalty": 3}} for i in range(MAX_DIAGNOSTICS + 10)}
    path = tmp_path / "partial.json"
    path.write_text(json.dumps({"kind": "candidates", "candidates": partial}), encoding="utf-8")
    found = partnerfit.check_file(path)
    assert len(found) == MAX_DIAGNOSTICS + 1 and found[-1].code == TOO_MANY
    assert {d.severity for d in found} == {"warning"}
    runner = CliRunner()
    assert runner.invoke(app, ["check", str(path), "-q"]).exit_code == 0
    assert runner.invoke(app, ["score", str(path), "-f", "json"]).exit_code == 0


def test_the_marker_of_dropped_errors_is_an_error() -> None:
    warnings = [Diagnostic("f.yaml", i + 1, 1, "warning", "w", "", "PW201") for i in range(MAX_DIAGNOSTICS)]
    shown = capped([*warnings, *_diagnostics(2)])
    assert shown[-1].code == TOO_MANY and shown[-1].severity == "error"
    assert capped(capped(warnings + warnings))[-1].severity == "warning"
