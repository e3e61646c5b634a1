"""`partnerfit init`: a starter file that `check` accepts and `score` ranks; never overwrites silently."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import partnerfit

ROOT = Path(__file__).resolve().parents[2]
PARTNERSHIP = ROOT / "criteria" / "partnership.yaml"


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def assert_usable(invoke, path):
    check = invoke(["check", "--strict", path])
    assert check.exit_code == 0, check.output
    assert "no errors, 0 warnings" in check.stdout
    score = invoke(["score", path, "-f", "json"])
    assert score.exit_code == 0, score.output
    ranking = json.loads(score.stdout)["ranking"]
    assert len(ranking) >= 2
    assert [entry["rank"] for entry in ranking] == sorted(e["rank"] for e in ranking)
    assert ranking[0]["rank"] == 1
    table = invoke(["score", path])
    assert table.exit_code == 0


def test_init_default_file(invoke, here):
    result = invoke(["init"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == "wrote candidates.yaml\n"
    path = here / "candidates.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#")
    assert "criteria: partnership" in text
    assert "Loyalty" in text
    assert_usable(invoke, path)
    assert sorted(p.name for p in here.iterdir()) == ["candidates.yaml"]  # no leftover temporary file


def test_init_named_file(invoke, here):
    assert invoke(["init", "partners.yaml"]).exit_code == 0
    assert_usable(invoke, here / "partners.yaml")
    assert partnerfit.check_file(here / "partners.yaml") == []


def test_init_refuses_to_overwrite(invoke, here):
    path = here / "candidates.yaml"
    path.write_text("# my precious work\n", encoding="utf-8")
    result = invoke(["init"])
    assert result.exit_code == 1
    assert "already exists" in result.stderr
    assert "--force" in result.stderr
    assert path.read_text(encoding="utf-8") == "# my precious work\n"


def test_init_force_overwrites(invoke, here):
    path = here / "candidates.yaml"
    path.write_text("# my precious work\n", encoding="utf-8")
    result = invoke(["init", "--force"])
    assert result.exit_code == 0
    assert path.read_text(encoding="utf-8") != "# my precious work\n"
    assert_usable(invoke, path)


def test_init_in_french(invoke, here):
    result = invoke(["init", "fr.yaml", "--lang", "fr"])
    assert result.exit_code == 0
    text = (here / "fr.yaml").read_text(encoding="utf-8")
    assert "Loyauté" in text
    assert "Compétences clés" in text
    assert "Loyalty" not in text
    assert_usable(invoke, here / "fr.yaml")


def test_init_with_the_same_set_in_both_languages_scores_the_same(invoke, here):
    invoke(["init", "en.yaml"])
    invoke(["init", "fr.yaml", "-l", "fr"])
    en = json.loads(invoke(["score", "en.yaml", "-f", "json"]).stdout)
    fr = json.loads(invoke(["score", "fr.yaml", "-f", "json"]).stdout)
    words = {"name", "type", "tags"}  # the sample names are in the file's language; the scores are the same
    assert [{k: v for k, v in r.items() if k not in words} for r in en["ranking"]] == [
        {k: v for k, v in r.items() if k not in words} for r in fr["ranking"]
    ]
    assert [r["name"] for r in fr["ranking"]] == ["Start-up (exemple)", "Laboratoire de recherche (exemple)"]


def test_init_from_a_criteria_file(invoke, here):
    (here / "mine.yaml").write_text(
        PARTNERSHIP.read_text(encoding="utf-8").replace("name: partnership", "name: mine", 1), encoding="utf-8"
    )
    result = invoke(["init", "start.yaml", "--criteria", "mine.yaml"])
    assert result.exit_code == 0
    assert "criteria: mine.yaml" in (here / "start.yaml").read_text(encoding="utf-8")
    assert_usable(invoke, here / "start.yaml")
    assert json.loads(invoke(["score", "start.yaml", "-f", "json"]).stdout)["criteria"]["name"] == "mine"


def test_init_in_another_folder_from_a_criteria_file(invoke, here):
    shutil.copyfile(PARTNERSHIP, here / "mine.yaml")
    (here / "sub").mkdir()
    assert invoke(["init", "sub/start.yaml", "--criteria", "mine.yaml"]).exit_code == 0
    assert invoke(["check", "sub/start.yaml"]).exit_code == 0


def test_init_from_an_unknown_set(invoke, here):
    result = invoke(["init", "x.yaml", "--criteria", "nope"])
    assert result.exit_code == 1
    assert "unknown criteria set 'nope'" in result.stderr
    assert list(here.iterdir()) == []


def test_init_into_a_missing_folder(invoke, here):
    result = invoke(["init", "no/such/folder/x.yaml"])
    assert result.exit_code == 1  # a failed write (exit 2 is for misuse)
    assert "does not exist" in result.stderr
    assert list(here.iterdir()) == []


def test_init_into_a_missing_folder_names_no_foreign_option(invoke, here):
    result = invoke(["init", "no/x.yaml"])
    assert "-o " not in result.stderr


def test_init_onto_a_directory(invoke, here):
    (here / "dir").mkdir()
    result = invoke(["init", "dir", "--force"])
    assert result.exit_code == 1  # a failed write (exit 2 is for misuse)
    assert "is a directory" in result.stderr


def test_init_unknown_option_is_misuse(invoke, here):
    assert invoke(["init", "--overwrite"]).exit_code == 2
    assert list(here.iterdir()) == []


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_init_criteria_starter_passes_check(invoke, here, lang):
    result = invoke(["init", "--kind", "criteria", "--lang", lang])
    assert result.exit_code == 0, result.output
    text = (here / "criteria.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "criteria.schema.json" in text.splitlines()[0]
    assert ("# minimum : critère éliminatoire" in text) == (lang == "fr")
    check = invoke(["check", "--strict", "criteria.yaml", "-f", "json"])
    assert check.exit_code == 0, check.output
    assert json.loads(check.stdout) == []
    shown = invoke(["criteria", "criteria.yaml", "--json"])
    data = json.loads(shown.stdout)
    assert shown.exit_code == 0 and len(data["gates"]) == 1
    # a candidates starter built on it is usable too
    assert invoke(["init", "cands.yaml", "--criteria", "criteria.yaml"]).exit_code == 0
    assert_usable(invoke, "cands.yaml")


def test_init_criteria_refuses_an_existing_file(invoke, here):
    (here / "mine.yaml").write_text("keep me\n", encoding="utf-8")
    result = invoke(["init", "mine.yaml", "--kind", "criteria"])
    assert result.exit_code == 1
    assert "already exists" in result.output
    assert (here / "mine.yaml").read_text(encoding="utf-8") == "keep me\n"
    assert invoke(["init", "mine.yaml", "--kind", "criteria", "--force"]).exit_code == 0
    assert "kind: criteria" in (here / "mine.yaml").read_text(encoding="utf-8")
