"""Assessment files: folding equals the inline form, rounds, conflicts, located errors, check's warnings, consensus."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from partnerfit.cli.app import app
from partnerfit.contract.wording import translation
from partnerfit.errors import InvalidInputError
from partnerfit.project.assessment_files import sheets_of
from partnerfit.project.loading import check_file, load

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "consortium-assessments"
CRITERIA = """criteria:
  name: t
  scale: [1, 5]
  criteria:
    quality: {weight: 2}
    cost: {weight: 1, direction: lower}
"""
HEAD = "partnerfit: 1\nkind: candidates\n" + CRITERIA


def _run(*args: object) -> tuple[int, str]:
    result = CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": None, "NO_COLOR": None})
    return result.exit_code, result.output


def _write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder / "candidates.yaml"


def _assessment(who: str, body: str, round_: int = 1) -> str:
    return f"partnerfit: 1\nkind: assessment\nassessor: {who}\nround: {round_}\ncandidates:\n{body}"


def test_the_example_loads_with_rounds_conflicts_and_roles() -> None:
    project = load(EXAMPLE / "candidates.yaml")
    sheets = sheets_of(project)
    assert [(s.assessor, s.round, s.counted) for s in sheets] == [
        (a, r, r == 2) for a in ("alice", "bob", "chloe", "dan") for r in (1, 2)
    ]
    dan = next(s for s in sheets if s.assessor == "dan" and s.counted)
    assert dan.conflicts == {"lab_polymeres"} and "lab_polymeres" not in dan.scores and dan.role == "R&D"
    assessments = project.file.candidates["lab_polymeres"].assessments or {}
    assert sorted(assessments) == ["alice", "bob", "chloe"]  # the conflict of interest is not used
    alice = next(s for s in sheets if s.assessor == "alice" and s.round == 2)
    assert alice.notes[("startup_fibre", "expertise")].startswith("Two patents")


def test_only_the_highest_round_counts(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        {
            "candidates.yaml": HEAD + "assessment_files: [a/*.yaml]\ncandidates:\n  x: {}\n",
            "a/r1.yaml": _assessment("ann", "  x: {scores: {quality: 1}}\n", 1),
            "a/r2.yaml": _assessment("ann", "  x: {scores: {quality: 5}}\n", 2),
        },
    )
    project = load(path)
    assert project.file.candidates["x"].assessments == {"ann": {"quality": 5.0}}
    assert [(s.round, s.scores["x"]["quality"]) for s in sheets_of(project)] == [(1, 1.0), (2, 5.0)]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.dictionaries(
        st.sampled_from(["ann", "bob", "cyd"]),
        st.dictionaries(
            st.sampled_from(["p", "q", "r"]),
            st.dictionaries(st.sampled_from(["quality", "cost"]), st.integers(1, 5), min_size=1),
            min_size=1,
        ),
        min_size=1,
    )
)
def test_splitting_into_assessor_files_gives_the_same_json(tmp_path_factory: pytest.TempPathFactory, by: dict) -> None:
    candidates = ["p", "q", "r"]
    inline, split = tmp_path_factory.mktemp("inline"), tmp_path_factory.mktemp("split")
    lines = []
    for cid in candidates:
        sheets = {a: by[a][cid] for a in sorted(by) if cid in by[a]}
        lines.append(f"  {cid}:" if sheets else f"  {cid}: {{}}")
        if sheets:
            lines.append("    assessments:")
            lines += [f"      {a}: {s}" for a, s in sheets.items()]
    _write(inline, {"candidates.yaml": HEAD + "candidates:\n" + "\n".join(lines) + "\n"})
    files = {"candidates.yaml": HEAD + "assessment_files: [assessments/*.yaml]\ncandidates:\n"}
    files["candidates.yaml"] += "".join(f"  {c}: {{}}\n" for c in candidates)
    for a, sheet in by.items():
        files[f"assessments/{a}.yaml"] = _assessment(a, "".join(f"  {c}: {{scores: {s}}}\n" for c, s in sheet.items()))
    _write(split, files)
    outputs = []
    for folder in (inline, split):
        code, out = _run("score", folder / "candidates.yaml", "--format", "json")
        assert code == 0, out
        outputs.append(out.replace(str(folder), "DIR"))
    assert outputs[0] == outputs[1]


BAD = {
    "unknown candidate": (
        _assessment("ann", "  xx: {scores: {quality: 3}}\n"),
        "a/ann.yaml:6:3: error: candidates.xx: unknown candidate 'xx' — did you mean 'x'?",
    ),
    "unknown criterion": (
        _assessment("ann", "  x: {scores: {qualty: 3}}\n"),
        "a/ann.yaml:6:16: error: candidates.x.scores.qualty: unknown criterion 'qualty' — did you mean 'quality'?",
    ),
    "out of scale": (_assessment("ann", "  x: {scores: {quality: 9}}\n"), "a/ann.yaml:6:25: error:"),
    "wrong type": (_assessment("ann", "  x: {scores: {quality: high}}\n"), "a/ann.yaml:6:25: error:"),
    "not an assessment": ("partnerfit: 1\nkind: candidates\ncandidates: {x: {}}\n", "a/ann.yaml:2:7: error:"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_errors_are_located_in_the_assessment_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    text, expected = BAD[case]
    _write(
        tmp_path, {"candidates.yaml": HEAD + "assessment_files: [a/*.yaml]\ncandidates:\n  x: {}\n", "a/ann.yaml": text}
    )
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InvalidInputError) as caught:
        load("candidates.yaml")
    shown = [f"{d.file}:{d.line}:{d.column}: {d.severity}: {d.path}: {d.message}" for d in caught.value.diagnostics]
    assert any(line.startswith(expected.split(": ", 3)[0]) and expected.split(": ")[-1] in line for line in shown), (
        shown
    )


def test_the_same_assessor_twice_names_both_places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(
        tmp_path,
        {
            "candidates.yaml": HEAD
            + "assessment_files: [a/*.yaml]\ncandidates:\n  x: {assessments: {ann: {quality: 2}}}\n"
            "  y: {scores: {quality: 2}}\n",
            "a/ann.yaml": _assessment("ann", "  x: {scores: {quality: 3}}\n"),
            "a/bob.yaml": _assessment("bob", "  y: {scores: {quality: 3}}\n"),
            "a/bob2.yaml": _assessment("bob", "  x: {scores: {quality: 3}}\n"),
        },
    )
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InvalidInputError) as caught:
        load("candidates.yaml")
    shown = {f"{d.file}:{d.line}:{d.column}: {d.message}" for d in caught.value.diagnostics}
    assert "a/ann.yaml:3:11: assessor 'ann' appears twice: here and at candidates.yaml:11:21" in shown
    assert "a/bob2.yaml:3:11: assessor 'bob' appears twice: here and at a/bob.yaml:3:11" in shown
    assert (
        "candidates.yaml:12:7: candidate 'y' has 'scores' here and assessments in files (a/bob.yaml:6:3); "
        "keep one or the other" in shown
    )


def test_check_says_who_has_not_scored_what_and_an_empty_glob(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(
        tmp_path,
        {
            "candidates.yaml": HEAD + "assessment_files: [a/*.yaml, none/*.yaml]\ncandidates:\n  x: {}\n  y: {}\n",
            "a/ann.yaml": _assessment(
                "ann", "  x: {scores: {quality: 3, cost: 2}}\n  y: {conflict_of_interest: true}\n"
            ),
            "a/bob.yaml": _assessment("bob", "  x: {scores: {quality: 3}}\n"),
        },
    )
    monkeypatch.chdir(tmp_path)
    found = {f"{d.file}:{d.line}:{d.column}: {d.code}: {d.message}" for d in check_file("candidates.yaml")}
    assert "candidates.yaml:9:30: PW208: no file matches 'none/*.yaml'" in found
    assert (
        "a/bob.yaml:3:11: PW209: bob has not scored 3 of 4 (candidate, criterion) pairs: x/cost, y/quality, y/cost"
        in found
    )
    assert not any("ann has not scored" in line for line in found)  # a conflict of interest is not expected
    code, out = _run("check", tmp_path)  # the folder: the assessment files are no unknown kinds
    assert code == 0 and "3 warnings" in out, out


def test_consensus_rules_warn_and_strict_fails(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "ex")
    path = tmp_path / "ex" / "candidates.yaml"
    text = path.read_text(encoding="utf-8").replace("min_assessors: 3", "min_assessors: 4").replace("0.5", "0.99")
    path.write_text(text, encoding="utf-8")
    codes = [d.code for d in check_file(path)]
    assert "PW210" in codes and "PW211" in codes
    assert _run("check", path)[0] == 0
    assert _run("check", "--strict", path)[0] == 1
    done = subprocess.run(
        [sys.executable, "-m", "partnerfit", "score", str(path), "--format", "json"], capture_output=True, text=True
    )
    code, out = done.returncode, done.stdout
    assert code == 0 and '"held": false' in out and '"rule": "min_assessors"' in out
    table = subprocess.run([sys.executable, "-m", "partnerfit", "score", str(path)], capture_output=True, text=True)
    assert "Consensus rules" in table.stdout


def test_messages_in_french(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "candidates.yaml": HEAD + "assessment_files: [a/*.yaml]\ncandidates:\n  x: {}\n",
            "a/ann.yaml": _assessment("ann", "  xx: {scores: {quality: 3}}\n"),
        },
    )
    with pytest.raises(InvalidInputError) as caught:
        load(tmp_path / "candidates.yaml")
    assert caught.value.diagnostics[0].text(translation("fr")) == "candidat inconnu 'xx' — vouliez-vous dire 'x' ?"
