"""`partnerfit weights FILE`: each criterion's weight and origin beside entropy and CRITIC weights."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AHP_DIR = ROOT / "tests" / "data" / "valid" / "ahp"
AHP_CANDIDATES = AHP_DIR / "ahp_candidates.yaml"
AHP_CRITERIA = AHP_DIR / "ahp_criteria.yaml"
INVALID = ROOT / "tests" / "data" / "invalid"
PACKAGING = ROOT / "examples" / "packaging.yaml"
CRITERIA = ["loyalty", "trust", "openness", "funding", "cost", "vision", "timing"]
ORIGINS = {
    "loyalty": "roc",
    "trust": "roc",
    "openness": "roc",
    "funding": "rank_sum",
    "cost": "rank_sum",
    "vision": "direct",
    "timing": "direct",
}

INCONSISTENT = """\
kind: candidates
criteria:
  name: cycle
  weighting:
    method: ahp
    comparisons:
      - [a, b, 9]
      - [b, c, 9]
      - [a, c, "1/9"]
  criteria: {a: {}, b: {}, c: {}}
candidates:
  x: {scores: {a: 1, b: 2, c: 3}}
  y: {scores: {a: 3, b: 2, c: 1}}
  z: {scores: {a: 2, b: 5, c: 4}}
"""


def run_json(invoke, path: Path, *extra: str) -> dict:
    result = invoke(["weights", path, "--format", "json", *extra])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_table(invoke):
    result = invoke(["weights", AHP_CANDIDATES])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Criterion", "Weight", "Origin", "entropy", "CRITIC"]
    rows = {line.split()[0]: line.split()[1:] for line in lines[2:9]}
    assert rows["Trust"] == ["33.0%", "roc", "0.0%", "0.0%", "⚠"]
    assert rows["Loyalty"][:2] == ["15.0%", "roc"]
    assert rows["Cost"][1] == "rank_sum"
    assert rows["Timing"][1] == "direct"
    assert sum("⚠" in line for line in lines[2:9]) == 1
    assert "⚠ weighted above an equal share, yet the candidates barely differ on: Trust" in lines
    assert "entropy and CRITIC: what the data of the 4 eligible candidates suggest, for information" in lines
    assert all(line == line.rstrip() for line in lines)


def test_json(invoke):
    document = run_json(invoke, AHP_CANDIDATES)
    assert set(document) == {"criteria", "candidates", "weights", "origins", "note"}
    assert document["criteria"] == "ahp_demo"
    assert document["candidates"] == 4  # the gated candidate is not part of the data
    weights = document["weights"]
    assert list(weights) == CRITERIA
    for cid, row in weights.items():
        assert set(row) == {"group", "weight", "origin", "entropy", "critic", "barely_differs"}
        assert row["origin"] == ORIGINS[cid]
        assert row["barely_differs"] is (cid == "trust")
    for key in ("weight", "entropy", "critic"):
        assert sum(row[key] for row in weights.values()) == pytest.approx(1.0)
    assert weights["trust"]["entropy"] == 0.0 and weights["trust"]["critic"] == 0.0
    assert weights["trust"]["group"] == "people"
    origins = {o["scope"]: o for o in document["origins"]}
    assert [o["scope"] for o in document["origins"]] == [None, "people", "money", "fit"]
    top = origins[None]
    assert top["method"] == "ahp"
    assert set(top) == {"scope", "method", "weights", "cr", "ci", "lambda_max", "inconsistent", "worst"}
    assert top["inconsistent"] is False and 0 <= top["cr"] < 0.1
    assert set(top["weights"]) == {"people", "money", "fit"}
    assert origins["people"] == {
        "scope": "people",
        "method": "roc",
        "weights": pytest.approx({"trust": 11 / 18, "loyalty": 5 / 18, "openness": 2 / 18}),
    }
    assert document["note"] == ""


def test_markdown(invoke):
    result = invoke(["weights", AHP_CANDIDATES, "--format", "markdown"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "| Criterion | Weight | Origin | entropy | CRITIC |"
    assert lines[1] == "|:---|---:|:---|---:|---:|"
    assert "| Trust ⚠ | 33.0% | roc | 0.0% | 0.0% |" in lines
    assert any(line.startswith("| Shared vision | 19.8% | direct |") for line in lines)
    assert "- ⚠ weighted above an equal share, yet the candidates barely differ on: Trust" in lines


def test_french(invoke):
    result = invoke(["weights", AHP_CANDIDATES, "--lang", "fr"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.splitlines()[0].split()[:3] == ["Critère", "Poids", "Origine"]
    assert re.search(r"^Confiance +33,0\u202f% +roc .*⚠$", out, re.M)
    assert "Vision partagée" in out
    assert "⚠ pondéré au-dessus d'une part égale, mais les candidats diffèrent à peine sur : Confiance" in out
    assert "entropie et CRITIC : ce que suggèrent les données des 4 candidats retenus, pour information" in out
    markdown = invoke(["weights", AHP_CANDIDATES, "--lang", "fr", "--format", "markdown"]).stdout
    assert "| Confiance ⚠ | 33,0\u202f% | roc | 0,0\u202f% | 0,0\u202f% |" in markdown


def test_french_headers_are_all_french(invoke):
    header = invoke(["weights", AHP_CANDIDATES, "--lang", "fr"]).stdout.splitlines()[0]
    assert "entropie" in header


def test_inconsistent_ahp_is_named_in_the_notes(invoke, write_yaml):
    path = write_yaml("cycle.yaml", INCONSISTENT)
    result = invoke(["weights", path])
    assert result.exit_code == 0, result.output
    assert re.search(r"^a +33\.3% +ahp \(CR \d+\.\d{3}\)", result.stdout, re.M)
    assert re.search(
        r"^AHP judgements of top level are inconsistent \(CR = \d+\.\d{3} > 0\.10\); revisit: ", result.stdout, re.M
    )
    document = run_json(invoke, path)
    (origin,) = document["origins"]
    assert origin["inconsistent"] is True
    assert len(origin["worst"]) == 3
    assert {(j["first"], j["second"]) for j in origin["worst"]} == {("a", "b"), ("a", "c"), ("b", "c")}


def test_a_builtin_set_is_all_direct(invoke):
    document = run_json(invoke, PACKAGING)
    assert {row["origin"] for row in document["weights"].values()} == {"direct"}
    assert [o["method"] for o in document["origins"]] == ["direct"] * len(document["origins"])
    assert sum(row["weight"] for row in document["weights"].values()) == pytest.approx(1.0)


def test_the_criteria_option(invoke, write_yaml):
    path = write_yaml(
        "plain.yaml",
        "kind: candidates\ncandidates:\n"
        "  x: {scores: {loyalty: 2, trust: 4, openness: 3, funding: 2, cost: 3, vision: 5, timing: 4}}\n"
        "  y: {scores: {loyalty: 4, trust: 3, openness: 5, funding: 3, cost: 1, vision: 2, timing: 4}}\n",
    )
    document = run_json(invoke, path, "--criteria", str(AHP_CRITERIA))
    assert document["criteria"] == "ahp_demo"
    assert document["weights"]["trust"]["origin"] == "roc"


def test_output_file(invoke, tmp_path):
    target = tmp_path / "weights.md"
    result = invoke(["weights", AHP_CANDIDATES, "--format", "markdown", "-o", target])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("| Criterion |")


def test_a_missing_file_is_misuse(invoke, tmp_path):
    result = invoke(["weights", tmp_path / "nope.yaml"])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_an_invalid_file_is_exit_1_with_its_location(invoke):
    result = invoke(["weights", INVALID / "weighting_preference_linear_without_p.yaml"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert re.search(
        r"weighting_preference_linear_without_p\.yaml:8:19: error: criteria\.criteria\.quality\.preference: ",
        result.stderr,
    )
    assert "Traceback" not in result.output


def test_an_invalid_weighting_in_an_inline_set_is_exit_1(invoke, write_yaml):
    path = write_yaml(
        "bad_order.yaml",
        "kind: candidates\ncriteria:\n  weighting: {method: roc, order: [q, cots]}\n"
        "  criteria: {q: {}, cost: {}}\ncandidates:\n  a: {scores: {q: 4, cost: 3}}\n",
    )
    result = invoke(["weights", path])
    assert result.exit_code == 1
    assert re.search(
        r"bad_order\.yaml:3:39: error: criteria\.weighting\.order\.1: unknown id 'cots' — did you mean 'cost'\?",
        result.stderr,
    )


def test_a_criteria_file_is_refused(invoke):
    result = invoke(["weights", AHP_CRITERIA])
    assert result.exit_code == 1
    assert "criteria file" in result.stderr


def test_csv_is_refused(invoke):
    result = invoke(["weights", AHP_CANDIDATES, "--format", "csv"])
    assert result.exit_code == 2
