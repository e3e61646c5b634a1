"""`partnerfit report FILE -o FILE.html|FILE.md` from the command line."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner, Result

from partnerfit.cli.app import app as partnerfit_app
from partnerfit.cli.report import report

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "examples" / "packaging.yaml"
CLEAN_ENV: dict[str, str | None] = {"COLUMNS": None, "NO_COLOR": None, "FORCE_COLOR": None, "SOURCE_DATE_EPOCH": None}


def _app() -> typer.Typer:
    """The real application once it registers `report`; until then a local one shaped like it."""
    if any(c.name == "report" for c in partnerfit_app.registered_commands):
        return partnerfit_app
    local = typer.Typer(add_completion=False, rich_markup_mode=None)
    local.callback()(lambda: None)
    local.command(name="report")(report)
    return local


APP = _app()


def run(*args: str | Path, env: dict[str, str | None] | None = None) -> Result:
    argv: Sequence[str] = ["report", *(str(a) for a in args)]
    return CliRunner().invoke(APP, argv, env={**CLEAN_ENV, **(env or {})})


def test_html(tmp_path):
    out = tmp_path / "shortlist.html"
    result = run(PACKAGING, "-o", out, "--date", "2026-11-26")
    assert result.exit_code == 0, result.output
    document = out.read_text(encoding="utf-8")
    assert document.startswith("<!DOCTYPE html>") and '<html lang="en">' in document
    assert "26 November 2026" in document and "<script" not in document
    assert document.count('<article class="sheet card"') == 5
    assert result.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shortlist.html"]  # no temporary file left behind


def test_markdown_top_title_and_same_bytes_twice(tmp_path):
    out = tmp_path / "shortlist.md"
    args = (PACKAGING, "-o", out, "--top", "2", "--title", "Steering committee", "--date", "2026-11-26")
    assert run(*args).exit_code == 0
    first = out.read_bytes()
    text = first.decode("utf-8")
    assert text.startswith("# Steering committee\n")
    assert "### 2. Fibrea" in text and "### 3. " not in text
    assert run(*args).exit_code == 0
    assert out.read_bytes() == first


def test_french(tmp_path):
    out = tmp_path / "rapport.html"
    assert run(PACKAGING, "-o", out, "--lang", "fr", "--date", "2026-11-01").exit_code == 0
    document = out.read_text(encoding="utf-8")
    assert '<html lang="fr">' in document and "Méthodologie" in document and "1er novembre 2026" in document
    assert "Compétences clés" in document and "Key competences" not in document


def test_date_from_source_date_epoch(tmp_path):
    out = tmp_path / "r.md"
    assert run(PACKAGING, "-o", out, env={"SOURCE_DATE_EPOCH": "1700000000"}).exit_code == 0
    assert "14 November 2023" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["shortlist", "shortlist.txt", "shortlist.docx"])
def test_other_suffixes_are_misuse(tmp_path, name):
    result = run(PACKAGING, "-o", tmp_path / name)
    assert result.exit_code == 2
    assert "must end in .html, .md, .xlsx or .pdf" in result.output
    assert not (tmp_path / name).exists()


def test_xlsx_workbook(tmp_path):
    out = tmp_path / "shortlist.xlsx"
    result = run(PACKAGING, "-o", out)
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:2] == b"PK"  # a zip archive
    source = tmp_path / "candidates.xlsx"  # a YAML file with an unusual name
    source.write_text(PACKAGING.read_text(encoding="utf-8"), encoding="utf-8")
    assert run(source, "-o", source).exit_code == 2


def test_output_over_the_input_is_refused(tmp_path):
    source = tmp_path / "candidates.md"  # a YAML file with an unusual name
    text = PACKAGING.read_text(encoding="utf-8")
    source.write_text(text, encoding="utf-8")
    result = run(source, "-o", source)
    assert result.exit_code == 2
    assert "refusing to write the output over the input file" in result.output
    assert source.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--date", "26/11/2026"), "expected a date such as 2026-03-12"),
        (("--top", "0"), ""),
        (("--method", "magic"), ""),
    ],
)
def test_misuse(tmp_path, args, message):
    result = run(PACKAGING, "-o", tmp_path / "r.html", *args)
    assert result.exit_code == 2
    assert message in result.output


def test_output_is_required():
    assert run(PACKAGING).exit_code == 2


def test_invalid_input_exits_1(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: candidates\ncandidates:\n  a: {scores: {loyality: 3}}\n", encoding="utf-8")
    result = run(bad, "-o", tmp_path / "r.html")
    assert result.exit_code == 1
    assert "loyality" in result.output and not (tmp_path / "r.html").exists()


def test_method_that_cannot_run_exits_1(tmp_path):
    result = run(PACKAGING, "-o", tmp_path / "r.html", "--method", "topsis")
    assert result.exit_code == 1 and "every score is needed" in result.output
    assert run(PACKAGING, "-o", tmp_path / "r.html", "--method", "topsis", "--missing", "worst").exit_code == 0
