"""The error contract: every file in tests/data/invalid gives exactly the lines next to it.

Each ``tests/data/invalid/NAME.yaml`` (or ``.json``) has a sibling ``NAME.expected`` holding
the diagnostics ``check_file`` must return, one ``Diagnostic.format()`` line each, with the
placeholders ``{file}`` (the file as diagnostics show it) and ``{dir}`` (its folder, shown the
same way: relative to the cwd). To add a case: write the input, run ``check_file`` on it, paste the
output with ``{file}`` substituted, then check by hand that each line points at the offending
key or value and says what was found and what is expected.
"""

from __future__ import annotations

import contextlib
import shutil
import time
from pathlib import Path

import pytest

import partnerfit
from partnerfit.errors import InvalidInputError
from partnerfit.io.document import display_path

DATA = Path(__file__).resolve().parents[1] / "data"
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
# .expected files that hold the right output while src/ still gives another (strict: XPASS once fixed)
KNOWN_WRONG: dict[str, str] = {}
MARKER = "partnerfit-hacked.txt"  # what python_tag.yaml's os.system call would write


def expected_lines(path: Path) -> list[str]:
    text = path.with_suffix(".expected").read_text(encoding="utf-8")
    shown = display_path(path)  # how diagnostics name a file
    folder = display_path(path.parent)
    return [line.replace("{file}", shown).replace("{dir}", folder) for line in text.splitlines()]


def formatted(path: Path) -> list[str]:
    return [d.format() for d in partnerfit.check_file(path)]


def corpus() -> list:
    return [
        pytest.param(p, id=p.name, marks=pytest.mark.xfail(strict=True, reason=KNOWN_WRONG[p.name]))
        if p.name in KNOWN_WRONG
        else pytest.param(p, id=p.name)
        for p in INVALID_FILES
    ]


def test_the_corpus_is_complete() -> None:
    assert len(INVALID_FILES) >= 45
    for path in INVALID_FILES:
        assert path.with_suffix(".expected").is_file(), f"{path.name} has no .expected file"
    stems = {p.stem for p in INVALID_FILES}
    orphans = [p.name for p in INVALID.glob("*.expected") if p.stem not in stems]
    assert not orphans


@pytest.mark.parametrize("path", corpus())
def test_invalid_file_gives_exactly_the_expected_diagnostics(path: Path) -> None:
    start = time.perf_counter()
    lines = formatted(path)
    elapsed = time.perf_counter() - start
    assert lines == expected_lines(path)
    assert any(": error: " in line for line in lines)
    if path.name in HOSTILE:
        assert elapsed < SAFETY_BOUND_S, f"{path.name} took {elapsed:.2f} s"


@pytest.mark.parametrize("path", corpus())
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
    assert expected_lines(source)[0] in lines  # the tag is refused (the exact lines: the corpus test)
    assert not (tmp_path / MARKER).exists()
    assert list(tmp_path.iterdir()) == []


def test_input_files_are_never_modified() -> None:
    files = sorted(p for p in DATA.rglob("*") if p.is_file())
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files}
    for path in files:
        if path.suffix in (".yaml", ".json"):
            partnerfit.check_file(path)
            with contextlib.suppress(InvalidInputError):
                partnerfit.load(path)
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
    wanted = [line.replace(display_path(source), display_path(path)) for line in expected_lines(source)]
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


# --- all errors of a file at once ------------------------------------------------------


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


CANDIDATE = "kind: candidates\ncriteria: {criteria: {q: {}}}\ncandidates:\n  acme:\n"


def errors_in(path: Path) -> list[tuple[str, int, int, str]]:
    return [(d.path, d.line, d.column, d.message) for d in partnerfit.check_file(path) if d.severity == "error"]


