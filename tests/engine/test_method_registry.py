"""The method registry: what each method declares, and a toy method added through it alone reaching every command."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

import partnerfit
from partnerfit.engine import registry
from partnerfit.engine.dispatch import run_method
from partnerfit.engine.matrix import build_matrix
from partnerfit.engine.method import Figures, Method, Table
from partnerfit.engine.output import MethodOptions
from partnerfit.engine.run import validate
from partnerfit.errors import MethodError, MissingScoreError, PartnerfitError
from partnerfit.i18n import method_text

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
EXAMPLE = ROOT / "examples" / "packaging.yaml"
BUILT_IN = ("wsm", "wpm", "topsis", "vikor", "promethee")
sys.path.insert(0, str(HERE))  # the toy method's module, tests/engine/maximin.py

import maximin  # noqa: E402


@pytest.fixture
def toy() -> Iterator[Method]:
    """The toy method, registered for one test."""
    method = registry.register(maximin.METHOD)
    try:
        yield method
    finally:
        registry.unregister(method.name)


@pytest.fixture(scope="module")
def project() -> partnerfit.Project:
    return partnerfit.load(EXAMPLE)


def expected_maximin(project: partnerfit.Project) -> dict[str, float]:
    """Each candidate's toy score, computed here from the decision matrix, not by the method."""
    matrix = build_matrix(project.file.candidates, project.criteria)
    v = (matrix.values - matrix.low) / (matrix.high - matrix.low)
    v = np.where(matrix.lower_is_better, 1.0 - v, v)
    return {cid: 100.0 * float(np.nanmin(row)) for cid, row in zip(matrix.ids, v, strict=True)}


# --- what the registry declares ------------------------------------------------------------------


def test_the_built_in_methods_in_the_order_commands_list_them() -> None:
    assert tuple(registry.METHODS) == BUILT_IN
    assert registry.DEFAULT == "wsm"
    assert [m for m in BUILT_IN if registry.get(m).additive] == ["wsm"]
    assert [m for m in BUILT_IN if not registry.get(m).needs_complete] == ["wsm"]
    assert [m for m in BUILT_IN if registry.get(m).positive] == ["wpm"]


def test_an_unknown_method_names_the_registered_ones() -> None:
    with pytest.raises(MethodError, match="unknown method 'nope'; available: wsm, wpm, topsis, vikor, promethee"):
        registry.get("nope")


def test_a_name_is_registered_once_and_built_in_methods_stay() -> None:
    with pytest.raises(ValueError, match="already registered"):
        registry.register(Method("wsm", maximin.maximin, maximin.to_score))
    with pytest.raises(ValueError, match="built in"):
        registry.unregister("wsm")
    with pytest.raises(ValueError, match="lowercase identifier"):
        Method("Max Score", maximin.maximin, maximin.to_score)


def test_words_keys_default_to_the_name_and_the_formula_key() -> None:
    topsis = registry.get("topsis")
    assert (topsis.label, topsis.formula, dict(topsis.texts)) == ("topsis", "report_formula_topsis", {})
    assert method_text(topsis, "label", "fr").startswith("TOPSIS, normalisation vectorielle")
    assert "v = 0.3" in method_text(registry.get("vikor"), "label", "en", v=0.3)
    assert method_text(maximin.METHOD, "formula", "fr").endswith("(sans poids).")


@pytest.mark.parametrize("name", BUILT_IN)
def test_each_method_reports_the_details_it_declares(project: partnerfit.Project, name: str) -> None:
    result = partnerfit.score(project, method=name, missing="worst")
    for entry in result.ranked:
        assert tuple(entry.details) == registry.get(name).details


def test_a_method_that_forgets_a_declared_detail_is_a_bug_said_so() -> None:
    broken = Method("broken", lambda table: Figures(table.values[:, 0]), maximin.to_score, details=("missing",))
    table = Table(("a",), ("c",), np.array([[1.0]]), np.array([1.0]), np.zeros(1), np.ones(1), np.zeros(1, bool))
    with pytest.raises(ValueError, match="declares the detail 'missing'"):
        broken.run(table)


