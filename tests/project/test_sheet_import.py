"""Spreadsheets in: .xlsx and .csv sheets become candidates files; every unreadable cell is named by reference."""

from __future__ import annotations

import csv
import random
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

import partnerfit
from partnerfit.errors import InvalidInputError
from partnerfit.project import sheet_import
from partnerfit.project.loading import load_criteria
from partnerfit.project.sheet_import import cell_ref, normalise, read_sheet
from partnerfit.render.xlsx import result_xlsx

CRITERIA = load_criteria("partnership")


def write_xlsx(path: Path, rows: list[list[Any]], title: str = "Sheet1", *, extra: str | None = None) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for line in sheet.iter_rows():
        for cell in line:
            if cell.data_type == "f":  # a text typed as '=text in Excel: stored as text, not as a formula
                cell.data_type = "s"
    if extra:
        book.create_sheet(extra).append(["nothing", "here"])
    book.save(path)
    return path


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def problems(path: Path, **options: Any) -> list[str]:
    with pytest.raises(InvalidInputError) as caught:
        read_sheet(path, CRITERIA, **options)
    return [d.format() for d in caught.value.diagnostics]


def round_trip_yaml(tmp_path: Path, imported: Any) -> partnerfit.Project:
    target = tmp_path / "candidates.yaml"
    target.write_text(imported.to_yaml("partnership"), encoding="utf-8")
    assert [d for d in partnerfit.check_file(target) if d.severity == "error"] == []
    return partnerfit.load(target)


def test_normalise_and_cell_ref():
    assert normalise("  Savoir-faire Complémentaire (1-5) ") == "savoir faire complementaire"
    assert normalise("Intuition du cœur") == normalise("INTUITION DU COEUR") == "intuition du coeur"
    assert normalise("complementary_expertise") == "complementary expertise"
    assert [cell_ref(7, 2), cell_ref(1, 26), cell_ref(3, 27)] == ["B7", "Z1", "AA3"]


def test_csv_with_english_labels_and_ids(tmp_path):
    sheet = write_csv(
        tmp_path / "s.csv",
        "id,name,type,Loyalty,complementary_expertise,Risk exposure,note:loyalty,evidence:Loyalty\n"
        "acme,Acme Corp,lab,4,3.5,,kept every promise,ref-1\n"
        "beta,,start-up, 2 ,5,1,,\n",
    )
    imported = read_sheet(sheet, CRITERIA)
    assert imported.sheet is None and imported.rows == 2
    assert imported.candidates == {
        "acme": {
            "name": "Acme Corp",
            "type": "lab",
            "scores": {
                "complementary_expertise": 3.5,
                "loyalty": {"score": 4, "note": "kept every promise", "evidence": "ref-1"},
            },
        },
        "beta": {"type": "start-up", "scores": {"complementary_expertise": 5, "loyalty": 2, "risk_exposure": 1}},
    }
    project = round_trip_yaml(tmp_path, imported)
    assert project.file.candidates["acme"].scores["loyalty"].note == "kept every promise"


def test_csv_in_french_with_a_bom_semicolons_decimal_commas_and_accents(tmp_path):
    sheet = write_csv(
        tmp_path / "fr.csv",
        "Nom;Type;Loyauté;Savoir-faire complémentaire (1-5)\n"
        "Zéro Déchet;association;4;3,5\n"
        "Coopérative de l'Oust;coopérative;5;\n",
        encoding="utf-8-sig",
    )
    imported = read_sheet(sheet, CRITERIA)
    assert imported.candidates == {
        "zero_dechet": {
            "name": "Zéro Déchet",
            "type": "association",
            "scores": {"complementary_expertise": 3.5, "loyalty": 4},
        },
        "cooperative_de_l_oust": {"name": "Coopérative de l'Oust", "type": "coopérative", "scores": {"loyalty": 5}},
    }
    round_trip_yaml(tmp_path, imported)


def test_french_labels_without_accents_and_tab_delimiter(tmp_path):
    sheet = write_csv(
        tmp_path / "t.tsv", "identifiant\tnom\tloyaute\tintuition du coeur\tevaluateur\na\tA\t3\t5\tÉve\n"
    )
    assert read_sheet(sheet, CRITERIA).candidates == {
        "a": {"name": "A", "assessments": {"Éve": {"loyalty": 3, "gut_feeling": 5}}}
    }


