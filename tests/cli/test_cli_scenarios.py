"""`partnerfit score FILE --scenario NAME` and `--scenarios`: every format, French, and the error paths."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from partnerfit.render.registry import formats

ROOT = Path(__file__).resolve().parents[2]
CONSORTIUM = ROOT / "examples" / "consortium-assessments" / "candidates.yaml"
BOARD = ["-w", "capacity=6", "-w", "expertise=1"]  # the board scenario's weights, as -w would give them


@pytest.mark.parametrize("fmt", formats("scenarios"))
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_scenarios_in_every_format(invoke, fmt: str, lang: str) -> None:
    result = invoke(["score", CONSORTIUM, "--scenarios", "--format", fmt, "--lang", lang])
    assert result.exit_code == 0, result.output
    assert "Coop Papier" in result.stdout and "Groupe Emballage" in result.stdout
    if fmt != "json":
        assert ("Le point de vue du conseil" if lang == "fr" else "The board's view") in result.stdout
        assert ("Référence" if lang == "fr" else "Baseline") in result.stdout


def test_scenarios_table_fits_80_columns_and_says_tau(invoke) -> None:
    result = invoke(["score", CONSORTIUM, "--scenarios"], env={"COLUMNS": "80"})
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert "CSR view (τ = 0.667): Coop Papier leads rather than Start-up Fibre Moulée" in result.stdout


def test_scenarios_french_numbers(invoke) -> None:
    result = invoke(["score", CONSORTIUM, "--scenarios", "--lang", "fr"], env={"COLUMNS": "200"})
    assert "Point de vue RSE (τ = 0,667) : Coop Papier passe en tête" in result.stdout


def test_scenarios_json_document(invoke) -> None:
    data = json.loads(invoke(["score", CONSORTIUM, "--scenarios", "-f", "json"]).stdout)
    assert data["kind"] == "scenarios" and data["baseline"]["basis"] == "file_weights"
    assert data["baseline"]["leader"] == "startup_fibre"
    by_id = {s["id"]: s for s in data["scenarios"]}
    assert list(by_id) == ["board", "csr"]
    assert by_id["board"]["leader"] == "groupe_emballage" and by_id["board"]["leader_differs"]
    assert by_id["board"]["overrides"] == {"capacity": 6, "expertise": 1}
    assert by_id["board"]["baseline_leader_rank"] == 3
    assert by_id["csr"]["kendall_tau"] == pytest.approx(2 / 3)
    assert by_id["csr"]["label"] == {"en": "CSR view", "fr": "Point de vue RSE"}


def test_one_scenario_equals_the_same_weights_given_with_w(invoke) -> None:
    under = json.loads(invoke(["score", CONSORTIUM, "--scenario", "board", "-f", "json"]).stdout)
    given = json.loads(invoke(["score", CONSORTIUM, "-f", "json", *BOARD]).stdout)
    assert under.pop("scenario") == {
        "id": "board",
        "label": {"en": "The board's view", "fr": "Le point de vue du conseil"},
    }
    assert under == given
    assert under["criteria"]["overridden"] == {"capacity": 6, "expertise": 1}


def test_w_applies_over_the_scenario(invoke) -> None:
    data = json.loads(invoke(["score", CONSORTIUM, "--scenario", "board", "-w", "capacity=1", "-f", "json"]).stdout)
    assert data["criteria"]["overridden"] == {"capacity": 1, "expertise": 1}


@pytest.mark.parametrize(
    ("fmt", "lang", "line"),
    [("table", "en", "Scenario: The board's view"), ("markdown", "fr", "Scénario : Le point de vue du conseil")],
)
def test_one_scenario_is_named_under_the_ranking(invoke, fmt: str, lang: str, line: str) -> None:
    result = invoke(["score", CONSORTIUM, "--scenario", "board", "-f", fmt, "--lang", lang], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert line in result.stdout
    assert result.stdout.index("Groupe Emballage") < result.stdout.index("Start-up Fibre Moulée")


def test_without_the_option_nothing_changes(invoke) -> None:
    data = json.loads(invoke(["score", CONSORTIUM, "-f", "json"]).stdout)
    assert "scenario" not in data and "scenarios" not in data
    assert "Scenario" not in invoke(["score", CONSORTIUM]).stdout


def test_unknown_scenario_is_a_misuse_with_did_you_mean(invoke) -> None:
    result = invoke(["score", CONSORTIUM, "--scenario", "bord"])
    assert result.exit_code == 2
    assert "no scenario 'bord' — did you mean 'board'? (the file gives: board, csr)" in result.stderr
    assert result.stdout == ""


def test_without_scenarios(invoke, tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("partnerfit: 1\ncandidates:\n  a: {scores: {}}\n", encoding="utf-8")
    listed = invoke(["score", path, "--scenarios", "--lang", "fr"])
    assert listed.exit_code == 1 and "le fichier ne donne aucun 'scenarios'" in listed.stderr
    named = invoke(["score", path, "--scenario", "board"])  # the file lacks them, as for --scenarios: exit 1
    assert named.exit_code == 1 and "gives no 'scenarios'" in named.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--scenarios", "--perspectives"], "--perspectives and --scenarios: choose one"),
        (["--scenarios", "--scenario", "board"], "--scenarios and --scenario: choose one"),
        (["--compare", "--scenario", "board"], "--compare and --scenario: choose one"),
        (["--scenarios", "-f", "csv"], "csv"),
    ],
)
def test_misuse(invoke, args: list[str], words: str) -> None:
    result = invoke(["score", CONSORTIUM, *args])
    assert result.exit_code == 2 and words in result.stderr


def test_scenarios_workbook_refused(invoke, tmp_path: Path) -> None:
    result = invoke(["score", CONSORTIUM, "--scenarios", "-o", tmp_path / "out.xlsx"])
    assert result.exit_code == 2 and "--scenarios does not apply" in result.stderr


def test_unknown_id_in_a_scenario(invoke, tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(
        "partnerfit: 1\ncriteria: {name: t, scale: [1, 5], criteria: {cost: {label: C, weight: 1}}}\n"
        "candidates:\n  a: {scores: {cost: 3}}\nscenarios:\n  board:\n    weights: {cots: 2}\n",
        encoding="utf-8",
    )
    result = invoke(["check", path])
    assert result.exit_code == 1
    assert (
        "c.yaml:7:15: error: scenarios.board.weights.cots: unknown group or criterion 'cots' — did you mean 'cost'?"
        in result.stderr
    )


def _version(tmp_path: Path, name: str, scenarios: str) -> Path:
    path = tmp_path / name
    path.write_text(
        "partnerfit: 1\ncriteria: {name: t, scale: [1, 5], criteria: {a: {label: A, weight: 1}, b: {label: B, weight: 1}}}\n"
        f"candidates:\n  x: {{scores: {{a: 5, b: 1}}}}\n  y: {{scores: {{a: 1, b: 4}}}}\n{scenarios}",
        encoding="utf-8",
    )
    return path


def test_diff_shows_scenario_changes_in_every_format(invoke, tmp_path: Path) -> None:
    old = _version(tmp_path, "old.yaml", "scenarios:\n  board: {weights: {a: 3}}\n  csr: {weights: {b: 2}}\n")
    new = _version(
        tmp_path,
        "new.yaml",
        "scenarios:\n  board: {weights: {a: 3}}\n  csr: {weights: {b: 5}}\n  cfo: {weights: {a: 1.5}}\n",
    )
    data = json.loads(invoke(["diff", old, new, "-f", "json"]).stdout)
    assert data["scenarios"] == {
        "added": {"cfo": {"a": 1.5}},
        "removed": {},
        "changed": {"csr": {"old": {"b": 2}, "new": {"b": 5}}},
    }
    assert data["unchanged"] is False
    table = invoke(["diff", old, new]).stdout
    assert "Scenarios" in table and "cfo: added (a=1.5)" in table and "csr: weights b=2 → b=5" in table
    markdown = invoke(["diff", old, new, "-f", "markdown", "--lang", "fr"]).stdout
    assert "#### Scénarios" in markdown and "- cfo : ajouté (a=1,5)" in markdown and "board" not in markdown
    gone = json.loads(invoke(["diff", new, old, "-f", "json"]).stdout)
    assert gone["scenarios"]["removed"] == {"cfo": {"a": 1.5}}


def test_diff_without_scenario_changes_has_no_key(invoke, tmp_path: Path) -> None:
    same = "scenarios:\n  board: {label: Board, weights: {a: 3}}\n"
    old = _version(tmp_path, "old.yaml", same)
    new = _version(tmp_path, "new.yaml", same.replace("Board", "The board"))
    data = json.loads(invoke(["diff", old, new, "-f", "json"]).stdout)
    assert "scenarios" not in data and data["unchanged"] is True
    assert "Scenarios" not in invoke(["diff", old, new]).stdout


@pytest.mark.parametrize("suffix", ["md", "html"])
def test_report_section_present_only_with_scenarios(invoke, tmp_path: Path, suffix: str) -> None:
    with_them = _version(
        tmp_path, "with.yaml", "scenarios:\n  board: {label: {en: Board, fr: Conseil}, weights: {b: 9}}\n"
    )
    without = _version(tmp_path, "without.yaml", "")
    texts = {}
    for path in (with_them, without):
        out = tmp_path / f"{path.stem}.{suffix}"
        result = invoke(["report", path, "-o", out, "--date", "2026-01-01", "--lang", "fr"])
        assert result.exit_code == 0, result.output
        texts[path.stem] = out.read_text(encoding="utf-8")
    assert "Scénarios" in texts["with"] and "Conseil (τ = -1,000) : y passe en tête au lieu de x" in texts["with"]
    assert "Scénarios" not in texts["without"] and "Conseil" not in texts["without"]
    if suffix == "md":
        assert "## 4. Scénarios" in texts["with"] and "| x | 1 | 2 |" in texts["with"]
    else:
        assert 'id="scenarios"' in texts["with"] and 'id="scenarios"' not in texts["without"]
