"""`check` and every command on team blocks and kind: team files: the consortium example is clean, problems are located."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "consortium"


def test_the_consortium_example_passes_check_strict(invoke) -> None:
    result = invoke(["check", "--strict", EXAMPLE])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert result.stdout == "2 files checked: no errors, 0 warnings\n"
    result = invoke(["check", "--strict", "--format", "json", EXAMPLE / "team-alt.yaml"])
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_a_team_file_is_read_by_score(invoke, score_json) -> None:
    direct = score_json(EXAMPLE / "candidates.yaml")
    through_team = score_json(EXAMPLE / "team-alt.yaml")
    assert [r["id"] for r in through_team["ranking"]] == [r["id"] for r in direct["ranking"]]


def test_a_bad_team_file_is_located_in_french(invoke, tmp_path: Path) -> None:
    (tmp_path / "candidates.yaml").write_text((EXAMPLE / "candidates.yaml").read_text(encoding="utf-8"), "utf-8")
    team = tmp_path / "team.yaml"
    team.write_text(
        "kind: team\ncandidates: candidates.yaml\nteam:\n  size: 3\n  include: [lab_chimie_lyonn]\n",
        encoding="utf-8",
    )
    result = invoke(["check", team, "--lang", "fr"])
    assert result.exit_code == 1
    assert (
        f"{team}:5:13: error: team.include.0: candidat inconnu 'lab_chimie_lyonn' — "
        "vouliez-vous dire 'lab_chimie_lyon' ?"
    ) in result.stderr
    result = invoke(["check", tmp_path, "--format", "json"])
    assert result.exit_code == 1
    [found] = json.loads(result.stdout)
    assert (found["line"], found["column"], found["code"]) == (5, 13, "PF150")


def test_schema_team_prints_the_committed_schema(invoke) -> None:
    result = invoke(["schema", "team"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (ROOT / "schemas" / "team.schema.json").read_text(encoding="utf-8")
