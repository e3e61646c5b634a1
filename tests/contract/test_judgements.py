"""AHP judgements per participant: merged by geometric mean (AIJ), each one's CR, the consensus, located errors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from partnerfit.errors import InvalidInputError
from partnerfit.mcda.weights import ahp, pairwise_matrix
from partnerfit.project.loading import load

FLAT = """partnerfit: 1
kind: candidates
criteria:
  name: mini
  scale: [1, 5]
  criteria:
    quality: {weight: 2}
    cost: {weight: 1}
    speed: {weight: 1}
judgements_by_participant:
  alice:
    - [quality, cost, 3]
    - [quality, speed, 5]
    - [cost, speed, 2]
  bob:
    - [quality, cost, "1/2"]
    - [quality, speed, 1]
    - [cost, speed, 2]
candidates:
  a: {scores: {quality: 5, cost: 1, speed: 2}}
  b: {scores: {quality: 2, cost: 5, speed: 4}}
"""

GROUPED = """partnerfit: 1
kind: candidates
criteria:
  name: grouped
  scale: [1, 5]
  groups:
    people: {weight: 1, criteria: {trust: {weight: 1}, skills: {weight: 1}}}
    money: {weight: 1, criteria: {cost: {weight: 1}}}
judgements_by_participant:
  alice: [[people, money, 3], [trust, skills, 2]]
  bob: [[people, money, 3]]
candidates:
  a: {scores: {trust: 5, skills: 1, cost: 2}}
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_weights_are_those_of_the_geometric_mean_matrix(tmp_path: Path) -> None:
    project = load(_write(tmp_path, FLAT))
    # by hand: the entries' geometric means, sqrt(3 * 1/2), sqrt(5 * 1), sqrt(2 * 2)
    merged = pairwise_matrix(3, [(0, 1, np.sqrt(1.5)), (0, 2, np.sqrt(5.0)), (1, 2, 2.0)])
    expected = np.asarray(ahp(merged).weights)
    assert list(project.criteria.weights.values()) == pytest.approx(list(expected))
    (origin,) = project.criteria.origins
    assert origin.method == "ahp" and [p.id for p in origin.participants] == ["alice", "bob"]
    assert origin.consensus is not None and 0 < origin.consensus < 1
    assert not project.criteria.overrides  # the group's weights are not a what-if override


def test_weight_overrides_still_win(tmp_path: Path) -> None:
    project = load(_write(tmp_path, FLAT), weights={"quality": 10, "cost": 5, "speed": 5})
    assert project.criteria.weights["quality"] == pytest.approx(0.5)


def test_groups_and_criteria_of_one_group_are_judged_apart(tmp_path: Path) -> None:
    project = load(_write(tmp_path, GROUPED))
    weights = project.criteria.weights
    assert weights["cost"] == pytest.approx(0.25)  # people 3 : 1 money, by both
    assert weights["trust"] == pytest.approx(0.75 * 2 / 3)  # alice alone judged inside people
    scopes = {o.scope: o for o in project.criteria.origins}
    assert scopes[""].consensus == pytest.approx(1.0)
    assert [p.id for p in scopes["people"].participants] == ["alice"]


def _problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(InvalidInputError) as caught:
        load(_write(tmp_path, text))
    return [f"{d.line}:{d.column} {d.code} {d.message}" for d in caught.value.diagnostics]


def test_an_unknown_id_is_located_with_a_hint(tmp_path: Path) -> None:
    (problem,) = _problems(tmp_path, FLAT.replace("[quality, speed, 5]", "[qualty, speed, 5]"))
    assert problem.startswith("13:8 PF109") and "qualty" in problem and "quality" in problem


def test_items_of_different_levels_cannot_be_compared(tmp_path: Path) -> None:
    (problem,) = _problems(tmp_path, GROUPED.replace("[trust, skills, 2]", "[trust, money, 2]"))
    assert "PF130" in problem and "not siblings" in problem and problem.startswith("10:31")


def test_a_pair_compared_twice_is_located_at_the_second(tmp_path: Path) -> None:
    (problem,) = _problems(tmp_path, FLAT.replace("[cost, speed, 2]\n  bob", "[cost, quality, 2]\n  bob"))
    assert "PF130" in problem and "twice" in problem and problem.startswith("14:7")


def test_an_inconsistent_participant_is_a_warning_naming_the_judgement(tmp_path: Path) -> None:
    text = FLAT.replace('[quality, cost, "1/2"]', '[quality, cost, "1/5"]').replace(
        "[quality, speed, 1]", "[quality, speed, 5]"
    )
    project = load(_write(tmp_path, text))
    (warning,) = [d for d in project.warnings if d.code == "PW204"]
    assert warning.severity == "warning" and (warning.line, warning.column) == (16, 7)
    assert "bob" in warning.message and "revisit quality vs cost" in warning.message
