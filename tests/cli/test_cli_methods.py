"""`partnerfit score --method ...` and `partnerfit score --compare` from the command line."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INVALID = ROOT / "tests" / "data" / "invalid"
AHP_CANDIDATES = ROOT / "tests" / "data" / "valid" / "ahp" / "ahp_candidates.yaml"
METHODS = ["wsm", "wpm", "topsis", "vikor", "promethee"]
RELATIVE = ["wpm", "topsis", "vikor", "promethee"]
FORMATS = ["table", "json", "csv", "markdown"]
DETAILS = {
    "wsm": set(),
    "wpm": set(),
    "topsis": {"d_plus", "d_minus"},
    "vikor": {"s", "r", "q"},
    "promethee": {"phi_plus", "phi_minus"},
}

# five eligible candidates; Gamma is knocked out (reach 1 < 2) and Delta gated
SMALL = """\
kind: candidates
title: Small
criteria:
  name: small
  scale: [1, 5]
  criteria:
    quality: {weight: 3}
    cost: {weight: 2, direction: lower}
    reach: {weight: 1, minimum: 2}
  gates:
    banned: {}
candidates:
  a: {name: Alpha, gates: {banned: false}, scores: {quality: 5, cost: 2, reach: 4}}
  b: {name: Beta, gates: {banned: false}, scores: {quality: 3, cost: 1, reach: 3}}
  c: {name: Gamma, gates: {banned: false}, scores: {quality: 4, cost: 4, reach: 1}}
  d: {name: Delta, gates: {banned: true}, scores: {quality: 5, cost: 1, reach: 5}}
  e: {name: Eps, gates: {banned: false}, scores: {quality: 2, cost: 3, reach: 5}}
  f: {name: Phi, gates: {banned: false}, scores: {quality: 4, cost: 3, reach: 3}}
  g: {name: Gimel, gates: {banned: false}, scores: {quality: 3, cost: 2, reach: 2}}
"""

# the methods disagree: Prune is 3rd under wsm and topsis, 4th under wpm, 1st under vikor and promethee
DISAGREE = """\
kind: candidates
title: Methods disagree
criteria:
  name: four
  scale: [1, 9]
  criteria:
    quality: {weight: 4}
    cost: {weight: 3, direction: lower}
    reach: {weight: 2}
    trust: {weight: 1}
candidates:
  p0: {name: Pascal, scores: {quality: 9, cost: 9, reach: 4, trust: 7}}
  p1: {name: Paula, scores: {quality: 1, cost: 8, reach: 6, trust: 9}}
  p2: {name: Pierre, scores: {quality: 4, cost: 9, reach: 7, trust: 8}}
  p3: {name: Prune, scores: {quality: 6, cost: 7, reach: 6, trust: 1}}
  p4: {name: Pia, scores: {quality: 9, cost: 9, reach: 6, trust: 8}}
"""
DISAGREE_RANKS = {  # id: ranks under wsm, wpm, topsis, vikor, promethee
    "p4": [1, 1, 1, 2, 2],
    "p0": [2, 2, 2, 3, 3],
    "p3": [3, 4, 3, 1, 1],
    "p2": [4, 3, 4, 4, 4],
    "p1": [5, 5, 5, 5, 5],
}

# a 0 on a [0, 10] scale: wpm cannot run, the other methods can
ZERO = """\
kind: candidates
criteria:
  scale: [0, 10]
  criteria:
    quality: {}
    cost: {direction: lower}
candidates:
  a: {name: Alpha, scores: {quality: 0, cost: 3}}
  b: {name: Beta, scores: {quality: 6, cost: 2}}
  c: {name: Gamma, scores: {quality: 8, cost: 9}}
"""

MISSING = """\
kind: candidates
criteria:
  scale: [1, 10]
  criteria:
    quality: {weight: 2}
    cost: {direction: lower}
candidates:
  a: {scores: {quality: 8, cost: 3}}
  b: {scores: {quality: 6}}
  z: {scores: {quality: 2, cost: 5}}
"""

ALL_EXCLUDED = """\
kind: candidates
criteria:
  criteria:
    quality: {minimum: 3}
    cost: {}
candidates:
  a: {scores: {quality: 1, cost: 2}}
  b: {scores: {quality: 2, cost: 2}}
