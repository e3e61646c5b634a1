"""`partnerfit check`: exit codes, diagnostics on stderr, summary, --strict, --quiet, --criteria."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import partnerfit
from partnerfit.project.loading import detect_kind

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "examples" / "packaging.yaml"
ASSESSORS = ROOT / "examples" / "assessors.yaml"
PARTNERSHIP = ROOT / "criteria" / "partnership.yaml"
DIAGNOSTIC = re.compile(r"^.+:\d+:\d+: (error|warning): ")

VALID = """\
partnerfit: 1
kind: candidates
criteria:
  criteria: {quality: {}, cost: {direction: lower}}
candidates:
  acme: {scores: {quality: 4, cost: 2}}
"""
# one error (unknown criterion) and, because of it, two warnings (loyalty unscored, coverage 50 %)
INVALID = """\
kind: candidates
criteria:
  criteria: {quality: {}, loyalty: {}}
candidates:
  acme:
    scores: {quality: 4, loyality: 3}
"""
# valid, but 'cost' is scored by nobody and acme is scored on half the weight
WARNINGS = """\
kind: candidates
criteria:
  criteria: {quality: {}, cost: {}}
candidates:
  acme: {scores: {quality: 4}}
"""


@pytest.fixture
def files(write_yaml):
    return {
        "valid": write_yaml("valid.yaml", VALID),
        "invalid": write_yaml("invalid.yaml", INVALID),
        "warnings": write_yaml("warnings.yaml", WARNINGS),
    }


SOURCE = re.compile(r"^  (\d+| +) \| ")  # the source line and the caret under a diagnostic


def diagnostics(text):
    """The diagnostic lines of a text report, after checking every other line is a source excerpt."""
    lines = text.splitlines()
    assert all(DIAGNOSTIC.match(line) or SOURCE.match(line) for line in lines), text
    return [line for line in lines if DIAGNOSTIC.match(line)]


def test_valid_file(invoke, files):
    result = invoke(["check", files["valid"]])
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout == "1 file checked: no errors, 0 warnings\n"


@pytest.mark.parametrize("path", [PACKAGING, ASSESSORS, PARTNERSHIP], ids=lambda p: p.stem)
def test_shipped_files_are_valid(invoke, path):
    result = invoke(["check", path])
    assert result.exit_code == 0, result.output
    assert "1 file checked: no errors" in result.stdout
    assert all(" error: " not in line for line in diagnostics(result.stderr))


def test_invalid_file(invoke, files):
    result = invoke(["check", files["invalid"]])
    assert result.exit_code == 1
    lines = diagnostics(result.stderr)
    errors = [line for line in lines if " error: " in line]
    assert len(errors) == 1
    assert re.match(
        r".*invalid\.yaml:6:\d+: error: candidates\.acme\.scores\.loyality: .*did you mean 'loyalty'", errors[0]
    )
    assert result.stdout == "1 file checked: 1 error, 2 warnings in 1 file\n"
    assert "Traceback" not in result.output


def test_warnings_only_pass(invoke, files):
    result = invoke(["check", files["warnings"]])
    assert result.exit_code == 0
    lines = diagnostics(result.stderr)
    assert len(lines) == 2
    assert all(" warning: " in line for line in lines)
    assert any("'cost' is scored by no candidate" in line for line in lines)
    assert result.stdout == "1 file checked: no errors, 2 warnings\n"


def test_warnings_fail_with_strict(invoke, files):
    result = invoke(["check", "--strict", files["warnings"]])
    assert result.exit_code == 1
    assert len(diagnostics(result.stderr)) == 2
    assert result.stdout == "1 file checked: 0 errors, 2 warnings in 1 file\n"


def test_strict_passes_a_clean_file(invoke, files):
    assert invoke(["check", "--strict", files["valid"], PARTNERSHIP]).exit_code == 0


def test_example_with_a_coverage_warning(invoke):
    result = invoke(["check", PACKAGING])
    assert result.exit_code == 0
    [line] = diagnostics(result.stderr)
    assert re.match(r".*packaging\.yaml:\d+:\d+: warning: candidates\.university_design: scored on 85%", line)
    assert invoke(["check", "--strict", PACKAGING]).exit_code == 1


@pytest.mark.parametrize("flag", ["--quiet", "-q"])
def test_quiet_prints_errors_only(invoke, files, flag):
    result = invoke(["check", flag, files["invalid"], files["warnings"], files["valid"]])
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = diagnostics(result.stderr)
    assert len(lines) == 1
    assert " error: " in lines[0]


def test_quiet_is_silent_on_warnings(invoke, files):
    result = invoke(["check", "-q", files["warnings"], files["valid"]])
    assert result.exit_code == 0
    assert result.output == ""
    strict = invoke(["check", "-q", "--strict", files["warnings"]])
    assert strict.exit_code == 1
    assert strict.output == ""


def test_several_files(invoke, files):
    result = invoke(["check", files["valid"], files["invalid"], files["warnings"], PARTNERSHIP])
    assert result.exit_code == 1
    lines = diagnostics(result.stderr)
    named = [Path(line.split(":", 1)[0]).name for line in lines]
    assert named == ["invalid.yaml"] * 3 + ["warnings.yaml"] * 2  # files in argument order
    assert result.stdout == "4 files checked: 1 error, 4 warnings in 1 file\n"


def test_several_valid_files(invoke, files):
    result = invoke(["check", files["valid"], PARTNERSHIP, ASSESSORS])
    assert result.exit_code == 0
    assert result.stdout == "3 files checked: no errors, 0 warnings\n"


def test_criteria_file_is_detected_as_criteria(invoke, write_yaml):
    assert detect_kind({"name": "x", "groups": {}}) == "criteria"
    # without `kind:` the content (groups, no candidates) makes the kind obvious
    text = PARTNERSHIP.read_text(encoding="utf-8").replace("kind: criteria\n", "")
    implicit = write_yaml("implicit.yaml", text)
    for path in [PARTNERSHIP, implicit]:
        assert partnerfit.check_file(path) == []
        result = invoke(["check", path])
        assert result.exit_code == 0
        assert result.output == "1 file checked: no errors, 0 warnings\n"


def test_invalid_criteria_file(invoke, write_yaml):
    path = write_yaml("crit.yaml", "kind: criteria\nname: c\nscale: [5, 1]\ncriteria:\n  a: {weight: 0}\n")
    result = invoke(["check", path])
    assert result.exit_code == 1
    lines = diagnostics(result.stderr)
    assert any(re.match(r".*crit\.yaml:3:\d+: error: scale", line) for line in lines)
    assert any(re.match(r".*crit\.yaml:5:\d+: error: criteria\.a\.weight", line) for line in lines)


def test_check_against_another_criteria_set(invoke, files, write_yaml):
    criteria = write_yaml("other.yaml", "kind: criteria\nname: other\ncriteria:\n  quality: {}\n  cost: {}\n")
    assert invoke(["check", files["valid"], "--criteria", criteria]).exit_code == 0
    result = invoke(["check", PACKAGING, "-c", criteria])
    assert result.exit_code == 1
    assert "unknown criterion" in result.stderr


def test_check_against_an_unknown_criteria_set(invoke, files):
    result = invoke(["check", files["valid"], "--criteria", "nope"])
    assert result.exit_code == 1
    assert re.match(r".*valid\.yaml:1:1: error: unknown criteria set 'nope'", result.stderr)


def test_summary_in_french(invoke, files):
    ok = invoke(["check", "--lang", "fr", files["valid"]])
    assert ok.stdout == "1 fichier vérifié : aucune erreur, 0 avertissement\n"
    bad = invoke(["check", "-l", "fr", files["invalid"]])
    assert bad.exit_code == 1
    assert bad.stdout.startswith("1 fichier vérifié : 1 erreur,")


def test_nonexistent_file_is_misuse(invoke, tmp_path, files):
    result = invoke(["check", files["valid"], tmp_path / "nope.yaml"])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_no_file_is_misuse(invoke):
    result = invoke(["check"])
    assert result.exit_code == 2
    assert "error: missing argument FILE|DIR" in result.stderr


def test_unknown_option_is_misuse(invoke, files):
    assert invoke(["check", "--pedantic", files["valid"]]).exit_code == 2


@pytest.mark.parametrize(
    "text",
    ["", "a: [\n", "- 1\n", "kind: candidates\ncandidates: {a: {scores: {q: 1}}}\nkind: x\n", "kind: whatever\n"],
    ids=["empty", "syntax", "list", "duplicate", "kind"],
)
def test_broken_files_never_crash(invoke, write_yaml, text):
    path = write_yaml("broken.yaml", text)
    result = invoke(["check", path])
    assert result.exit_code == 1
    assert diagnostics(result.stderr)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_folder_is_checked_file_by_file_recursively(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "partners" / "sub").mkdir(parents=True)
    (tmp_path / "partners" / ".git").mkdir()
    (tmp_path / "partners" / "a.yaml").write_text(VALID, encoding="utf-8")
    (tmp_path / "partners" / "sub" / "b.yml").write_text(INVALID, encoding="utf-8")
    (tmp_path / "partners" / ".git" / "hidden.yaml").write_text(INVALID, encoding="utf-8")
    (tmp_path / "partners" / "notes.txt").write_text("not checked", encoding="utf-8")
    result = invoke(["check", "--format", "json", "-o", "partners/out.json", "partners", "partners/sub/b.yml"])
    assert result.exit_code == 1
    rows = json.loads((tmp_path / "partners" / "out.json").read_text(encoding="utf-8"))
    assert {row["file"] for row in rows} == {"partners/sub/b.yml"}
    # the report from the previous run sits in the folder: it is neither checked nor refused as an input
    again = invoke(["check", "-f", "junit", "-o", "partners/out.json", "partners"])
    assert again.exit_code == 1
    assert 'tests="2"' in (tmp_path / "partners" / "out.json").read_text(encoding="utf-8")


def test_a_folder_without_yaml_files_is_misuse(invoke, tmp_path: Path):
    (tmp_path / "empty").mkdir()
    result = invoke(["check", tmp_path / "empty"])
    assert result.exit_code == 2
    assert "no .yaml, .yml or .json file" in result.stderr


def test_a_pipe_is_read_once(tmp_path: Path):
    # /dev/stdin can be read only once: check must not read the file a second time to load it
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "partnerfit", "check", "/dev/stdin"],
        input=INVALID,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert done.returncode == 1
    assert "/dev/stdin:6:" in done.stderr and "loyality" in done.stderr
    assert "the file is empty" not in done.stderr


def hostile_folder(root: Path) -> set[str]:
    """A folder mixing good, broken and hostile files; the names every report must list."""
    invalid = ROOT / "tests" / "data" / "invalid"
    root.mkdir()
    (root / "good.yaml").write_text(VALID, encoding="utf-8")
    (root / "warn.yaml").write_text(WARNINGS, encoding="utf-8")
    for name in ("alias_bomb.yaml", "binary_nul.yaml", "merge_not_a_mapping.yaml", "json_lone_surrogate.json"):
        (root / name).write_bytes((invalid / name).read_bytes())
    (root / "syntax.yaml").write_text("a: [\n", encoding="utf-8")
    (root / "esc.yaml").write_text('candidates: {a: {name: "\x1b]0;owned\x07"}}\n', encoding="utf-8")
    (root / "two.yaml").write_text("a: 1\n---\nb: 2\n", encoding="utf-8")
    (root / "secret.yaml").write_text(
        "kind: candidates\ncriteria: /etc/passwd\ncandidates: {a: {}}\n", encoding="utf-8"
    )
    (root / "bad\udcffname.yaml").write_text("candidates: {a: {scores: {loyalty: 3}}}\n", encoding="utf-8")
    os.mkfifo(root / "pipe.yaml")  # never read: it would block the whole run
    (root / "dangling.yaml").symlink_to(root / "nowhere.yaml")
    (root / "loop.yaml").symlink_to(root / "loop.yaml")
    (root / "folder.yaml").mkdir()
    (root / "folder.yaml" / "inner.yml").write_text(VALID, encoding="utf-8")
    return {
        p.relative_to(root).as_posix().replace("\udcff", "\ufffd")
        for p in root.rglob("*")
        if p.name != "folder.yaml" and not p.name.startswith(".")
    }


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "junit"])
def test_one_bad_file_never_stops_the_others_and_every_format_stays_complete(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
):
    names = hostile_folder(tmp_path / "mixed")
    monkeypatch.chdir(tmp_path)
    result = invoke(["check", "mixed", "-f", fmt])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "internal error" not in result.stdout + result.stderr
    listed = {n for n in names if n not in ("good.yaml", "folder.yaml/inner.yml")}  # clean files have no finding
    tails = {n.split("\ufffd")[-1] for n in listed}  # how a name that is not UTF-8 is shown is not this test's
    if fmt == "text":
        assert all(tail in result.stderr for tail in tails)
        assert f"{len(names)} files checked" in result.stdout + result.stderr
    elif fmt == "json":
        files = {row["file"] for row in json.loads(result.stdout)}
        assert len(files) == len(listed) and all(any(f.endswith(t) for f in files) for t in tails)
    elif fmt == "sarif":
        run = json.loads(result.stdout)["runs"][0]
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
        assert len(uris) == len(listed)
    elif fmt == "junit":
        cases = [case.get("name") for case in ET.fromstring(result.stdout).iter("testcase")]
        assert len(cases) == len(names)  # every file is a test case, the clean ones passing
    else:
        groups = [line for line in result.stdout.splitlines() if line.startswith("::group::")]
        assert len(groups) == len(listed)


def test_text_report_goes_to_the_output_file(invoke, tmp_path: Path) -> None:
    """`check FILE -o report.txt` writes every diagnostic and the summary there, not to the terminal."""
    bad = tmp_path / "bad.yaml"
    bad.write_text(INVALID, encoding="utf-8")
    report = tmp_path / "report.txt"
    result = invoke(["check", bad, "-o", report])
    assert result.exit_code == 1
    assert "loyality" not in result.stdout + result.stderr
    lines = report.read_text(encoding="utf-8").splitlines()
    assert any(DIAGNOSTIC.match(line) and "loyality" in line for line in lines)
    assert lines[-1] == "1 file checked: 1 error, 2 warnings in 1 file"
    assert len(lines) == 4
    quiet = tmp_path / "quiet.txt"
    assert invoke(["check", bad, "-q", "-o", quiet]).exit_code == 1
    assert all(DIAGNOSTIC.match(line) for line in quiet.read_text(encoding="utf-8").splitlines())


def test_text_shows_the_source_line_with_a_caret(invoke, write_yaml):
    path = write_yaml("colon.yaml", "kind: candidates\ncandidates:\n  acme\n    scores: {quality: 4}\n")
    result = invoke(["check", path])
    first, source, caret = result.stderr.splitlines()[:3]
    assert first.endswith("colon.yaml:3:7: error: invalid YAML: a ':' is missing at the end of this key")
    assert (source, caret) == ("  3 |   acme", "    |       ^")
    quiet = invoke(["check", "-q", path])
    assert len(quiet.stderr.splitlines()) == 1  # -q: the diagnostic lines only


def test_the_source_line_is_made_inert_and_the_caret_follows_it(invoke, write_yaml):
    # a bidi override (allowed in YAML) would reorder the terminal's line: shown escaped, the caret still under zz
    path = write_yaml("esc.yaml", 'kind: candidates\ncandidates:\n  a: {name: "\u202e!", scores: {zz: 4}}\n')
    lines = invoke(["check", path]).stderr.splitlines()
    at = next(i for i, line in enumerate(lines) if "unknown criterion 'zz'" in line)
    source, caret = lines[at + 1], lines[at + 2]
    assert "\u202e" not in source and "\\u202e" in source
    assert source[caret.index("^") : caret.index("^") + 2] == "zz"


def test_a_file_that_is_not_a_partnerfit_file_shows_no_line(invoke, write_yaml):
    path = write_yaml("notes.yaml", "password: 'hunter2\n")
    result = invoke(["check", path])
    assert result.exit_code == 1
    assert "hunter2" not in result.stderr and " | " not in result.stderr