def test_yaml_problems_are_reported_with_the_validation_errors(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "both.yaml",
        CANDIDATE + "    name: !custom Acme\n    tags: [a]\n    tags: [b]\n    scores: {q: 9}\n",
    )
    expected = [
        (
            "",
            5,
            11,
            "the tag '!custom' is not allowed; partnerfit files hold plain mappings, lists, texts and numbers",
        ),
        ("", 7, 5, "duplicate key 'tags' (first defined at line 6); a key may appear once in a mapping"),
        ("candidates.acme.scores.q", 8, 17, "score 9 is outside the scale [1, 5] of 'q'"),
    ]
    assert errors_in(path) == expected
    with pytest.raises(InvalidInputError) as caught:
        partnerfit.load(path)
    assert [(d.path, d.line, d.column, d.message) for d in caught.value.diagnostics] == expected


def test_a_file_whose_only_problem_is_a_duplicate_key_does_not_load(tmp_path: Path) -> None:
    path = write(tmp_path, "dup.yaml", CANDIDATE + "    scores: {q: 4}\n    scores: {q: 5}\n")
    with pytest.raises(InvalidInputError, match="duplicate key 'scores'"):
        partnerfit.load(path)


CRITERIA_WITH_PROBLEMS = "kind: criteria\nname: x\ncriteria:\n  q: {weight: -1}\n  r: {}\nname: y\n"
CRITERIA_ERRORS = [
    ("criteria.q.weight", 4, 15, "expected a number greater than 0, found the number -1"),
    ("", 6, 1, "duplicate key 'name' (first defined at line 2); a key may appear once in a mapping"),
]


def test_a_criteria_file_reports_yaml_problems_with_its_validation_errors(tmp_path: Path) -> None:
    assert errors_in(write(tmp_path, "crit.yaml", CRITERIA_WITH_PROBLEMS)) == CRITERIA_ERRORS


def test_load_criteria_reports_yaml_problems_with_its_validation_errors(tmp_path: Path) -> None:
    path = write(tmp_path, "crit.yaml", CRITERIA_WITH_PROBLEMS)
    with pytest.raises(InvalidInputError) as caught:
        partnerfit.load_criteria(path)
    found = [(d.path, d.line, d.column, d.message) for d in caught.value.diagnostics]
    assert sorted(found, key=lambda d: d[1:3]) == CRITERIA_ERRORS  # the order: see the known bugs below


def test_an_invalid_candidate_still_gets_its_scores_checked(tmp_path: Path) -> None:
    path = write(tmp_path, "hidden.yaml", CANDIDATE + "    name: 42\n    scores: {q: 9}\n")
    errors = [d for d in partnerfit.check_file(path) if d.severity == "error"]
    assert [d.path for d in errors] == ["candidates.acme.name", "candidates.acme.scores.q"]


def test_an_invalid_candidate_gets_every_later_check(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "hidden.yaml",
        CANDIDATE + "    name: 42\n    scores: {q: 9, zz: 3}\n    assessments: {al: {q: 2}}\n",
    )
    assert errors_in(path) == [
        ("candidates.acme.name", 5, 11, "expected a text, found the number 42 — put it in quotes"),
        ("candidates.acme.scores.q", 6, 17, "score 9 is outside the scale [1, 5] of 'q'"),
        ("candidates.acme.scores.zz", 6, 20, "unknown criterion 'zz' (criteria set 'inline')"),
        ("candidates.acme.assessments", 7, 5, "a candidate has 'scores' or 'assessments', not both"),
    ]


def test_an_unknown_kind_is_reported_once(tmp_path: Path) -> None:
    path = write(tmp_path, "kind.yaml", CANDIDATE.replace("candidates\n", "candidate\n", 1) + "    scores: {q: 4}\n")
    assert errors_in(path) == [
        (
            "kind",
            1,
            7,
            "unknown kind 'candidate'; expected 'candidates', 'criteria', 'team' or 'assessment' — did you mean 'candidates'?",
        )
    ]


