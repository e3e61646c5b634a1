"""`partnerfit sensitivity FILE`: stability intervals and rank acceptability from the command line."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner, Result

from partnerfit.cli import sensitivity as command
from partnerfit.cli.app import app as partnerfit_app
from partnerfit.cli.sensitivity import ProgressBar, sensitivity

ROOT = Path(__file__).resolve().parents[2]
CLEAN_ENV: dict[str, str | None] = {"COLUMNS": None, "NO_COLOR": None, "FORCE_COLOR": None, "TERM": None}


def _app() -> typer.Typer:
    """The real application once it registers `sensitivity`; until then a local one shaped like it."""
    if any(c.name == "sensitivity" for c in partnerfit_app.registered_commands):
        return partnerfit_app
    local = typer.Typer(add_completion=False, rich_markup_mode=None)
    local.callback()(lambda: None)
    local.command(name="sensitivity")(sensitivity)
    return local


APP = _app()

SMALL = """\
kind: candidates
title: Small
criteria:
  name: small
  scale: [1, 5]
  groups:
    core:
      label: {en: Core, fr: Cœur}
      weight: 2
      criteria:
        quality: {label: {en: Quality, fr: Qualité}, weight: 3}
        cost: {label: {en: Cost, fr: Coût}, direction: lower}
    extra:
      label: {en: Extra, fr: Extra}
      criteria:
        reach: {label: {en: Reach, fr: Portée}, minimum: 2}
candidates:
  a: {name: Alpha, scores: {quality: 5, cost: {score: 2, uncertainty: 1}, reach: 3}}
  b: {name: Beta, scores: {quality: 4, cost: 1, reach: 3}}
  c: {name: Gamma, scores: {quality: 5, cost: 4, reach: 1}}
  d: {name: Delta, assessments: {x: {quality: 2, cost: 2, reach: 5}, y: {quality: 4, cost: 3, reach: 4}}}