def test_to_score_maps_the_value_and_the_score_is_clipped_to_0_100() -> None:
    stretched = Method("stretched", lambda table: Figures(table.values[:, 0]), lambda value: 300.0 * value - 100.0)
    table = Table(
        ("a", "b", "c"), ("x",), np.array([[0.0], [0.5], [1.0]]), np.ones(1), np.zeros(1), np.ones(1), np.zeros(1, bool)
    )
    figures = stretched.run(table)
    assert figures.score is not None
    assert figures.score.tolist() == [0.0, 50.0, 100.0]


# --- validate() instead of a discarded score() --------------------------------------------------


def test_validate_raises_what_score_raises_and_returns_nothing(project: partnerfit.Project) -> None:
    assert validate(project, method="topsis", missing="worst") is None
    for options in (
        {"method": "nope"},
        {"vikor_v": 2.0},
        {"missing": "error"},
        {"method": "topsis", "missing": "ignore"},
    ):
        with pytest.raises(PartnerfitError) as by_score:
            partnerfit.score(project, **options)
        with pytest.raises(type(by_score.value)) as by_validate:
            validate(project, **options)
        assert str(by_validate.value) == str(by_score.value)
    with pytest.raises(MissingScoreError):
        validate(project, missing="error")


# --- the toy method, through the library --------------------------------------------------------


def test_the_toy_scores_rank_and_explain_through_the_registry(toy: Method, project: partnerfit.Project) -> None:
    result = partnerfit.score(project, method="maximin", close_call=True)
    expected = expected_maximin(project)
    assert {c.id: c.score for c in result.ranking} == pytest.approx(expected)
    assert [c.rank for c in result.ranked] == [1, 1, 3, 3, 3, 3, 7, 7]
    assert all(set(c.details) == {"range"} for c in result.ranking)
    assert all(not c.contributions for c in result.ranked)  # not additive: no points per criterion
    leader = result.ranked[0].id
    assert partnerfit.explain(project, leader, method="maximin").to_dict()["additive"] is False
    comparison = partnerfit.compare_methods(project, missing="worst")
    assert comparison.methods == (*BUILT_IN, "maximin")
    report = partnerfit.sensitivity(project, method="maximin", samples=50, seed=1)
    assert report.stability.exact is False  # re-run on a grid: the method is not additive
    assert report.stability.leader == leader


def test_the_toy_is_rerun_by_stability_as_the_engine_runs_it(toy: Method, project: partnerfit.Project) -> None:
    from partnerfit.analysis.stability import eligible_problem

    matrix = build_matrix(project.file.candidates, project.criteria)
    problem = eligible_problem(matrix, "maximin")
    engine = run_method(toy, matrix, MethodOptions()).score
    rows = [matrix.ids.index(cid) for cid in problem.ids]
    assert problem.scores(problem.weights).tolist() == engine[rows].tolist()


# --- the toy method, through every command that takes --method ----------------------------------

SCRIPT = """
import json, sys, tempfile
from pathlib import Path
sys.path.insert(0, {here!r})
import maximin
from partnerfit.engine.registry import register
register(maximin.METHOD)  # before the command line reads the registry
from typer.testing import CliRunner
from partnerfit.cli.app import app
out = Path(tempfile.mkdtemp())
runs = {{}}
for args in json.loads(sys.argv[1]):
    args = [a.replace("OUT/", str(out) + "/") for a in args]
    result = CliRunner().invoke(app, args)
    runs[" ".join(args).replace(str(out), "OUT")] = [result.exit_code, result.stdout + result.stderr]
for name in ("r.md", "r.html", "r.xlsx"):
    runs[name] = [0, (out / name).read_text("utf-8") if name != "r.xlsx" else str((out / name).stat().st_size)]
print(json.dumps(runs))
"""

F = str(EXAMPLE)
COMMANDS = [
    ["score", "--help"],
    *(["score", F, "-m", "maximin", "-f", fmt] for fmt in ("table", "json", "csv", "markdown")),
    ["score", F, "-m", "maximin", "-o", "OUT/r.xlsx"],
    ["score", F, "--compare", "-f", "json", "--missing", "worst"],
    ["sensitivity", F, "-m", "maximin", "-f", "json", "--samples", "100", "--seed", "1"],
    ["sensitivity", F, "-m", "maximin", "--samples", "100", "--seed", "1"],
    ["explain", F, "lab_biopolymers", "-m", "maximin", "-f", "json"],
    ["explain", F, "lab_biopolymers", "-m", "maximin"],
    ["compare", F, "lab_biopolymers", "coop_dairy", "-m", "maximin", "-f", "markdown"],
    ["report", F, "-m", "maximin", "-o", "OUT/r.md", "--date", "2026-01-01"],
    ["report", F, "-m", "maximin", "-o", "OUT/r.html", "--date", "2026-01-01"],
    ["diff", F, F, "-m", "maximin", "-f", "json"],
]


