"""`partnerfit agreement FILE`: every format, --top, --lang fr, --feedback DIR and the error paths."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from partnerfit.render.registry import formats

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "data" / "agreement" / "mini.yaml"
CONSORTIUM = ROOT / "examples" / "consortium-assessments" / "candidates.yaml"


@pytest.mark.parametrize("fmt", formats("agreement"))
def test_every_format(invoke, fmt: str) -> None:
    result = invoke(["agreement", CONSORTIUM, "--format", fmt])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert "0.859" in result.stdout or "0.8586" in result.stdout


def test_json_document(invoke) -> None:
    result = invoke(["agreement", MINI, "-f", "json", "--top", "2"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["assessors"] == ["ann", "ben", "cat", "dan"]
    assert data["round"] == 1
    assert data["completeness"]["dan"] == pytest.approx(5 / 6)
    assert len(data["divergent"]) == 2 and data["divergent_total"] == 3
    assert data["divergent"][0]["scores"] == {"ann": 5, "ben": 5, "cat": 4, "dan": 1}
    assert data["divergent"][0]["spread"] == 4


def test_french_table(invoke) -> None:
    result = invoke(["agreement", CONSORTIUM, "--lang", "fr"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Accord entre évaluateurs, tour 2")
    assert "Tour 1 : 0,291 (4 évaluateurs)" in result.stdout


def test_output_file(invoke, tmp_path: Path) -> None:
    target = tmp_path / "agreement.md"
    result = invoke(["agreement", MINI, "-f", "markdown", "-o", target])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("## Agreement between assessors, round 1")


def test_output_never_over_the_input(invoke, tmp_path: Path) -> None:
    copy = tmp_path / "c.yaml"
    copy.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke(["agreement", copy, "-o", copy])
    assert result.exit_code == 2
    assert copy.read_text(encoding="utf-8") == MINI.read_text(encoding="utf-8")


def test_feedback_files(invoke, tmp_path: Path) -> None:
    folder = tmp_path / "feedback" / "round-2"
    result = invoke(["agreement", MINI, "-f", "json", "--feedback", folder])
    assert result.exit_code == 0, result.output
    assert "wrote 4 feedback files" in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["ann.md", "ben.md", "cat.md", "dan.md"]
    dan = (folder / "dan.md").read_text(encoding="utf-8")
    assert "Your score: 1" in dan and "Group median 4.5, interquartile range 3.25 to 5" in dan
    assert "Strong patents" in dan and "never heard" not in dan
    for path in folder.iterdir():
        text = path.read_text(encoding="utf-8")
        others = {"ann", "ben", "cat", "dan"} - {path.stem}
        assert not any(re.search(rf"\b{o}\b", text) for o in others), path.name
    assert json.loads(result.stdout)["assessors"] == ["ann", "ben", "cat", "dan"]


def test_feedback_in_french(invoke, tmp_path: Path) -> None:
    result = invoke(["agreement", CONSORTIUM, "--lang", "fr", "--feedback", tmp_path])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "dan.md").read_text(encoding="utf-8").startswith("# Retour pour dan, après le tour 2")


def test_feedback_onto_a_file_is_refused(invoke, tmp_path: Path) -> None:
    blocker = tmp_path / "taken"
    blocker.write_text("x", encoding="utf-8")
    result = invoke(["agreement", MINI, "--feedback", blocker])
    assert result.exit_code != 0
    assert blocker.read_text(encoding="utf-8") == "x"


def test_unknown_file(invoke, tmp_path: Path) -> None:
    result = invoke(["agreement", tmp_path / "missing.yaml"])
    assert result.exit_code == 2
    assert "missing.yaml" in result.output


def test_invalid_file(invoke, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: candidates\ncandidates: 3\n", encoding="utf-8")
    result = invoke(["agreement", bad])
    assert result.exit_code == 1
    assert "bad.yaml" in result.stderr


def test_no_assessments(invoke) -> None:
    result = invoke(["agreement", ROOT / "examples" / "packaging.yaml"])
    assert result.exit_code == 1
    assert "no assessments to compare" in result.stderr
    assert result.stdout == ""


def test_help_has_examples(invoke) -> None:
    result = invoke(["agreement", "--help"])
    assert result.exit_code == 0
    assert "partnerfit agreement candidates.yaml --format json" in result.stdout
    assert "--feedback" in result.stdout
