"""`team` on a loaded project: the exact team, statuses, conflicts located, alternatives, core indexes, why-nots."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from partnerfit.analysis.team import choose, located
from partnerfit.analysis.team_build import build
from partnerfit.contract.team import Team
from partnerfit.errors import CandidateNotFoundError, InfeasibleTeamError, InvalidInputError
from partnerfit.project.loading import load

HEAD = """\
partnerfit: 1
kind: candidates
title: Team test
criteria:
  name: tiny
  scale: [1, 5]
  criteria:
    expertise: {weight: 3}
    money: {weight: 2}
    trust: {weight: 1}
  gates:
    sanctions_listed: {label: On a sanctions list}
"""

CANDIDATES = """\
candidates:
  lab_a: {type: lab, info: {country: DE, cost: 50}, gates: {sanctions_listed: false},
          scores: {expertise: 5, money: 2, trust: 4}}
  lab_b: {type: lab, info: {country: FR, cost: 40}, gates: {sanctions_listed: false},
          scores: {expertise: 4, money: 2, trust: 5}}
  sme_c: {type: company, tags: [sme], info: {country: FR, cost: 20}, gates: {sanctions_listed: false},
          scores: {expertise: 3, money: 3, trust: 4}}
  sme_d: {type: company, tags: [sme], info: {country: IT, cost: 25}, gates: {sanctions_listed: false},
          scores: {expertise: 4, money: 3, trust: 3}}
  bank_e: {type: company, info: {country: ES, cost: 60}, gates: {sanctions_listed: false},
           scores: {expertise: 2, money: 5, trust: 3}}
  agency_f: {type: public, info: {country: PT, cost: 10}, gates: {sanctions_listed: false},
             scores: {expertise: 2, money: 2, trust: 5}}
  shady_g: {type: company, info: {country: DE, cost: 5}, gates: {sanctions_listed: true},
            scores: {expertise: 5, money: 5, trust: 5}}
"""

TEAM = """\
team:
  size: [3, 4]
  budget: 130
  cover:
    money: {min: 5}
    expertise: {min: 4, at_least: 2}
  mix:
    - {type: lab, at_least: 1}
    - {tag: sme, at_most: 1}
    - {info: country, distinct_at_least: 3}
  exclude: [agency_f]
  never_together: [[lab_a, lab_b]]