def test_windows_1252_csv_is_read(tmp_path):
    sheet = write_csv(tmp_path / "w.csv", "nom;loyauté\nZéro;4\n", encoding="cp1252")
    assert read_sheet(sheet, CRITERIA).candidates == {"zero": {"name": "Zéro", "scores": {"loyalty": 4}}}


def test_xlsx_with_numbers_text_numbers_and_empty_cells(tmp_path):
    sheet = write_xlsx(
        tmp_path / "s.xlsx",
        [
            ["ID", "Name", "Transparence", "Mutual benefit", "# comment", None, "gate:sanctions_listed"],
            ["acme", "Acme", 4, "3,5", "whatever", "ignored", "no"],
            [101, "=Evil", 2.0, None, None, None, True],
            [None, None, None, None, "only a comment", None, None],
        ],
    )
    imported = read_sheet(sheet, CRITERIA)
    assert imported.sheet == "Sheet1" and imported.rows == 2
    assert [d.format() for d in imported.warnings] == [
        f"{sheet}:2:6: warning: F2: 'ignored' is in a column without a header: not imported; "
        "give the column a header ('#...' to ignore it)"
    ]
    assert imported.candidates == {
        "acme": {
            "name": "Acme",
            "gates": {"sanctions_listed": False},
            "scores": {"transparency": 4, "mutual_benefit": 3.5},
        },
        "101": {"name": "=Evil", "gates": {"sanctions_listed": True}, "scores": {"transparency": 2}},
    }
    project = round_trip_yaml(tmp_path, imported)
    assert set(project.file.candidates) == {"acme", "101"}
    assert partnerfit.score(project).candidate("101").excluded


def test_xlsx_assessor_column_gives_assessments(tmp_path):
    sheet = write_xlsx(
        tmp_path / "a.xlsx",
        [
            ["Candidat", "Évaluateur", "Loyauté", "note:Loyauté", "Vision et objectif partagés"],
            ["Fibrea", "Alice Martin", 4, "solid", 5],
            ["Fibrea", "bob", 2, None, 3],
            ["Kerlann", "bob", 1, None, None],
        ],
        title="Notes",
    )
    imported = read_sheet(sheet, CRITERIA)
    assert imported.candidates == {
        "fibrea": {
            "name": "Fibrea",
            "assessments": {
                "Alice_Martin": {"loyalty": {"score": 4, "note": "solid"}, "shared_vision": 5},
                "bob": {"loyalty": 2, "shared_vision": 3},
            },
        },
        "kerlann": {"name": "Kerlann", "assessments": {"bob": {"loyalty": 1}}},
    }
    result = partnerfit.score(round_trip_yaml(tmp_path, imported))
    assert result.candidate("fibrea").assessors == 2


def test_the_scores_sheet_is_the_default_and_sheet_chooses(tmp_path):
    path = tmp_path / "w.xlsx"
    book = Workbook()
    book.active.title = "Ranking"
    book.active.append(["rank", "score"])
    book.create_sheet("Scores").append(["id", "loyalty"])
    book["Scores"].append(["a", 3])
    book.create_sheet("Other").append(["id", "loyalty"])
    book["Other"].append(["b", 4])
    book.save(path)
    assert read_sheet(path, CRITERIA).candidates == {"a": {"scores": {"loyalty": 3}}}
    assert read_sheet(path, CRITERIA, sheet="Other").candidates == {"b": {"scores": {"loyalty": 4}}}
    assert problems(path, sheet="Scorez") == [
        f"{path}:1:1: error: no sheet 'Scorez'; the workbook has 'Ranking', 'Scores', 'Other' — did you mean 'Scores'?"
    ]


