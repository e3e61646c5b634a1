"""-w/--weight on every command that scores: the same parser, the override applied and said in every output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.cli.conftest import Invoke

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "examples" / "packaging.yaml"
A, B = "startup_fibre", "lab_biopolymers"

# every command that scores, with what it needs besides FILE (report writes its file itself)
COMMANDS: dict[str, list[str]] = {
    "score": [],
    "sensitivity": ["--samples", "200", "--seed", "7"],
    "explain": [A],
    "compare": [A, B],
    "weights": [],
}


@pytest.fixture
def file_with_weights(tmp_path: Path) -> Path:
    """packaging.yaml whose own `weights:` says loyalty=30, as `-w loyalty=30` does."""
    path = tmp_path / "what_if.yaml"
    path.write_text(PACKAGING.read_text(encoding="utf-8") + "\nweights: {loyalty: 30}\n", encoding="utf-8")
    return path


def _json(invoke: Invoke, command: str, path: Path, *extra: str) -> dict[str, object]:
    result = invoke([command, path, *COMMANDS[command], "--format", "json", *extra])
    assert result.exit_code == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_override_equals_a_file_whose_weights_say_the_same(invoke, file_with_weights, command):
    what_if = _json(invoke, command, PACKAGING, "-w", "loyalty=30")
    assert what_if == _json(invoke, command, file_with_weights)
    assert what_if != _json(invoke, command, PACKAGING)


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("fmt", ["table", "markdown", "json"])
def test_every_output_says_which_weights_were_overridden(invoke, command, fmt):
    result = invoke([command, PACKAGING, *COMMANDS[command], "--format", fmt, "--weight", "loyalty=30"])
    assert result.exit_code == 0, result.stderr
    said = result.stdout + result.stderr
    assert "loyalty=30" in said or ("overridden" in said and "loyalty" in said)


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_score_footer_names_the_overrides_in_each_language(invoke, fmt):
    english = invoke(["score", PACKAGING, "-f", fmt, "-w", "loyalty=30", "-w", "gut_feeling=2"]).stdout
    assert "Weights overridden: loyalty=30, gut_feeling=2" in english
    assert (
        "Poids remplacés : loyalty=30" in invoke(["score", PACKAGING, "-f", fmt, "-l", "fr", "-w", "loyalty=30"]).stdout
    )
    assert "overridden" not in invoke(["score", PACKAGING, "-f", fmt]).stdout


def test_score_json_adds_the_overridden_key_only_when_overridden(invoke):
    criteria = _json(invoke, "score", PACKAGING, "-w", "loyalty=30")["criteria"]
    assert criteria["overridden"] == {"loyalty": 30}  # type: ignore[index]
    assert "overridden" not in _json(invoke, "score", PACKAGING)["criteria"]  # type: ignore[operator]


def test_report_applies_and_names_the_override(invoke, tmp_path):
    plain, what_if = tmp_path / "plain.md", tmp_path / "what_if.md"
    assert invoke(["report", PACKAGING, "-o", plain, "--date", "2026-01-01"]).exit_code == 0
    result = invoke(["report", PACKAGING, "-o", what_if, "--date", "2026-01-01", "-w", "loyalty=30"])
    assert result.exit_code == 0, result.stderr
    text = what_if.read_text(encoding="utf-8")
    assert "what-if override" in text and "what-if override" not in plain.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", [*sorted(COMMANDS), "report"])
@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("loyalty=3,5", "decimals take a dot, not a comma"),
        ("loyalty=0", "expected ID=NUMBER with a number > 0"),
        ("loyalty", "expected ID=NUMBER"),
        ("loyalty=abc", "expected ID=NUMBER"),
        ("nonsense=3", "unknown group or criterion 'nonsense'"),
    ],
)
def test_bad_values_give_the_same_error_on_every_command(invoke, tmp_path, command, value, message):
    extra = ["-o", tmp_path / "r.md"] if command == "report" else COMMANDS[command]
    result = invoke([command, PACKAGING, *extra, "-w", value])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --weight")
    assert message in result.stderr
    assert result.stdout == ""
