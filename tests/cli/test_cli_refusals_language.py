"""A refused output is said in the command's language: --lang, else PARTNERFIT_LANG (the exit code never changes)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.cli.conftest import Invoke

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "packaging.yaml"
    shutil.copy(ROOT / "examples" / "packaging.yaml", target)
    return target


CASES = [
    # (what -o names, relative to the copy's folder; exit code; English; French)
    ("packaging.yaml", 2, "refusing to write the output over the input file", "refus d'écrire le résultat"),
    ("missing/out.json", 1, "the folder", "le dossier"),
    (".", 1, "is a directory", "est un dossier"),
]


@pytest.mark.parametrize(("target", "code", "english", "french"), CASES)
def test_each_refusal_in_each_language(invoke: Invoke, copy: Path, target: str, code: int, english: str, french: str):
    before = copy.read_bytes()
    args = ["score", copy, "-f", "json", "-o", copy.parent / target]
    said_en = invoke(args)
    said_fr = invoke([*args, "--lang", "fr"])
    by_env = invoke(args, env={"PARTNERFIT_LANG": "fr"})
    assert said_en.exit_code == said_fr.exit_code == by_env.exit_code == code
    assert english in said_en.stderr and said_en.stderr.startswith("error: ")
    assert french in said_fr.stderr and english not in said_fr.stderr
    assert by_env.stderr == said_fr.stderr
    assert copy.read_bytes() == before
