"""The report's perspectives apply the --weight overrides over each role's weights, as score --perspectives does."""

from __future__ import annotations

import datetime
from pathlib import Path

from partnerfit.analysis.gathered import gathered
from partnerfit.analysis.report import gather
from partnerfit.project.loading import load

FILE = """partnerfit: 1
kind: candidates
criteria:
  name: mini
  scale: [1, 5]
  criteria:
    quality: {weight: 2}
    cost: {weight: 1}
weights_by_role:
  buyers: {quality: 1, cost: 5}
candidates:
  a: {assessments: {ann: {quality: 5, cost: 1}, bob: {quality: 5, cost: 1}}}
  b: {assessments: {ann: {quality: 2, cost: 5}, bob: {quality: 2, cost: 5}}}
  c: {assessments: {ann: {quality: 3, cost: 3}, bob: {quality: 3, cost: 3}}}
"""


def _project(tmp_path: Path, weights: dict[str, float] | None = None):  # type: ignore[no-untyped-def]
    path = tmp_path / "c.yaml"
    path.write_text(FILE, encoding="utf-8")
    return load(path, weights=weights)


def test_without_overrides_the_buyers_pick_another_leader(tmp_path: Path) -> None:
    section = gathered(_project(tmp_path))
    assert section is not None and section.perspectives is not None
    assert section.perspectives.roles[0].leader == "b"


def test_overrides_win_over_the_roles_weights(tmp_path: Path) -> None:
    section = gathered(_project(tmp_path, {"cost": 0.1}), overrides={"cost": 0.1})
    assert section is not None and section.perspectives is not None
    assert section.perspectives.roles[0].leader == "a"


def test_the_report_passes_its_overrides_on(tmp_path: Path) -> None:
    today = datetime.date(2026, 1, 1)
    data = gather(_project(tmp_path, {"cost": 0.1}), today=today, overrides={"cost": 0.1}, samples=50)
    assert data.gathered is not None and data.gathered.perspectives is not None
    assert data.gathered.perspectives.roles[0].leader == "a"
    plain = gather(_project(tmp_path, {"cost": 0.1}), today=today, samples=50)
    assert plain.gathered is not None and plain.gathered.perspectives is not None
    assert plain.gathered.perspectives.roles[0].leader == "b"  # before: -w was lost under the role's weights