"""


@pytest.fixture
def small(write_yaml) -> Path:
    return write_yaml("small.yaml", SMALL)


@pytest.fixture
def disagree(write_yaml) -> Path:
    return write_yaml("disagree.yaml", DISAGREE)


@pytest.fixture
def zero(write_yaml) -> Path:
    return write_yaml("zero.yaml", ZERO)


@pytest.fixture
def missing(write_yaml) -> Path:
    return write_yaml("missing.yaml", MISSING)


# --- --method in every format ---------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("method", METHODS)
def test_every_method_in_every_format(invoke, small, method, fmt):
    result = invoke(["score", small, "--method", method, "--format", fmt])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    out = result.stdout
    assert out.endswith("\n")
    if fmt == "json":
        document = json.loads(out)
        assert document["method"] == method
        assert [e["id"] for e in document["ranking"]][5:] in (["c", "d"], ["d", "c"])
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert [r["rank"] for r in rows] == ["1", "2", "3", "4", "5", "", ""]
        assert {r["id"] for r in rows if r["excluded"] == "true"} == {"c", "d"}
    else:
        footer = [line for line in out.splitlines() if re.match(r"^(- )?Method: ", line)]
        assert len(footer) == 1, out
        assert f"({method})" in footer[0]
    assert "Traceback" not in out


@pytest.mark.parametrize("method", METHODS)
def test_json_entries_keep_score_and_add_value_and_details(score_json, small, method):
    document = score_json(small, "--method", method)
    ranked = [e for e in document["ranking"] if e["rank"] is not None]
    excluded = [e for e in document["ranking"] if e["rank"] is None]
    assert [e["rank"] for e in ranked] == [1, 2, 3, 4, 5]
    scores = [e["score"] for e in ranked]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 100 for s in scores)
    for entry in ranked:
        assert isinstance(entry["value"], float)
        assert set(entry.get("details", {})) == DETAILS[method]
    if method == "wsm":
        assert all(e["value"] == e["score"] for e in ranked)
    if method == "topsis":
        assert all(e["score"] == pytest.approx(100 * e["value"]) for e in ranked)
    if method == "vikor":
        assert all(e["score"] == pytest.approx(100 * (1 - e["value"])) for e in ranked)
        assert all(e["details"]["q"] == e["value"] for e in ranked)
    if method == "promethee":
        assert all(e["score"] == pytest.approx(50 * (e["value"] + 1)) for e in ranked)
        for e in ranked:
            assert e["value"] == pytest.approx(e["details"]["phi_plus"] - e["details"]["phi_minus"])
    if method == "wpm":
        best = max(e["value"] for e in ranked)
        assert all(e["score"] == pytest.approx(100 * e["value"] / best) for e in ranked)
    assert {e["id"] for e in excluded} == {"c", "d"}
    for entry in excluded:
        assert entry["excluded"] is True
        if method != "wsm":
            assert entry["score"] is None and entry["value"] is None
            assert all(v is None for v in entry.get("details", {}).values())


@pytest.mark.parametrize("method", RELATIVE)
def test_table_and_markdown_show_a_dash_for_excluded_candidates(invoke, small, method):
    table = invoke(["score", small, "--method", method]).stdout
    excluded = table.split("Excluded", 1)[1]
    assert re.search(r"Gamma +– +reach 1 < minimum 2", excluded)
    assert re.search(r"Delta +– +gate: banned", excluded)
    markdown = invoke(["score", small, "--method", method, "--format", "markdown"]).stdout
    assert "| Gamma | – | reach 1 < minimum 2 |" in markdown
    assert "| Delta | – | gate: banned |" in markdown


def test_vikor_json_has_method_details(score_json, small):
    document = score_json(small, "--method", "vikor")
    details = document["method_details"]
    assert set(details) == {"v", "acceptable_advantage", "acceptable_stability", "compromise"}
    assert details["v"] == 0.5
    assert isinstance(details["acceptable_advantage"], bool)
    assert isinstance(details["acceptable_stability"], bool)
    assert details["compromise"][0] == document["ranking"][0]["id"]
    for method in ("wsm", "topsis"):
        assert "method_details" not in score_json(small, "--method", method)


def test_vikor_footer_names_v_and_the_conditions(invoke, small):
    out = invoke(["score", small, "--method", "vikor", "--vikor-v", "0.25"]).stdout
    assert "VIKOR, v = 0.25 (vikor)" in out
    assert re.search(
        r"^VIKOR: acceptable advantage (yes|no), acceptable stability (yes|no); compromise set: ", out, re.M
    )


@pytest.mark.parametrize("v", ["0", "1", "0.5", "0.25"])
def test_vikor_v_within_bounds(score_json, small, v):
    assert score_json(small, "--method", "vikor", "--vikor-v", v)["method_details"]["v"] == float(v)


@pytest.mark.parametrize("v", ["-0.1", "1.01", "2", "nan", "inf", "x"])
def test_vikor_v_out_of_bounds_is_misuse(invoke, small, v):
    result = invoke(["score", small, "--method", "vikor", f"--vikor-v={v}"])
    assert result.exit_code == 2, result.output
    assert "--vikor-v" in result.stderr
    assert result.stdout == ""


def test_vikor_v_changes_the_ranking_figures(score_json, small):
    s_only = score_json(small, "--method", "vikor", "--vikor-v", "1")
    r_only = score_json(small, "--method", "vikor", "--vikor-v", "0")
    assert [e["value"] for e in s_only["ranking"]] != [e["value"] for e in r_only["ranking"]]


def test_unknown_method_is_misuse(invoke, small):
    result = invoke(["score", small, "--method", "electre"])
    assert result.exit_code == 2
    assert "--method" in result.stderr


# --- errors of the relative methods ---------------------------------------------------------------


@pytest.mark.parametrize("method", RELATIVE)
def test_a_missing_score_stops_a_relative_method(invoke, missing, method):
    result = invoke(["score", missing, "--method", method])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "--missing worst" in result.stderr
    assert "b has no score for cost" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("method", METHODS)
def test_missing_worst_lets_every_method_run(score_json, missing, method):
    document = score_json(missing, "--method", method, "--missing", "worst")
    assert document["missing"] == "worst"
    assert [e["id"] for e in document["ranking"]] == ["a", "b", "z"]


def test_wpm_refuses_a_zero_score(invoke, zero):
    result = invoke(["score", zero, "--method", "wpm"])
    assert result.exit_code == 1
    assert "positive" in result.stderr and "a has 0 for quality" in result.stderr
    for method in ("wsm", "topsis", "vikor", "promethee"):
        assert invoke(["score", zero, "--method", method]).exit_code == 0


@pytest.mark.parametrize("method", ["topsis", "promethee"])
def test_derived_weights_and_preference_functions_run_from_the_cli(score_json, method):
    document = score_json(AHP_CANDIDATES, "--method", method)
    assert [e["id"] for e in document["ranking"]][-1] == "sanctioned"
    assert sum(document["criteria"]["weights"].values()) == pytest.approx(1.0)


# --- --compare --------------------------------------------------------------------------------------


def test_compare_json_document(invoke, disagree):
    result = invoke(["score", disagree, "--compare", "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert set(document) == {"reference", "methods", "candidates", "agreement", "same_top", "failures", "excluded"}
    assert document["reference"] == "wsm"
    assert document["methods"] == METHODS
    assert [c["id"] for c in document["candidates"]] == list(DISAGREE_RANKS)
    for entry in document["candidates"]:
        assert set(entry) == {"id", "name", "ranks", "moved"}
        assert list(entry["ranks"].values()) == DISAGREE_RANKS[entry["id"]]
        assert list(entry["ranks"]) == METHODS
        assert entry["moved"] is (entry["id"] == "p3")
    assert next(c for c in document["candidates"] if c["id"] == "p3")["name"] == "Prune"
    # by hand: vikor swaps two pairs of wsm's ten (τ = 6/10); WS = 1 − (1/2·1/4 + 1/4·1/3 + 1/8·2/2)
    agreement = document["agreement"]
    assert set(agreement) == set(METHODS)
    assert agreement["wsm"] == {"kendall_tau": 1.0, "ws": 1.0}
    assert agreement["topsis"] == {"kendall_tau": 1.0, "ws": 1.0}
    assert agreement["vikor"]["kendall_tau"] == pytest.approx(0.6)
    assert agreement["vikor"]["ws"] == pytest.approx(1 - (1 / 8 + 1 / 12 + 1 / 8))
    assert agreement["promethee"] == pytest.approx(agreement["vikor"])
    # wpm swaps one pair (3rd and 4th): τ = 8/10; WS = 1 − (1/8·1/2 + 1/16·1/3)
    assert agreement["wpm"]["kendall_tau"] == pytest.approx(0.8)
    assert agreement["wpm"]["ws"] == pytest.approx(1 - (1 / 16 + 1 / 48))
    assert document["same_top"] == 0
    assert document["failures"] == {}
    assert document["excluded"] == []


def test_compare_table(invoke, disagree):
    result = invoke(["score", disagree, "--compare"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Candidate", *METHODS]
    rows = {line.split()[0]: line.split()[1:] for line in lines[2:7]}
    assert rows["Prune"] == ["3", "4", "3", "1", "1", "↕"]
    assert rows["Pia"] == ["1", "1", "1", "2", "2"]
    assert "the winner depends on the method" in lines
    assert "vikor vs wsm: Kendall τ = 0.600, WS = 0.667" in lines
    assert "wpm vs wsm: Kendall τ = 0.800, WS = 0.917" in lines
    assert "↕ rank moves by more than one place across methods: Prune" in lines
    assert not any(line.startswith("wsm vs wsm") for line in lines)
    assert all(line == line.rstrip() for line in lines)


def test_compare_markdown(invoke, disagree):
    result = invoke(["score", disagree, "--compare", "--format", "markdown"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "| Candidate | wsm | wpm | topsis | vikor | promethee |"
    assert lines[1] == "|:---|---:|---:|---:|---:|---:|"
    assert "| Prune ↕ | 3 | 4 | 3 | 1 | 1 |" in lines
    assert "| Pia | 1 | 1 | 1 | 2 | 2 |" in lines
    assert "- the winner depends on the method" in lines
    assert "- promethee vs wsm: Kendall τ = 0.600, WS = 0.667" in lines


def test_compare_csv(invoke, disagree):
    result = invoke(["score", disagree, "--compare", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["id", "name", *METHODS, "moved"]
    assert rows[1:] == [
        [cid, name, *map(str, DISAGREE_RANKS[cid]), "true" if cid == "p3" else "false"]
        for cid, name in [("p4", "Pia"), ("p0", "Pascal"), ("p3", "Prune"), ("p2", "Pierre"), ("p1", "Paula")]
    ]


def test_compare_when_the_methods_agree(invoke, score_json, small):
    result = invoke(["score", small, "--compare", "--format", "json"])
    document = json.loads(result.stdout)
    assert document["same_top"] >= 1
    assert sorted(document["excluded"]) == ["c", "d"]
    assert {c["id"] for c in document["candidates"]} == {"a", "b", "e", "f", "g"}
    wsm = score_json(small)
    assert [c["id"] for c in document["candidates"]] == [e["id"] for e in wsm["ranking"] if e["rank"]]
    assert all(c["ranks"]["wsm"] == e["rank"] for c, e in zip(document["candidates"], wsm["ranking"], strict=False))


def test_compare_lists_a_method_that_cannot_run_without_failing(invoke, zero):
    result = invoke(["score", zero, "--compare", "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["methods"] == ["wsm", "topsis", "vikor", "promethee"]
    assert list(document["failures"]) == ["wpm"]
    assert "positive" in document["failures"]["wpm"]
    assert all("wpm" not in c["ranks"] for c in document["candidates"])
    assert "wpm" not in document["agreement"]
    table = invoke(["score", zero, "--compare"])
    assert table.exit_code == 0
    assert "wpm could not run: " in table.stdout
    assert table.stdout.splitlines()[0].split() == ["Candidate", "wsm", "topsis", "vikor", "promethee"]


def test_compare_with_missing_scores(invoke, missing):
    document = json.loads(invoke(["score", missing, "--compare", "--format", "json"]).stdout)
    assert document["methods"] == ["wsm"]
    assert sorted(document["failures"]) == sorted(RELATIVE)
    assert all("--missing worst" in reason for reason in document["failures"].values())
    worst = json.loads(invoke(["score", missing, "--compare", "--format", "json", "--missing", "worst"]).stdout)
    assert worst["methods"] == METHODS
    assert worst["failures"] == {}


def test_compare_in_french(invoke, disagree):
    out = invoke(["score", disagree, "--compare", "--lang", "fr"]).stdout
    assert out.splitlines()[0].split()[0] == "Candidat"
    assert "le premier dépend de la méthode" in out
    assert "vikor contre wsm : τ de Kendall = 0,600, WS = 0,667" in out


def test_compare_top_limits_the_rows(invoke, disagree):
    out = invoke(["score", disagree, "--compare", "--top", "2"]).stdout
    names = [line.split()[0] for line in out.splitlines()[2:]]
    assert names[:2] == ["Pia", "Pascal"]
    assert "Prune" not in names[:3]


def test_compare_writes_to_a_file(invoke, disagree, tmp_path):
    target = tmp_path / "comparison.json"
    result = invoke(["score", disagree, "--compare", "--format", "json", "-o", target])
    assert result.exit_code == 0, result.output
    assert json.loads(target.read_text(encoding="utf-8"))["reference"] == "wsm"


def test_compare_is_byte_identical_on_two_runs(invoke, disagree):
    first = invoke(["score", disagree, "--compare", "--format", "json"]).stdout
    assert first == invoke(["score", disagree, "--compare", "--format", "json"]).stdout


def test_compare_when_every_candidate_is_excluded(invoke, write_yaml):
    path = write_yaml("all_excluded.yaml", ALL_EXCLUDED)
    result = invoke(["score", path, "--compare"])
    assert result.exit_code == 0
    assert "no candidate could be ranked" in result.stdout


# --- file errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize("extra", [["--method", "topsis"], ["--compare"]])
def test_a_missing_file_is_misuse(invoke, tmp_path, extra):
    result = invoke(["score", tmp_path / "nope.yaml", *extra])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


@pytest.mark.parametrize("extra", [["--method", "promethee"], ["--compare"]])
def test_an_invalid_file_is_exit_1_with_its_location(invoke, extra):
    path = INVALID / "weighting_preference_linear_without_p.yaml"
    result = invoke(["score", path, *extra])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert re.search(r"weighting_preference_linear_without_p\.yaml:8:19: error: ", result.stderr)
    assert "Traceback" not in result.output
