"""`partnerfit team`: every format, --why, --alternatives, sampling determinism, infeasible and misuse exits."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.cli.conftest import Invoke

DATA = Path(__file__).resolve().parents[1] / "data" / "team"
TEAM = str(DATA / "team.yaml")


def test_json_stdout_is_exactly_json(invoke: Invoke) -> None:
    result = invoke(["team", TEAM, "-f", "json", "--seed", "3"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)  # nothing from the solver before or after
    assert data["team"] == {
        "members": ["bank_f", "lab_a", "sme_c"],
        "value": data["team"]["value"],
        "cost": 700,
        "size": 3,
    }
    assert data["samples"] == 100 and data["seed"] == 3
    assert len(data["alternatives"]) == 1  # only one other feasible team


def test_table_and_markdown(invoke: Invoke) -> None:
    table = invoke(["team", TEAM, "--seed", "1"], env={"COLUMNS": "80"})
    assert table.exit_code == 0, table.stderr
    assert "Proposed team: 3 members" in table.stdout and "Budget used: 700 of 900" in table.stdout
    assert max(len(line) for line in table.stdout.splitlines()) <= 80
    markdown = invoke(["team", TEAM, "-f", "markdown", "--samples", "0"])
    assert markdown.exit_code == 0
    assert markdown.stdout.startswith("## Proposed team") and "### Coverage" in markdown.stdout
    assert "Core index" not in markdown.stdout  # not sampled


def test_french(invoke: Invoke) -> None:
    result = invoke(["team", TEAM, "--lang", "fr", "--seed", "1"], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert "Équipe proposée : 3 membres" in result.stdout and "Règle d'égalité" in result.stdout


def test_why_and_alternatives(invoke: Invoke) -> None:
    result = invoke(["team", TEAM, "--why", "lab_b", "--alternatives", "0", "-f", "json", "--samples", "0"])
    data = json.loads(result.stdout)
    assert data["alternatives"] == [] and data["core_index"] == {}
    assert data["why"]["reason"] == "budget" and data["why"]["against"] == ["sme_c"]
    table = invoke(["team", TEAM, "--why", "corp_e", "--samples", "0"])
    assert "Why not Corp E?" in table.stdout and "excluded by the team block" in table.stdout


def test_unknown_why_is_misuse_with_a_suggestion(invoke: Invoke) -> None:
    result = invoke(["team", TEAM, "--why", "lab_bb"])
    assert result.exit_code == 2
    assert "did you mean 'lab_b'" in result.stderr and result.stdout == ""


def test_same_seed_same_bytes(invoke: Invoke) -> None:
    first = invoke(["team", TEAM, "-f", "json", "--samples", "40", "--seed", "9"])
    second = invoke(["team", TEAM, "-f", "json", "--samples", "40", "--seed", "9"])
    assert first.exit_code == 0 and first.stdout == second.stdout


def test_infeasible_names_located_constraints(invoke: Invoke) -> None:
    result = invoke(["team", str(DATA / "infeasible.yaml")])
    assert result.exit_code == 1 and result.stdout == ""
    assert "no team meets every constraint" in result.stderr
    located = re.findall(r"infeasible\.yaml:(\d+):(\d+): error: team\.(\S+):", result.stderr)
    assert [(line, where) for line, _, where in located] == [
        ("17", "budget"),
        ("21", "cover.funding"),
        ("26", "include.0"),
    ]


def test_no_team_block(invoke: Invoke) -> None:
    result = invoke(["team", str(DATA / "no_team.yaml")])
    assert result.exit_code == 1
    assert "no_team.yaml:2:1: error: the file has no team block" in result.stderr


def test_bad_option_values_are_misuse(invoke: Invoke) -> None:
    for bad in (["--alternatives", "-1"], ["--samples", "x"], ["--seed", "-2"], ["-f", "csv"], ["-m", "nope"]):
        result = invoke(["team", TEAM, *bad])
        assert result.exit_code == 2, bad
        assert result.stderr.startswith("error: "), bad


def test_infeasible_in_french(invoke: Invoke) -> None:
    result = invoke(["team", str(DATA / "infeasible.yaml"), "--lang", "fr"])
    assert result.exit_code == 1
    assert "aucune équipe ne respecte toutes les contraintes" in result.stderr
    assert "infeasible.yaml:17:11: error: team.budget: les membres coûtent 400 ou moins" in result.stderr
