"""Stakeholder perspectives: a role's weights can change its leader; the file's own weights give the compromise."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnerfit.analysis.perspectives import NoPerspectivesError, perspectives
from partnerfit.project.loading import load

HEAD = """partnerfit: 1
kind: candidates
criteria:
  name: mini
  scale: [1, 5]
  criteria:
    quality: {weight: 2}
    cost: {weight: 1}
candidates:
  a: {scores: {quality: 5, cost: 1}}
  b: {scores: {quality: 2, cost: 5}}
  c: {scores: {quality: 3, cost: 3}}
"""


def _write(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "c.yaml"
    path.write_text(HEAD + extra, encoding="utf-8")
    return path


def test_a_role_favouring_another_candidate_changes_its_leader(tmp_path: Path) -> None:
    path = _write(tmp_path, "weights_by_role:\n  buyers: {quality: 1, cost: 5}\n")
    report = perspectives(load(path))
    assert report.compromise.leader == "a"
    (buyers,) = report.roles
    assert buyers.leader == "b" and buyers.leader_differs
    assert buyers.compromise_rank == 3
    assert buyers.gap is not None and buyers.gap > 0
    assert buyers.top_missing == ()  # three candidates: the top 3 is everyone


def test_a_role_with_the_files_weights_agrees(tmp_path: Path) -> None:
    path = _write(tmp_path, "weights_by_role:\n  same: {quality: 2, cost: 1}\n  scaled: {quality: 4, cost: 2}\n")
    report = perspectives(load(path))
    for role in report.roles:
        assert dict(role.ranks) == dict(report.compromise.ranks)
        assert not role.leader_differs and role.gap == 0


def test_weight_overrides_apply_over_each_role(tmp_path: Path) -> None:
    path = _write(tmp_path, "weights_by_role:\n  buyers: {quality: 1, cost: 5}\n")
    report = perspectives(load(path, weights={"cost": 0.1}), overrides={"cost": 0.1})
    assert report.roles[0].leader == "a"


def test_no_weights_by_role_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NoPerspectivesError):
        perspectives(load(_write(tmp_path, "")))


def test_unknown_id_is_located_with_a_hint(tmp_path: Path) -> None:
    from partnerfit.errors import InvalidInputError

    path = _write(tmp_path, "weights_by_role:\n  buyers: {qualty: 1}\n")
    with pytest.raises(InvalidInputError) as caught:
        load(path)
    (d,) = caught.value.diagnostics
    assert d.line == 14 and d.code == "PF109" and "quality" in d.message