"""


def write(tmp_path: Path, team: str = TEAM, candidates: str = CANDIDATES) -> Path:
    path = tmp_path / "c.yaml"
    path.write_text(HEAD + team + candidates, encoding="utf-8")
    return path


def test_the_team_is_the_enumerated_optimum_and_meets_every_constraint(tmp_path: Path) -> None:
    project = load(write(tmp_path))
    result = choose(project, alternatives_count=2)
    inst = build(project, project.file.team)  # type: ignore[arg-type]
    p = inst.portfolio
    feasible = [t for k in range(p.n + 1) for t in itertools.combinations(range(p.n), k) if p.feasible(t)]
    best = min(feasible, key=lambda t: (-round(p.value(t), 9), len(t), t))
    assert result.best.members == tuple(inst.ids[i] for i in best)
    assert all(c.satisfied for c in result.constraints)
    assert [c.id for c in result.constraints] == [
        "size", "budget", "cover:money", "cover:expertise", "mix:0", "mix:1", "mix:2",
        "exclude:agency_f", "never_together:0",
    ]  # fmt: skip
    assert "bank_e" in result.best.members  # the only one covering money
    assert result.best.cost is not None and result.best.cost <= 130
    assert [a.team.value for a in result.alternatives] == sorted(
        (a.team.value for a in result.alternatives), reverse=True
    )
    assert all(a.difference <= 0 for a in result.alternatives)


def test_the_json_is_format_md_s(tmp_path: Path) -> None:
    data = choose(load(write(tmp_path)), samples=20, seed=3).to_dict()
    assert {"partnerfit", "objective", "team", "constraints", "alternatives", "core_index", "samples", "seed"} <= set(
        data
    )
    assert set(data["team"]) == {"members", "value", "cost", "size"}
    assert data["team"]["cost"] == int(data["team"]["cost"])  # written whole, as FORMAT.md writes it
    assert {"id", "satisfied", "by"} <= set(data["constraints"][0])
    assert data["samples"] == 20 and data["seed"] == 3
    assert data["tie_rule"] == "value_then_size_then_ids"


def test_excluded_candidates_are_never_chosen(tmp_path: Path) -> None:
    project = load(write(tmp_path, "team:\n  size: [1, 7]\n"))
    result = choose(project, samples=30, seed=1)
    assert "shady_g" not in result.best.members
    assert "shady_g" not in result.core_index
    assert choose(project, why="shady_g").why.reason == "not_ranked"  # type: ignore[union-attr]
    with pytest.raises(InfeasibleTeamError) as caught:  # `check` refuses it in a file; the API may still ask
        choose(project, team=Team.model_validate({"size": 2, "include": ["shady_g"]}))
    assert [c[0] for c in caught.value.conflict] == ["include:shady_g"]


def test_an_infeasible_team_names_a_minimal_conflict_located_in_the_file(tmp_path: Path) -> None:
    team = "team:\n  size: 2\n  cover:\n    money: {min: 5}\n  mix:\n    - {type: lab, at_least: 2}\n"
    path = write(tmp_path, team)
    with pytest.raises(InfeasibleTeamError) as caught:
        choose(load(path))
    assert [c[0] for c in caught.value.conflict] == ["size", "cover:money", "mix:0"]
    diagnostics = located(caught.value, str(path))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert "size" in lines[diagnostics[0].line - 1]
    assert "money" in lines[diagnostics[1].line - 1]
    assert "lab" in lines[diagnostics[2].line - 1]
    assert "at least 2 members match type: lab" in diagnostics[2].message


def test_a_budget_needs_every_cost(tmp_path: Path) -> None:
    candidates = CANDIDATES.replace("info: {country: PT, cost: 10}", "info: {country: PT, cost: soon}")
    with pytest.raises(InvalidInputError) as caught:
        choose(load(write(tmp_path, candidates=candidates)))
    assert "agency_f" in str(caught.value) and "info.cost" in str(caught.value)


def test_the_core_index_is_deterministic_with_a_seed(tmp_path: Path) -> None:
    project = load(write(tmp_path))
    first = choose(project, samples=40, seed=7, alternatives_count=0)
    again = choose(project, samples=40, seed=7, alternatives_count=0)
    assert first.core_index == again.core_index
    assert set(first.core_index.values()) <= {k / 40 for k in range(41)}
    assert first.core_index["agency_f"] == 0.0  # excluded by the block: in no team
    assert first.core_index["bank_e"] == 1.0  # the only cover of money: in every team
    assert first.classes["bank_e"] == "core"


def test_why_a_candidate_is_left_out(tmp_path: Path) -> None:
    project = load(write(tmp_path))
    result = choose(project)
    members = set(result.best.members)
    assert choose(project, why="agency_f").why.reason == "exclude"  # type: ignore[union-attr]
    lab = "lab_b" if "lab_a" in members else "lab_a"
    why = choose(project, why=lab).why
    assert why is not None and why.reason == "never_together" and why.constraint == "never_together:0"
    assert choose(project, why="sme_c").why.reason == "infeasible"  # type: ignore[union-attr]
    loose = load(write(tmp_path, "team:\n  size: 3\n  budget: 100\n"))
    result = choose(loose)
    whys = [choose(loose, why=cid).why for cid in result.names if cid not in result.best.members]
    displaced = [w for w in whys if w is not None and w.reason == "displaced"]
    assert displaced
    for why in displaced:
        assert why.team_with is not None and why.candidate in why.team_with.members
        assert why.loss == pytest.approx(result.best.value - why.team_with.value)
        assert why.loss is not None and why.loss >= 0
        assert why.needed == why.loss  # total: its score must rise by the value lost
    with pytest.raises(CandidateNotFoundError):
        choose(project, why="nobody")


def test_complementarity_values_each_criterion_once(tmp_path: Path) -> None:
    project = load(write(tmp_path, "team:\n  size: 2\n  objective: complementarity\n"))
    result = choose(project)
    # lab_a brings expertise 5 and trust 4, bank_e money 5: 100 × (3·1 + 2·1 + 1·0.75)/6, each criterion once
    assert result.best.value == pytest.approx(100 * (3 + 2 + 0.75) / 6)
    assert result.best.members == ("bank_e", "lab_a")


def test_a_team_prints_nothing_to_stdout(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    project = load(write(tmp_path))
    choose(project, samples=5, seed=0, why="sme_c")
    out, _ = capfd.readouterr()
    assert out == ""
