"""`partnerfit weights` with judgements per participant: the group's consensus, each one's weights and CR."""

from __future__ import annotations

import json
from pathlib import Path

from tests.contract.test_judgements import FLAT


def test_weights_shows_the_participants(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "c.yaml"
    path.write_text(FLAT, encoding="utf-8")
    result = invoke(["weights", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    (origin,) = json.loads(result.stdout)["origins"]
    assert set(origin["participants"]) == {"alice", "bob"}
    assert origin["participants"]["alice"]["cr"] < 0.1 and 0 < origin["consensus"] < 1
    table = invoke(["weights", str(path)]).stdout
    assert "the judgements of 2 participants, merged by geometric mean; consensus" in table
    assert "alice: quality" in table
    french = invoke(["weights", str(path), "--format", "markdown", "--lang", "fr"]).stdout
    assert "les jugements de 2 participants, fusionnés par moyenne géométrique" in french
