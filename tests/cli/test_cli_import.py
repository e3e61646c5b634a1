"""`partnerfit import SHEET -o FILE`: a file `check` accepts, exit 1 on a bad sheet, 2 on misuse; never overwrites."""

from __future__ import annotations

import json

import pytest
import typer
from openpyxl import Workbook
from typer.testing import CliRunner

from partnerfit.cli.import_sheet import EPILOG, import_sheet
from partnerfit.project.loading import load_criteria

CLEAN_ENV: dict[str, str | None] = {"COLUMNS": None, "NO_COLOR": None, "FORCE_COLOR": None, "TERM": None}

PARTNERSHIP = load_criteria("partnership")
FULL = (
    "id,name,"
    + ",".join(PARTNERSHIP.ids)
    + "\n"
    + "".join(
        f"c{i},Candidate {i}," + ",".join(str(1 + (i + j) % 5) for j in range(len(PARTNERSHIP.ids))) + "\n"
        for i in range(3)
    )
)


def _app() -> typer.Typer:
    app = typer.Typer(add_completion=False, rich_markup_mode=None)

    @app.callback()
    def _root() -> None:
        """partnerfit (the import command alone, as the lead registers it)."""

    app.command(name="import", epilog=EPILOG)(import_sheet)
    return app


@pytest.fixture
def run_import():
    runner = CliRunner()
    app = _app()
    return lambda *args: runner.invoke(app, ["import", *map(str, args)], env=CLEAN_ENV)


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_import_writes_a_file_check_accepts(run_import, invoke, here):
    (here / "sheet.csv").write_text(FULL, encoding="utf-8")
    result = run_import("sheet.csv", "-o", "candidates.yaml")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == "wrote candidates.yaml: 3 candidates from 3 rows of sheet.csv\n"
    text = (here / "candidates.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "criteria: partnership\n" in text
    check = invoke(["check", "-f", "json", "--strict", "candidates.yaml"])
    # the sheet has no gate columns: the one warning says the gates are unanswered (PW207), nothing else
    [found] = json.loads(check.stdout)
    assert found["code"] == "PW207" and found["severity"] == "warning", check.stdout
    assert invoke(["check", "candidates.yaml"]).exit_code == 0
    assert invoke(["score", "candidates.yaml", "-f", "json"]).exit_code == 0
    assert sorted(p.name for p in here.iterdir()) == ["candidates.yaml", "sheet.csv"]  # no temporary left


def test_xlsx_sheet_option_and_a_criteria_file(run_import, invoke, here):
    criteria = here / "sets" / "mine.yaml"
    criteria.parent.mkdir()
    criteria.write_text(
        "kind: criteria\nname: mine\ncriteria:\n  cost: {label: {en: Cost, fr: Coût}, direction: lower}\n"
    )
    book = Workbook()
    book.active.title = "Intro"
    book.active.append(["read me first"])
    book.create_sheet("Data").append(["Nom", "Coût"])
    book["Data"].append(["Acme", 2])
    book.save(here / "sheet.xlsx")
    (here / "out").mkdir()
    result = run_import("sheet.xlsx", "--sheet", "Data", "--criteria", criteria, "-o", "out/candidates.yaml")
    assert result.exit_code == 0, result.output
    assert "sheet 'Data'" in result.stderr
    text = (here / "out" / "candidates.yaml").read_text(encoding="utf-8")
    assert "criteria: ../sets/mine.yaml\n" in text  # relative to the new file, as the loader reads it
    assert invoke(["check", "out/candidates.yaml"]).exit_code == 0
    missing_sheet = run_import("sheet.xlsx", "--sheet", "Date", "-c", criteria, "-o", "other.yaml")
    assert missing_sheet.exit_code == 1
    assert "did you mean 'Data'?" in missing_sheet.stderr


def test_an_invalid_sheet_exits_1_with_every_problem_and_writes_nothing(run_import, here):
    (here / "bad.csv").write_text("id;Loyality;transparency\na;4;high\nb;2;7\n", encoding="utf-8")
    result = run_import("bad.csv", "-o", "candidates.yaml")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("bad.csv:1:2: error: B1: unknown column 'Loyality'")
    assert "did you mean 'loyalty'?" in lines[0]
    assert lines[1:] == [
        "bad.csv:2:3: error: C2: expected a number on transparency's scale [1, 5], found 'high'",
        "bad.csv:3:3: error: C3: score 7 is outside the scale [1, 5] of 'transparency'",
    ]
    assert not (here / "candidates.yaml").exists()
    assert "Traceback" not in result.output


def test_refuses_to_overwrite_without_force(run_import, here):
    (here / "sheet.csv").write_text(FULL, encoding="utf-8")
    (here / "candidates.yaml").write_text("# my precious work\n", encoding="utf-8")
    result = run_import("sheet.csv", "-o", "candidates.yaml")
    assert result.exit_code == 2
    assert result.stderr == "error: candidates.yaml already exists; use --force to overwrite it\n"
    assert (here / "candidates.yaml").read_text(encoding="utf-8") == "# my precious work\n"
    forced = run_import("sheet.csv", "-o", "candidates.yaml", "--force")
    assert forced.exit_code == 0, forced.output
    assert "c0:" in (here / "candidates.yaml").read_text(encoding="utf-8")


def test_never_over_the_sheet_itself(run_import, here):
    (here / "sheet.csv").write_text(FULL, encoding="utf-8")
    result = run_import("sheet.csv", "-o", "sheet.csv", "--force")
    assert result.exit_code == 2
    assert "refusing to write the output over the input file sheet.csv" in result.stderr
    assert (here / "sheet.csv").read_text(encoding="utf-8") == FULL


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["sheet.csv"], "Missing option '--output'"),
        (["nowhere.csv", "-o", "c.yaml"], "does not exist"),
    ],
)
def test_misuse_exits_2(run_import, here, args, message):
    (here / "sheet.csv").write_text(FULL, encoding="utf-8")
    result = run_import(*args)
    assert result.exit_code == 2, result.output
    assert message in result.output


