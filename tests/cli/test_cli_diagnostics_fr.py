"""Diagnostics in French under --lang fr (or PARTNERFIT_LANG=fr): every kind of problem, every format of check."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
INVALID_FILES = sorted(p for p in (DATA / "invalid").iterdir() if p.suffix in (".yaml", ".json"))
PREFIX = re.compile(r"^.+:\d+:\d+: (error|warning): ")
# English words that no French message holds (the parser's own words, kept as values, are checked apart)
ENGLISH = re.compile(r"\b(expected|found|unknown|missing(?!:)|did you mean|is outside|the file|invalid YAML)\b")


def _findings(invoke, path: Path, lang: str) -> list[dict[str, object]]:
    result = invoke(["check", path, "--format", "json", "--lang", lang])
    assert result.exit_code in (0, 1), result.output
    found: list[dict[str, object]] = json.loads(result.stdout)
    return found


@pytest.mark.parametrize("path", INVALID_FILES, ids=[p.name for p in INVALID_FILES])
def test_every_diagnostic_of_the_invalid_corpus_is_french(invoke, path: Path) -> None:
    english, french = _findings(invoke, path, "en"), _findings(invoke, path, "fr")
    assert english, "an invalid file reports at least one problem"
    machine = ("file", "line", "column", "severity", "code", "path")
    assert [[d[k] for k in machine] for d in french] == [[d[k] for k in machine] for d in english]
    for en, fr in zip(english, french, strict=True):
        assert fr["message"] != en["message"], f"still English: {en['message']}"
        # what a message quotes from the file or from the YAML parser stays as written: take it out first
        words = re.sub(r"'[^']*'|YAML invalide : [^—]*|JSON invalide : .*", "", str(fr["message"]))
        assert not ENGLISH.search(words), fr["message"]


def test_text_output_keeps_the_english_prefix_ci_parsers_read(invoke) -> None:
    path = DATA / "invalid" / "several_errors.yaml"
    english = invoke(["check", path, "--quiet"]).stderr.splitlines()
    french = invoke(["check", path, "--quiet", "--lang", "fr"]).stderr.splitlines()
    assert len(french) == len(english) == 6
    for en, fr in zip(english, french, strict=True):
        prefix = PREFIX.match(en)
        assert prefix is not None and fr.startswith(prefix.group(0)) and fr != en
    assert "clé inconnue 'titel' — vouliez-vous dire 'title' ?" in french[1]


def test_the_language_comes_from_the_environment_too(invoke) -> None:
    path = DATA / "invalid" / "unknown_top_key.yaml"
    result = invoke(["check", path], env={"PARTNERFIT_LANG": "fr"})
    assert "clé obligatoire manquante : 'candidates'" in result.stderr
    assert "missing required key" not in result.stderr


@pytest.mark.parametrize(
    "command",
    [["score"], ["sensitivity"], ["weights"], ["explain", "{file}", "acme"], ["report", "{file}", "-o", "r.html"]],
)
def test_commands_that_load_a_file_print_its_problems_in_french(invoke, command: list[str], tmp_path: Path) -> None:
    path = DATA / "invalid" / "score_out_of_scale.yaml"
    args = [str(path) if a == "{file}" else str(tmp_path / a) if a == "r.html" else a for a in command]
    args += [] if "{file}" in command else [str(path)]
    english = invoke(args)
    french = invoke([*args, "--lang", "fr"])
    assert english.exit_code == french.exit_code == 1
    assert "score 7 is outside the scale [1, 5] of 'quality'" in english.stderr
    assert "la note 7 est hors de l'échelle [1, 5] de 'quality'" in french.stderr
    assert "error: " in french.stderr  # the machine-readable prefix stays


def test_ci_formats_carry_the_french_message(invoke) -> None:
    path = DATA / "invalid" / "unknown_top_key.yaml"
    french = "clé inconnue 'candidate' — vouliez-vous dire 'candidates' ?"
    sarif = json.loads(invoke(["check", path, "-f", "sarif", "--lang", "fr"]).stdout)
    texts = [r["message"]["text"] for r in sarif["runs"][0]["results"]]
    assert any(text.endswith(french) for text in texts)
    assert {r["level"] for r in sarif["runs"][0]["results"]} == {"error"}
    junit = ET.fromstring(invoke(["check", path, "-f", "junit", "--lang", "fr"]).stdout)
    failure = junit.find(".//failure")
    assert failure is not None and "clé obligatoire manquante" in (failure.text or "")
    github = invoke(["check", path, "-f", "github", "--lang", "fr"]).stdout
    assert "::error file=" in github and "vouliez-vous dire 'candidates' ?" in github


def test_hints_on_numbers_written_as_text_are_french(invoke) -> None:
    french = _findings(invoke, DATA / "invalid" / "score_quoted.yaml", "fr")
    assert "remove the quotes" not in str(french[0]["message"])
    assert "retirez les guillemets" in str(french[0]["message"])
