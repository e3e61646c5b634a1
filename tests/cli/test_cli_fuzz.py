"""Broken variants of real files never crash a command: every run ends with exit 0, 1 or 2 and no exception.

Hypothesis mutates the examples and the built-in criteria the way hands and scripts break files:
lines deleted, duplicated or re-indented, values replaced by hostile tokens (NaN, huge numbers,
anchors, tags, wrong types), keys renamed. Each variant goes through one command.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
SEEDS = [
    ROOT / "examples" / "packaging.yaml",
    ROOT / "examples" / "assessors.yaml",
    ROOT / "tests" / "data" / "valid" / "minimal.yaml",
]
CRITERIA = ROOT / "criteria" / "partnership.yaml"
TOKENS = [
    "",
    "-1",
    "0",
    "1e309",
    "1e15",
    "-1e16",
    "5e-324",
    ".nan",
    "-.inf",
    "[]",
    "{}",
    "null",
    "~",
    "yes",
    "'x'",
    "&a x",
    "*a",
    "!!python/object:os.system",
    "99",
    "2.5",
    "[1, 5]",
    "[5, 1]",
    "[-1e15, 1e15]",
    "{score: 3}",
    "{score: 3, uncertainty: 9}",
    "{en: x}",
    "lower",
    "ahp",
    "- a",
    ": :",
    "'",
    '"',
    "é",
    "🙂",
]
COMMANDS = [
    ["check"],
    ["score", "-f", "json"],
    ["score", "--method", "topsis", "--missing", "worst"],
    ["score", "--compare"],
    ["weights"],
    ["sensitivity", "--samples", "100", "--seed", "1"],
    ["explain", "-f", "json", "CANDIDATE"],
    ["report", "-o", "OUT.md", "--date", "2026-01-01"],
]


@st.composite
def broken(draw: st.DrawFn, text: str) -> str:
    lines = text.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        how = draw(st.sampled_from(["delete", "duplicate", "value", "splice", "indent", "rename"]))
        line = lines[i]
        if how == "delete":
            del lines[i]
        elif how == "duplicate":
            lines.insert(i, lines[draw(st.integers(0, len(lines) - 1))])
        elif how == "value" and ":" in line:
            lines[i] = line[: line.index(":") + 1] + " " + draw(st.sampled_from(TOKENS))
        elif how == "splice" and line:
            j = draw(st.integers(0, len(line) - 1))
            lines[i] = line[:j] + draw(st.sampled_from(TOKENS)) + line[j + 1 :]
        elif how == "indent":
            lines[i] = " " * draw(st.integers(0, 6)) + line.lstrip()
        elif how == "rename":
            lines[i] = line.replace("criteria", draw(st.sampled_from(["criterion", "groups", "gates", "scores"])))
    return "\n".join(lines) + "\n"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_a_broken_file_never_crashes_a_command(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data):
    monkeypatch.chdir(tmp_path)
    seed = data.draw(st.sampled_from([*SEEDS, CRITERIA]))
    if seed == CRITERIA:
        Path("c.yaml").write_text(data.draw(broken(CRITERIA.read_text(encoding="utf-8"))), encoding="utf-8")
        Path("f.yaml").write_text("criteria: c.yaml\ncandidates:\n  a: {scores: {loyalty: 3}}\n", encoding="utf-8")
    else:
        Path("f.yaml").write_text(data.draw(broken(seed.read_text(encoding="utf-8"))), encoding="utf-8")
    command, *options = data.draw(st.sampled_from(COMMANDS))
    ids = re.findall(r"^  ([A-Za-z0-9_-]+):", Path("f.yaml").read_text(encoding="utf-8"), re.MULTILINE) or ["a"]
    args = [command, "f.yaml", *(ids[0] if option == "CANDIDATE" else option for option in options)]
    before = Path("f.yaml").read_bytes()
    result = invoke(args)
    assert result.exit_code in (0, 1, 2), (args, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, repr(result.exception))
    assert "Traceback" not in result.output
    assert Path("f.yaml").read_bytes() == before  # input files are never modified
