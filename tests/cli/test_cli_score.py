"""`partnerfit score`: every option, -o FILE, and every error path with its exit code."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "examples" / "packaging.yaml"
ASSESSORS = ROOT / "examples" / "assessors.yaml"
PARTNERSHIP = ROOT / "criteria" / "partnership.yaml"
EXAMPLES = [PACKAGING, ASSESSORS]
FORMATS = ["table", "json", "csv", "markdown"]
DIAGNOSTIC = re.compile(r"^.+:\d+:\d+: (error|warning): ")
ERROR = re.compile(r"^.+:\d+:\d+: error: ")


def scores_by_id(document):
    return {entry["id"]: entry["score"] for entry in document["ranking"]}


# --- formats -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_on_every_example(invoke, path, fmt):
    result = invoke(["score", path, "--format", fmt])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    out = result.stdout
    assert out.endswith("\n")
    if fmt == "json":
        assert json.loads(out)["ranking"]
    elif fmt == "csv":
        assert next(csv.reader(io.StringIO(out)))[:3] == ["rank", "id", "name"]
    elif fmt == "markdown":
        assert out.startswith("## ")
        assert "| Rank | Candidate | Score |" in out
    else:
        assert "Rank" in out
        assert "Candidate" in out
        assert "Method:" in out


def test_default_format_is_table(invoke):
    default = invoke(["score", PACKAGING])
    table = invoke(["score", PACKAGING, "--format", "table"])
    assert default.exit_code == table.exit_code == 0
    assert default.stdout == table.stdout


def test_short_options_equal_long_options(invoke):
    options = [("--format", "-f", "json"), ("--top", "-n", "2"), ("--lang", "-l", "fr"), ("--method", "-m", "wsm")]
    options += [("--criteria", "-c", "partnership"), ("--weight", "-w", "loyalty=20")]
    long = invoke(["score", ASSESSORS, *(word for name, _, value in options for word in (name, value))])
    short = invoke(["score", ASSESSORS, *(word for _, flag, value in options for word in (flag, value))])
    assert long.exit_code == short.exit_code == 0
    assert long.stdout == short.stdout


def test_unknown_format_is_misuse(invoke):
    result = invoke(["score", PACKAGING, "--format", "xml"])
    assert result.exit_code == 2
    assert "--format" in result.stderr


# --- --top ---------------------------------------------------------------------------------


def test_top_json_keeps_the_first_ranked(score_json):
    full = score_json(PACKAGING)
    top = score_json(PACKAGING, "--top", "3")
    assert [e["id"] for e in top["ranking"]] == [e["id"] for e in full["ranking"][:3]]
    assert [e["rank"] for e in top["ranking"]] == [1, 2, 3]


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_top_human_formats_say_what_is_hidden(invoke, fmt):
    result = invoke(["score", PACKAGING, "--format", fmt, "--top", "2"])
    assert result.exit_code == 0
    out = result.stdout
    assert "Institut des Biopolymères" in out
    assert "Fibrea" in out
    assert "Zéro Déchet" not in out
    assert "6 more ranked candidates not shown (--top 2)" in out
    assert "2 excluded candidates not shown" in out
    assert "Papeteries Kerlann" not in out


def test_top_csv_keeps_the_first_ranked_rows(invoke):
    rows = list(csv.reader(io.StringIO(invoke(["score", PACKAGING, "-f", "csv", "--top", "2"]).stdout)))
    assert [row[0] for row in rows[1:]] == ["1", "2"]


def test_top_larger_than_the_ranking_shows_everything(score_json):
    assert len(score_json(ASSESSORS, "--top", "50")["ranking"]) == 5


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_top_must_be_a_positive_integer(invoke, value):
    result = invoke(["score", PACKAGING, "--top", value])
    assert result.exit_code == 2
    assert "--top" in result.stderr


# --- --lang --------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_lang_fr_headings(invoke, fmt):
    result = invoke(["score", PACKAGING, "--format", fmt, "--lang", "fr"])
    assert result.exit_code == 0
    out = result.stdout
    for word in ["Rang", "Candidat", "Exclus", "Motifs", "Méthode", "Poids", "Loyauté 1 < minimum 2"]:
        assert word in out
    assert "Rank" not in out
    assert "Method:" not in out


def test_lang_does_not_change_machine_formats(invoke):
    for fmt in ["json", "csv"]:
        en = invoke(["score", PACKAGING, "-f", fmt])
        fr = invoke(["score", PACKAGING, "-f", fmt, "--lang", "fr"])
        assert en.stdout == fr.stdout


def test_unknown_lang_is_misuse(invoke):
    result = invoke(["score", PACKAGING, "--lang", "de"])
    assert result.exit_code == 2
    assert "--lang" in result.stderr


# --- --missing -----------------------------------------------------------------------------


def test_missing_ignore_is_the_default(score_json):
    default = score_json(PACKAGING)
    ignore = score_json(PACKAGING, "--missing", "ignore")
    assert default == ignore
    assert ignore["missing"] == "ignore"
    design = next(e for e in ignore["ranking"] if e["id"] == "university_design")
    assert design["coverage"] == pytest.approx(0.85)
    assert set(design["contributions"]) == set(ignore["criteria"]["weights"]) - {
        "interpersonal_intelligence",
        "paradox_intelligence",
    }


def test_missing_worst_lowers_only_the_incomplete_candidate(score_json):
    ignore = scores_by_id(score_json(PACKAGING, "--missing", "ignore"))
    worst_doc = score_json(PACKAGING, "--missing", "worst")
    worst = scores_by_id(worst_doc)
    assert worst_doc["missing"] == "worst"
    assert worst["university_design"] < ignore["university_design"]
    for cid, value in ignore.items():
        if cid != "university_design":
            assert worst[cid] == value
    # missing scores count with v = 0: the score is the ignore score scaled by the coverage
    assert worst["university_design"] == pytest.approx(ignore["university_design"] * 0.85)


def test_missing_error_fails_with_the_location(invoke):
    result = invoke(["score", PACKAGING, "--missing", "error"])
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines
    assert all(ERROR.match(line) for line in lines), result.stderr
    assert re.search(r"packaging\.yaml:\d+:\d+: error: .*university_design.*interpersonal_intelligence", result.stderr)
    assert "Traceback" not in result.output


def test_missing_error_passes_when_every_criterion_has_a_score(score_json):
    # every criterion of assessors.yaml has at least one assessor's score
    assert score_json(ASSESSORS, "--missing", "error")["missing"] == "error"


def test_unknown_missing_policy_is_misuse(invoke):
    result = invoke(["score", PACKAGING, "--missing", "zero"])
    assert result.exit_code == 2


# --- --aggregate ---------------------------------------------------------------------------


def test_aggregate_median_changes_assessor_scores(score_json):
    mean = score_json(ASSESSORS)
    median = score_json(ASSESSORS, "--aggregate", "median")
    assert mean["aggregate"] == "mean"
    assert median["aggregate"] == "median"
    assert scores_by_id(mean) != scores_by_id(median)
    # Atelier Solidaire: mean 73.0, median 72.25 (complementary_expertise 3, 2, 3 -> median 3)
    assert scores_by_id(median)["insertion_recyclerie"] == pytest.approx(72.25)
    assert scores_by_id(mean)["insertion_recyclerie"] == pytest.approx(73.0)


def test_aggregate_median_changes_nothing_with_one_scorer(score_json):
    assert scores_by_id(score_json(PACKAGING, "--aggregate", "median")) == scores_by_id(score_json(PACKAGING))


def test_aggregate_median_is_named_in_the_footer(invoke):
    assert "Assessors: median" in invoke(["score", ASSESSORS, "--aggregate", "median"]).stdout


def test_unknown_aggregate_is_misuse(invoke):
    assert invoke(["score", ASSESSORS, "--aggregate", "mode"]).exit_code == 2


def test_unknown_method_is_misuse(invoke):
    result = invoke(["score", PACKAGING, "--method", "electre"])
    assert result.exit_code == 2
    assert "--method" in result.stderr


# --- --weight ------------------------------------------------------------------------------


def test_weight_override_changes_weights_and_scores(score_json):
    base = score_json(PACKAGING)
    what_if = score_json(PACKAGING, "--weight", "loyalty=20")
    weights = what_if["criteria"]["weights"]
    assert weights["loyalty"] > base["criteria"]["weights"]["loyalty"]
    assert sum(weights.values()) == pytest.approx(1, abs=1e-9)
    assert scores_by_id(what_if) != scores_by_id(base)
    # the dairy cooperative (loyalty 5) overtakes the NGO (loyalty 4) and the design school (3)
    order = [e["id"] for e in what_if["ranking"]]
    assert order.index("coop_dairy") < order.index("ngo_zero_waste")


def test_weight_override_of_a_group_and_repeated(score_json):
    base = score_json(PACKAGING)
    what_if = score_json(PACKAGING, "-w", "attitude=50", "-w", "loyalty=20")
    assert what_if["criteria"]["groups"]["attitude"] > base["criteria"]["groups"]["attitude"]
    assert what_if["criteria"]["weights"]["loyalty"] > base["criteria"]["weights"]["loyalty"]
    assert sum(what_if["criteria"]["weights"].values()) == pytest.approx(1, abs=1e-9)


def test_weight_override_equal_to_the_file_weight_changes_nothing(score_json):
    # loyalty already has weight 10 in the built-in set
    assert scores_by_id(score_json(PACKAGING, "--weight", "loyalty=10")) == scores_by_id(score_json(PACKAGING))


@pytest.mark.parametrize(
    "value",
    ["loyalty", "loyalty=", "=3", "loyalty=abc", "loyalty=0", "loyalty=-1", "loyalty=inf", "loyalty=nan", "loyalty:20"],
)
def test_bad_weight_values_are_misuse(invoke, value):
    result = invoke(["score", PACKAGING, "--weight", value])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: --weight")
    assert "ID=NUMBER" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        ("loyalty=1_000", "write 1000 without '_'"),
        ("loyalty=3,5", "write 3.5: decimals take a dot"),
        ("loyalty=075", "write 75"),
        ("loyalty=0x10", "write the decimal number 16"),
        ("loyalty= 2", "remove the quotes and spaces"),
    ],
)
def test_weights_are_read_as_numbers_in_files_are(invoke, value, hint):
    """--weight reads numbers with the files' one reader: YAML 1.1 forms are refused with the same hint."""
    result = invoke(["score", PACKAGING, "--weight", value])
    assert result.exit_code == 2 and result.stdout == ""
    assert hint in result.stderr


