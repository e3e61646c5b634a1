"""Spreadsheets in: .xlsx and .csv sheets become candidates files; every unreadable cell is named by reference."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

import partnerfit
from partnerfit.errors import InvalidInputError
from partnerfit.loading import load_criteria
from partnerfit.render.xlsx import result_xlsx
from partnerfit.sheet_import import cell_ref, normalise, read_sheet

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
    assert "not an .xlsx or a CSV file; save the sheet as .xlsx (Excel) or CSV UTF-8" in problems(binary)[0]
    csv_sheet = write_csv(tmp_path / "one.csv", "id,loyalty\na,3\n")
    assert "--sheet 'Scores': a CSV file has a single sheet" in problems(csv_sheet, sheet="Scores")[0]
    assert "cannot read the sheet" in problems(tmp_path / "missing.csv")[0]


def test_a_workbook_that_unpacks_too_big_is_refused(tmp_path, monkeypatch):
    sheet = write_xlsx(tmp_path / "s.xlsx", [["id", "loyalty"], ["a", 3]])
    monkeypatch.setattr("partnerfit.sheet_import.MAX_UNPACKED", 1024)
    assert problems(sheet) == [
        f"{sheet}:1:1: error: not a readable .xlsx workbook (ValueError: it unpacks to more than 0 MiB)"
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
        rows.append([f"c{i}", rng.choice(["-minus", "=sum", "@at", "plain"]) + f" {i}", "lab", *scores, i % 17 == 0])
    first = read_sheet(write_xlsx(tmp_path / "in.xlsx", rows), CRITERIA)
    project = round_trip_yaml(tmp_path, first)
    result = partnerfit.score(project)
    assert result.excluded  # knock-outs and gates: excluded candidates are exported too
    exported = tmp_path / "ranking.xlsx"
    result_xlsx(result, exported, candidates=project.file.candidates)
    again = read_sheet(exported, CRITERIA)
    assert again.sheet == "Scores"
    for cid, data in first.candidates.items():
        assert again.candidates[cid]["scores"] == data["scores"], cid
        assert again.candidates[cid]["name"] == data["name"]
    assert set(again.candidates) == set(first.candidates)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_sheet_is_refused_at_the_limit(monkeypatch: pytest.MonkeyPatch):
    from partnerfit import sheet_import

    monkeypatch.setattr(sheet_import, "MAX_SHEET_BYTES", 1000)
    with pytest.raises(InvalidInputError) as raised:
        sheet_import.read_sheet("/dev/zero", load_criteria("partnership"))
    assert "more than 1,000 bytes" in raised.value.diagnostics[0].message