def test_unknown_columns_are_reported_with_did_you_mean(tmp_path):
    sheet = write_csv(
        tmp_path / "u.csv", "id,Loyality,Savoir faire complementair,colour,gate:sanction,note:loyalty\na,1,2,3,no,x\n"
    )
    found = problems(sheet)
    assert found[0] == (
        f"{sheet}:1:2: error: B1: unknown column 'Loyality': no criterion 'Loyality' — did you mean 'loyalty'? "
        "(criteria set 'partnership'; other columns: id, name, type, assessor, note:<criterion>, "
        "evidence:<criterion>, gate:<gate>, #comment)"
    )
    assert "C1: unknown column 'Savoir faire complementair'" in found[1]
    assert "did you mean 'Savoir-faire complémentaire'?" in found[1]
    assert "D1: unknown column 'colour': no criterion 'colour' (criteria set" in found[2]
    assert "E1: unknown column 'gate:sanction': no gate 'sanction' — did you mean 'sanctions_listed'?" in found[3]
    assert found[4].endswith("F2: a note about 'loyalty' needs a score for 'loyalty' on the same row")
    assert len(found) == 5  # the cells below unknown columns are not judged


def test_bad_cells_are_reported_all_at_once_by_cell_reference(tmp_path):
    sheet = write_xlsx(
        tmp_path / "bad.xlsx",
        [
            ["id", "name", "loyalty", "transparency", "gate:human_rights_abuse", "note:risk_exposure"],
            ["a", "A", 4, 3, "no", None],
            ["b", "B", "high", 9, "maybe", "a note without a score"],
            ["c d", "C", 1, 1, None, None],
            ["a", "A again", 2, 2, None, None],
            [None, None, 3, None, None, None],
            ["e", "E", True, -1, None, None],
        ],
    )
    with pytest.raises(InvalidInputError) as caught:
        read_sheet(sheet, CRITERIA)
    found = caught.value.diagnostics
    assert [(d.line, d.column, d.path, d.code) for d in found] == [
        (3, 3, "C3", "PF103"),
        (3, 4, "D3", "PF102"),
        (3, 5, "E3", "PF106"),
        (3, 6, "F3", "PF105"),
        (4, 1, "A4", "PF107"),
        (5, 1, "A5", "PF004"),
        (6, 1, "A6", "PF105"),
        (7, 3, "C7", "PF103"),
        (7, 4, "D7", "PF102"),
    ]
    messages = [d.format() for d in found]
    assert messages[0] == f"{sheet}:3:3: error: C3: expected a number on loyalty's scale [1, 5], found 'high'"
    assert messages[1].endswith("D3: score 9 is outside the scale [1, 5] of 'transparency'")
    assert messages[2].endswith("E3: expected yes or no for gate 'human_rights_abuse', found 'maybe'")
    assert messages[3].endswith("F3: a note about 'risk_exposure' needs a score for 'risk_exposure' on the same row")
    assert messages[4].endswith("A4: an id is a non-empty text without spaces; found 'c d'")
    assert (
        "A5: candidate 'a' is already on row 2; one row per candidate, or an 'assessor' column for several"
        in messages[5]
    )
    assert messages[7].endswith("C7: expected a number on loyalty's scale [1, 5], found 'true'")


def test_sheet_level_problems(tmp_path):
    empty = write_csv(tmp_path / "empty.csv", "\n;;\n")
    assert problems(empty) == [
        f"{empty}:1:1: error: the sheet is empty; expected a header row, then one row per candidate"
    ]
    header = write_csv(tmp_path / "header.csv", "id,loyalty\n")
    assert problems(header) == [
        f"{header}:1:1: error: A1: no candidate: the sheet has a header row but no row below it"
    ]
    anonymous = write_csv(tmp_path / "anon.csv", "loyalty\n3\n")
    assert "A1: no 'id' or 'name' column" in problems(anonymous)[0]
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    assert "not a readable .xlsx workbook" in problems(broken)[0]
    binary = tmp_path / "old.xls"
    binary.write_bytes(b"\xd0\xcf\x11\xe0\x00\x00binary")
    assert problems(binary) == [
        f"{binary}:1:1: error: an Excel 97-2003 workbook (.xls), which partnerfit does not read; save it as .xlsx"
    ]
    csv_sheet = write_csv(tmp_path / "one.csv", "id,loyalty\na,3\n")
    assert "--sheet 'Scores': a CSV file has a single sheet" in problems(csv_sheet, sheet="Scores")[0]
    assert "cannot read the sheet" in problems(tmp_path / "missing.csv")[0]