@pytest.mark.parametrize(("target", "message"), [("no/such/folder/c.yaml", "does not exist"), (".", "is a directory")])
def test_a_failed_write_exits_1(run_import, here, target, message):
    (here / "sheet.csv").write_text(FULL, encoding="utf-8")
    result = run_import("sheet.csv", "-o", target)
    assert result.exit_code == 1, result.output
    assert message in result.output


def test_unknown_criteria_set_exits_1(run_import, here):
    (here / "sheet.csv").write_text(FULL, encoding="utf-8")
    result = run_import("sheet.csv", "-o", "c.yaml", "--criteria", "partnershp")
    assert result.exit_code == 1
    assert "unknown criteria set 'partnershp'" in result.stderr and "did you mean 'partnership'?" in result.stderr


def test_a_file_check_would_refuse_is_not_written(run_import, here):
    strict = here / "strict.yaml"
    strict.write_text("kind: criteria\nname: strict\nmissing: error\ncriteria:\n  a: {}\n  b: {}\n", encoding="utf-8")
    (here / "sheet.csv").write_text("id,a,b\nx,3,\n", encoding="utf-8")
    result = run_import("sheet.csv", "-o", "c.yaml", "-c", strict)
    assert result.exit_code == 1
    assert "c.yaml would not pass `partnerfit check`; nothing written" in result.stderr
    assert "c.yaml:" in result.stderr  # the problem, located in the file that would have been written
    assert not (here / "c.yaml").exists()


def test_help_shows_the_column_conventions(run_import):
    result = run_import("--help")
    assert result.exit_code == 0
    assert "partnerfit import partners.xlsx -o candidates.yaml" in result.stdout
    assert "note:<criterion>" in result.stdout


def test_a_workbook_named_csv_is_imported_with_a_warning(run_import, invoke, here):
    book = Workbook()
    book.active.append(["id", "loyalty", None])
    book.active.append(["a", 3, "kept aside"])
    book.save(here / "sheet.csv")  # an .xlsx under a .csv name
    result = run_import("sheet.csv", "-o", "c.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "sheet.csv:1:1: warning: this .csv file is a zip archive: read as an .xlsx workbook",
        "sheet.csv:2:3: warning: C2: 'kept aside' is in a column without a header: not imported; "
        "give the column a header ('#...' to ignore it)",
        "wrote c.yaml: 1 candidate from 1 row of sheet.csv, sheet 'Sheet'",
    ]
    assert invoke(["check", "c.yaml"]).exit_code == 0


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("id,name,loyalty\na,Acme, Inc,3\n", "sheet.csv:2:4: error: D2: row 2 has 4 fields but the header row has 3"),
        ('id,name,loyalty\na,"Acme,3\nb,B,4\n', "sheet.csv:2:2: error: B2: a quote opens a text on row 2"),
        ("id,loyalty\na,3" + ",1" * 20_000 + "\n", "sheet.csv:2:1: error: row 2 has 20,002 fields; a sheet holds"),
        ("id,loyalty\na\x00,3\n", "sheet.csv:2:2: error: not an .xlsx or a CSV file: binary data (a NUL byte)"),
    ],
    ids=["shifted", "open-quote", "too-wide", "nul"],
)
def test_a_sheet_that_would_shift_or_lose_data_exits_1_and_writes_nothing(run_import, here, content, expected):
    (here / "sheet.csv").write_text(content, encoding="utf-8")
    result = run_import("sheet.csv", "-o", "c.yaml")
    assert result.exit_code == 1, result.output
    assert expected in result.stderr
    assert "Traceback" not in result.output and not (here / "c.yaml").exists()


def test_a_formula_without_a_saved_value_exits_1(run_import, here):
    book = Workbook()
    book.active.append(["id", "loyalty"])
    book.active.append(["a", "=2+1"])
    book.save(here / "sheet.xlsx")
    result = run_import("sheet.xlsx", "-o", "c.yaml")
    assert result.exit_code == 1
    assert result.stderr.startswith("sheet.xlsx:2:2: error: B2: the formula '=2+1' has no saved value")


def test_a_sheet_whose_candidates_file_would_pass_the_yaml_limit_is_refused_early(run_import, here, monkeypatch):
    monkeypatch.setattr("partnerfit.project.sheet_import._CHUNK", 50)
    monkeypatch.setattr("partnerfit.io.document.MAX_YAML_BYTES", 20_000)  # the built-in criteria file still fits
    (here / "sheet.csv").write_text("id,loyalty\n" + "".join(f"c{i},3\n" for i in range(1000)), encoding="utf-8")
    result = run_import("sheet.csv", "-o", "c.yaml")
    assert result.exit_code == 1
    assert result.stderr.startswith("sheet.csv:1:1: error: the candidates file would be more than ")
    assert "by candidate " in result.stderr and "of 1,000; a YAML file may hold at most" in result.stderr
    assert not (here / "c.yaml").exists()
