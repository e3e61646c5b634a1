"""Broken variants of real files never crash a command: every run ends with exit 0, 1 or 2 and no exception.

Hypothesis mutates the examples and the built-in criteria the way hands and scripts break files:
lines deleted, duplicated or re-indented, values replaced by hostile tokens (NaN, huge numbers,
anchors, tags, wrong types), keys renamed. Each variant goes through one command. A second set of
generators (``hostile``) writes the YAML constructs attackers and old habits bring: YAML 1.1
numbers (075, 1:30), decimal commas, merge keys with any value, null and odd keys, several
documents, lone surrogates, control characters, special criteria paths and degenerate scales.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
SEEDS = [
    ROOT / "examples" / "packaging.yaml",
    ROOT / "examples" / "assessors.yaml",
    ROOT / "tests" / "data" / "valid" / "minimal.yaml",
    ROOT / "examples" / "consortium" / "candidates.yaml",  # a team: block, costs and countries
    ROOT / "tests" / "data" / "team" / "team.yaml",  # every kind of team constraint
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
    "075",
    "0o17",
    "0x1F",
    "1:30",
    "190:20:30",
    "3,5",
    "'3,5'",
    '"4"',
    "'4 '",
    "1_000",
    "+.5",
    "-.5e1",
    "1e3",
    "1.",
    "1e-300",
    "[0, 1e-300]",
    "[1, 1.000000000000001]",
    "{<<: *a}",
    '"\\ud800"',
    '"\\x1b[2J"',
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
    ["team", "-f", "json", "--samples", "5", "--seed", "1"],
    ["agreement", "-f", "json"],
    ["score", "--scenarios"],
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


NUMBERISH = ["075", "0o17", "0x1F", "0b101", "1:30", "190:20:30", "3,5", "'3,5'", '"4"', "'4 '", "1_000"]
NUMBERISH += ["+.5", "-.5e1", "1e3", ".5", "1.", "1.5e3", "1e-300", "5e-324", "50%", "!!int 075", "!!float x"]
MERGES = ["*m", "~", "[*m]", "3", "[1, *m]", "text", "{}", "[]", "*s", "{<<: *m}", "!!omap {a: 1}"]
KEYS = ["1", "true", "null", "~", "075", "1:30", "[a, b]", "{a: 1}", "''", "'1'", "!k x", "1.0"]
NAMES = ['"x\\ud800"', '"\\udc00"', '"\\ud83d\\ude00"', '"\\x1b[31mred"', '"a\\rb"', '"\\u202eevil"', '"\\x07"']
NAMES += ['"\\x00"', '"\\x85x"', "x\x1by", '"\\U0000D800"']
CRITERIA_REFS = ["", "~", "{}", "/dev/null", "/dev/zero", ".", "/etc/passwd", "nothere.yaml", "f.yaml", "'  '"]
SCALES = ["[0, 1e-300]", "[1, 1.000000000000001]", "[1e15, 1e15]", "[0, 1e-6]", "[-1e15, 1e15]", "[075, 10]"]


KINDS = ["number", "merge", "key", "documents", "name", "criteria", "scale"]


@st.composite
def hostile(draw: st.DrawFn, text: str, most: int = 3, kinds: tuple[str, ...] = tuple(KINDS)) -> str:
    """``text`` with one to ``most`` hostile YAML constructs of ``kinds`` written into it (see the module docstring)."""
    lines = text.splitlines()
    ids = [i for i, line in enumerate(lines) if re.match(r"^  [A-Za-z0-9_-]+:", line)]
    for _ in range(draw(st.integers(1, most))):
        how = draw(st.sampled_from(kinds))
        numbers = [i for i, line in enumerate(lines) if re.match(r"^\s+[\w-]+: \{?(score: )?-?\d", line)]
        if how == "number" and numbers:
            i = draw(st.sampled_from(numbers))
            lines[i] = re.sub(
                r"(: (\{score: )?)-?[\d.]+", lambda m: m.group(1) + draw(st.sampled_from(NUMBERISH)), lines[i], count=1
            )
        elif how == "merge" and ids:
            i = draw(st.sampled_from(ids))
            lines.insert(i + 1, "    <<: " + draw(st.sampled_from(MERGES)))
            lines.insert(0, "x-m: &m {name: merged}\nx-s: &s text")
            ids = [k + 1 for k in ids]
        elif how == "key" and ids:
            i = draw(st.sampled_from(ids))
            lines[i] = re.sub(r"^  [A-Za-z0-9_-]+:", "  " + draw(st.sampled_from(KEYS)) + ":", lines[i])
        elif how == "documents":
            lines.insert(
                draw(st.integers(0, len(lines))), draw(st.sampled_from(["---", "...", "--- !!map", "%YAML 1.1"]))
            )
        elif how == "name" and ids:
            i = draw(st.sampled_from(ids))
            lines.insert(i + 1, "    name: " + draw(st.sampled_from(NAMES)))
        elif how == "criteria":
            top = [i for i, line in enumerate(lines) if line.startswith("criteria:")]
            ref = draw(st.sampled_from(CRITERIA_REFS))
            if top:
                end = top[0] + 1
                while end < len(lines) and lines[end].startswith((" ", "#")):
                    end += 1  # an inline set goes with it
                lines[top[0] : end] = [f"criteria: {ref}"]
                ids = [i for i, line in enumerate(lines) if re.match(r"^  [A-Za-z0-9_-]+:", line)]
        elif how == "scale":
            scale = [i for i, line in enumerate(lines) if re.match(r"^\s+scale:", line)]
            if scale:
                i = scale[0]
                lines[i] = lines[i][: lines[i].index(":") + 1] + " " + draw(st.sampled_from(SCALES))
    return "\n".join(lines) + "\n"


@st.composite
def hostile_json(draw: st.DrawFn, text: str) -> str:
    """The seed as JSON, with a lone surrogate, a control character or a pair written in one of its texts."""
    from partnerfit.io.document import parse_text

    data = parse_text("seed", text, False).data
    body = json.dumps(data, ensure_ascii=False, indent=1)
    names = [m.end() for m in re.finditer(r'"name": "', body)]
    strings = names if names and draw(st.booleans()) else [m.end() for m in re.finditer(r'": "', body)]
    if strings:
        at = draw(st.sampled_from(strings))
        escape = draw(st.sampled_from(["\\ud800", "\\udfff", "\\ud83d\\ude00", "\\u001b[2J", "\\u0000", "\\u202e"]))
        body = body[:at] + escape + body[at:]
    return body


def hostile_file(draw: Callable[[st.SearchStrategy[Any]], Any], folder: Path, most: int = 3) -> Path:
    """A hostile candidates file written into ``folder`` (YAML, or JSON one time in four); its path."""
    text = draw(st.sampled_from(SEEDS)).read_text(encoding="utf-8")
    if draw(st.integers(0, 3)) == 0:
        path = folder / "f.json"
        path.write_text(draw(hostile_json(text)), encoding="utf-8")
    else:
        path = folder / "f.yaml"
        path.write_text(draw(hostile(text, most)), encoding="utf-8")
    return path


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_a_hostile_construct_never_crashes_a_command(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data):
    monkeypatch.chdir(tmp_path)
    path = hostile_file(data.draw, tmp_path)
    command, *options = data.draw(st.sampled_from(COMMANDS))
    args = [command, path.name, *("a" if option == "CANDIDATE" else option for option in options)]
    before = path.read_bytes()
    result = invoke(args)
    assert result.exit_code in (0, 1, 2), (args, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, repr(result.exception))
    assert "Traceback" not in result.stdout + result.stderr and "internal error" not in result.stderr
    assert path.read_bytes() == before
