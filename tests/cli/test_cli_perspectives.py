"""`partnerfit score FILE --perspectives`: every format, French, and the error paths."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from partnerfit.render.registry import formats

ROOT = Path(__file__).resolve().parents[2]
CONSORTIUM = ROOT / "examples" / "consortium-assessments" / "candidates.yaml"


@pytest.mark.parametrize("fmt", formats("perspectives"))
def test_every_format(invoke, fmt: str) -> None:
    result = invoke(["score", CONSORTIUM, "--perspectives", "--format", fmt])
    assert result.exit_code == 0, result.output
    assert "purchasing" in result.stdout and "Coop Papier" in result.stdout


def test_table_fits_80_columns(invoke) -> None:
    result = invoke(["score", CONSORTIUM, "--perspectives"], env={"COLUMNS": "80"})
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert "would pick Coop Papier rather than Start-up Fibre Moulée" in result.stdout


def test_json_document(invoke) -> None:
    data = json.loads(invoke(["score", CONSORTIUM, "--perspectives", "-f", "json"]).stdout)
    assert data["kind"] == "perspectives" and data["compromise"]["basis"] == "file_weights"
    assert data["compromise"]["leader"] == "startup_fibre"
    roles = {r["role"]: r for r in data["roles"]}
    assert roles["R&D"]["assessors"] == ["alice", "dan"]
    assert roles["purchasing"]["leader"] == "coop_papier" and roles["purchasing"]["leader_differs"]
    assert roles["R&D"]["ranks"]["lab_polymeres"] == 2


def test_score_json_unchanged_without_the_option(invoke) -> None:
    data = json.loads(invoke(["score", CONSORTIUM, "-f", "json"]).stdout)
    assert "perspectives" not in data and "roles" not in data


def test_french(invoke) -> None:
    result = invoke(["score", CONSORTIUM, "--perspectives", "--lang", "fr"])
    assert result.exit_code == 0, result.output
    assert "Points de vue" in result.stdout and "choisirait Coop Papier" in result.stdout
    assert "6,25 points" in result.stdout


def test_weight_option_applies_to_every_role(invoke) -> None:
    every = [x for c in ("expertise", "capacity", "reliability", "cost") for x in ("-w", f"{c}=1")]
    data = json.loads(invoke(["score", CONSORTIUM, "--perspectives", "-f", "json", *every]).stdout)
    assert all(r["ranks"] == data["compromise"]["ranks"] for r in data["roles"])


def test_without_weights_by_role(invoke, tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("partnerfit: 1\ncandidates:\n  a: {scores: {}}\n", encoding="utf-8")
    result = invoke(["score", path, "--perspectives", "--lang", "fr"])
    assert result.exit_code == 1
    assert "aucun point de vue" in result.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--compare"], "choose one"),
        (["-f", "csv"], "not available"),
        (["-o", "x.xlsx"], "--perspectives does not apply"),
    ],
)
def test_misuse(invoke, args: list[str], words: str) -> None:
    result = invoke(["score", CONSORTIUM, "--perspectives", *args])
    assert result.exit_code == 2
    assert words in result.stderr


def test_unknown_id_in_a_role(invoke, tmp_path: Path) -> None:
    text = CONSORTIUM.read_text(encoding="utf-8").replace("R&D: {expertise: 5", "R&D: {expertize: 5")
    path = CONSORTIUM.parent / "bad-roles.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        result = invoke(["score", path, "--perspectives"])
    finally:
        path.unlink()
    assert result.exit_code == 1
    assert "weights_by_role" not in result.stderr or "expertize" in result.stderr
    assert "did you mean 'expertise'" in result.stderr