@pytest.fixture(scope="module")
def runs() -> dict[str, tuple[int, str]]:
    """Every command run with the toy in a fresh process (the command line reads the registry once)."""
    script = SCRIPT.format(here=str(HERE))
    done = subprocess.run(
        [sys.executable, "-c", script, json.dumps(COMMANDS)], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return {key: (code, out) for key, (code, out) in json.loads(done.stdout).items()}


def run_of(runs: dict[str, tuple[int, str]], args: list[str]) -> str:
    code, out = runs[" ".join(args)]
    assert code == 0, out
    return out


def test_every_command_runs_the_toy(runs: dict[str, tuple[int, str]], project: partnerfit.Project) -> None:
    assert "<wsm|wpm|topsis|vikor|promethee|maximin>" in run_of(runs, COMMANDS[0])
    document = json.loads(run_of(runs, ["score", F, "-m", "maximin", "-f", "json"]))
    assert document["method"] == "maximin"
    scores = {e["id"]: e["score"] for e in document["ranking"]}
    assert scores == pytest.approx({k: v for k, v in expected_maximin(project).items() if k in scores})
    table = run_of(runs, ["score", F, "-m", "maximin", "-f", "table"])
    assert "Method: maximin: the worst criterion decides (maximin)" in table
    assert "maximin" in run_of(runs, ["score", F, "-m", "maximin", "-f", "markdown"])
    assert run_of(runs, ["score", F, "-m", "maximin", "-f", "csv"]).startswith("rank,")
    assert int(runs["r.xlsx"][1]) > 0
    compared = json.loads(run_of(runs, ["score", F, "--compare", "-f", "json", "--missing", "worst"]))
    assert compared["methods"][-1] == "maximin" and compared["reference"] == "wsm"
    sensitivity = json.loads(run_of(runs, COMMANDS[7]))
    assert (sensitivity["method"], sensitivity["exact"]) == ("maximin", False)
    assert "maximin" in run_of(runs, COMMANDS[8])
    explained = json.loads(run_of(runs, COMMANDS[9]))
    assert (explained["method"], explained["additive"]) == ("maximin", False)
    assert "lab_biopolymers" in run_of(runs, COMMANDS[10]) or "Biopolymères" in run_of(runs, COMMANDS[10])
    assert "Biopolymères" in run_of(runs, COMMANDS[11])
    for report in ("r.md", "r.html"):
        run_of(runs, COMMANDS[12 if report == "r.md" else 13])
        assert "score = 100 × the lowest v (weights unused)" in runs[report][1]
    assert json.loads(run_of(runs, COMMANDS[14]))["method"] == "maximin"


# --- speed measures at the edges only -----------------------------------------------------------


def test_the_public_api_pauses_the_collector_while_it_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    from partnerfit.analysis import close_call

    seen: list[bool] = []
    real = close_call.rank

    def rank(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(close_call, "rank", rank)
    assert gc.isenabled()
    partnerfit.score(partnerfit.load(EXAMPLE))
    assert seen == [False]
    assert gc.isenabled()  # restored for the caller


def test_only_the_entry_points_pause_the_collector() -> None:
    src = ROOT / "src" / "partnerfit"
    pausing = sorted(
        str(path.relative_to(src))
        for path in src.rglob("*.py")
        if any(word in path.read_text("utf-8") for word in ("gc.disable", "paused_gc(", "at_the_edge("))
    )
    assert pausing == ["__init__.py", "cli/__init__.py", "gcpause.py"]


def test_a_command_keeps_nothing_alive_outside_the_console_entry_point() -> None:
    import partnerfit.cli as cli

    big = [object()]
    for _ in range(3):
        cli.leave_for_exit(big)
    assert cli._LEFT is None  # CliRunner, a program calling main(): nothing kept, nothing grows
