"""Machine formats of `partnerfit score`: JSON against FORMAT.md's contract, and CSV."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

import pytest

import partnerfit

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "examples" / "packaging.yaml"
ASSESSORS = ROOT / "examples" / "assessors.yaml"
EXAMPLES = [PACKAGING, ASSESSORS]
ENTRY_KEYS = {"rank", "id", "name", "score", "coverage", "excluded", "reasons", "groups", "contributions", "spread"}


@pytest.fixture(scope="module")
def criteria_facts():
    """Scale and direction of every criterion of the built-in set, from `partnerfit criteria --json`."""
    from typer.testing import CliRunner

    from partnerfit.cli.app import app

    result = CliRunner().invoke(app, ["criteria", "partnership", "--json"])
    assert result.exit_code == 0
    return json.loads(result.stdout)["criteria"]


# --- JSON ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_json_top_level(score_json, path):
    document = score_json(path)
    assert {"partnerfit", "method", "criteria", "ranking"} <= set(document)
    assert document["partnerfit"] == partnerfit.__version__
    assert document["method"] == "wsm"
    assert document["criteria"]["name"] == "partnership"
    weights = document["criteria"]["weights"]
    assert len(weights) == 13
    assert all(w > 0 for w in weights.values())
    assert math.fsum(weights.values()) == pytest.approx(1, abs=1e-9)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_json_ranking_order(score_json, path):
    ranking = score_json(path)["ranking"]
    assert {entry["id"] for entry in ranking} == set(partnerfit.load(path).file.candidates)
    ranks = [entry["rank"] for entry in ranking]
    ranked = [r for r in ranks if r is not None]
    assert ranks[: len(ranked)] == ranked, "ranked entries come first"
    assert ranked == sorted(ranked)
    assert ranked[0] == 1
    # competition ranking: a rank is 1 + the number of candidates strictly ahead
    for position, entry in enumerate(ranking[: len(ranked)]):
        assert entry["rank"] == 1 + sum(other["score"] > entry["score"] + 1e-9 for other in ranking[: len(ranked)])
        assert entry["rank"] <= position + 1
    scores = [entry["score"] for entry in ranking[: len(ranked)]]
    assert scores == sorted(scores, reverse=True)
    for entry in ranking:
        assert set(entry) >= ENTRY_KEYS
        if entry["rank"] is None:
            assert entry["excluded"] is True
            assert entry["reasons"]
            assert all(isinstance(r, str) and r for r in entry["reasons"])
        else:
            assert entry["excluded"] is False
            assert entry["reasons"] == []


def test_json_excluded_candidates_and_reasons(score_json):
    ranking = score_json(PACKAGING)["ranking"]
    excluded = {e["id"]: e for e in ranking if e["rank"] is None}
    assert list(excluded) == ["paper_group_kerlann", "trader_resinex"]  # after the ranked, best score first
    assert [e["id"] for e in ranking[-2:]] == list(excluded)
    assert excluded["paper_group_kerlann"]["reasons"] == ["loyalty 1 < minimum 2"]
    assert excluded["trader_resinex"]["reasons"] == ["gate: sanctions_listed"]
    # excluded candidates keep their score
    assert excluded["paper_group_kerlann"]["score"] == pytest.approx(51.75)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("extra", [[], ["--missing", "worst"], ["--weight", "loyalty=20"], ["--aggregate", "median"]])
def test_json_contributions_sum_to_score(score_json, path, extra):
    document = score_json(path, *extra)
    weights = document["criteria"]["weights"]
    for entry in document["ranking"]:
        assert set(entry["contributions"]) <= set(weights)
        assert math.fsum(entry["contributions"].values()) == pytest.approx(entry["score"], abs=1e-9)
        assert 0 <= entry["score"] <= 100
        assert 0 <= entry["coverage"] <= 1


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("missing", ["ignore", "worst"])
def test_json_score_follows_the_format_md_formula(score_json, criteria_facts, path, missing):
    """score = 100 × Σ w·v / Σ w over the criteria that count; coverage = Σ w over scored ones."""
    document = score_json(path, "--missing", missing)
    weights = document["criteria"]["weights"]
    for entry in document["ranking"]:
        total = counted = covered = 0.0
        for cid, weight in weights.items():
            x = entry["scores"].get(cid)
            if x is None:
                if missing == "worst":
                    counted += weight
                continue
            low, high = criteria_facts[cid]["scale"]
            v = (x - low) / (high - low)
            if criteria_facts[cid]["direction"] == "lower":
                v = 1 - v
            total += weight * v
            counted += weight
            covered += weight
        assert entry["score"] == pytest.approx(100 * total / counted, abs=1e-9)
        assert entry["coverage"] == pytest.approx(covered, abs=1e-9)


def test_json_groups_are_group_scores(score_json):
    document = score_json(PACKAGING)
    group_ids = list(document["criteria"]["groups"])
    assert group_ids == ["competences", "attitude", "strategic_fit", "relational", "intuition"]
    for entry in document["ranking"]:
        assert list(entry["groups"]) == group_ids
        for value in entry["groups"].values():
            assert value is None or 0 <= value <= 100
    design = next(e for e in document["ranking"] if e["id"] == "university_design")
    assert design["groups"]["relational"] is None  # neither relational criterion was assessed


def test_json_spread_for_assessors(score_json):
    document = score_json(ASSESSORS)
    for entry in document["ranking"]:
        assert entry["spread"], entry["id"]
        assert all(value >= 0 for value in entry["spread"].values())
        assert set(entry["spread"]) <= set(document["criteria"]["weights"])
    retailer = next(e for e in document["ranking"] if e["id"] == "retailer_atlantique")
    assert retailer["spread"]["shared_vision"] == 3.0  # amina 5, bruno 2, chloe 3
    assert retailer["spread"]["risk_exposure"] == 3.0  # 2, 4, 5
    assert "shared_vision" in retailer["disagreement"]


def test_json_no_spread_with_one_scorer(score_json):
    assert all(entry["spread"] == {} for entry in score_json(PACKAGING)["ranking"])


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_json_is_byte_identical_on_two_runs(invoke, path):
    first = invoke(["score", path, "-f", "json"])
    second = invoke(["score", path, "-f", "json"])
    assert first.exit_code == second.exit_code == 0
    assert first.stdout_bytes == second.stdout_bytes


def test_json_is_strict_json(invoke):
    text = invoke(["score", ASSESSORS, "-f", "json"]).stdout

    def refuse(value):
        raise AssertionError(f"non-finite number {value} in JSON output")

    json.loads(text, parse_constant=refuse)
    assert "Hypermarchés" in text  # UTF-8 kept as is, not \u-escaped


# --- CSV -----------------------------------------------------------------------------------


def read_csv(invoke, *args):
    result = invoke(["score", *args, "-f", "csv"])
    assert result.exit_code == 0, result.output
    return list(csv.reader(io.StringIO(result.stdout, newline="")))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_csv_header_and_rows(invoke, score_json, path):
    rows = read_csv(invoke, path)
    header, body = rows[0], rows[1:]
    assert header[:7] == ["rank", "id", "name", "score", "coverage", "excluded", "reasons"]
    document = score_json(path)
    groups = [f"group:{g}" for g in document["criteria"]["groups"]]
    criteria = list(document["criteria"]["weights"])
    assert header[7:] == groups + criteria
    assert len(body) == len(document["ranking"])
    assert all(len(row) == len(header) for row in body)
    assert [row[1] for row in body] == [entry["id"] for entry in document["ranking"]]
    for row, entry in zip(body, document["ranking"], strict=True):
        record = dict(zip(header, row, strict=True))
        assert record["rank"] == ("" if entry["rank"] is None else str(entry["rank"]))
        assert record["name"] == entry["name"]
        assert float(record["score"]) == entry["score"]  # full precision
        assert float(record["coverage"]) == entry["coverage"]
        assert record["excluded"] == ("true" if entry["excluded"] else "false")
        assert record["reasons"] == "; ".join(entry["reasons"])
        for cid in criteria:
            value = entry["scores"].get(cid)
            assert record[cid] == ("" if value is None else repr(value))


def test_csv_excluded_rows_and_empty_cells(invoke):
    rows = read_csv(invoke, PACKAGING)
    records = {row[1]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert records["trader_resinex"]["rank"] == ""
    assert records["trader_resinex"]["excluded"] == "true"
    assert records["trader_resinex"]["reasons"] == "gate: sanctions_listed"
    assert records["paper_group_kerlann"]["reasons"] == "loyalty 1 < minimum 2"
    design = records["university_design"]
    assert design["interpersonal_intelligence"] == design["paradox_intelligence"] == ""
    assert design["group:relational"] == ""
    assert float(design["coverage"]) == pytest.approx(0.85)


def test_csv_quotes_names_with_commas(invoke, write_yaml):
    path = write_yaml(
        "commas.yaml",
        "kind: candidates\ncriteria:\n  criteria: {q: {}}\ncandidates:\n  acme:\n    name: 'Acme, \"the\" best'\n    scores: {q: 4}\n",
    )
    rows = read_csv(invoke, path)
    assert rows[1][2] == 'Acme, "the" best'
    assert rows[0] == ["rank", "id", "name", "score", "coverage", "excluded", "reasons", "q"]  # flat set: no group
