"""The error contract: every file in tests/data/invalid gives exactly the lines next to it.

Each ``tests/data/invalid/NAME.yaml`` (or ``.json``) has a sibling ``NAME.expected`` holding
the diagnostics ``check_file`` must return, one ``Diagnostic.format()`` line each, with the
placeholders ``{file}`` (the file as diagnostics show it) and ``{dir}`` (its folder as passed
to ``check_file``). To add a case: write the input, run ``check_file`` on it, paste the
output with ``{file}`` substituted, then check by hand that each line points at the offending
key or value and says what was found and what is expected.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

import partnerfit
from partnerfit.errors import InvalidInputError

DATA = Path(__file__).resolve().parent / "data"
INVALID = DATA / "invalid"
VALID = DATA / "valid"
INVALID_FILES = sorted(p for p in INVALID.iterdir() if p.suffix in (".yaml", ".json"))
HOSTILE = {
    "alias_bomb.yaml",
    "recursive_alias.yaml",
    "deep_block.yaml",
    "deep_flow.yaml",
    "json_deep.json",
}
SAFETY_BOUND_S = 2.0
MARKER = "partnerfit-hacked.txt"  # what python_tag.yaml's os.system call would write


def expected_lines(path: Path) -> list[str]:
    text = path.with_suffix(".expected").read_text(encoding="utf-8")
    shown = os.path.relpath(path)  # how diagnostics name a file: relative to the cwd
    return [
        line.replace("{file}", shown).replace("{dir}", str(path.parent))
        for line in text.splitlines()
    ]


def formatted(path: Path) -> list[str]:
    return [d.format() for d in partnerfit.check_file(path)]


def test_the_corpus_is_complete() -> None:
    assert len(INVALID_FILES) >= 45
    for path in INVALID_FILES:
        assert path.with_suffix(".expected").is_file(), f"{path.name} has no .expected file"
    stems = {p.stem for p in INVALID_FILES}
    orphans = [p.name for p in INVALID.glob("*.expected") if p.stem not in stems]
    assert not orphans


@pytest.mark.parametrize("path", INVALID_FILES, ids=lambda p: p.name)
def test_invalid_file_gives_exactly_the_expected_diagnostics(path: Path) -> None:
    start = time.perf_counter()
    lines = formatted(path)
    elapsed = time.perf_counter() - start
    assert lines == expected_lines(path)
    assert any(": error: " in line for line in lines)
    if path.name in HOSTILE:
        assert elapsed < SAFETY_BOUND_S, f"{path.name} took {elapsed:.2f} s"


@pytest.mark.parametrize("path", INVALID_FILES, ids=lambda p: p.name)
def test_load_raises_with_every_diagnostic(path: Path) -> None:
    with pytest.raises(InvalidInputError) as caught:
        partnerfit.load(path)
    if b"kind: criteria" in path.read_bytes():
        # load() reads candidates files: it refuses a criteria file before validating it
        assert "this is a criteria file" in str(caught.value)
        return
    assert [d.format() for d in caught.value.diagnostics] == expected_lines(path)


def test_load_error_names_the_first_error_and_counts_the_others() -> None:
    path = INVALID / "several_errors.yaml"
    with pytest.raises(InvalidInputError) as caught:
        partnerfit.load(path)
    lines = expected_lines(path)
    assert len(caught.value.diagnostics) == 6
    assert str(caught.value) == f"{lines[0]} (and 5 more)"


def test_check_file_reports_a_criteria_file_given_to_load() -> None:
    path = VALID / "relative" / "sets" / "mine.yaml"
    assert partnerfit.check_file(path) == []
    with pytest.raises(InvalidInputError, match="this is a criteria file"):
        partnerfit.load(path)


def test_python_tag_executes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = INVALID / "python_tag.yaml"
    assert MARKER in source.read_text(encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # where os.system would write its marker
    lines = formatted(source)
    with pytest.raises(InvalidInputError):
        partnerfit.load(source)
    assert lines == expected_lines(source)
    assert not (tmp_path / MARKER).exists()
    assert list(tmp_path.iterdir()) == []


def test_input_files_are_never_modified() -> None:
    files = sorted(p for p in DATA.rglob("*") if p.is_file())
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files}
    for path in files:
        if path.suffix in (".yaml", ".json"):
            partnerfit.check_file(path)
            try:
                partnerfit.load(path)
            except InvalidInputError:
                pass
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files}
    assert after == before
    assert sorted(p for p in DATA.rglob("*") if p.is_file()) == files


# --- valid files ------------------------------------------------------------------------


def test_valid_file_gives_no_diagnostic() -> None:
    path = VALID / "minimal.yaml"
    assert partnerfit.check_file(path) == []
    project = partnerfit.load(path)
    assert project.warnings == ()
    assert project.criteria.ids == ("quality", "cost")
    assert set(project.file.candidates) == {"acme", "globex"}
    # weights: {quality: 3} overrides the inline weight 2 (against cost's default 1)
    assert project.criteria.weights == pytest.approx({"quality": 0.75, "cost": 0.25})


@pytest.mark.parametrize(
    ("name", "transform"),
    [
        ("bom.yaml", lambda raw: b"\xef\xbb\xbf" + raw),
        ("crlf.yaml", lambda raw: raw.replace(b"\n", b"\r\n")),
        ("bom_crlf.yaml", lambda raw: b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n")),
    ],
)
def test_bom_and_crlf_files_load_fine(tmp_path: Path, name: str, transform) -> None:
    raw = (VALID / "minimal.yaml").read_bytes()
    path = tmp_path / name
    path.write_bytes(transform(raw))
    assert partnerfit.check_file(path) == []
    plain = partnerfit.load(VALID / "minimal.yaml")
    assert partnerfit.load(path).file == plain.file


def test_bom_and_crlf_keep_error_locations(tmp_path: Path) -> None:
    source = INVALID / "score_text.yaml"
    path = tmp_path / "score_text.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + source.read_bytes().replace(b"\n", b"\r\n"))
    wanted = [
        line.replace(os.path.relpath(source), os.path.relpath(path))
        for line in expected_lines(source)
    ]
    assert formatted(path) == wanted


def test_json_with_bom_loads_fine(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    text = '{"criteria": {"criteria": {"q": {}}}, "candidates": {"acme": {"scores": {"q": 3}}}}'
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert partnerfit.check_file(path) == []


def test_yes_no_are_gate_answers_but_names_stay_text() -> None:
    project = partnerfit.load(VALID / "gates_yes_no.yaml")
    norway = project.file.candidates["norway"]
    assert norway.name == "no"
    assert norway.type == "yes"
    assert norway.gates == {"sanctions_listed": False, "excluded_activity": True}
    other = project.file.candidates["on"]  # `on:` as a key stays the text 'on'
    assert other.name == "off"
    assert other.gates == {"sanctions_listed": False, "excluded_activity": False}


def test_relative_criteria_path_is_resolved_from_the_candidates_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = VALID / "relative" / "candidates.yaml"
    assert partnerfit.check_file(path) == []
    project = partnerfit.load(path)
    assert project.criteria.name == "mine"
    assert project.criteria.weights == pytest.approx({"reach": 0.25, "trust": 0.75})


def test_relative_criteria_path_follows_a_copied_tree(tmp_path: Path) -> None:
    shutil.copytree(VALID / "relative", tmp_path / "copy")
    (tmp_path / "copy" / "sets" / "mine.yaml").write_text(
        "kind: criteria\nname: copied\ncriteria: {reach: {}, trust: {}}\n", encoding="utf-8"
    )
    assert partnerfit.load(tmp_path / "copy" / "candidates.yaml").criteria.name == "copied"


# --- known bugs in src/ (strict: remove the marker once fixed) ---------------------------

SILENT_TYPE_ERRORS = {
    # A value of the wrong container type where a union is expected: every branch error is
    # dropped by messages.diagnostics_from (_branch_fits), so nothing at all is reported.
    "score_list": ("    scores: {q: [4]}\n", "candidates.acme.scores.q", 5, 17),
    "info_list": ("    info: {x: [1]}\n    scores: {q: 4}\n", "candidates.acme.info.x", 5, 15),
    "info_mapping": ("    info: {x: {y: 1}}\n    scores: {q: 4}\n", "candidates.acme.info.x", 5, 15),
    "evidence_mapping": (
        "    scores: {q: {score: 4, evidence: {a: 1}}}\n",
        "candidates.acme.scores.q.evidence",
        5,
        38,
    ),
}


@pytest.mark.xfail(strict=True, reason="src bug: union type errors are silently dropped")
@pytest.mark.parametrize("case", sorted(SILENT_TYPE_ERRORS))
def test_a_wrong_container_type_is_never_silent(tmp_path: Path, case: str) -> None:
    body, where, line, column = SILENT_TYPE_ERRORS[case]
    path = tmp_path / f"{case}.yaml"
    path.write_text(
        "kind: candidates\ncriteria: {criteria: {q: {}}}\ncandidates:\n  acme:\n" + body,
        encoding="utf-8",
    )
    errors = [d for d in partnerfit.check_file(path) if d.severity == "error"]
    assert [(d.path, d.line, d.column) for d in errors] == [(where, line, column)]


@pytest.mark.xfail(strict=True, reason="src bug: `criteria: [a, b]` is reported by nothing")
def test_criteria_of_the_wrong_type_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "criteria_list.yaml"
    path.write_text(
        "kind: candidates\ncriteria: [a, b]\ncandidates:\n  acme:\n    scores: {q: 4}\n",
        encoding="utf-8",
    )
    errors = [d for d in partnerfit.check_file(path) if d.severity == "error"]
    assert [(d.path, d.line, d.column) for d in errors] == [("criteria", 2, 11)]


@pytest.mark.xfail(strict=True, reason="src bug: an invalid candidate skips its scale checks")
def test_an_invalid_candidate_still_gets_its_scores_checked(tmp_path: Path) -> None:
    path = tmp_path / "hidden.yaml"
    path.write_text(
        "kind: candidates\ncriteria: {criteria: {q: {}}}\ncandidates:\n"
        "  acme:\n    name: 42\n    scores: {q: 9}\n",
        encoding="utf-8",
    )
    errors = [d for d in partnerfit.check_file(path) if d.severity == "error"]
    assert [d.path for d in errors] == ["candidates.acme.name", "candidates.acme.scores.q"]


@pytest.mark.xfail(strict=True, reason="src bug: an unknown kind is reported twice")
def test_an_unknown_kind_is_reported_once(tmp_path: Path) -> None:
    path = tmp_path / "kind.yaml"
    path.write_text(
        "kind: candidate\ncriteria: {criteria: {q: {}}}\ncandidates:\n  acme:\n"
        "    scores: {q: 4}\n",
        encoding="utf-8",
    )
    errors = [d for d in partnerfit.check_file(path) if d.severity == "error"]
    assert [(d.path, d.line, d.column) for d in errors] == [("kind", 1, 7)]
