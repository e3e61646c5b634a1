"""`partnerfit explain FILE CANDIDATE` and `partnerfit compare FILE A B [C...]`: formats, languages, errors."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner, Result

from partnerfit.cli.app import app as main_app
from partnerfit.cli.explain import compare, explain

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "examples" / "packaging.yaml"
ASSESSORS = ROOT / "examples" / "assessors.yaml"
CLEAN_ENV: dict[str, str | None] = {"COLUMNS": None, "NO_COLOR": None, "FORCE_COLOR": None, "TERM": None}


def _app() -> typer.Typer:
    """The application once the commands are registered in it; until then a local one with both."""
    if {"explain", "compare"} <= {c.name for c in main_app.registered_commands}:
        return main_app
    local = typer.Typer(rich_markup_mode=None, context_settings={"help_option_names": ["-h", "--help"]})
    local.command(name="explain")(explain)
    local.command(name="compare")(compare)
    return local


APP = _app()


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(APP, [str(a) for a in args], env=CLEAN_ENV)


def ok(*args: str | Path) -> str:
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout


# --- explain ---------------------------------------------------------------------------------------------------


def test_explain_table() -> None:
    out = ok("explain", PACKAGING, "startup_fibre")
    lines = out.splitlines()
    assert lines[0] == "Fibrea (moulded-fibre start-up) — rank 2 of 8 · score 78.38 (wsm)"
    assert lines[1] == "Leader: Institut des Biopolymères (public research lab), 79.00 (0.63 points ahead)"
    loyalty = next(line for line in lines if line.startswith("Loyalty"))
    assert loyalty.split() == [
        "Loyalty",
        "10.0%",
        "4",
        "7.50",
        "██████▎",
        "+0.00",
        "+0.00",
        "4",
        "→",
        "4.26",
        "(whole:",
        "5)",
    ]
    assert "not reachable" in out and "Strengths (above the median of eligible candidates): " in out
    assert all(line == line.rstrip() for line in lines)


def test_explain_french() -> None:
    out = ok("explain", PACKAGING, "university_design", "--lang", "fr")
    assert out.startswith("École de design de Nantes (packaging chair) — rang 4 sur 8 · score 71,76 (wsm)\n")
    assert "Juste devant : Zéro Déchet Bretagne, 73,00 (1,24 points d'avance)" in out
    assert "Noté sur 85\u202f% du poids" in out and "Rang au-dessus" in out and "Points faibles" in out


def test_explain_json() -> None:
    document = json.loads(ok("explain", PACKAGING, "university_design", "--format", "json"))
    assert document["candidate"]["id"] == "university_design" and document["above"]["id"] == "ngo_zero_waste"
    row = next(r for r in document["criteria"] if r["id"] == "interpersonal_intelligence")
    assert row["score"] is None and row["next"]["status"] == "reachable" and row["next"]["passes"] == "ngo_zero_waste"


def test_explain_markdown() -> None:
    out = ok("explain", PACKAGING, "startup_fibre", "-f", "markdown")
    assert out.startswith("## Fibrea (moulded-fibre start-up) — rank 2 of 8")
    assert (
        "| Criterion | Weight | Score | Points | vs median | vs leader | To lead |\n"
        "|:---|---:|---:|---:|---:|---:|:---|\n" in out
    )
    assert "| Loyalty | 10.0% | 4 | 7.50 | +0.00 | +0.00 | 4 → 4.26 (whole: 5) |" in out


def test_explain_excluded_and_assessors() -> None:
    out = ok("explain", PACKAGING, "paper_group_kerlann")
    assert "Excluded: Loyalty 1 < minimum 2\nTo pass the knock-out: Loyalty at least 2 (now 1)\n" in out
    assert "With that, it would rank 8" in out
    out = ok("explain", ASSESSORS, "retailer_atlantique", "--aggregate", "median")
    assert "⚠ assessors disagree on Shared vision and objective: spread 3 (amina 5, bruno 2, chloe 3)" in out


def test_explain_other_method() -> None:
    out = ok("explain", ASSESSORS, "retailer_atlantique", "-m", "topsis", "--missing", "worst")
    assert "topsis is not additive" in out and "computed exactly for wsm only" in out


def test_explain_output_file(tmp_path: Path) -> None:
    target = tmp_path / "x.md"
    assert ok("explain", PACKAGING, "coop_dairy", "-f", "markdown", "-o", target) == ""
    assert target.read_text(encoding="utf-8").startswith("## Coopérative Laitière de l'Oust — rank 5 of 8")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ["explain", PACKAGING, "startup_fiber"],
            2,  # a name the command line got wrong: misuse, as `-w nope=3` and `--scenario nope`
            "error: unknown candidate 'startup_fiber' — did you mean 'startup_fibre'?",
        ),
        (
            ["explain", PACKAGING, "startup_fibre", "-f", "csv"],
            2,
            "--format: unknown value 'csv'; expected one of table, json, markdown",
        ),
        (["explain", PACKAGING, "startup_fibre", "-m", "vikor"], 1, "every score is needed"),
        (["explain", PACKAGING], 2, "error: missing argument CANDIDATE"),
        (["explain", "missing.yaml", "x"], 2, "does not exist"),
        (["explain", PACKAGING, "startup_fibre", "-o", PACKAGING], 2, "refusing to write the output over the input"),
        (["compare", PACKAGING, "startup_fibre"], 2, "compare needs at least two candidate ids"),
        (["compare", PACKAGING, "startup_fibre", "startup_fibre"], 2, "is given twice"),
        (["compare", PACKAGING, "startup_fibre", "coop_dairi"], 2, "did you mean 'coop_dairy'?"),
        (
            ["compare", PACKAGING, "startup_fibre", "coop_dairy", "-f", "csv"],
            2,
            "--format: unknown value 'csv'; expected one of table, json, markdown",
        ),
    ],
)
def test_errors(args: Sequence[str | Path], code: int, message: str) -> None:
    result = run(*args)
    assert result.exit_code == code, result.output
    assert message in result.stderr
    assert result.stdout == ""


# --- compare ---------------------------------------------------------------------------------------------------


def test_compare_table() -> None:
    out = ok("compare", PACKAGING, "startup_fibre", "lab_biopolymers", "coop_dairy")
    lines = out.splitlines()
    assert lines[2] == "A = Fibrea (moulded-fibre start-up): rank 2, score 78.38, ahead on 4 criteria"
    risk = next(line for line in lines if line.startswith("Risk exposure"))
    assert risk.split()[-6:] == ["2", "·", "3.75", "B", "=", "C", "+1", "(+1.25", "pts)"][-6:]
    assert (
        "would pass Institut des Biopolymères (public research lab) if Shared\nvision and objective weighed 14.1%"
        in out
    )


def test_compare_french_markdown_and_json() -> None:
    out = ok("compare", PACKAGING, "startup_fibre", "lab_biopolymers", "-f", "markdown", "-l", "fr")
    assert (
        "| Critère | Poids | Fibrea (moulded-fibre start-up) | Institut des Biopolymères (public research lab) "
        "| Devant (écart) |" in out
    )
    assert "passerait devant Institut des Biopolymères" in out and "Notes et justificatifs" in out
    document = json.loads(ok("compare", PACKAGING, "startup_fibre", "lab_biopolymers", "--format", "json"))
    assert document["swap"]["criterion"] == "shared_vision" and document["swap_note"] is None
    assert [c["id"] for c in document["candidates"]] == ["startup_fibre", "lab_biopolymers"]


def test_compare_excluded_says_why_there_is_no_swap() -> None:
    out = ok("compare", PACKAGING, "startup_fibre", "trader_resinex")
    assert "B = Resinex Trading: excluded, score 40.00, ahead on" in out
    assert "No weight change swaps Fibrea (moulded-fibre start-up) and Resinex Trading" in out