"""

MISSING = SMALL.replace(
    "b: {name: Beta, scores: {quality: 4, cost: 1, reach: 3}}", "b: {name: Beta, scores: {quality: 4}}"
)

Invoke = Callable[..., Result]


@pytest.fixture
def invoke() -> Invoke:
    """Run ``partnerfit ARGS`` in-process with a clean environment."""
    runner = CliRunner()

    def run(args: Sequence[str | Path], app: typer.Typer = APP) -> Result:
        return runner.invoke(app, [str(a) for a in args], env=CLEAN_ENV)

    return run


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


def run_json(invoke: Invoke, path: Path, *extra: str) -> dict:
    result = invoke(["sensitivity", path, "--format", "json", "--samples", "1000", *extra])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_table(invoke: Invoke, small: Path) -> None:
    result = invoke(["sensitivity", small, "--samples", "2000", "--seed", "5"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == "Weight stability (wsm, exact)"
    assert lines[1] == "Leader: Alpha; top 3: Alpha, Beta, Delta"
    assert " ".join(lines[2].split()) == "Criterion or group Weight Leader stays first Top 3 unchanged"
    rows = [line.split() for line in lines[4:9]]
    assert [row[0] for row in rows] == ["Core", "Quality", "Cost", "Extra", "Reach"]
    assert [row[1] for row in rows] == ["66.7%", "50.0%", "16.7%", "33.3%", "33.3%"]
    assert "Rank acceptability: 2,000 samples, seed 5" in result.stdout
    assert any(line.split()[:2] == ["Candidate", "1"] and line.split()[-2:] == ["Top", "3"] for line in lines)
    assert "Central weights: the mean weights under which each candidate ranks first" in lines
    assert all(line == line.rstrip() for line in lines)


def test_json(invoke: Invoke, small: Path) -> None:
    document = run_json(invoke, small, "--seed", "3", "--top", "2")
    assert {"stability", "acceptability", "samples", "seed"} <= set(document)
    assert document["samples"] == 1000 and document["seed"] == 3 and document["top_k"] == 2
    assert list(document["stability"]) == ["core", "quality", "cost", "extra", "reach"]
    for entry in document["stability"].values():
        assert 0.0 <= entry["low"] <= entry["weight"] <= entry["high"] <= 1.0
        assert entry["level"] in ("criterion", "group")
    assert list(document["acceptability"]) == ["a", "b", "d"]  # Gamma is knocked out
    for entry in document["acceptability"].values():
        assert sum(entry["ranks"]) == pytest.approx(1.0)
        assert 0.0 <= entry["top_k"] <= 1.0
    assert document["uncertain_scores"] == 4  # a.cost, and Delta's three criteria


def test_a_seed_gives_byte_identical_output(invoke: Invoke, small: Path, tmp_path: Path) -> None:
    args = ["sensitivity", small, "--format", "json", "--samples", "1500", "--seed", "42"]
    first, second = invoke(args), invoke(args)
    assert first.exit_code == 0 and first.stdout == second.stdout
    out = tmp_path / "out.json"
    assert invoke([*args, "-o", out]).exit_code == 0
    assert out.read_text(encoding="utf-8") == first.stdout


def test_without_a_seed_the_drawn_one_reproduces_the_run(invoke: Invoke, small: Path) -> None:
    document = run_json(invoke, small)
    assert isinstance(document["seed"], int)
    assert run_json(invoke, small, "--seed", str(document["seed"])) == document


def test_markdown(invoke: Invoke, small: Path) -> None:
    result = invoke(["sensitivity", small, "--format", "markdown", "--samples", "500", "--seed", "1"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("### Weight stability (wsm, exact)\n")
    assert "| Criterion or group | Weight | Leader stays first | Top 3 unchanged |" in result.stdout
    assert "| Candidate | 1 | 2 | 3 | Top 3 |" in result.stdout


@pytest.mark.parametrize("method", ["wpm", "topsis", "vikor", "promethee"])
def test_methods(invoke: Invoke, small: Path, method: str) -> None:
    document = run_json(invoke, small, "--method", method, "--seed", "1")
    assert document["method"] == method and document["exact"] is False and document["resolution"] == 1e-4


def test_uniform_and_spread(invoke: Invoke, small: Path) -> None:
    assert run_json(invoke, small, "--uniform", "--seed", "1")["weighting"] == {"law": "uniform"}
    weighting = run_json(invoke, small, "--spread", "0.2", "--seed", "1")["weighting"]
    assert weighting["law"] == "dirichlet" and weighting["concentration"] == pytest.approx(24.0)


def test_french(invoke: Invoke, small: Path) -> None:
    result = invoke(["sensitivity", small, "--lang", "fr", "--samples", "2000", "--seed", "5"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(
        "Stabilité des poids (wsm, exacte)\nPremier : Alpha ; 3 premiers : Alpha, Beta, Delta"
    )
    assert "Acceptabilité des rangs : 2\u202f000 tirages, graine 5" in result.stdout
    assert "Qualité" in result.stdout and "Poids centraux" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "csv"], "--format: unknown value 'csv'; expected one of table, json, markdown"),
        (["--samples", "50"], "--samples"),
        (["--spread", "1"], "--spread"),
        (["--top", "0"], "--top"),
    ],
)
def test_misuse_exits_2(invoke: Invoke, small: Path, args: list[str], message: str) -> None:
    result = invoke(["sensitivity", small, *args])
    assert result.exit_code == 2
    assert message in result.stderr


def test_missing_scores_with_a_relative_method_fail_as_score_does(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "missing.yaml"
    path.write_text(MISSING, encoding="utf-8")
    result = invoke(["sensitivity", path, "--method", "topsis"])
    scored = invoke(["score", path, "--method", "topsis"], app=partnerfit_app)
    assert result.exit_code == scored.exit_code == 1
    assert result.stderr == scored.stderr
    assert "error: topsis compares candidates with each other" in result.stderr
    assert invoke(["sensitivity", path, "--method", "topsis", "--missing", "worst", "--samples", "100"]).exit_code == 0
    assert run_json(invoke, path, "--seed", "1")["exact"] is False  # wsm ignores them: numeric intervals


def test_invalid_and_absent_files(invoke: Invoke, tmp_path: Path, small: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(SMALL.replace("quality: 5, cost: {score: 2", "quality: 7, cost: {score: 2"), encoding="utf-8")
    result = invoke(["sensitivity", bad])
    assert result.exit_code == 1
    assert "score 7 is outside the scale [1, 5] of 'quality'" in result.stderr
    assert invoke(["sensitivity", tmp_path / "absent.yaml"]).exit_code == 2
    assert invoke(["sensitivity", small, "-o", small]).exit_code == 2


def test_the_progress_bar_waits_for_a_long_run(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = iter([0.0, 0.0, 0.05, 0.3, 0.6])
    monkeypatch.setattr(command.time, "monotonic", lambda: next(clock))
    bar = ProgressBar(enabled=True)
    bar(0, 1000)
    bar(100, 1000)  # 0.05 s for a tenth: about 0.5 s in all, no bar
    assert bar.bar is None
    bar(200, 1000)  # 0.3 s for a fifth: about 1.5 s in all
    assert bar.bar is not None
    bar(1000, 1000)
    bar.stop()
    assert bar.bar is None
    silent = ProgressBar(enabled=False)
    silent(0, 10)
    silent(1, 10)
    assert silent.bar is None


EXTREME = Path(__file__).resolve().parents[1] / "data" / "valid" / "weights_extreme_ratio.yaml"


@pytest.mark.parametrize(
    "args",
    [
        ["score", "-f", "json"],
        ["score", "--compare", "-f", "json"],
        ["sensitivity", "--samples", "300", "-f", "json"],
        ["sensitivity", "--method", "topsis", "--samples", "300", "-f", "json"],
        ["explain", "-f", "json"],
    ],
)
def test_the_widest_allowed_numbers_give_finite_results(invoke, args):
    # weights 1e15 and 1e-15 on scales up to ±1e15: nothing overflows, no NaN, no traceback
    command, *rest = args
    extra = ["b"] if command == "explain" else []
    result = invoke([command, EXTREME, *extra, *rest])
    assert result.exit_code == 0, result.output
    assert "NaN" not in result.stdout and "Infinity" not in result.stdout
    json.loads(result.stdout)