def test_a_workbook_that_unpacks_too_big_is_refused(tmp_path, monkeypatch):
    sheet = write_xlsx(tmp_path / "s.xlsx", [["id", "loyalty"], ["a", 3]])
    members = zipfile.ZipFile(sheet).infolist()
    monkeypatch.setattr("partnerfit.io.sheet_rows.MAX_UNPACKED", 2**20 // 8)
    styles = next(m for m in members if m.filename == "xl/styles.xml")  # parsed whole by openpyxl
    monkeypatch.setattr("partnerfit.io.sheet_rows.MAX_PART", 2**20 // 1024)
    assert problems(sheet) == [
        f"{sheet}:1:1: error: the part 'xl/styles.xml' unpacks to {styles.file_size:,} bytes; partnerfit "
        "reads at most 0.000976562 MiB of it (save a copy of the sheet alone, or as CSV)"
    ]
    monkeypatch.setattr("partnerfit.io.sheet_rows.MAX_UNPACKED", 1024)
    unpacked = sum(member.file_size for member in members)
    assert problems(sheet) == [
        f"{sheet}:1:1: error: the workbook unpacks to {unpacked:,} bytes; partnerfit reads at most 0.000976562 MiB"
    ]


def test_assessor_rows_need_an_assessor(tmp_path):
    sheet = write_csv(tmp_path / "a.csv", "id,assessor,loyalty\na,alice,3\na,,4\nb,,5\n")
    assert problems(sheet) == [f"{sheet}:3:2: error: B3: candidate 'a' has several rows: each needs an assessor"]
    fine = write_csv(tmp_path / "b.csv", "id,assessor,loyalty\nb,,5\n")
    assert read_sheet(fine, CRITERIA).candidates == {"b": {"scores": {"loyalty": 5}}}


def test_names_alone_make_unique_ids_and_awkward_texts_survive_yaml(tmp_path):
    names = ["yes", "1e3", "null", "A-B", "A B", "#hash", "- dash", "a: b", "Ünïcode ✓", "line\u2028sep"]
    rows = [["name", "type", "loyalty", "note:loyalty"]] + [[n, n, 3, f"{n}\nsecond line"] for n in names]
    imported = read_sheet(write_xlsx(tmp_path / "n.xlsx", rows), CRITERIA)
    assert list(imported.candidates)[:6] == ["yes", "1e3", "null", "a_b", "a_b_2", "hash"]
    project = round_trip_yaml(tmp_path, imported)
    loaded = project.file.candidates
    assert [c.name or cid for cid, c in loaded.items()] == names
    assert [c.type for c in loaded.values()] == names
    assert [c.scores["loyalty"].note for c in loaded.values()] == [f"{n}\nsecond line" for n in names]


def test_round_trip_import_score_export_import_keeps_every_score(tmp_path):
    rng = random.Random(7)
    ids = list(CRITERIA.ids)
    header = ["id", "name", "type", *(CRITERIA.criterion(c).text("fr") for c in ids), "gate:sanctions_listed"]
    rows = [header]
    for i in range(60):
        scores = [rng.choice([None, 1, 2, 2.5, 3, 4, 4.75, 5]) for _ in ids]
        scores[0] = scores[0] or 3  # everyone is scored on something
        rows.append(
            [
                f"c{i}",
                rng.choice(["-minus", "=sum", "@at", "plain", " =spaced", "\n+broken", "\uff1dwide", "'quoted"])
                + f" {i}",
                "lab",
                *scores,
                i % 17 == 0,
            ]
        )
    first = read_sheet(write_xlsx(tmp_path / "in.xlsx", rows), CRITERIA)
    project = round_trip_yaml(tmp_path, first)
    result = partnerfit.score(project)
    assert result.excluded  # knock-outs and gates: excluded candidates are exported too
    exported = tmp_path / "ranking.xlsx"
    result_xlsx(result, exported)
    again = read_sheet(exported, CRITERIA)
    assert again.sheet == "Scores"
    for cid, data in first.candidates.items():
        assert again.candidates[cid]["scores"] == data["scores"], cid
        assert again.candidates[cid]["name"] == data["name"]
    assert set(again.candidates) == set(first.candidates)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_sheet_is_refused_at_the_limit(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr("partnerfit.io.sheet_rows.MAX_SHEET_BYTES", 1000)
    with pytest.raises(InvalidInputError) as raised:
        sheet_import.read_sheet("/dev/zero", load_criteria("partnership"))
    assert "more than 1,000 bytes" in raised.value.diagnostics[0].message


# --- nothing shifted, nothing dropped in silence; nothing too big for memory ------------------------------------

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def with_sheet_xml(path: Path, rows_xml: str) -> Path:
    """The workbook at ``path`` with its first sheet's XML replaced by ``<sheetData>rows_xml</sheetData>``."""
    with zipfile.ZipFile(path) as old:
        parts = {member.filename: old.read(member) for member in old.infolist()}
    parts["xl/worksheets/sheet1.xml"] = (
        f'<worksheet xmlns="{MAIN_NS}"><sheetData>{rows_xml}</sheetData></worksheet>'.encode()
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in parts.items():
            new.writestr(name, data)
    return path


def text_cells(row: int, *texts: str) -> str:
    return f'<row r="{row}">' + "".join(f'<c t="inlineStr"><is><t>{t}</t></is></c>' for t in texts) + "</row>"


@pytest.mark.parametrize(("delimiter", "name"), [(",", "comma"), (";", "semicolon"), ("\t", "tab")])
def test_a_csv_row_longer_than_its_header_is_an_error_at_its_first_extra_cell(tmp_path, delimiter, name):
    sheet = write_csv(
        tmp_path / "s.csv",
        "\n".join(
            delimiter.join(r) for r in [["id", "name", "loyalty"], ["a", "Acme", " Inc", "3"], ["b", "B", "4", "", ""]]
        )
        + "\n",
    )
    found = problems(sheet)
    assert found[-1] == (
        f"{sheet}:2:4: error: D2: row 2 has 4 fields but the header row has 3: '3' has no column; "
        f"a {name} inside an unquoted text shifts the values after it (put that text in quotes)"
    )
    assert len(found) == 2 and "C2: expected a number" in found[0]  # row 3's empty extra fields are fine


def test_values_under_no_header_are_a_warning_once_per_column_and_empty_columns_none(tmp_path):
    sheet = write_csv(tmp_path / "s.csv", "id,,loyalty,,\na,x,3,,\nb,y,4,,\nc,,5,,\n")
    imported = read_sheet(sheet, CRITERIA)
    assert list(imported.candidates) == ["a", "b", "c"]
    assert [(d.severity, d.path, d.code) for d in imported.warnings] == [("warning", "B2", "PF104")]
    assert (
        "'x' (and 1 more in this column) is in a column without a header: not imported" in imported.warnings[0].message
    )
    book = write_xlsx(tmp_path / "s.xlsx", [["id", "loyalty"], ["a", 3, None, "far right"]])
    assert [d.format() for d in read_sheet(book, CRITERIA).warnings] == [
        f"{book}:2:4: warning: D2: 'far right' is in a column without a header: not imported; "
        "give the column a header ('#...' to ignore it)"
    ]


def test_an_unterminated_or_stray_quote_is_located(tmp_path):
    open_quote = write_csv(tmp_path / "q.csv", 'id,name,loyalty\nz,"two\nlines",1\na,"Acme,3\nb,B,4\n')
    assert problems(open_quote) == [
        f"{open_quote}:3:2: error: B3: a quote opens a text on row 3 (line 4) and never closes: every line after "
        'it would be read as that one text; close the quote, or double a quote inside a quoted text ("")'
    ]
    stray = write_csv(tmp_path / "s.csv", 'id,name\na,"B"x\n')
    assert problems(stray) == [
        f"{stray}:2:1: error: a quoted text is followed by other characters on row 2 (',' expected after '\"'); "
        'inside a quoted text, write " as ""'
    ]


def test_a_formula_without_a_saved_value_is_an_error_and_its_saved_value_is_read(tmp_path):
    book = Workbook()
    for row in (["id", "loyalty", "transparency"], ["a", 3, "=1+2"], ["=A1", 3, 4]):
        book.active.append(row)  # openpyxl stores formulas and never calculates them
    book.save(tmp_path / "f.xlsx")
    with pytest.raises(InvalidInputError) as caught:
        read_sheet(tmp_path / "f.xlsx", CRITERIA)
    assert [(d.path, d.code) for d in caught.value.diagnostics] == [("C2", "PF113"), ("A3", "PF113")]
    assert caught.value.diagnostics[0].message.startswith("the formula '=1+2' has no saved value")
    saved = with_sheet_xml(
        tmp_path / "f.xlsx",
        text_cells(1, "id", "loyalty")
        + '<row r="2"><c t="inlineStr"><is><t>a</t></is></c><c><f>1+2</f><v>3</v></c></row>',
    )
    assert read_sheet(saved, CRITERIA).candidates == {"a": {"scores": {"loyalty": 3}}}
    empty_text = '<c t="str"><f>IF(1,"","x")</f><v></v></c>'  # a formula whose saved value is an empty text
    blank = with_sheet_xml(
        saved,
        text_cells(1, "id", "loyalty") + f'<row r="2">{empty_text}<c><v>4</v></c></row>' + text_cells(3, "b", "5"),
    )
    assert problems(blank) == [f"{blank}:2:1: error: A2: no id and no name on this row: which candidate is it?"]


def test_more_columns_than_a_sheet_holds_are_refused(tmp_path):
    assert [cell_ref(1, 16384), cell_ref(2, 16385), cell_ref(3, 18279)] == ["XFD1", "XFE2", "AAAA3"]
    wide = write_csv(tmp_path / "w.csv", "id,loyalty\na,3" + ",1" * 16383 + "\n")
    assert problems(wide) == [
        f"{wide}:2:1: error: row 2 has 16,385 fields; a sheet holds at most 16,384 columns (A to XFD)"
    ]
    header = text_cells(1, "id", "loyalty")
    far = with_sheet_xml(write_xlsx(tmp_path / "x.xlsx", []), header + '<row r="2"><c r="XFE2"><v>1</v></c></row>')
    assert problems(far) == [
        f"{far}:2:1: error: row 2 has 16,385 cells; a sheet holds at most 16,384 columns (A to XFD)"
    ]
    many = with_sheet_xml(write_xlsx(tmp_path / "m.xlsx", []), header + '<row r="2">' + "<c/>" * 16385 + "</row>")
    assert "row 2 has more than 16,384 cells" in problems(many)[0]


def test_the_cell_budget_counts_rows_and_empty_cells_as_read(tmp_path, monkeypatch):
    monkeypatch.setattr("partnerfit.io.sheet_rows.MAX_CELLS", 10)
    sheet = write_csv(tmp_path / "s.csv", "id,loyalty,name\na,1,A\nb,2,B\nc,3,C\n")
    assert problems(sheet) == [
        f"{sheet}:4:1: error: more than 10 cells by row 4 (empty cells inside a row count); partnerfit imports at "
        "most 10: remove unused rows and columns or split the sheet"
    ]
    gap = with_sheet_xml(
        write_xlsx(tmp_path / "g.xlsx", []), text_cells(1, "id", "loyalty") + text_cells(500, "a", "3")
    )
    assert "more than 10 cells by row 10" in problems(gap)[0]  # the 498 empty rows count, one cell each
    monkeypatch.setattr("partnerfit.io.sheet_rows.MAX_CELLS", 10**9)
    down = with_sheet_xml(write_xlsx(tmp_path / "d.xlsx", []), text_cells(2_000_000, "id"))
    assert problems(down) == [f"{down}:1048577:1: error: more than 1,048,576 rows; a sheet holds no more"]
    twice = with_sheet_xml(write_xlsx(tmp_path / "t.xlsx", []), text_cells(2, "id") + text_cells(1, "a"))
    assert "row 1 comes after row 2 in the workbook's XML" in problems(twice)[0]


def test_how_a_file_is_read_follows_its_bytes_and_a_misleading_name_is_a_warning(tmp_path):
    xlsx = write_xlsx(tmp_path / "s.xlsx", [["id", "loyalty"], ["a", 3]])
    renamed = tmp_path / "renamed.csv"
    renamed.write_bytes(xlsx.read_bytes())
    imported = read_sheet(renamed, CRITERIA)
    assert imported.candidates == {"a": {"scores": {"loyalty": 3}}} and imported.sheet == "Sheet1"
    assert [d.format() for d in imported.warnings] == [
        f"{renamed}:1:1: warning: this .csv file is a zip archive: read as an .xlsx workbook"
    ]
    text = write_csv(tmp_path / "text.xlsx", "id,loyalty\na,3\n")
    assert "not a zip archive as a workbook is: read as CSV" in read_sheet(text, CRITERIA).warnings[0].message
    pk = write_csv(tmp_path / "pk.csv", "PK,id,loyalty\nx,a,3\n")  # text that starts with PK is text
    assert "A1: unknown column 'PK'" in problems(pk)[0]
    ods = tmp_path / "s.ods"
    with zipfile.ZipFile(ods, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    assert problems(ods) == [
        f"{ods}:1:1: error: an OpenDocument file (.ods), not an .xlsx workbook; save it as .xlsx (Excel) or CSV UTF-8"
    ]


def test_nul_bytes_byte_order_marks_and_excel_sep_line(tmp_path):
    nul = write_csv(tmp_path / "n.csv", "id,loyalty\na,3\nbb\x00,4\n")
    assert problems(nul) == [
        f"{nul}:3:3: error: not an .xlsx or a CSV file: binary data (a NUL byte); save the sheet as .xlsx (Excel) or CSV UTF-8"
    ]
    utf16 = write_csv(tmp_path / "u.txt", "id\tloyalty\na\t4\n", encoding="utf-16")  # Excel's "Unicode text"
    assert read_sheet(utf16, CRITERIA).candidates == {"a": {"scores": {"loyalty": 4}}}
    bom = write_csv(tmp_path / "b.csv", "id;loyalty\na;3,5\n", encoding="utf-8-sig")
    assert read_sheet(bom, CRITERIA).candidates == {"a": {"scores": {"loyalty": 3.5}}}
    sep = write_csv(tmp_path / "sep.csv", "sep=;\nid;loyalty\na;3,5\nb;9\n")
    assert problems(sep) == [f"{sep}:4:2: error: B4: score 9 is outside the scale [1, 5] of 'loyalty'"]


def test_number_and_duplicate_headers_are_located(tmp_path):
    book = write_xlsx(tmp_path / "h.xlsx", [["id", 2024, "loyalty", "Loyalty (1-5)"], ["a", 1, 3, 4]])
    found = problems(book)
    assert "B1: unknown column '2024': no criterion '2024'" in found[0]
    assert found[1].endswith("D1: column 'Loyalty (1-5)' says the same as column C1")


def test_the_candidates_file_is_written_in_chunks_and_stops_at_the_limit(tmp_path, monkeypatch):
    imported = read_sheet(
        write_csv(tmp_path / "s.csv", "id,loyalty\n" + "".join(f"c{i},{i % 5 + 1}\n" for i in range(7))), CRITERIA
    )
    whole = yaml.dump(
        {"partnerfit": 1, "kind": "candidates", "criteria": "partnership", "candidates": imported.candidates},
        Dumper=sheet_import._Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
    )
    monkeypatch.setattr(sheet_import, "_CHUNK", 3)
    assert imported.to_yaml("partnership") == whole
    with pytest.raises(InvalidInputError) as caught:
        imported.to_yaml("partnership", limit=100)
    assert caught.value.diagnostics[0].format() == (
        f"{tmp_path / 's.csv'}:1:1: error: the candidates file would be more than 100 bytes by candidate 3 of 7; "
        "a YAML file may hold at most 9.53674e-05 MiB: split the sheet"
    )


SAFE_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="'"), min_size=1, max_size=12)


@settings(max_examples=40, deadline=None)
@given(
    names=st.lists(SAFE_TEXT.filter(lambda t: t.strip() == t), min_size=1, max_size=6),
    delimiter=st.sampled_from(",;\t"),
)
def test_texts_with_delimiters_quotes_and_line_breaks_are_never_shifted(tmp_path_factory, names, delimiter):
    """Property: whatever a name holds (, ; tab, quotes, line breaks), every value lands in its own column."""
    path = tmp_path_factory.mktemp("p") / "s.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, delimiter=delimiter)
        writer.writerow(["id", "name", "loyalty"])
        writer.writerows([f"c{i}", name + '\n;,\t"', i % 5 + 1] for i, name in enumerate(names))
    imported = read_sheet(path, CRITERIA)
    assert [c["name"] for c in imported.candidates.values()] == [n + '\n;,\t"' for n in names]
    assert [c["scores"]["loyalty"] for c in imported.candidates.values()] == [i % 5 + 1 for i in range(len(names))]
    assert imported.warnings == ()