@pytest.mark.parametrize("value", ["loyalty=1e3", "loyalty=+.5", "loyalty=2.5E1"])
def test_weights_in_yaml_1_2_forms_are_numbers(score_json, value):
    weights = score_json(PACKAGING, "--weight", value)["criteria"]["weights"]
    assert weights["loyalty"] > 0


@pytest.mark.parametrize("value", ["loyalty=1e16", "loyalty=1e-16"])
def test_weights_outside_the_exact_range_are_misuse(invoke, value):
    result = invoke(["score", PACKAGING, "--weight", value])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "from 1e-15 to 1e+15" in result.stderr


def test_weight_naming_an_unknown_id_is_misuse(invoke):
    result = invoke(["score", PACKAGING, "--weight", "loyality=20"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "loyality" in result.stderr
    assert "unknown group or criterion" in result.stderr


# --- --criteria ----------------------------------------------------------------------------


def test_criteria_builtin_name_is_the_file_default(invoke):
    named = invoke(["score", PACKAGING, "-f", "json", "--criteria", "partnership"])
    default = invoke(["score", PACKAGING, "-f", "json"])
    assert named.exit_code == 0
    assert named.stdout == default.stdout


def test_criteria_path(score_json):
    by_path = score_json(PACKAGING, "--criteria", str(PARTNERSHIP))
    default = score_json(PACKAGING)
    assert by_path["criteria"]["source"] == str(PARTNERSHIP)
    assert by_path["criteria"]["weights"] == default["criteria"]["weights"]
    assert scores_by_id(by_path) == scores_by_id(default)


def test_criteria_path_with_other_weights(score_json, tmp_path):
    text = PARTNERSHIP.read_text(encoding="utf-8").replace("name: partnership", "name: heavy_loyalty", 1)
    text = text.replace("    weight: 30\n", "    weight: 5\n", 1)  # competences group: 30 -> 5
    criteria = tmp_path / "heavy.yaml"
    criteria.write_text(text, encoding="utf-8")
    document = score_json(PACKAGING, "--criteria", str(criteria))
    assert document["criteria"]["name"] == "heavy_loyalty"
    assert document["criteria"]["groups"]["competences"] < 0.3
    assert scores_by_id(document) != scores_by_id(score_json(PACKAGING))


def test_criteria_unknown_name(invoke):
    result = invoke(["score", PACKAGING, "--criteria", "no_such_set"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "no_such_set" in result.stderr
    assert "built-in sets: partnership" in result.stderr
    assert "Traceback" not in result.output


def test_criteria_misspelled_name_suggests(invoke):
    result = invoke(["score", PACKAGING, "--criteria", "partnershp"])
    assert result.exit_code == 1
    assert "did you mean 'partnership'" in result.stderr


def test_criteria_invalid_file(invoke, write_yaml):
    bad = write_yaml("bad-criteria.yaml", "kind: criteria\nname: bad\ncriteria:\n  a: {weight: 0}\n")
    result = invoke(["score", PACKAGING, "--criteria", bad])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert re.search(r"bad-criteria\.yaml:4:\d+: error: criteria\.a\.weight", result.stderr)


# --- -o FILE -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_file_equals_stdout(invoke, tmp_path, fmt):
    target = tmp_path / f"ranking.{fmt}"
    written = invoke(["score", PACKAGING, "-f", fmt, "-o", target])
    assert written.exit_code == 0, written.output
    assert written.stdout == ""
    shown = invoke(["score", PACKAGING, "-f", fmt])
    assert target.read_bytes().decode("utf-8") == shown.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no leftover .tmp


def test_output_replaces_an_existing_file(invoke, tmp_path):
    target = tmp_path / "ranking.json"
    target.write_text("old content that is longer than nothing\n" * 200, encoding="utf-8")
    result = invoke(["score", ASSESSORS, "--format", "json", "--output", target])
    assert result.exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["ranking"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ranking.json"]


def test_output_never_colours(invoke, tmp_path):
    target = tmp_path / "table.txt"
    result = invoke(["score", PACKAGING, "-o", target], env={"FORCE_COLOR": "1"})
    assert result.exit_code == 0
    assert "\x1b[" not in target.read_text(encoding="utf-8")


def test_output_dash_is_stdout(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke(["score", PACKAGING, "-f", "csv", "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout == invoke(["score", PACKAGING, "-f", "csv"]).stdout
    assert list(tmp_path.iterdir()) == []


def test_output_failure_leaves_target_and_folder_clean(invoke, tmp_path, monkeypatch):
    target = tmp_path / "ranking.json"
    target.write_text("previous\n", encoding="utf-8")

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    result = invoke(["score", PACKAGING, "-f", "json", "-o", target])
    assert result.exit_code == 1
    assert "cannot write" in result.stderr
    assert "No space left on device" in result.stderr
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ranking.json"]


def test_output_file_mode_follows_umask(invoke, tmp_path):
    old = os.umask(0o022)
    try:
        target = tmp_path / "ranking.csv"
        assert invoke(["score", PACKAGING, "-f", "csv", "-o", target]).exit_code == 0
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("spelling", ["{name}", "./{name}", "sub/../{name}", "{absolute}"])
def test_output_over_the_input_file_is_refused(invoke, tmp_path, monkeypatch, spelling):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    source = tmp_path / "candidates.yaml"
    shutil.copyfile(PACKAGING, source)
    before = source.read_bytes()
    target = spelling.format(name="candidates.yaml", absolute=source)
    result = invoke(["score", "candidates.yaml", "-f", "json", "-o", target])
    assert result.exit_code == 2
    assert "refusing to write the output over the input file" in result.stderr
    assert source.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["candidates.yaml", "sub"]


def test_output_over_the_criteria_file_is_refused(invoke, tmp_path):
    criteria = tmp_path / "mine.yaml"
    shutil.copyfile(PARTNERSHIP, criteria)
    before = criteria.read_bytes()
    result = invoke(["score", PACKAGING, "--criteria", criteria, "-o", criteria])
    assert result.exit_code == 2
    assert criteria.read_bytes() == before


def test_output_into_a_missing_folder(invoke, tmp_path):
    target = tmp_path / "no" / "such" / "ranking.json"
    result = invoke(["score", PACKAGING, "-f", "json", "-o", target])
    assert result.exit_code == 1  # a failed write (exit 2 is for misuse)
    assert "does not exist" in result.stderr
    assert not (tmp_path / "no").exists()


def test_output_onto_a_directory(invoke, tmp_path):
    result = invoke(["score", PACKAGING, "-o", tmp_path])
    assert result.exit_code == 1  # a failed write (exit 2 is for misuse)
    assert "is a directory" in result.stderr
    assert list(tmp_path.iterdir()) == []


# --- usage errors (exit 2) -----------------------------------------------------------------


def test_unknown_option(invoke):
    result = invoke(["score", PACKAGING, "--colour"])
    assert result.exit_code == 2
    assert "error: unknown option --colour" in result.stderr
    assert result.stdout == ""


def test_missing_file_argument(invoke):
    result = invoke(["score"])
    assert result.exit_code == 2
    assert "error: missing argument FILE" in result.stderr


def test_nonexistent_file(invoke, tmp_path):
    result = invoke(["score", tmp_path / "nope.yaml"])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_directory_as_file(invoke, tmp_path):
    result = invoke(["score", tmp_path])
    assert result.exit_code == 2
    assert "is a directory" in result.stderr


# --- invalid input (exit 1) ----------------------------------------------------------------

INVALID = {
    "syntax": "kind: candidates\ncandidates: [unclosed\n",
    "out_of_scale": "kind: candidates\ncandidates:\n  acme:\n    scores: {loyalty: 9}\n",
    "unknown_criterion": "kind: candidates\ncandidates:\n  acme:\n    scores: {loyality: 3}\n",
    "duplicate_key": "kind: candidates\ncandidates:\n  acme: {scores: {loyalty: 3}}\n  acme: {scores: {loyalty: 4}}\n",
    "not_a_number": "kind: candidates\ncandidates:\n  acme:\n    scores: {loyalty: .nan}\n",
    "empty": "",
    "top_level_list": "- a\n- b\n",
    "python_tag": "kind: candidates\ncandidates: !!python/object/apply:os.system [echo hi]\n",
    "version_2": "partnerfit: 2\nkind: candidates\ncandidates:\n  acme: {scores: {loyalty: 3}}\n",
    "criteria_file": PARTNERSHIP.read_text(encoding="utf-8"),
}


ONE_ERROR = "kind: candidates\ncriteria:\n  criteria: {q: {}}\ncandidates:\n  acme:\n    scores: {q: 9}\n"


@pytest.mark.parametrize("name", sorted(INVALID))
def test_invalid_input_reports_file_line_column(invoke, write_yaml, name):
    path = write_yaml(f"{name}.yaml", INVALID[name])
    result = invoke(["score", path])
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines
    assert all(DIAGNOSTIC.match(line) for line in lines), result.stderr
    assert any(ERROR.match(line) for line in lines)
    assert {Path(line.split(":", 1)[0]).resolve() for line in lines} == {path.resolve()}
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_diagnostics_inside_the_working_directory_are_relative(invoke, write_yaml, tmp_path, monkeypatch):
    path = write_yaml("sub/bad.yaml", ONE_ERROR)
    monkeypatch.chdir(tmp_path)
    result = invoke(["score", path])
    assert result.exit_code == 1
    assert result.stderr.startswith(os.path.join("sub", "bad.yaml") + ":6:17: error: ")


def test_diagnostics_outside_the_working_directory_keep_the_path(invoke, write_yaml, tmp_path, monkeypatch):
    path = write_yaml("other/bad.yaml", ONE_ERROR)
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    result = invoke(["score", path])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{path}:6:17: error: ")


def test_invalid_json_input(invoke, write_yaml):
    path = write_yaml("candidates.json", '{"kind": "candidates", "candidates": {"acme": {"scores": {"loyalty": "x"}}}}')
    result = invoke(["score", path])
    assert result.exit_code == 1
    assert all(DIAGNOSTIC.match(line) for line in result.stderr.splitlines())
    assert "Traceback" not in result.output


def test_not_utf8_input(invoke, tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("kind: candidates\ntitle: Société\n".encode("latin-1"))
    result = invoke(["score", path])
    assert result.exit_code == 1
    assert ERROR.match(result.stderr)
    assert "Traceback" not in result.output
