"""Counts with their nouns in the right number, and notes on unanswered gates by label, one line per gate."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from partnerfit.cli.app import app

GATES = """\
kind: candidates
criteria:
  criteria: {q: {label: {en: quality, fr: qualité}}}
  gates:
    g: {label: {en: On a sanctions list, fr: Sur une liste de sanctions}}
    h: {}
candidates:
  a: {scores: {q: 4}}
  b: {scores: {q: 3}, gates: {g: false}}
"""


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "200", "NO_COLOR": "1", "PARTNERFIT_LANG": ""})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        ("en", ["Gate not answered: On a sanctions list: a", "Gate not answered: h: a, b"]),
        (
            "fr",
            [
                "Critère éliminatoire sans réponse : Sur une liste de sanctions : a",
                "Critère éliminatoire sans réponse : h : a, b",
            ],
        ),
    ],
)
def test_unanswered_gates_by_label_one_line_each(tmp_path: Path, lang: str, lines: list[str]) -> None:
    path = tmp_path / "gates.yaml"
    path.write_text(GATES, encoding="utf-8")
    out = run("score", str(path), "--lang", lang)
    assert out.splitlines()[-2:] == lines


def test_one_criterion_one_gate_in_the_report(tmp_path: Path) -> None:
    path = tmp_path / "gates.yaml"
    path.write_text(GATES, encoding="utf-8")
    out = tmp_path / "report.md"
    run("report", str(path), "--lang", "fr", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert "1 critère, 2 critères éliminatoires" in text
    assert "2 évalués : 2 classés, 0 exclu" in text


def test_one_more_candidate_is_singular() -> None:
    assert "1 more ranked candidate not shown (--top 7)" in run("score", "examples/packaging.yaml", "--top", "7")
    assert "1 autre candidat classé non affiché (--top 7)" in run(
        "score", "examples/packaging.yaml", "--top", "7", "--lang", "fr"
    )


def test_import_speaks_french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("sheet.csv").write_text("id,loyalty\na,3\n", encoding="utf-8")
    args = ["import", "sheet.csv", "-o", "c.yaml", "--lang", "fr"]
    result = CliRunner().invoke(app, args, env={"PARTNERFIT_LANG": ""})
    assert result.exit_code == 0, result.output
    assert result.stderr == "c.yaml écrit : 1 candidat depuis 1 ligne de sheet.csv\n"
    assert "# Importé par `partnerfit import` depuis sheet.csv : 1 candidat depuis 1 ligne." in Path(
        "c.yaml"
    ).read_text(encoding="utf-8")
    again = CliRunner().invoke(app, args, env={"PARTNERFIT_LANG": ""})
    assert again.exit_code == 2
    assert again.stderr.endswith("c.yaml existe déjà ; --force pour le remplacer\n")


def test_init_speaks_french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["init", "--lang", "fr"], env={"PARTNERFIT_LANG": ""})
    assert result.exit_code == 0, result.output
    assert result.stderr == "candidates.yaml écrit\n"
    text = Path("candidates.yaml").read_text(encoding="utf-8")
    assert 'name: "Laboratoire de recherche (exemple)"' in text
    assert "tags: [exemple]" in text
