"""The XLSX workbook, read back with openpyxl: sheets, frozen headers, real numbers, safe text, same bytes."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook

import partnerfit
from partnerfit.render import RenderOptions, registry
from partnerfit.render.xlsx import FIXED_DATE, GREEN, RED, SHEETS, report_xlsx, result_xlsx
from partnerfit.result.evidence import EvidenceBook

ROOT = Path(__file__).resolve().parents[2]

TRICKY = """\
partnerfit: 1
kind: candidates
title: "=cmd|' /C calc'!A0"
criteria:
  name: custom
  scale: [-5, 5]
  criteria:
    gain: {label: {en: Gain, fr: Gain}, weight: 2}
    risk: {label: {en: Risk, fr: Risque}, direction: lower, minimum: -4}
candidates:
  evil:
    name: '=HYPERLINK("http://evil.example","click")'
    type: "+lab"
    scores: {gain: -3, risk: {score: 2, note: "@SUM(1)", evidence: ["-a", "b"], uncertainty: 1}}
  good:
    name: "Good \\x01 Co"
    scores: {gain: 4, risk: -3}
  out:
    name: "#N/A"
    scores: {gain: 1, risk: 5}
"""


def workbook(data: bytes):
    return load_workbook(io.BytesIO(data))


def rows(sheet):
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.fixture(scope="module")
def packaging():
    project = partnerfit.load(ROOT / "examples" / "packaging.yaml")
    result = partnerfit.score(project)
    return project, result, result_xlsx(result)


@pytest.fixture
def tricky(tmp_path):
    path = tmp_path / "tricky.yaml"
    path.write_text(TRICKY, encoding="utf-8")
    project = partnerfit.load(path)
    return project, partnerfit.score(project)


def test_sheets_frozen_headers_and_filters(packaging):
    _, result, data = packaging
    book = workbook(data)
    assert book.sheetnames == list(SHEETS) == ["Ranking", "Scores", "Criteria & weights", "Notes"]
    frozen = {sheet.title: sheet.freeze_panes for sheet in book.worksheets}
    assert frozen == {"Ranking": "D2", "Scores": "C2", "Criteria & weights": "C2", "Notes": "A2"}
    for sheet in book.worksheets:
        assert all(cell.font.b for cell in sheet[1]), sheet.title
        assert sheet.auto_filter.ref is not None and sheet.auto_filter.ref.startswith("A1:"), sheet.title
    assert book["Ranking"].auto_filter.ref == f"A1:L{len(result.ranking) + 1}"


def test_ranking_holds_real_numbers(packaging):
    _, result, data = packaging
    sheet = workbook(data)["Ranking"]
    header = [cell.value for cell in sheet[1]]
    assert header[:7] == ["Rank", "Id", "Name", "Score", "Coverage", "Excluded", "Reasons"]
    assert header[7:] == [g.text("en") for g in result.criteria.groups]
    first = sheet[2]
    assert first[0].value == 1 and first[0].data_type == "n"
    assert first[1].value == result.ranked[0].id
    assert first[3].data_type == "n" and first[3].value == pytest.approx(result.ranked[0].score)
    assert first[3].number_format == "0.00"  # enough decimals to tell ranks apart (71.76 / 71.75)
    assert first[4].data_type == "n" and first[4].number_format == "0%"
    assert first[5].value is False
    assert all(cell.data_type == "n" for cell in first[7:])
    excluded = [row for row in rows(sheet)[1:] if row[5]]
    assert {row[1] for row in excluded} == {e.id for e in result.excluded}
    assert all(row[0] is None and row[6] for row in excluded)
    assert any("Loyalty 1 < minimum 2" in row[6] for row in excluded)


def test_scores_sheet_is_candidates_by_criteria_with_a_colour_scale(packaging):
    _, result, data = packaging
    sheet = workbook(data)["Scores"]
    table = rows(sheet)
    assert table[0] == ["id", "name", "type", *result.criteria.ids]
    entry = result.ranked[0]
    assert table[1][:2] == [entry.id, entry.name]
    assert table[1][3:] == [entry.scores[c] for c in result.criteria.ids]
    assert all(cell.data_type == "n" for cell in sheet[2][3:] if cell.value is not None)
    rules = {str(rng.sqref): rng.rules for rng in sheet.conditional_formatting}
    assert len(rules) == len(result.criteria.ids)
    risk = rules[f"M2:M{len(result.ranking) + 1}"][0].colorScale  # risk_exposure: lower is better
    assert [float(v.val) for v in risk.cfvo] == [1, 3, 5]  # anchored on the scale, not on the candidates
    assert [c.rgb[-6:] for c in risk.color] == [GREEN, "FFEB84", RED]
    loyalty = rules[f"H2:H{len(result.ranking) + 1}"][0].colorScale
    assert [c.rgb[-6:] for c in loyalty.color] == [RED, "FFEB84", GREEN]


def test_criteria_and_weights(packaging):
    _, result, data = packaging
    sheet = workbook(data)["Criteria & weights"]
    table = rows(sheet)
    assert table[0] == [
        "Group", "Criterion", "Label", "Effective weight", "Scale min", "Scale max", "Direction",
        "Knock-out minimum", "Knock-out maximum", "Weighting",
    ]  # fmt: skip
    by_id = {row[1]: row for row in table[1:]}
    assert set(by_id) == set(result.criteria.ids)
    assert sum(row[3] for row in table[1:]) == pytest.approx(1.0)
    assert by_id["loyalty"] == ["Attitude", "loyalty", "Loyalty", 0.1, 1, 5, "higher is better", 2, None, "direct"]
    assert by_id["risk_exposure"][6] == "lower is better"
    assert sheet["D2"].number_format == "0.0%" and sheet["D2"].data_type == "n"


def test_notes_list_notes_and_evidence(packaging):
    project, _, data = packaging
    table = rows(workbook(data)["Notes"])
    assert table[0] == ["Candidate", "Criterion", "Assessor", "Score", "Note", "Evidence", "Uncertainty (±)"]
    noted = {
        (cid, crit)
        for cid, candidate in project.file.candidates.items()
        for crit, value in (candidate.scores or {}).items()
        if not isinstance(value, int | float)
    }
    assert {(row[0], row[1]) for row in table[1:]} == noted


def test_assessors_each_score_in_notes():
    project = partnerfit.load(ROOT / "examples" / "assessors.yaml")
    result = partnerfit.score(project)
    table = rows(workbook(result_xlsx(result))["Notes"])
    given = sum(len(s) for c in project.file.candidates.values() for s in (c.assessments or {}).values())
    assert len(table) - 1 == given
    assert all(row[2] for row in table[1:])


def test_user_text_is_neutralised_and_numbers_stay_numbers(tricky):
    _, result = tricky
    book = workbook(result_xlsx(result))
    ranking = {row[1]: row for row in rows(book["Ranking"])[1:]}
    assert ranking["evil"][2] == '\'=HYPERLINK("http://evil.example","click")'
    assert book["Ranking"]["C2"].data_type == "s"
    assert ranking["out"][2] == "'#N/A"  # not an error value
    assert ranking["good"][2] == "Good \\x01 Co"  # a control character XML cannot hold, shown escaped
    scores = book["Scores"]
    evil = next(row for row in scores.iter_rows(min_row=2) if row[0].value == "evil")
    assert evil[2].value == "'+lab"
    assert evil[3].value == -3 and evil[3].data_type == "n"  # a negative number is not a formula
    notes = rows(book["Notes"])
    assert notes[1] == ["evil", "risk", None, 2, "'@SUM(1)", "'-a; b", 1]
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(("=", "+", "-", "@", "\t", "\r")), cell.coordinate
    assert book.properties.title == "=cmd|' /C calc'!A0"  # a document property is never evaluated


def test_same_input_same_bytes(packaging):
    _, result, data = packaging
    assert result_xlsx(result) == data
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    book = workbook(data)
    assert book.properties.created == book.properties.modified == FIXED_DATE
    assert book.properties.creator.startswith("partnerfit")


def test_top_and_french(packaging):
    _, result, _ = packaging
    book = workbook(result_xlsx(result, lang="fr", top=3))
    # French sheet names; Scores keeps its name and id headers: `partnerfit import` reads them back
    assert book.sheetnames == ["Classement", "Scores", "Critères et poids", "Commentaires"]
    ranking = rows(book["Classement"])
    assert ranking[0][:3] == ["Rang", "Identifiant", "Nom"]
    assert [row[0] for row in ranking[1:]] == [1, 2, 3]
    assert len(rows(book["Scores"])) == 4
    assert rows(book["Critères et poids"])[1][6] == "plus haut = mieux"


def test_written_to_a_path_or_a_stream(packaging, tmp_path):
    _, result, data = packaging
    target = tmp_path / "ranking.xlsx"
    assert result_xlsx(result, target) == data
    assert target.read_bytes() == data
    stream = io.BytesIO()
    result_xlsx(result, stream)
    assert stream.getvalue() == data
    assert [p.name for p in tmp_path.iterdir()] == ["ranking.xlsx"]  # no temporary left


def test_report_workbook_is_the_ranking_workbook_of_its_result(packaging):
    _, result, data = packaging
    report = SimpleNamespace(result=result)  # what report_xlsx reads of ReportData
    assert report_xlsx(report, RenderOptions()) == data
    french = report_xlsx(report, RenderOptions(lang="fr"))
    assert rows(workbook(french)["Classement"])[0][:3] == ["Rang", "Identifiant", "Nom"]


def test_without_evidence_the_notes_sheet_has_its_header_only(packaging):
    _, result, _ = packaging
    book = workbook(result_xlsx(dataclasses.replace(result, evidence_book=EvidenceBook())))  # a Result built by hand
    assert len(rows(book["Notes"])) == 1
    assert len(rows(book["Ranking"])) == len(result.ranking) + 1


def test_the_notes_sheet_lists_the_results_evidence_row_by_row():
    project = partnerfit.load(ROOT / "examples" / "assessors.yaml")
    result = partnerfit.score(project)
    table = rows(workbook(result_xlsx(result))["Notes"])
    expected = [
        [e.id, c.id, given.assessor, given.score, given.note, "; ".join(given.evidence) or None, given.uncertainty]
        for e in result.ranking
        for c in result.criteria.criteria
        for given in result.evidence(e.id).get(c.id, ())
    ]
    assert table[1:] == expected
    assert table[2] == [
        "insertion_recyclerie",
        "complementary_expertise",
        "bruno",
        2,
        "Good at sorting, but no refrigerated storage or food-safety certificate yet",
        None,
        None,
    ]  # the recorded sheet: it reads the Result as it read the file


def test_the_ranking_workbook_is_registered_but_not_a_format_choice(packaging):
    _, result, data = packaging
    assert registry.render("ranking", "xlsx", result, RenderOptions()) == data
    assert "xlsx" not in registry.formats("ranking")  # only `-o FILE.xlsx` picks it
    french = registry.render("ranking", "xlsx", result, RenderOptions(lang="fr", top=3))
    assert french == result_xlsx(result, lang="fr", top=3)