SILENT_TYPE_ERRORS = {
    # A value of the wrong container type where a union is expected (the union's branch errors
    # used to be all dropped, so that nothing at all was reported).
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
SILENT_STILL_WRONG: dict[str, str] = {}


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=SILENT_STILL_WRONG[c]))
        if c in SILENT_STILL_WRONG
        else c
        for c in sorted(SILENT_TYPE_ERRORS)
    ],
)
def test_a_wrong_container_type_is_never_silent(tmp_path: Path, case: str) -> None:
    body, where, line, column = SILENT_TYPE_ERRORS[case]
    path = write(tmp_path, f"{case}.yaml", CANDIDATE + body)
    errors = [d for d in partnerfit.check_file(path) if d.severity == "error"]
    assert [(d.path, d.line, d.column) for d in errors] == [(where, line, column)]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("    scores: {q: [4]}\n", "expected a number or a mapping such as {score: 4, note: ...}, found a list"),
        ("    info: {x: [1]}\n    scores: {q: 4}\n", "expected a text, a number or true/false, found a list"),
        ("    info: {x: {y: 1}}\n    scores: {q: 4}\n", "expected a text, a number or true/false, found a mapping"),
    ],
)
def test_a_wrong_container_type_says_what_was_expected(tmp_path: Path, body: str, message: str) -> None:
    path = write(tmp_path, "union.yaml", CANDIDATE + body)
    assert [d.message for d in partnerfit.check_file(path)] == [message]


def test_criteria_of_the_wrong_type_is_reported(tmp_path: Path) -> None:
    path = write(
        tmp_path, "criteria_list.yaml", "kind: candidates\ncriteria: [a, b]\ncandidates:\n  acme:\n    scores: {q: 4}\n"
    )
    assert errors_in(path) == [("criteria", 2, 11, "expected a text or a mapping, found a list")]


@pytest.mark.parametrize(
    ("body", "where", "found"),
    [
        pytest.param("    scores: {q: .nan}\n", "candidates.acme.scores.q", ".nan (not a number)", id="nan"),
        pytest.param(
            "    scores: {q: .inf}\n",
            "candidates.acme.scores.q",
            ".inf (infinite, or too large to compute with)",
            id="inf",
        ),
        pytest.param(
            "    scores: {q: -.inf}\n",
            "candidates.acme.scores.q",
            "-.inf (infinite, or too large to compute with)",
            id="minus_inf",
        ),
        pytest.param(
            "    scores: {q: {score: .NaN}}\n", "candidates.acme.scores.q.score", ".nan (not a number)", id="entry_nan"
        ),
        pytest.param(
            "    info: {x: .inf}\n    scores: {q: 4}\n",
            "candidates.acme.info.x",
            ".inf (infinite, or too large to compute with)",
            id="info_inf",
        ),
    ],
)
def test_a_number_that_is_not_finite_is_named_as_written(tmp_path: Path, body: str, where: str, found: str) -> None:
    path = write(tmp_path, "nan.yaml", CANDIDATE + body)
    assert [(d.path, d.message) for d in partnerfit.check_file(path)] == [
        (where, f"expected a finite number, found {found}")
    ]


# --- known bugs in src/ (strict: remove the marker once fixed) ---------------------------


def test_load_refuses_a_criteria_file_even_with_a_duplicate_key(tmp_path: Path) -> None:
    path = write(tmp_path, "crit.yaml", CRITERIA_WITH_PROBLEMS)
    with pytest.raises(InvalidInputError, match="this is a criteria file"):
        partnerfit.load(path)


def test_load_criteria_reports_in_file_order(tmp_path: Path) -> None:
    path = write(tmp_path, "crit.yaml", CRITERIA_WITH_PROBLEMS)
    with pytest.raises(InvalidInputError) as caught:
        partnerfit.load_criteria(path)
    assert [(d.path, d.line, d.column, d.message) for d in caught.value.diagnostics] == CRITERIA_ERRORS


def test_every_criterion_scored_by_nobody_is_warned_about(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "coverage.yaml",
        "kind: candidates\ncriteria: {criteria: {q: {}, r: {}, s: {}}}\ncandidates:\n  acme:\n    scores: {q: 4}\n",
    )
    warnings = [d.message for d in partnerfit.check_file(path) if d.path == "candidates"]
    assert warnings == ["criterion 'r' is scored by no candidate", "criterion 's' is scored by no candidate"]
