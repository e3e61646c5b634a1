"""`partnerfit criteria`: the list of built-in sets, a set as a tree, as JSON, and its errors."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest
from rich.cells import cell_len

ROOT = Path(__file__).resolve().parents[2]
PARTNERSHIP = ROOT / "criteria" / "partnership.yaml"


def test_list_builtin_sets(invoke):
    result = invoke(["criteria"])
    assert result.exit_code == 0
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == "Built-in criteria sets"
    assert re.match(r"^\s+partnership\s+Partnership fit \(SDG 17\) \(13\)$", lines[1])


def test_list_builtin_sets_in_french(invoke):
    result = invoke(["criteria", "--lang", "fr"])
    assert result.exit_code == 0
    assert "Adéquation partenariale" in result.stdout


def test_tree(invoke):
    result = invoke(["criteria", "partnership"])
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("Partnership fit (SDG 17) (partnership)")
    assert re.search(r"30\.0%\s+Key competences\s+\(competences\)", out)
    assert re.search(r"10\.0%\s+Loyalty\s+\(loyalty\)", out)
    assert "knock-out < 2" in out  # loyalty's minimum
    assert "lower is better" in out  # risk_exposure
    assert "sanctions_listed" in out
    assert "\x1b[" not in result.output


def test_tree_in_french(invoke):
    result = invoke(["criteria", "partnership", "--lang", "fr"])
    assert result.exit_code == 0
    assert "Loyauté" in result.stdout
    assert "Compétences clés" in result.stdout
    assert "Loyalty" not in result.stdout


def test_tree_from_a_path(invoke):
    by_path = invoke(["criteria", PARTNERSHIP])
    by_name = invoke(["criteria", "partnership"])
    assert by_path.exit_code == 0
    assert by_path.stdout == by_name.stdout


def test_tree_fits_80_columns(invoke):
    result = invoke(["criteria", "partnership"], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert max(cell_len(line) for line in result.stdout.splitlines()) <= 80


def test_tree_coloured_only_when_forced(invoke):
    assert "\x1b[" in invoke(["criteria", "partnership"], env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" not in invoke(["criteria", "partnership"], env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_json(invoke, lang):
    result = invoke(["criteria", "partnership", "--json", "--lang", lang])
    assert result.exit_code == 0
    assert "\x1b[" not in result.output
    document = json.loads(result.stdout)
    assert document["name"] == "partnership"
    assert math.fsum(c["weight"] for c in document["criteria"].values()) == pytest.approx(1, abs=1e-9)
    assert math.fsum(g["weight"] for g in document["groups"].values()) == pytest.approx(1, abs=1e-9)
    assert len(document["criteria"]) == 13
    loyalty = document["criteria"]["loyalty"]
    assert loyalty["weight"] == pytest.approx(0.10)
    assert loyalty["group"] == "attitude"
    assert loyalty["minimum"] == 2
    assert loyalty["scale"] == [1, 5]
    assert loyalty["label"] == {"en": "Loyalty", "fr": "Loyauté"}[lang]
    assert document["criteria"]["risk_exposure"]["direction"] == "lower"
    for group in document["groups"].values():
        assert all(document["criteria"][cid]["group"] for cid in group["criteria"])
    assert set(document["gates"]) == {"sanctions_listed", "human_rights_abuse", "excluded_activity", "integrity_breach"}


def test_json_of_a_flat_set(invoke, write_yaml):
    path = write_yaml("flat.yaml", "kind: criteria\nname: flat\ncriteria:\n  a: {weight: 3}\n  b: {}\n")
    document = json.loads(invoke(["criteria", path, "--json"]).stdout)
    assert document["groups"] == {}
    assert document["criteria"]["a"]["weight"] == pytest.approx(0.75)
    assert document["criteria"]["b"]["weight"] == pytest.approx(0.25)


def test_unknown_name_suggests(invoke):
    result = invoke(["criteria", "partnershp"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "unknown criteria set 'partnershp'" in result.stderr
    assert "did you mean 'partnership'" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_name_lists_the_builtin_sets(invoke):
    result = invoke(["criteria", "zzz"])
    assert result.exit_code == 1
    assert "built-in sets: partnership" in result.stderr


def test_invalid_criteria_file(invoke, write_yaml):
    path = write_yaml("bad.yaml", "kind: criteria\nname: bad\ncriteria:\n  a: {weight: -1}\n")
    result = invoke(["criteria", path])
    assert result.exit_code == 1
    assert re.match(r".*bad\.yaml:4:\d+: error: criteria\.a\.weight", result.stderr)


def test_candidates_file_is_not_a_criteria_set(invoke):
    result = invoke(["criteria", ROOT / "examples" / "packaging.yaml"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "error:" in result.stderr


def test_format_json_is_the_json_alias(invoke):
    assert (
        invoke(["criteria", "partnership", "--format", "json"]).stdout
        == invoke(["criteria", "partnership", "--json"]).stdout
    )


def test_unknown_option_is_misuse(invoke):
    result = invoke(["criteria", "partnership", "--jsn"])
    assert result.exit_code == 2
