"""The public Python API: ``import partnerfit`` and its lazy names, with no CLI library loaded."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import partnerfit
from partnerfit.render.decimals import written_numbers

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "examples" / "packaging.yaml"
ASSESSORS = ROOT / "examples" / "assessors.yaml"


def test_version():
    assert re.fullmatch(r"\d+\.\d+\.\d+([.-]?\w+)*", partnerfit.__version__)
    from partnerfit._version import __version__

    assert partnerfit.__version__ == __version__


def test_every_public_name_resolves():
    for name in partnerfit.__all__:
        assert getattr(partnerfit, name) is not None, name


def test_unknown_attribute():
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        partnerfit.nope  # noqa: B018


def test_load_and_score():
    project = partnerfit.load(PACKAGING)
    assert isinstance(project, partnerfit.Project)
    assert len(project.file.candidates) == 10
    result = partnerfit.score(project)
    assert isinstance(result, partnerfit.Result)
    assert result.ranked[0].id == "lab_biopolymers"
    assert result.ranked[0].rank == 1
    assert {c.id for c in result.excluded} == {"paper_group_kerlann", "trader_resinex"}
    document = result.to_dict()
    assert document["partnerfit"] == partnerfit.__version__
    assert json.loads(json.dumps(document, allow_nan=False)) == document


def test_score_returns_the_typed_verdict_reasons_and_ties():
    project = partnerfit.load(PACKAGING)
    assert partnerfit.score(project).close_call is None  # asked for: it costs more than the ranking
    result = partnerfit.score(project, close_call=True)
    verdict = result.close_call
    assert isinstance(verdict, partnerfit.CloseCall)
    assert verdict.close and verdict.leader == result.ranked[0].id
    assert verdict.runner_up == result.ranked[1].id
    assert verdict.change is not None and verdict.change.leader != verdict.leader
    kerlann = result.candidate("paper_group_kerlann")
    assert kerlann.reasons == (partnerfit.Reason("minimum", "loyalty", 1.0, 2.0),)
    assert partnerfit.reason_text(kerlann.reasons[0]) == "loyalty 1 < minimum 2"
    assert partnerfit.reason_text(kerlann.reasons[0], "fr", "Loyauté") == "Loyauté 1 < minimum 2"
    assert result.ties == []


def test_score_with_close_call_is_what_the_command_writes(tmp_path: Path):
    out = tmp_path / "ranking.json"
    done = subprocess.run(
        [sys.executable, "-m", "partnerfit", "score", str(PACKAGING), "-f", "json", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = partnerfit.score(partnerfit.load(PACKAGING), close_call=True)
    written = json.loads(out.read_text(encoding="utf-8"))
    # the command writes floats rounded to 10 decimal places (docs/format.md); the library keeps full precision
    assert written == written_numbers(result.to_dict(words=partnerfit.reason_text))
    assert written["close_call"]["close"] is True


def test_load_accepts_a_string_path_and_options():
    project = partnerfit.load(str(ASSESSORS), weights={"loyalty": 20}, missing="worst")
    result = partnerfit.score(project, aggregate="median")
    assert result.aggregate == "median"
    assert result.missing == "worst"
    assert result.criteria.weights["loyalty"] > 0.1


def test_load_criteria():
    criteria = partnerfit.load_criteria("partnership")
    assert isinstance(criteria, partnerfit.CriteriaSet)
    assert criteria.name == "partnership"
    assert len(criteria.criteria) == 13
    assert sum(criteria.weights.values()) == pytest.approx(1)
    assert partnerfit.load_criteria(ROOT / "criteria" / "partnership.yaml").weights == criteria.weights


def test_load_criteria_unknown():
    with pytest.raises(partnerfit.PartnerfitError, match="partnership"):
        partnerfit.load_criteria("partnershp")


def test_check_file():
    assert partnerfit.check_file(ASSESSORS) == []
    assert partnerfit.check_file(ROOT / "criteria" / "partnership.yaml") == []
    [warning] = partnerfit.check_file(PACKAGING)
    assert isinstance(warning, partnerfit.Diagnostic)
    assert warning.severity == "warning"
    assert "university_design" in warning.path


def test_invalid_input_raises_with_diagnostics(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("kind: candidates\ncriteria:\n  criteria: {q: {}}\ncandidates:\n  a: {scores: {q: 9}}\n")
    with pytest.raises(partnerfit.InvalidInputError) as info:
        partnerfit.load(path)
    [diagnostic] = info.value.diagnostics
    assert (diagnostic.line, diagnostic.severity) == (5, "error")
    assert isinstance(info.value, partnerfit.PartnerfitError)
    assert [d.format() for d in partnerfit.check_file(path)] == [diagnostic.format()]


def test_the_api_loads_no_cli_library():
    """``import partnerfit`` + load + score + to_dict never imports typer, rich or click."""
    code = textwrap.dedent(
        f"""
        import json, sys
        import partnerfit
        result = partnerfit.score(partnerfit.load({str(ASSESSORS)!r}))
        json.dumps(result.to_dict())
        partnerfit.check_file({str(PACKAGING)!r})
        partnerfit.load_criteria("partnership")
        loaded = sorted(m for m in ("typer", "rich", "click") if m in sys.modules)
        print(json.dumps(loaded))
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def test_python_dash_m_partnerfit_runs_the_command_line():
    done = subprocess.run(
        [sys.executable, "-m", "partnerfit", "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"partnerfit {partnerfit.__version__}\n"


def test_python_dash_m_partnerfit_exit_code_of_invalid_input(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("candidates: {}\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "partnerfit", "score", str(bad)], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 1
    assert ":1:" in done.stderr and "Traceback" not in done.stderr
