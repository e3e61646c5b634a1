"""`check` and `score` agree: a file check passes always scores, a file score refuses check refuses too.

The files are the fuzz test's: real examples broken by hand-like edits, and hostile YAML or JSON
constructs (YAML 1.1 numbers, merges, odd keys, several documents, lone surrogates, control
characters, special criteria paths, degenerate scales), plus a broken criteria file they name.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.cli.test_cli_fuzz import CRITERIA, KINDS, SEEDS, broken, hostile, hostile_json


@st.composite
def candidates_files(draw: st.DrawFn, folder: Path) -> Path:
    """A candidates file in ``folder``: one hostile construct (each kind as likely), a broken example, JSON
    with odd escapes, or a file naming a broken criteria file."""
    how = draw(st.sampled_from([*KINDS, "json", "broken", "criteria file"]))
    seed = draw(st.sampled_from(SEEDS)).read_text(encoding="utf-8")
    path = folder / "f.yaml"
    if how in KINDS:
        path.write_text(draw(hostile(seed, 1, (how,))), encoding="utf-8")
    elif how == "json":
        path = folder / "f.json"
        path.write_text(draw(hostile_json(seed)), encoding="utf-8")
    elif how == "broken":
        path.write_text(draw(broken(seed)), encoding="utf-8")
    else:
        criteria = CRITERIA.read_text(encoding="utf-8")
        mutate = draw(st.sampled_from([broken, hostile]))
        (folder / "c.yaml").write_text(draw(mutate(criteria)), encoding="utf-8")
        path.write_text("criteria: c.yaml\ncandidates:\n  a: {scores: {loyalty: 3}}\n  b: {scores: {loyalty: 4}}\n")
    return path


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_check_passes_exactly_the_files_score_accepts(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data):
    monkeypatch.chdir(tmp_path)
    path = data.draw(candidates_files(tmp_path))
    checked = invoke(["check", path.name])
    scored = invoke(["score", path.name])
    assert checked.exit_code in (0, 1) and scored.exit_code in (0, 1), (checked.output, scored.output)
    if checked.exit_code == 0:
        assert scored.exit_code == 0, (path.read_text(encoding="utf-8"), scored.stderr)
    if scored.exit_code == 1:
        assert checked.exit_code == 1, (path.read_text(encoding="utf-8"), scored.stderr)
        assert re.search(r"^(error: |.+:\d+:\d+: error: )", scored.stderr, re.MULTILINE), scored.stderr
