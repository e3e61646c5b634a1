"""check's machine formats: JSON, GitHub annotations, SARIF 2.1.0 and JUnit, with stable problem codes."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from partnerfit.codes import CODES
from partnerfit.render.diagnostics import as_github, resolve_format

INVALID = Path(__file__).resolve().parents[1] / "data" / "invalid"
BAD = ["unknown_criterion.yaml", "score_nan.yaml", "duplicate_keys.yaml"]


@pytest.fixture
def bad_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    for name in BAD:
        (tmp_path / name).write_bytes((INVALID / name).read_bytes())
    monkeypatch.chdir(tmp_path)
    return list(BAD)


def test_json_lists_every_problem_with_a_code(invoke, bad_files):
    result = invoke(["check", "--format", "json", *bad_files])
    assert result.exit_code == 1
    rows = json.loads(result.stdout)
    assert {tuple(row) for row in rows} == {("file", "line", "column", "severity", "code", "message", "path")}
    assert {row["file"] for row in rows} == set(bad_files)
    assert all(row["code"] in CODES for row in rows)
    assert any(row["code"] == "PF101" for row in rows)
    assert any(row["code"] == "PF004" for row in rows)


def test_github_annotations_are_byte_exact(invoke, bad_files):
    result = invoke(["check", "--format", "github", "score_nan.yaml"])
    assert result.exit_code == 1
    assert result.stdout == (
        "::group::score_nan.yaml\n"
        "::error file=score_nan.yaml,line=7,col=16,title=partnerfit PF103 invalid-number::"
        "candidates.acme.scores.quality: expected a finite number, found .nan (not a number)\n"
        "::endgroup::\n"
    )


def test_github_annotations_of_a_folder_are_byte_exact(invoke, bad_files):
    expected = (Path(__file__).parent / "golden" / "check-github.txt").read_text(encoding="utf-8")
    result = invoke(["check", "--format", "github", *bad_files])
    assert result.exit_code == 1
    assert result.stdout == expected


def test_github_escapes_data_and_properties():
    from partnerfit.errors import Diagnostic

    text = as_github({"a,b:c.yaml": [Diagnostic("a,b:c.yaml", 1, 2, "warning", "50% done\nnext", "x", "PW201")]})
    assert "file=a%2Cb%3Ac.yaml" in text
    assert "::x: 50%25 done%0Anext" in text
    assert text.startswith("::group::a,b:c.yaml\n::warning ")


def test_auto_is_github_in_actions(monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert resolve_format("auto") == "github"
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert resolve_format("auto") == "text"


def test_sarif_is_a_valid_2_1_0_log(invoke, bad_files):
    result = invoke(["check", "--format", "sarif", *bad_files])
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0" and "sarif-2.1.0" in log["$schema"]
    [run] = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "partnerfit"
    rule_ids = [rule["id"] for rule in driver["rules"]]
    assert len(rule_ids) == len(set(rule_ids)) and all(r in CODES for r in rule_ids)
    assert run["results"]
    for r in run["results"]:
        assert r["ruleId"] in rule_ids and rule_ids[r["ruleIndex"]] == r["ruleId"]
        assert r["level"] in ("error", "warning", "note")
        assert r["message"]["text"]
        [location] = r["locations"]
        region = location["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert location["physicalLocation"]["artifactLocation"]["uri"] in bad_files


def test_junit_parses_back(invoke, bad_files, tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text("kind: candidates\ncriteria:\n  criteria: {q: {}}\ncandidates:\n  a: {scores: {q: 3}}\n")
    result = invoke(["check", "--format", "junit", "-o", "out.xml", *bad_files, "good.yaml"])
    assert result.exit_code == 1
    root = ET.parse(tmp_path / "out.xml").getroot()
    suite = root.find("testsuite")
    assert suite is not None
    assert suite.get("tests") == "4" and suite.get("failures") == "3"
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert set(cases) == {*bad_files, "good.yaml"}
    assert cases["good.yaml"].find("failure") is None
    failure = cases["unknown_criterion.yaml"].find("failure")
    assert failure is not None and failure.get("type") == "PF101"


def test_every_code_is_documented_in_the_readme():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for code, (name, _) in CODES.items():
        assert f"| `{code}` | {name} |" in readme


def _official_sarif_schema() -> Path | None:
    shared = Path(__file__).resolve().parents[3] / "shared"
    for candidate in (shared / "sarif-schema-2.1.0.json", shared / "reference" / "sarif-schema-2.1.0.json"):
        if candidate.is_file():
            return candidate
    return None


@pytest.mark.skipif(_official_sarif_schema() is None, reason="the official SARIF 2.1.0 schema is not in ../shared/")
def test_sarif_validates_against_the_official_schema(invoke, bad_files):
    import jsonschema

    path = _official_sarif_schema()
    assert path is not None
    schema = json.loads(path.read_text(encoding="utf-8"))
    log = json.loads(invoke(["check", "--format", "sarif", *bad_files]).stdout)
    errors = list(jsonschema.Draft4Validator(schema).iter_errors(log))
    assert errors == [], [e.message for e in errors]
