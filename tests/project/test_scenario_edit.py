"""save_scenario / set_scenario: one scenario written into a candidates file, every other byte kept."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from partnerfit.project.loading import load
from partnerfit.project.scenario_edit import ScenarioEditError, save_scenario, set_scenario

BASE = """\
# a comment at the top, kept
partnerfit: 1
kind: candidates
criteria:
  name: t
  scale: [1, 5]
  criteria:
    a: {label: A, weight: 3}   # why a weighs 3
    b: {label: B, weight: 1}
candidates:
  x: {name: X, scores: {a: 5, b: 1}}
  y: {name: Y, scores: {a: 1, b: 5}}
"""


def test_a_new_block_is_appended_and_nothing_else_changes(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(BASE, encoding="utf-8")
    new = save_scenario(path, "board", {"b": 4.0, "a": 0.5}, label={"en": "Board", "fr": "Conseil"})
    assert new.startswith(BASE)
    assert new[len(BASE) :] == (
        "\nscenarios:\n  board:\n    label: {en: Board, fr: Conseil}\n    weights: {b: 4, a: 0.5}\n"
    )
    path.write_text(new, encoding="utf-8")
    project = load(path)
    assert project.file.scenarios["board"].weights == {"b": 4, "a": 0.5}


def test_replacing_keeps_label_description_and_the_other_scenarios() -> None:
    text = BASE + (
        "scenarios:\n"
        "  board:   # the board's view\n"
        "    label: Board\n"
        "    description: what the board asked for\n"
        "    weights: {a: 1}\n"
        "  # the CSR officer's view\n"
        "  csr:\n"
        "    weights: {b: 9}\n"
    )
    new = set_scenario(text, "board", {"a": 2, "b": 7})
    data = yaml.safe_load(new)
    assert data["scenarios"]["board"] == {
        "label": "Board",
        "description": "what the board asked for",
        "weights": {"a": 2, "b": 7},
    }
    assert data["scenarios"]["csr"] == {"weights": {"b": 9}}
    assert "  # the CSR officer's view\n  csr:\n" in new
    assert new.startswith(BASE)


def test_a_new_scenario_goes_at_the_end_of_an_existing_block() -> None:
    text = BASE.replace("candidates:\n", "scenarios:\n    board:\n      weights: {a: 1}\n\ncandidates:\n")
    new = set_scenario(text, "csr", {"b": 2}, label="CSR")
    assert (
        "    board:\n      weights: {a: 1}\n    csr:\n      label: CSR\n      weights: {b: 2}\n\ncandidates:\n" in new
    )
    assert list(yaml.safe_load(new)["scenarios"]) == ["board", "csr"]


@pytest.mark.parametrize("empty", ["scenarios:\n", "scenarios: {}\n"])
def test_an_empty_block_becomes_a_block(empty: str) -> None:
    new = set_scenario(BASE + empty, "board", {"a": 1})
    assert yaml.safe_load(new)["scenarios"] == {"board": {"weights": {"a": 1}}}


def test_crlf_files_stay_crlf() -> None:
    new = set_scenario(BASE.replace("\n", "\r\n"), "board", {"a": 1})
    assert "\n" not in new.replace("\r\n", "")


@pytest.mark.parametrize(
    ("text", "scenario", "weights"),
    [
        (BASE, "the board", {"a": 1}),
        (BASE, "board", {"a": 0}),
        (BASE, "board", {}),
        ("- a list\n", "board", {"a": 1}),
        (BASE + "scenarios: {board: {weights: {a: 1}}}\n", "csr", {"a": 1}),
    ],
)
def test_refusals(text: str, scenario: str, weights: dict[str, float]) -> None:
    with pytest.raises(ScenarioEditError):
        set_scenario(text, scenario, weights)


def test_json_files_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(ScenarioEditError):
        save_scenario(path, "board", {"a": 1})
