"""A ``kind: team`` file: the named candidates file's project with the team file's block; its problems located in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnerfit.errors import InvalidInputError
from partnerfit.project.loading import check_file, load

CANDIDATES = """\
partnerfit: 1
kind: candidates
criteria:
  name: tiny
  scale: [1, 5]
  criteria:
    quality: {weight: 2}
    price: {direction: lower}
candidates:
  lab_a: {type: lab, info: {country: DE, cost: 100}, scores: {quality: 4, price: 2}}
  lab_b: {type: lab, info: {country: FR, cost: 120}, scores: {quality: 3, price: 3}}
  sme_c: {type: company, tags: [sme], info: {country: FR, cost: 80}, scores: {quality: 5, price: 4}}
team:
  size: 9
  include: [nobody]
"""
TEAM = """\
partnerfit: 1
kind: team
title: Another rule set
candidates: sub/candidates.yaml
team:
  size: [1, 2]
  budget: 200
  include: [sme_c]
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "candidates.yaml").write_text(CANDIDATES, encoding="utf-8")
    return tmp_path


def team_file(folder: Path, text: str = TEAM) -> Path:
    path = folder / "team.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_team_file_replaces_the_candidates_files_own_team(folder: Path) -> None:
    project = load(team_file(folder))
    assert Path(project.path) == folder / "sub" / "candidates.yaml"
    assert project.file.team is not None
    assert project.file.team.bounds == (1, 2) and project.file.team.include == ["sme_c"]
    assert sorted(project.file.candidates) == ["lab_a", "lab_b", "sme_c"]
    assert project.warnings == ()
    # the candidates file's own block (size 9, an unknown include) is its own problem, not the team file's
    assert {d.code for d in check_file(folder / "sub" / "candidates.yaml")} == {"PF150", "PF153"}
    assert check_file(team_file(folder)) == []


@pytest.mark.parametrize(
    ("replace", "by", "line", "column", "code", "words"),
    [
        ("include: [sme_c]", "include: [sme_cc]", 8, 13, "PF150", "unknown candidate 'sme_cc' — did you mean 'sme_c'?"),
        ("budget: 200", "budget: 50", 8, 12, "PF156", "cost 80 together, over the budget 50"),
        ("  include: [sme_c]\n", "  cover: {quality: {min: 9}}\n", 8, 26, "PF152", "outside the scale [1, 5]"),
        ("  include: [sme_c]\n", "  inclde: [sme_c]\n", 8, 3, "PF104", "inclde"),
        ("sub/candidates.yaml", "sub/missing.yaml", 4, 13, "PF002", "does not exist"),
        ("sub/candidates.yaml", "team.yaml", 4, 13, "PF010", "is a team file"),
    ],
)
def test_problems_of_the_team_file_are_located_in_it(
    folder: Path, replace: str, by: str, line: int, column: int, code: str, words: str
) -> None:
    assert replace in TEAM
    path = team_file(folder, TEAM.replace(replace, by))
    with pytest.raises(InvalidInputError) as caught:
        load(path)
    [d] = caught.value.diagnostics
    assert (d.file, d.line, d.column, d.code) == (str(path), line, column, code), d.format()
    assert words in d.message
    assert [x.format() for x in check_file(path)] == [d.format()]


def test_a_warning_of_the_team_file_is_kept_on_the_project(folder: Path) -> None:
    path = team_file(folder, TEAM.replace("  include: [sme_c]\n", "  mix: [{type: labo, at_least: 1}]\n"))
    [warning] = load(path).warnings
    assert (warning.file, warning.line, warning.column, warning.code) == (str(path), 8, 16, "PW215")
    assert "did you mean 'lab'?" in warning.message


def test_the_candidates_files_own_errors_stay_located_in_it(folder: Path) -> None:
    named = folder / "sub" / "candidates.yaml"
    named.write_text(CANDIDATES.replace("quality: 4, price: 2", "quality: 7, price: 2"), encoding="utf-8")
    [d] = check_file(team_file(folder))
    assert (d.file, d.line, d.code) == (str(named), 10, "PF102")
