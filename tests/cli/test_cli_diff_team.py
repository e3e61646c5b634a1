"""`partnerfit diff` between two versions with a team: block: members who join or leave, value before → after."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Invoke

DATA = Path(__file__).resolve().parents[1] / "data" / "team"
OLD = DATA / "team.yaml"


def _new(tmp_path: Path) -> Path:
    """The test file with a larger budget and Lab B scored higher: the team changes."""
    text = OLD.read_text(encoding="utf-8").replace("  budget: 900", "  budget: 1000")
    text = text.replace("scores: {expertise: 4, funding: 2, trust: 5}", "scores: {expertise: 5, funding: 2, trust: 5}")
    new = tmp_path / "team.yaml"
    new.write_text(text, encoding="utf-8")
    return new


def test_json_has_the_team_change(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke(["diff", OLD, _new(tmp_path), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    team = json.loads(result.stdout)["team"]
    assert team["old"]["members"] == ["bank_f", "lab_a", "sme_c"]
    assert team["new"] == {"members": ["bank_f", "lab_a", "lab_b", "sme_d"], "value": 250.0}
    assert (team["added"], team["removed"], team["changed"]) == (["lab_b", "sme_d"], ["sme_c"], True)


def test_table_and_markdown_word_it(invoke: Invoke, tmp_path: Path) -> None:
    new = _new(tmp_path)
    table = invoke(["diff", OLD, new], env={"COLUMNS": "80"})
    assert "Team value: 191.67 → 250.00" in table.stdout
    assert "Joins the team: Lab B, SME D" in table.stdout and "Leaves the team: SME C" in table.stdout
    markdown = invoke(["diff", OLD, new, "-f", "markdown", "--lang", "fr"])
    assert "#### Équipe" in markdown.stdout and "- Quittent l’équipe : SME C" in markdown.stdout


def test_no_team_key_without_team_blocks(invoke: Invoke) -> None:
    packaging = Path(__file__).resolve().parents[2] / "examples" / "packaging.yaml"
    result = invoke(["diff", packaging, packaging, "-f", "json"])
    assert "team" not in json.loads(result.stdout)


def test_same_team_in_both_is_present_and_unchanged(invoke: Invoke) -> None:
    result = invoke(["diff", OLD, OLD, "-f", "json"])
    data = json.loads(result.stdout)
    assert data["team"]["changed"] is False and data["unchanged"] is True
    table = invoke(["diff", OLD, OLD])
    assert "Team value" not in table.stdout
